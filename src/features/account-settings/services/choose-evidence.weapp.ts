import Taro from '@tarojs/taro';
import type { EvidenceFile } from './report-evidence.service';

// Mini-program: a photo from the album or camera, or a PDF/image from a chat; null when cancelled.
export async function chooseEvidenceFile(): Promise<EvidenceFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null;
  }
}
