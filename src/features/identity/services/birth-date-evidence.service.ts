import Taro from '@tarojs/taro';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '../../../lib/supabase/env';
import { storageStatus } from '../../../lib/files/storage-status';
import { chooseDocumentFile } from '../../../platform/choose-file';
import type { ChosenFile } from '../../../platform/choose-file.types';
import { checkDocumentFile, documentObjectPath } from '../../../lib/files/document-file';
import { signedFileUrl } from '../../../lib/files/signed-url';

// Evidence for a birth-date correction (ID card, household register, birth certificate): one file
// in the private bucket `birth-date-evidence` under `<user id>/`. Storage RLS lets a member write only
// into their own folder and nobody read; request_birth_date_correction accepts only the caller's own
// object; operators open it through a link of at most one hour from the storage-sign function.

export const EVIDENCE_BUCKET = 'birth-date-evidence';
export const MAX_BIRTH_EVIDENCE_BYTES = 5 * 1024 * 1024;

export type BirthEvidenceFile = ChosenFile;

/** Checks a chosen file before any byte is sent (the bucket enforces the same limits). */
export const checkBirthEvidenceFile = (file: BirthEvidenceFile): string | null => checkDocumentFile(file, MAX_BIRTH_EVIDENCE_BYTES);

/** The picker for evidence files, per build. */
export const chooseBirthEvidenceFile = (): Promise<BirthEvidenceFile | null> => chooseDocumentFile('birth-evidence-file-input');

/** `<user>/evidence-<time>.<ext>`: ASCII (the request RPC accepts only such paths), unique per upload. */
export function birthEvidencePath(userId: string, fileName: string, now = Date.now()): string {
  return documentObjectPath(userId, 'evidence', fileName, now);
}

/** Uploads through the Storage API (multipart via Taro.uploadFile, on every platform); resolves with the path. */
export async function uploadBirthDateEvidence(file: BirthEvidenceFile): Promise<string> {
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  const userId = data.session?.user.id;
  if (!token || !userId) throw new AppError('not_authenticated', '请先登录');
  const objectPath = birthEvidencePath(userId, file.name);
  const result = await new Promise<{ statusCode: number; data: unknown }>((resolve, reject) => {
    Taro.uploadFile({
      url: `${SUPABASE_URL}/storage/v1/object/${EVIDENCE_BUCKET}/${objectPath}`,
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      header: { Authorization: `Bearer ${token}`, apikey: SUPABASE_ANON_KEY, 'x-upsert': 'false' },
      withCredentials: false,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: () => reject(new AppError('network', NETWORK_ERROR_MESSAGE)),
    } as Taro.uploadFile.Option);
  });
  if (result.statusCode < 400) return objectPath;
  const status = storageStatus(result.statusCode, result.data);
  if (status === 413) throw new AppError('file_too_large', '文件不能超过 5 MB');
  if (status === 415) throw new AppError('file_type_invalid', '仅支持 JPG、PNG 图片或 PDF 文件');
  throw new AppError('upload_failed', UNKNOWN_ERROR_MESSAGE);
}

/** Operators: a 10-minute link to a request's evidence (the function refuses everyone else alike). */
export const signedBirthEvidenceUrl = (objectPath: string): Promise<string> =>
  signedFileUrl(EVIDENCE_BUCKET, objectPath, new AppError('evidence_open_failed', '暂时无法打开证明材料，请稍后重试'));

export const birthDateEvidenceService = { uploadBirthDateEvidence, signedBirthEvidenceUrl };
export type BirthDateEvidenceService = typeof birthDateEvidenceService;
