// The certificate image (issue 16). The caller's own JWT reads the row through PostgREST, so RLS
// decides: the holder and their enterprise's training managers get it, anyone else a 404 that
// does not confirm the certificate exists. Anyone can check a code with the
// training_verify_certificate RPC (validity and name only).
import { corsHeaders } from '../_shared/cors.ts';
import { fail } from '../_shared/http.ts';
import { memberPost } from '../_shared/member-post.ts';
import { selectRows } from '../_shared/rest.ts';
import { certificateSvg, type CertificateRow } from './svg.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function handler(req: Request): Promise<Response> {
  const start = await memberPost(req);
  if (!start.ok) return start.response;
  const id = (start.body as { certificate_id?: unknown } | undefined)?.certificate_id;
  if (typeof id !== 'string' || !UUID.test(id)) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  const rows = await selectRows<CertificateRow>('training_certificates', {
    id: `eq.${id}`, revoked_at: 'is.null', select: 'serial,verification_code,holder_name,title,score,issued_at',
  }, start.caller.token);
  if (rows.error) return fail(502, 'database_unavailable', '服务暂时不可用，请稍后再试');
  if (rows.data.length !== 1) return fail(404, 'certificate_not_found', '证书不存在或无权查看');
  return new Response(certificateSvg(rows.data[0]), {
    status: 200,
    headers: { ...corsHeaders, 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'private, max-age=300' },
  });
}
