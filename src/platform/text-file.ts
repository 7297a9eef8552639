// H5: a text document (Markdown) read from the browser's file picker, and saved as a download.
import { pickBrowserFile } from './choose-file';

/** The picked file's name and UTF-8 text; null when the person closes the picker. */
export async function pickTextFile(testId: string, accept = '.md,.markdown,.txt,text/markdown,text/plain'): Promise<{ name: string; text: string } | null> {
  const file = await pickBrowserFile(testId, accept);
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}

/** The browser downloads `text` as `fileName`. */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads `text` as `fileName` (H5); mini-programs copy it instead (text-file.weapp.ts). */
export async function saveTextFile(fileName: string, text: string, mime = 'text/markdown;charset=utf-8'): Promise<'downloaded' | 'copied'> {
  downloadText(fileName, text, mime);
  return 'downloaded';
}
