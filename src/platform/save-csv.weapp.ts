import Taro from '@tarojs/taro';
import { AppError } from '../lib/errors/app-error';

// Mini-program: a file can't be downloaded to a folder; the CSV is written to the user data
// directory and sent to a chat (文件传输助手 or a colleague), where it opens in Excel/WPS.
export async function saveCsv(fileName: string, csv: string): Promise<'downloaded' | 'shared'> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName });
  } catch {
    throw new AppError('export_failed', '导出失败，请稍后重试');
  }
  return 'shared';
}
