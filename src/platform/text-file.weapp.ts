// Mini-program: a Markdown file is picked from a chat (chooseMessageFile) and read as UTF-8; saving
// copies the text to the clipboard (a mini-program can't download into a folder).
import Taro from '@tarojs/taro';

export async function pickTextFile(_testId: string, _accept?: string): Promise<{ name: string; text: string } | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['md', 'markdown', 'txt'] });
    const file = res.tempFiles[0];
    if (!file) return null;
    const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string;
    return { name: file.name, text };
  } catch {
    return null; // closed the picker
  }
}

export async function saveTextFile(_fileName: string, text: string, _mime?: string): Promise<'downloaded' | 'copied'> {
  await Taro.setClipboardData({ data: text });
  return 'copied';
}
