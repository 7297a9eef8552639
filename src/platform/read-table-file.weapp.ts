import Taro from '@tarojs/taro';
import { AppError } from '../lib/errors/app-error';
import type { TableFile } from './read-table-file.types';

// Mini-program: a CSV or XLSX file from a chat (where people keep their spreadsheets), read from
// the temp path. Resolves null when the person cancels.
export async function readTableFile(_testId?: string): Promise<TableFile | null> {
  let file: { path: string; name: string; size: number } | undefined;
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
    file = res.tempFiles[0];
  } catch {
    return null;
  }
  if (!file) return null;
  if (file.size > 5 * 1024 * 1024) throw new AppError('file_too_large', '文件不能超过 5 MB');
  const xlsx = /\.xlsx$/i.test(file.name);
  const fs = Taro.getFileSystemManager();
  try {
    const data = fs.readFileSync(file.path, xlsx ? 'base64' : 'utf8');
    return xlsx ? { name: file.name, kind: 'xlsx', base64: String(data) } : { name: file.name, kind: 'csv', text: String(data) };
  } catch {
    throw new AppError('file_unreadable', '无法读取该文件');
  }
}
