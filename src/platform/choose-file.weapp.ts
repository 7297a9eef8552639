import Taro from '@tarojs/taro';
import type { ChosenFile } from './choose-file.types';

// Mini-program: a PDF or image from a chat; resolves null when the person cancels.
export async function chooseDocumentFile(_testId?: string): Promise<ChosenFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null;
  }
}
