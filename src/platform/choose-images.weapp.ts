import Taro from '@tarojs/taro';
import type { ChosenFile } from './choose-file.types';

// Mini-program: up to `max` pictures from the album or the camera (compressed), via chooseMedia;
// an empty list when the person cancels. Callback style: Taro does not promisify chooseMedia (it is
// not in its list), and WeChat returns a promise only on newer base libraries.
export function chooseImages(_testId: string, max: number): Promise<ChosenFile[]> {
  if (max < 1) return Promise.resolve([]);
  return new Promise((resolve) => {
    Taro.chooseMedia({
      count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.slice(0, max)
        .map((f) => ({ path: f.tempFilePath, name: f.tempFilePath.split('/').pop() ?? 'image.jpg', size: f.size }))),
      fail: () => resolve([]),
    });
  });
}
