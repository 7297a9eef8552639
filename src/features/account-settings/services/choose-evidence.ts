import { AppError } from '../../../lib/errors/app-error';
import type { EvidenceFile } from './report-evidence.service';

// H5: the browser's file picker (images or PDF). Resolves null when the person closes it.
export function chooseEvidenceFile(): Promise<EvidenceFile | null> {
  return new Promise((resolve, reject) => {
    if (typeof document === 'undefined') return reject(new AppError('unsupported', '当前环境不支持选择文件'));
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,application/pdf';
    input.style.display = 'none';
    input.setAttribute('data-testid', 'report-evidence-file-input');
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
