import { AppError } from '../../../lib/errors/app-error';
import { uploadToStorage } from '../../../lib/files/storage-upload';
import { supabase } from '../../../lib/supabase/client';
import { db } from './enterprise.db';
import { QUALIFICATION_UPLOAD_MESSAGES } from '../enterprise.messages';
import type { QualificationDocument, QualificationKind } from './enterprise.types';
import { chooseDocumentFile } from '../../../platform/choose-file';
import type { ChosenFile } from '../../../platform/choose-file.types';
import { checkDocumentFile, documentObjectPath } from '../../../lib/files/document-file';
import { signedFileUrl } from '../../../lib/files/signed-url';

// Qualification materials (营业执照, 法定代表人身份证明): uploaded to the private Storage bucket
// `qualifications` under `<enterprise_id>/`, then submitted for review by platform operators.
// Storage RLS lets only the enterprise's admins write there; nobody reads through Storage directly:
// previews are links from the storage-sign function (at most one hour).

export const BUCKET = 'qualifications';
export const MAX_BYTES = 10 * 1024 * 1024;

export type { ChosenFile };

/** `<enterprise>/<kind>-<time>.<ext>`: ASCII, unique per upload, inside the enterprise's folder. */
export function objectPathFor(enterpriseId: string, kind: QualificationKind, fileName: string, now = Date.now()): string {
  return documentObjectPath(enterpriseId, kind, fileName, now);
}

/** Checks a chosen file before any byte is sent (the bucket enforces the same limits). */
export const checkFile = (file: ChosenFile): string | null => checkDocumentFile(file, MAX_BYTES);

export const chooseQualificationFile = (): Promise<ChosenFile | null> => chooseDocumentFile('qualification-file-input');

/** Uploads into the enterprise's folder (lib/files/storage-upload.ts); resolves with the object path. */
export async function uploadQualificationFile(
  enterpriseId: string,
  kind: QualificationKind,
  file: ChosenFile,
  onProgress: (percent: number) => void,
): Promise<string> {
  const { data } = await supabase.auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new AppError('not_authenticated', '请先登录');
  const objectPath = objectPathFor(enterpriseId, kind, file.name);
  await uploadToStorage({
    bucket: BUCKET,
    objectPath,
    file,
    token,
    messages: QUALIFICATION_UPLOAD_MESSAGES,
    deniedCode: 'not_enterprise_admin',
    onProgress,
  });
  onProgress(100);
  return objectPath;
}

export const submitQualification = (enterpriseId: string, kind: QualificationKind, objectPath: string, fileName: string) =>
  db.call('submit_qualification', { p_enterprise_id: enterpriseId, p_kind: kind, p_object_path: objectPath, p_file_name: fileName });

const DOC_COLUMNS = 'id, enterprise_id, kind, object_path, file_name, status, review_reason, created_at, reviewed_at';

/** An admin's view of their enterprise's documents, newest first. */
export const listQualificationDocuments = (enterpriseId: string) =>
  db.read((c) => c.from('qualification_documents').select(DOC_COLUMNS).eq('enterprise_id', enterpriseId).order('created_at', { ascending: false }).limit(50).overrideTypes<QualificationDocument[], { merge: false }>());

// ---- platform operators (ops subpackage)

export interface ReviewItem extends QualificationDocument {
  enterprise_name: string;
}

/** Documents awaiting review (or all), with the enterprise's name; RLS shows operators every one. */
export async function listDocumentsForReview(status: 'pending' | 'all'): Promise<ReviewItem[]> {
  const docs = await db.read((c) => {
    const all = c.from('qualification_documents').select(DOC_COLUMNS);
    return (status === 'pending' ? all.eq('status', 'pending') : all).order('created_at', { ascending: status === 'pending' }).limit(100).overrideTypes<QualificationDocument[], { merge: false }>();
  });
  const ids = [...new Set(docs.map((d) => d.enterprise_id))];
  const names = ids.length
    ? await db.read((c) => c.from('enterprises').select('id, name').in('id', ids))
    : [];
  const byId = new Map(names.map((n) => [n.id, n.name]));
  return docs.map((d) => ({ ...d, enterprise_name: byId.get(d.enterprise_id) ?? '' }));
}

/**
 * A 10-minute link to preview the file. Clients cannot sign in this bucket themselves (Storage would
 * sign for any expiry): the storage-sign function checks the right and caps the link at one hour.
 */
export const signedPreviewUrl = (objectPath: string): Promise<string> =>
  signedFileUrl(BUCKET, objectPath, new AppError('preview_failed', '无法打开文件预览，请稍后重试'));

export const reviewQualification = (documentId: string, approve: boolean, reason = '') =>
  db.run('platform_review_qualification', { p_document_id: documentId, p_approve: approve, p_reason: reason });

export const qualificationService = {
  uploadQualificationFile,
  submitQualification,
  listQualificationDocuments,
  listDocumentsForReview,
  signedPreviewUrl,
  reviewQualification,
};
export type QualificationService = typeof qualificationService;
