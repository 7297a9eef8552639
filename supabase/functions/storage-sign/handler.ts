// Short-lived links to files in the private buckets (issue 10). Clients may not select objects there,
// so they cannot sign links themselves (Storage would sign for any expiry, ten years included); this
// function checks the caller's right in the database (storage_sign_allowed: enterprise admins their
// enterprise's qualification files, platform operators all of them and report evidence;
// birth_date_evidence_sign_allowed: operators the evidence of birth-date corrections) and signs
// with the service role for at most one hour.
import { fail, json } from '../_shared/http.ts';
import { acceptGated } from '../_shared/request.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { SignRequest } from './schema.ts';

export async function handler(req: Request): Promise<Response> {
  const g = await acceptGated(req, SignRequest);
  if (!g.ok) return g.response;
  const { bucket, path, expires_in } = g.body;

  // Birth-date evidence has its own check (operators, files a correction request names).
  const allowed = bucket === 'birth-date-evidence'
    ? await rpc<boolean>('birth_date_evidence_sign_allowed', { p_user_id: g.caller.userId, p_path: path }, serviceKey())
    : await rpc<boolean>('storage_sign_allowed', { p_user_id: g.caller.userId, p_bucket: bucket, p_path: path }, serviceKey());
  if (allowed.error) return fail(502, 'database_unavailable', '服务暂时不可用，请稍后再试');
  // Missing and forbidden look the same: the answer must not confirm that a file exists.
  if (allowed.data !== true) return fail(404, 'object_not_found', '文件不存在或无权查看');

  const base = `${Deno.env.get('SUPABASE_URL')}/storage/v1`;
  const res = await fetch(`${base}/object/sign/${bucket}/${path}`, {
    method: 'POST',
    headers: { apikey: serviceKey(), authorization: `Bearer ${serviceKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ expiresIn: expires_in }),
  });
  const body = await res.json().catch(() => ({})) as { signedURL?: string };
  if (!res.ok || typeof body.signedURL !== 'string') return fail(502, 'sign_failed', '暂时无法打开文件，请稍后重试');
  return json({ url: `${base}${body.signedURL}`, expires_in });
}
