import Taro from '@tarojs/taro';
import type { ChosenFile } from './qualification.service';

// Mini-program: files come from a chat (PDF or image); resolves null when the person cancels.
export async function chooseQualificationFile(): Promise<ChosenFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null;
  }
}
