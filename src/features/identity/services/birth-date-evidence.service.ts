import { AppError } from '../../../lib/errors/app-error';
import { uploadToStorage } from '../../../lib/files/storage-upload';
import { supabase } from '../../../lib/supabase/client';
import { BIRTH_EVIDENCE_UPLOAD_MESSAGES } from '../identity.messages';
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
  await uploadToStorage({ bucket: EVIDENCE_BUCKET, objectPath, file, token, messages: BIRTH_EVIDENCE_UPLOAD_MESSAGES });
  return objectPath;
}

/** Operators: a 10-minute link to a request's evidence (the function refuses everyone else alike). */
export const signedBirthEvidenceUrl = (objectPath: string): Promise<string> =>
  signedFileUrl(EVIDENCE_BUCKET, objectPath, new AppError('evidence_open_failed', '暂时无法打开证明材料，请稍后重试'));

export const birthDateEvidenceService = { uploadBirthDateEvidence, signedBirthEvidenceUrl };
export type BirthDateEvidenceService = typeof birthDateEvidenceService;
