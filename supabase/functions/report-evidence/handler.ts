// Evidence for stolen-account reports (LX 3.2.4), kept in the private bucket `account-report-evidence`.
// upload: whoever filed the report — often signed out, the account being stolen — sends the file
//   (JSON with base64, or multipart as Taro.uploadFile sends it) with the one-time token
//   report_stolen_account returned; the database checks the token and picks
//   the object path inside the report's folder (at most 5 files, JPG/PNG/PDF, 5 MB).
// sign: a platform operator gets links valid for 10 minutes. Clients cannot read or sign in this
//   bucket through the Storage API at all (no select policy), so no longer-lived link can exist.
import { postOnly } from '../_shared/request.ts';
import { fail, failFromDb, json, readJson } from '../_shared/http.ts';
import { gate } from '../_shared/gate.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { EvidenceRequest, MAX_EVIDENCE_BYTES } from './schema.ts';

const BUCKET = 'account-report-evidence';
export const SIGNED_URL_SECONDS = 600;

const storageUrl = (path: string) => `${Deno.env.get('SUPABASE_URL')}/storage/v1${path}`;
const serviceHeaders = () => ({ apikey: serviceKey(), authorization: `Bearer ${serviceKey()}` });

function decodeBase64(data: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The file's first bytes must match its declared type (a renamed executable is refused). */
function looksLike(bytes: Uint8Array, type: string): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (type === 'image/jpeg') return starts(0xff, 0xd8, 0xff);
  if (type === 'image/png') return starts(0x89, 0x50, 0x4e, 0x47);
  return starts(0x25, 0x50, 0x44, 0x46); // %PDF
}

async function upload(req: Extract<EvidenceRequest, { action: 'upload' }>): Promise<Response> {
  const bytes = decodeBase64(req.data_base64);
  if (!bytes || bytes.length === 0 || !looksLike(bytes, req.content_type)) {
    return fail(400, 'evidence_file_invalid', '文件内容与类型不符，请上传 JPG、PNG 或 PDF 文件');
  }
  const claimed = await rpc<{ bucket: string; path: string }>('account_report_evidence_claim', {
    p_report_id: req.report_id, p_token: req.token, p_content_type: req.content_type,
  }, serviceKey());
  if (claimed.error) return failFromDb(claimed.error);
  const res = await fetch(storageUrl(`/object/${BUCKET}/${claimed.data.path}`), {
    method: 'POST',
    headers: { ...serviceHeaders(), 'content-type': req.content_type },
    body: bytes,
  });
  if (!res.ok) {
    console.error(`report-evidence: storage upload ${res.status}`);
    await res.body?.cancel();
    return fail(502, 'evidence_upload_failed', '上传失败，请稍后重试');
  }
  await res.body?.cancel();
  return json({ uploaded: true }, 201);
}

async function sign(httpReq: Request, reportId: string): Promise<Response> {
  const g = await gate(httpReq);
  if (!g.ok) return g.response;
  const files = await rpc<Array<{ path: string; content_type: string; created_at: string }>>(
    'account_report_evidence_list', { p_operator_id: g.caller.userId, p_report_id: reportId }, serviceKey());
  if (files.error) return failFromDb(files.error);
  const signed = [];
  for (const f of files.data) {
    const res = await fetch(storageUrl(`/object/sign/${BUCKET}/${f.path}`), {
      method: 'POST',
      headers: { ...serviceHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ expiresIn: SIGNED_URL_SECONDS }),
    });
    const body = await res.json().catch(() => ({})) as { signedURL?: string };
    if (!res.ok || typeof body.signedURL !== 'string') return fail(502, 'evidence_sign_failed', '暂时无法打开证明材料，请稍后重试');
    signed.push({ content_type: f.content_type, created_at: f.created_at, url: storageUrl(body.signedURL), expires_in: SIGNED_URL_SECONDS });
  }
  return json({ files: signed });
}

/** The type the first bytes show (multipart uploads from mini-programs often say octet-stream). */
function sniff(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'application/pdf' | null {
  for (const type of ['image/jpeg', 'image/png', 'application/pdf'] as const) if (looksLike(bytes, type)) return type;
  return null;
}

/** Taro.uploadFile (weapp, qywx, H5) sends multipart: fields report_id and token, the file as `file`. */
async function fromMultipart(req: Request): Promise<unknown> {
  try {
    const form = await req.formData();
    const file = form.get('file');
    if (!(file instanceof File) || file.size > MAX_EVIDENCE_BYTES) return undefined;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return {
      action: 'upload', report_id: form.get('report_id'), token: form.get('token'),
      content_type: sniff(bytes) ?? 'application/octet-stream', data_base64: btoa(binary),
    };
  } catch {
    return undefined;
  }
}

export async function handler(req: Request): Promise<Response> {
  const early = postOnly(req);
  if (early) return early;
  const multipart = (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const parsed = EvidenceRequest.safeParse(multipart ? await fromMultipart(req) : await readJson(req));
  if (!parsed.success) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  return parsed.data.action === 'upload' ? upload(parsed.data) : sign(req, parsed.data.report_id);
}
