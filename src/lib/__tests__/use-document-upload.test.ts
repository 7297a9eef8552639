import { act, renderHook } from '@testing-library/react';
import { AppError } from '../errors/app-error';
import { useDocumentUpload } from '../files/use-document-upload';

const file = { path: 'blob:1', name: 'id.pdf', size: 10 };

async function pickWith(choose: () => Promise<typeof file | null>, check: (f: typeof file) => string | null, upload: jest.Mock) {
  const errors: string[] = [];
  const { result } = renderHook(() => useDocumentUpload((m) => errors.push(m)));
  let uploaded = false;
  await act(async () => {
    uploaded = await result.current.pick(choose, check, upload);
  });
  return { uploaded, errors: errors.filter(Boolean), uploading: result.current.uploading };
}

describe('useDocumentUpload', () => {
  it('uploads a chosen file that passes the check', async () => {
    const upload = jest.fn().mockResolvedValue(undefined);
    expect(await pickWith(async () => file, () => null, upload)).toEqual({ uploaded: true, errors: [], uploading: false });
    expect(upload).toHaveBeenCalledWith(file);
  });

  it('sends nothing when the check refuses the file, and says why', async () => {
    const upload = jest.fn();
    expect(await pickWith(async () => file, () => '文件不能超过 5 MB', upload)).toMatchObject({ uploaded: false, errors: ['文件不能超过 5 MB'] });
    expect(upload).not.toHaveBeenCalled();
  });

  it('treats choosing nothing as no error', async () => {
    const upload = jest.fn();
    expect(await pickWith(async () => null, () => null, upload)).toMatchObject({ uploaded: false, errors: [] });
    expect(upload).not.toHaveBeenCalled();
  });

  it('shows a failed upload as the error line', async () => {
    const upload = jest.fn().mockRejectedValue(new AppError('upload_failed', '上传失败，请重试'));
    expect(await pickWith(async () => file, () => null, upload)).toEqual({ uploaded: false, errors: ['上传失败，请重试'], uploading: false });
  });
});
