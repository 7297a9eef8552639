import Taro from '@tarojs/taro';
import type { ChosenFile } from './choose-file.types';

// Mini-program: up to `max` pictures from the album or the camera (compressed), via chooseMedia;
// an empty list when the person cancels.
export async function chooseImages(_testId: string, max: number): Promise<ChosenFile[]> {
  if (max < 1) return [];
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles.slice(0, max).map((f) => ({ path: f.tempFilePath, name: f.tempFilePath.split('/').pop() ?? 'image.jpg', size: f.size }));
  } catch {
    return [];
  }
}
