import { AppError } from '../lib/errors/app-error';
import { DEFAULT_FILE_KINDS, type ChosenFile, type FileKind } from './choose-file.types';

const ACCEPT: Record<FileKind, string> = { image: 'image/jpeg,image/png', pdf: 'application/pdf', video: 'video/mp4' };

/**
 * H5: the browser's file picker (images and PDF unless `kinds` says otherwise). Resolves null when the person closes it.
 * `testId` names the hidden input, so a browser test can set its file.
 */
export function chooseDocumentFile(testId: string, kinds: readonly FileKind[] = DEFAULT_FILE_KINDS): Promise<ChosenFile | null> {
  return new Promise((resolve, reject) => {
    if (typeof document === 'undefined') return reject(new AppError('unsupported', '当前环境不支持选择文件'));
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = kinds.map((k) => ACCEPT[k]).join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', testId);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}
