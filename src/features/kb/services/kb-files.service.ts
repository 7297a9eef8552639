// Images in pages and the files of file nodes (PDF, video, images): objects in the private bucket
// `kb` at `<enterprise>/<node>/<name>`. Storage RLS (private.kb_object_allowed) lets editors of the
// node write there and readers of a page (its images) or downloaders of a file read; links are
// signed by Storage for the reader after that check, when the page or file is opened, and last
// 60 seconds (docs/security.md, "Knowledge-base files"): someone removed from the enterprise or from
// the node can't make a new one, and an old one dies within a minute. Pages refer to their
// images as `kb/<enterprise>/<node>/<name>` (the renderer resolves them; see src/ui/rich-text/delta.ts safeMedia).
import { bindDataLayer } from '../../../lib/data';
import { AppError } from '../../../lib/errors/app-error';
import { uploadToStorage } from '../../../lib/files/storage-upload';
import { supabase } from '../../../lib/supabase/client';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '../../../lib/supabase/env';
import { chooseDocumentFile } from '../../../platform/choose-file';
import type { ChosenFile, FileKind } from '../../../platform/choose-file.types';
import { KB_MESSAGES } from '../kb.messages';

const db = bindDataLayer(KB_MESSAGES);

export const KB_BUCKET = 'kb';
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** How long a signed link to a knowledge-base object lives: signed again each time it is opened. */
export const KB_LINK_SECONDS = 60;

const TYPES: Record<string, { mime: string; kind: FileKind }> = {
  jpg: { mime: 'image/jpeg', kind: 'image' },
  jpeg: { mime: 'image/jpeg', kind: 'image' },
  png: { mime: 'image/png', kind: 'image' },
  pdf: { mime: 'application/pdf', kind: 'pdf' },
  mp4: { mime: 'video/mp4', kind: 'video' },
};

const extOf = (name: string) => /\.([a-z0-9]{2,5})$/i.exec(name)?.[1].toLowerCase() ?? '';

/** The file's type when the picker's kinds allow it, else null. */
export function fileType(name: string, kinds: readonly FileKind[]): { mime: string; kind: FileKind } | null {
  const t = TYPES[extOf(name)];
  return t && kinds.includes(t.kind) ? t : null;
}

/** Checks a chosen file before any byte is sent (the bucket enforces its own limits too). */
export function checkKbFile(file: ChosenFile, kinds: readonly FileKind[]): string | null {
  if (!fileType(file.name, kinds)) return kinds.length === 1 && kinds[0] === 'image' ? '仅支持 JPG、PNG 图片' : '仅支持 PDF、MP4 视频或 JPG、PNG 图片';
  const max = kinds.length === 1 && kinds[0] === 'image' ? MAX_IMAGE_BYTES : MAX_FILE_BYTES;
  if (file.size > max) return `文件不能超过 ${Math.round(max / 1024 / 1024)} MB`;
  return null;
}

/** `<enterprise>/<node>/<stem>-<time>.<ext>`: ASCII and unique per upload. */
export const kbObjectPath = (enterpriseId: string, nodeId: string, stem: string, fileName: string, now = Date.now()) =>
  `${enterpriseId}/${nodeId}/${stem}-${now}.${extOf(fileName).replace('jpeg', 'jpg')}`;

/** How a page's Delta refers to one of its images. */
export const mediaRef = (objectPath: string) => `${KB_BUCKET}/${objectPath}`;

export const chooseKbFile = (testId: string, kinds: readonly FileKind[]) => chooseDocumentFile(testId, kinds);

async function upload(objectPath: string, file: ChosenFile, onProgress?: (p: number) => void): Promise<void> {
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new AppError('not_authenticated', '请先登录');
  await uploadToStorage({ bucket: KB_BUCKET, objectPath, file, token, messages: KB_MESSAGES, deniedCode: 'kb_forbidden', onProgress });
}

/** Editors: uploads an image into the page's folder; resolves with the reference to put in the page. */
export async function uploadPageImage(page: { id: string; enterprise_id: string }, file: ChosenFile, onProgress?: (p: number) => void): Promise<string> {
  const problem = checkKbFile(file, ['image']);
  if (problem) throw new AppError('kb_file_invalid', problem);
  const objectPath = kbObjectPath(page.enterprise_id, page.id, 'image', file.name);
  await upload(objectPath, file, onProgress);
  return mediaRef(objectPath);
}

/** Editors: uploads the file of a file node and records it there (kb_set_file). */
export async function uploadNodeFile(node: { id: string; enterprise_id: string }, file: ChosenFile, onProgress?: (p: number) => void): Promise<void> {
  const problem = checkKbFile(file, ['pdf', 'video', 'image']);
  const type = fileType(file.name, ['pdf', 'video', 'image']);
  if (problem || !type) throw new AppError('kb_file_invalid', problem ?? '文件类型不支持');
  const objectPath = kbObjectPath(node.enterprise_id, node.id, 'file', file.name);
  await upload(objectPath, file, onProgress);
  await db.run('kb_set_file', { p_node_id: node.id, p_object_path: objectPath, p_mime: type.mime, p_size: file.size });
}

/** A 60-second link to an object the caller may read (`kb/…` reference or bare object path); Storage refuses others. */
export async function kbMediaUrl(ref: string): Promise<string> {
  const objectPath = ref.startsWith(`${KB_BUCKET}/`) ? ref.slice(KB_BUCKET.length + 1) : ref;
  let url: string | undefined;
  try {
    const { data, error } = await supabase.storage.from(KB_BUCKET).createSignedUrl(objectPath, KB_LINK_SECONDS);
    url = error ? undefined : data?.signedUrl;
  } catch {
    url = undefined;
  }
  if (!url) throw new AppError('kb_media_unavailable', '文件暂时无法打开，或你没有查看权限');
  return url;
}

/**
 * A PDF of a space with the watermark on (Storage keeps the raw object from its downloaders then):
 * the kb-pdf function checks the reader's download right in the database and returns the file with
 * every page stamped with their name, phone tail and the time (GET, so mini-programs can download it).
 */
export async function stampedPdfRequest(nodeId: string): Promise<{ url: string; headers: Record<string, string> }> {
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new AppError('not_authenticated', '请先登录');
  return {
    url: `${SUPABASE_URL}/functions/v1/kb-pdf?node_id=${encodeURIComponent(nodeId)}`,
    headers: { Authorization: `Bearer ${token}`, apikey: SUPABASE_ANON_KEY },
  };
}

export const kbFilesService = { uploadPageImage, uploadNodeFile, kbMediaUrl, chooseKbFile, stampedPdfRequest };
export type KbFilesService = typeof kbFilesService;
