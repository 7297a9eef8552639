import Taro from '@tarojs/taro';
import { mapStorageError, type ModuleMessages } from '../data';
import { AppError, NETWORK_ERROR_MESSAGE } from '../errors/app-error';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '../supabase/env';
import type { ChosenFile } from '../../platform/choose-file.types';

export interface StorageUpload {
  bucket: string;
  objectPath: string;
  file: ChosenFile;
  /** the signed-in user's access token (Storage's RLS decides with it) */
  token: string;
  /** the module's texts for file_too_large, file_type_invalid and the refusal code */
  messages: ModuleMessages;
  /** what a 401/403 means for this bucket (default upload_failed) */
  deniedCode?: string;
  onProgress?: (percent: number) => void;
  /** receives the upload's cancel function once it has started (a cancelled upload throws `upload_cancelled`) */
  onCancelable?: (cancel: () => void) => void;
  /** milliseconds before the upload fails (Taro's default, a minute, is too short for a video) */
  timeout?: number;
}

/**
 * Uploads through the Storage API with Taro.uploadFile (multipart, as Storage accepts), which works
 * and reports progress on every platform. Never overwrites. Throws the mapped AppError.
 */
export async function uploadToStorage(upload: StorageUpload): Promise<void> {
  const { bucket, objectPath, file, token, onProgress, onCancelable } = upload;
  let cancelled = false;
  const result = await new Promise<{ statusCode: number; data: unknown }>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${SUPABASE_URL}/storage/v1/object/${bucket}/${objectPath}`,
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      header: { Authorization: `Bearer ${token}`, apikey: SUPABASE_ANON_KEY, 'x-upsert': 'false' },
      withCredentials: false,
      ...(upload.timeout ? { timeout: upload.timeout } : {}),
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: () => reject(cancelled ? new AppError('upload_cancelled', '已取消上传') : new AppError('network', NETWORK_ERROR_MESSAGE)),
    } as Taro.uploadFile.Option);
    if (onProgress) task?.onProgressUpdate?.((p) => onProgress(p.progress));
    onCancelable?.(() => {
      cancelled = true;
      task?.abort?.();
    });
  });
  if (result.statusCode >= 400) throw mapStorageError(result.statusCode, result.data, upload.messages, upload.deniedCode);
}
