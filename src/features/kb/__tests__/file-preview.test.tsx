import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { openDocumentUrl } from '../../../platform/open-document';
import { FilePreview } from '../components/file-preview';
import type { KbPage } from '../services/kb.types';

const page = (over: Partial<KbPage>) => ({ file_path: null, file_mime: 'application/pdf', file_size: 974, role: 'viewer', ...over }) as KbPage;
const sign = jest.fn(async () => 'https://signed.example/x');

jest.mock('../../../platform/open-document', () => ({ openDocumentUrl: jest.fn(async () => undefined) }));

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

  it('a downloader opens a PDF of a space with the watermark through the stamping function, never by a plain link', async () => {
    const stamped = jest.fn(async (id: string) => ({ url: `https://fn.example/kb-pdf?node_id=${id}`, headers: { Authorization: 'Bearer t' } }));
    sign.mockClear();
    render(<FilePreview page={page({ id: 'n1', role: 'downloader', file_path: 'e/n1/a.pdf', watermark: true })} sign={sign} stamped={stamped} />);
    fireEvent.click(screen.getByTestId('kb-file-open'));
    await waitFor(() => expect(openDocumentUrl).toHaveBeenCalledWith('https://fn.example/kb-pdf?node_id=n1', { Authorization: 'Bearer t' }));
    expect(sign).not.toHaveBeenCalled();
  });

  it('without the watermark the PDF opens by a signed link', async () => {
    const stamped = jest.fn();
    render(<FilePreview page={page({ id: 'n2', role: 'downloader', file_path: 'e/n2/a.pdf', watermark: false })} sign={sign} stamped={stamped} />);
    fireEvent.click(screen.getByTestId('kb-file-open'));
    await waitFor(() => expect(openDocumentUrl).toHaveBeenCalledWith('https://signed.example/x'));
    expect(stamped).not.toHaveBeenCalled();
  });
});
