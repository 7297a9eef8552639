// The documents people upload as evidence or qualification: JPG, PNG or PDF, up to a size the
// bucket also enforces. Checked before any byte is sent.
import type { ChosenFile } from '../../platform/choose-file.types';

export const DOCUMENT_EXT = /\.(jpe?g|png|pdf)$/i;

export function checkDocumentFile(file: ChosenFile, maxBytes: number): string | null {
  if (!DOCUMENT_EXT.test(file.name)) return '仅支持 JPG、PNG 图片或 PDF 文件';
  if (file.size > maxBytes) return `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`;
  return null;
}

/** `<folder>/<stem>-<time>.<ext>`: ASCII and unique per upload. */
export function documentObjectPath(folder: string, stem: string, fileName: string, now = Date.now()): string {
  const ext = (DOCUMENT_EXT.exec(fileName)?.[1] ?? 'jpg').toLowerCase().replace('jpeg', 'jpg');
  return `${folder}/${stem}-${now}.${ext}`;
}
