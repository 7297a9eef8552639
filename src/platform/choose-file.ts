import { AppError } from '../lib/errors/app-error';
import type { ChosenFile } from './choose-file.types';

/**
 * H5: the browser's file picker for `accept`. Resolves null when the person closes it. `testId`
 * names the hidden input, so a browser test can set its file.
 */
export function pickBrowserFile(testId: string, accept: string): Promise<File | null> {
  return new Promise((resolve, reject) => {
    if (typeof document === 'undefined') return reject(new AppError('unsupported', '当前环境不支持选择文件'));
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', testId);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ?? null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** H5: an image or PDF document. Resolves null when the person closes the picker. */
export async function chooseDocumentFile(testId: string): Promise<ChosenFile | null> {
  const file = await pickBrowserFile(testId, 'image/jpeg,image/png,application/pdf');
  return file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null;
}
