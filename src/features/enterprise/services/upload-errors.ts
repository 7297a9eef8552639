import { AppError, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';

// Supabase Storage answers most refusals with HTTP 400 and puts the real status in the body as a
// string (`{"statusCode":"413","error":"Payload too large",...}`), on hosted and locally alike.
// Taro.uploadFile hands the body over as text, so the status has to be read from there.

/** The status Storage meant: the body's `statusCode` when it has one, else the HTTP status. */
export function storageStatus(httpStatus: number, body: unknown): number {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return httpStatus;
    }
  }
  const code = (parsed as { statusCode?: unknown } | null)?.statusCode;
  const n = typeof code === 'string' || typeof code === 'number' ? Number(code) : NaN;
  return Number.isInteger(n) && n >= 400 && n <= 599 ? n : httpStatus;
}

/** The error a failed qualification upload shows, by the status Storage meant. */
export function uploadError(httpStatus: number, body: unknown): AppError {
  const status = storageStatus(httpStatus, body);
  if (status === 413) return new AppError('file_too_large', '文件不能超过 10 MB');
  if (status === 415) return new AppError('file_type_invalid', '仅支持 JPG、PNG 图片或 PDF 文件');
  if (status === 401 || status === 403) return new AppError('not_enterprise_admin', '仅企业管理员可以上传资质材料');
  return new AppError('upload_failed', UNKNOWN_ERROR_MESSAGE);
}
