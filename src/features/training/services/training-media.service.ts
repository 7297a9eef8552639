// Course covers, lesson files and the images inside text lessons: objects in the private bucket
// `training` at `<enterprise>/<covers|videos|documents|images>/<time>-<random>.<ext>`, uploaded by
// training managers (Storage RLS: the media section of 20261211010000_training_schema.sql). Learners
// read an object only while a published course refers to it (private.training_media_readable; a
// lesson's images through its `image_paths`), so a file uploaded and never saved, or one of a draft
// course, stays with the managers. A lesson's Delta refers to its images as `training/<object>`
// (lessonImageRef in training.service.ts); training_save_lesson refuses any other image.
import { AppError } from '../../../lib/errors/app-error';
import { uploadToStorage } from '../../../lib/files/storage-upload';
import { supabase } from '../../../lib/supabase/client';
import { chooseDocumentFile } from '../../../platform/choose-file';
import { chooseImages } from '../../../platform/choose-images';
import type { ChosenFile, FileKind } from '../../../platform/choose-file.types';
import { TRAINING_MESSAGES } from '../training.messages';

export const TRAINING_BUCKET = 'training';

/** What a manager uploads: a course cover, a lesson video, a lesson document or an image inside a text lesson. */
export type MediaKind = 'cover' | 'video' | 'document' | 'image';

interface MediaRule {
  folder: string;
  pickerKinds: readonly FileKind[];
  extensions: readonly string[];
  maxBytes: number;
  /** the picker's wrong-type message */
  typeText: string;
}

const MB = 1024 * 1024;

export const MEDIA_RULES: Record<MediaKind, MediaRule> = {
  cover: { folder: 'covers', pickerKinds: ['image'], extensions: ['jpg', 'jpeg', 'png'], maxBytes: 10 * MB, typeText: '封面仅支持 JPG、PNG 图片' },
  video: { folder: 'videos', pickerKinds: ['video'], extensions: ['mp4'], maxBytes: 500 * MB, typeText: '视频仅支持 MP4 格式' },
  document: {
    folder: 'documents', pickerKinds: ['pdf', 'office'], extensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
    maxBytes: 100 * MB, typeText: '文档仅支持 PDF、Word、Excel、PowerPoint 文件',
  },
  image: { folder: 'images', pickerKinds: ['image'], extensions: ['jpg', 'jpeg', 'png', 'gif', 'webp'], maxBytes: 10 * MB, typeText: '图片仅支持 JPG、PNG、GIF、WebP 格式' },
};

const extOf = (name: string) => /\.([a-z0-9]{2,5})$/i.exec(name)?.[1].toLowerCase() ?? '';

/** Why the chosen file can't be uploaded as `kind` (before any byte is sent), or null. */
export function checkMediaFile(file: ChosenFile, kind: MediaKind): string | null {
  const rule = MEDIA_RULES[kind];
  if (!rule.extensions.includes(extOf(file.name))) return rule.typeText;
  if (file.size > rule.maxBytes) return `文件不能超过 ${rule.maxBytes / MB} MB，当前 ${(file.size / MB).toFixed(1)} MB`;
  if (file.size === 0) return '文件是空的，请重新选择';
  return null;
}

/** A fresh ASCII object name in the enterprise's folder (never overwrites an earlier upload). */
export function mediaObjectPath(enterpriseId: string, kind: MediaKind, fileName: string, now = Date.now(), random = Math.random()): string {
  const ext = extOf(fileName).replace('jpeg', 'jpg');
  return `${enterpriseId}/${MEDIA_RULES[kind].folder}/${now}-${random.toString(36).slice(2, 8)}.${ext}`;
}

/**
 * Opens the picker for `kind`; null when the manager closes it. Lesson images use the pictures
 * picker (JPG/PNG/WebP/GIF on H5, the album or camera in mini-programs), the rest the file picker.
 */
export const chooseMediaFile = (kind: MediaKind, testId: string): Promise<ChosenFile | null> =>
  kind === 'image' ? chooseImages(testId, 1).then((files) => files[0] ?? null) : chooseDocumentFile(testId, MEDIA_RULES[kind].pickerKinds);

export interface MediaUploadHooks {
  onProgress?(percent: number): void;
  /** receives the function that cancels the running upload */
  onCancelable?(cancel: () => void): void;
}

/** Uploads a checked file; resolves with its object path (what the course or lesson stores). */
export async function uploadTrainingMedia(enterpriseId: string, kind: MediaKind, file: ChosenFile, hooks: MediaUploadHooks = {}): Promise<string> {
  const problem = checkMediaFile(file, kind);
  if (problem) throw new AppError('file_type_invalid', problem);
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new AppError('not_authenticated', '请先登录');
  const objectPath = mediaObjectPath(enterpriseId, kind, file.name);
  await uploadToStorage({
    bucket: TRAINING_BUCKET, objectPath, file, token, messages: TRAINING_MESSAGES, deniedCode: 'not_training_manager',
    onProgress: hooks.onProgress, onCancelable: hooks.onCancelable, timeout: 30 * 60 * 1000,
  });
  return objectPath;
}

/** The file name people see for a stored object (its last segment). */
export const mediaFileName = (path: string) => path.split('/').pop() ?? path;
