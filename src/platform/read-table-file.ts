import { AppError } from '../lib/errors/app-error';
import { pickBrowserFile } from './choose-file';
import type { TableFile } from './read-table-file.types';

const MAX_BYTES = 5 * 1024 * 1024;

/** H5: a CSV or XLSX file from the browser's picker, read in the page; null when the person closes it. */
export async function readTableFile(testId: string): Promise<TableFile | null> {
  const file = await pickBrowserFile(testId, '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  if (!file) return null;
  if (file.size > MAX_BYTES) throw new AppError('file_too_large', '文件不能超过 5 MB');
  const xlsx = /\.xlsx$/i.test(file.name);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new AppError('file_unreadable', '无法读取该文件'));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(xlsx ? { name: file.name, kind: 'xlsx', base64: result.slice(result.indexOf(',') + 1) } : { name: file.name, kind: 'csv', text: result });
    };
    if (xlsx) reader.readAsDataURL(file);
    else reader.readAsText(file, 'utf-8');
  });
}
