import { AppError, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { storageStatus } from '../../../lib/files/storage-status';

export { storageStatus };

/** The error a failed qualification upload shows, by the status Storage meant. */
export function uploadError(httpStatus: number, body: unknown): AppError {
  const status = storageStatus(httpStatus, body);
  if (status === 413) return new AppError('file_too_large', '文件不能超过 10 MB');
  if (status === 415) return new AppError('file_type_invalid', '仅支持 JPG、PNG 图片或 PDF 文件');
  if (status === 401 || status === 403) return new AppError('not_enterprise_admin', '仅企业管理员可以上传资质材料');
  return new AppError('upload_failed', UNKNOWN_ERROR_MESSAGE);
}
