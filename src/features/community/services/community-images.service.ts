// Images of posts (docs/api.md › Community › Images): objects in the private bucket `community` at
// `<enterprise>/<upload folder>/<name>.<ext>` — a random folder per compose, so the path names no
// person (anonymous questions). Storage RLS lets a member upload into their enterprise and read an
// image only as its uploader, a moderator, or a reader of its post once WeChat's check passed it;
// community_post_images says which state each image is in. Links are signed after that check.
import { bindDataLayer } from '../../../lib/data';
import { AppError } from '../../../lib/errors/app-error';
import { uploadToStorage } from '../../../lib/files/storage-upload';
import { supabase } from '../../../lib/supabase/client';
import type { ChosenFile } from '../../../platform/choose-file.types';
import { COMMUNITY_MESSAGES } from '../community.messages';
import type { PostImage } from './community.types';

const db = bindDataLayer(COMMUNITY_MESSAGES);

export const COMMUNITY_BUCKET = 'community';
export const MAX_POST_IMAGES = 9;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'];

const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/** A random folder for one compose's uploads (v4 uuid shape, as the database expects). */
export const newUploadFolder = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;

/** The file's extension when it is a picture the bucket takes, else null. */
export function imageExtension(name: string): string | null {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(name)?.[1].toLowerCase() ?? '';
  return EXTENSIONS.includes(ext) ? ext.replace('jpeg', 'jpg') : null;
}

/** Checks a picked picture before any byte is sent (the bucket enforces its own limits too). */
export function checkImage(file: ChosenFile): string | null {
  if (!imageExtension(file.name)) return '仅支持 JPG、PNG、WebP、GIF 图片';
  if (file.size > MAX_IMAGE_BYTES) return '图片不能超过 10 MB';
  return null;
}

/** `<enterprise>/<folder>/img-<time><rand>.<ext>`: ASCII and unique per upload. */
export const imageObjectPath = (enterpriseId: string, folder: string, fileName: string, now = Date.now()) =>
  `${enterpriseId}/${folder}/img-${now.toString(36)}${hex(6)}.${imageExtension(fileName) ?? 'jpg'}`;

/** Uploads one picture; resolves with its object path (what a post's `images` lists). */
export async function uploadPostImage(enterpriseId: string, folder: string, file: ChosenFile, onProgress?: (percent: number) => void): Promise<string> {
  const problem = checkImage(file);
  if (problem) throw new AppError('file_type_invalid', problem);
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new AppError('not_authenticated', '请先登录');
  const objectPath = imageObjectPath(enterpriseId, folder, file.name);
  await uploadToStorage({ bucket: COMMUNITY_BUCKET, objectPath, file, token, messages: COMMUNITY_MESSAGES, deniedCode: 'image_upload_denied', onProgress });
  return objectPath;
}

/** The post's images the caller may see (RLS: passed ones; all of them for the author and moderators). */
export const postImages = (postId: string) =>
  db.read((c) => c.from('community_post_images').select('path, status').eq('post_id', postId).neq('status', 'risky').order('sort_order')) as Promise<PostImage[]>;

/** 10-minute links for the paths Storage lets the caller read; null for the others. */
export async function imageUrls(paths: string[]): Promise<Array<string | null>> {
  if (paths.length === 0) return [];
  const { data, error } = await supabase.storage.from(COMMUNITY_BUCKET).createSignedUrls(paths, 600);
  if (error || !data) return paths.map(() => null);
  return paths.map((p) => data.find((d) => d.path === p && !d.error)?.signedUrl ?? null);
}
