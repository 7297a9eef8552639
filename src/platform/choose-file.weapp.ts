import Taro from '@tarojs/taro';
import { DEFAULT_FILE_KINDS, type ChosenFile, type FileKind } from './choose-file.types';

const EXTENSIONS: Record<FileKind, string[]> = {
  image: ['jpg', 'jpeg', 'png'], pdf: ['pdf'], video: ['mp4'], office: ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
};

/**
 * Mini-program: images and videos alone come from the album or camera (chooseMedia, which also
 * tells a video's length); anything else is a file from a chat (images and PDF unless `kinds` says
 * otherwise). Resolves null when the person cancels.
 */
export async function chooseDocumentFile(_testId?: string, kinds: readonly FileKind[] = DEFAULT_FILE_KINDS): Promise<ChosenFile | null> {
  if (kinds.every((k) => k === 'image' || k === 'video')) return chooseMedia(kinds);
  // callback style, as chooseMedia below: the promise form depends on the base library
  return new Promise((resolve) => {
    Taro.chooseMessageFile({
      count: 1, type: 'all', extension: kinds.flatMap((k) => EXTENSIONS[k]),
      success: (res) => {
        const file = res.tempFiles[0];
        resolve(file ? { path: file.path, name: file.name, size: file.size } : null);
      },
      fail: () => resolve(null),
    });
  });
}

// Callback style: Taro does not promisify chooseMedia (it is not in its list), so an awaited call
// never settled (src/platform/choose-images.weapp.ts picks pictures the same way).
function chooseMedia(kinds: readonly FileKind[]): Promise<ChosenFile | null> {
  return new Promise((resolve) => {
    Taro.chooseMedia({
      count: 1, mediaType: kinds.includes('image') ? (kinds.includes('video') ? ['image', 'video'] : ['image']) : ['video'], sourceType: ['album', 'camera'],
      success: (res) => {
        const file = res.tempFiles[0];
        if (!file) return resolve(null);
        const name = file.tempFilePath.split('/').pop() ?? 'media';
        resolve({ path: file.tempFilePath, name, size: file.size, ...(file.duration ? { duration: Math.round(file.duration) } : {}) });
      },
      fail: () => resolve(null),
    });
  });
}
