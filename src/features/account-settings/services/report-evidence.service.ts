import Taro from '@tarojs/taro';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '../../../lib/supabase/env';
import { chooseDocumentFile } from '../../../platform/choose-file';
import type { ChosenFile } from '../../../platform/choose-file.types';
import { checkDocumentFile } from '../../../lib/files/document-file';

// Evidence for a stolen-account report: the report RPC returned a one-time upload token, the
// report-evidence function takes the file (multipart, as Taro.uploadFile sends it on every platform)
// into the private bucket. Works signed out: the anon key is the caller.

export type EvidenceFile = ChosenFile;

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const checkEvidenceFile = (file: EvidenceFile): string | null => checkDocumentFile(file, MAX_EVIDENCE_BYTES);

export const chooseEvidenceFile = (): Promise<EvidenceFile | null> => chooseDocumentFile('report-evidence-file-input');

const MESSAGES: Record<string, string> = {
  upload_token_invalid: '上传凭证无效或已过期，请重新提交申诉',
  evidence_limit_reached: '每份申诉最多上传 5 个证明文件',
  evidence_file_invalid: '文件内容与类型不符，请上传 JPG、PNG 或 PDF 文件',
};

export async function uploadReportEvidence(reportId: string, uploadToken: string, file: EvidenceFile): Promise<void> {
  const result = await new Promise<{ statusCode: number; data: unknown }>((resolve, reject) => {
    Taro.uploadFile({
      url: `${SUPABASE_URL}/functions/v1/report-evidence`,
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      formData: { report_id: reportId, token: uploadToken },
      header: { Authorization: `Bearer ${SUPABASE_ANON_KEY}`, apikey: SUPABASE_ANON_KEY },
      withCredentials: false,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: () => reject(new AppError('network', NETWORK_ERROR_MESSAGE)),
    } as Taro.uploadFile.Option);
  });
  if (result.statusCode < 400) return;
  let body: { code?: string; message?: string } = {};
  try {
    body = typeof result.data === 'string' ? JSON.parse(result.data) : (result.data as typeof body) ?? {};
  } catch {
    // not JSON
  }
  const code = body.code ?? 'upload_failed';
  throw new AppError(code, MESSAGES[code] ?? body.message ?? UNKNOWN_ERROR_MESSAGE);
}

export const reportEvidenceService = { chooseEvidenceFile, uploadReportEvidence };
export type ReportEvidenceService = typeof reportEvidenceService;
