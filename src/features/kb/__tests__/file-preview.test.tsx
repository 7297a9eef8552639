import { render, screen } from '@testing-library/react';
import { FilePreview } from '../components/file-preview';
import type { KbPage } from '../services/kb.types';

const page = (over: Partial<KbPage>) => ({ file_path: null, file_mime: 'application/pdf', file_size: 974, role: 'viewer', ...over }) as KbPage;
const sign = jest.fn(async () => 'https://signed.example/x');

describe('file node preview', () => {
  it('a viewer is told the file exists but downloading needs the right, and no link is signed', () => {
    render(<FilePreview page={page({ role: 'viewer' })} sign={sign} />);
    expect(screen.getByTestId('kb-file-locked').textContent).toBe('你可以查看该文件的信息，但没有下载权限');
    expect(sign).not.toHaveBeenCalled();
  });

  it('a downloader of a file node with nothing uploaded yet is told so, not that the right is missing', () => {
    render(<FilePreview page={page({ role: 'downloader' })} sign={sign} />);
    expect(screen.getByTestId('kb-file-missing').textContent).toBe('文件尚未上传');
    expect(screen.queryByTestId('kb-file-locked')).toBeNull();
  });
});
