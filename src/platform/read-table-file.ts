import { AppError } from '../lib/errors/app-error';
import type { TableFile } from './read-table-file.types';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * H5: the browser's file picker for a CSV or XLSX file, read in the page. Resolves null when the
 * person closes it. `testId` names the hidden input, so a browser test can set its file.
 */
export function readTableFile(testId: string): Promise<TableFile | null> {
  return new Promise((resolve, reject) => {
    if (typeof document === 'undefined') return reject(new AppError('unsupported', '当前环境不支持选择文件'));
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.style.display = 'none';
    input.setAttribute('data-testid', testId);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      if (file.size > MAX_BYTES) return reject(new AppError('file_too_large', '文件不能超过 5 MB'));
      const reader = new FileReader();
      const xlsx = /\.xlsx$/i.test(file.name);
      reader.onerror = () => reject(new AppError('file_unreadable', '无法读取该文件'));
      reader.onload = () => {
        const result = String(reader.result ?? '');
        resolve(xlsx ? { name: file.name, kind: 'xlsx', base64: result.slice(result.indexOf(',') + 1) } : { name: file.name, kind: 'csv', text: result });
      };
      if (xlsx) reader.readAsDataURL(file);
      else reader.readAsText(file, 'utf-8');
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}
