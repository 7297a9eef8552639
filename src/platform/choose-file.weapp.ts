import Taro from '@tarojs/taro';
import { DEFAULT_FILE_KINDS, type ChosenFile, type FileKind } from './choose-file.types';

const EXTENSIONS: Record<FileKind, string[]> = { image: ['jpg', 'jpeg', 'png'], pdf: ['pdf'], video: ['mp4'] };

// Mini-program: a file from a chat (images and PDF unless `kinds` says otherwise); resolves null when the person cancels.
export async function chooseDocumentFile(_testId?: string, kinds: readonly FileKind[] = DEFAULT_FILE_KINDS): Promise<ChosenFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: kinds.flatMap((k) => EXTENSIONS[k]) });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null;
  }
}
