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
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: kinds.flatMap((k) => EXTENSIONS[k]) });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null;
  }
}

async function chooseMedia(kinds: readonly FileKind[]): Promise<ChosenFile | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: kinds.includes('image') ? (kinds.includes('video') ? ['image', 'video'] : ['image']) : ['video'], sourceType: ['album', 'camera'] });
    const file = res.tempFiles[0];
    if (!file) return null;
    const name = file.tempFilePath.split('/').pop() ?? 'media';
    return { path: file.tempFilePath, name, size: file.size, ...(file.duration ? { duration: Math.round(file.duration) } : {}) };
  } catch {
    return null;
  }
}
