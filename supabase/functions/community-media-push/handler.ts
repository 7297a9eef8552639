// WeChat's message push for the community (issue 15): the verdicts of mediaCheckAsync image checks
// (event `wxa_media_check`). No user calls this: WeChat does, and proves it with the push token's
// SHA-1 signature (media-push.ts); anything unsigned is refused before the body is read. A verdict
// is recorded once per trace_id (community_media_verdict), so WeChat's retries change nothing.
// WeChat wants `success` (or an empty body) back, else it retries; an event of another kind is
// acknowledged and ignored.
import { fail } from '../_shared/http.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { mediaCheckEvent, pushTokenFromEnv, verifyPushSignature } from '../_shared/wechat/media-push.ts';

const MAX_BODY = 16 * 1024;
const text = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function handler(req: Request): Promise<Response> {
  const url = new URL(req.url);
  if (req.method !== 'GET' && req.method !== 'POST') return fail(405, 'method_not_allowed', '请求方式不支持');
  if (!(await verifyPushSignature(pushTokenFromEnv(), url.searchParams))) {
    return fail(401, 'signature_invalid', '签名无效');
  }
  // the URL check when the push URL is configured in the mini-program console
  if (req.method === 'GET') return text(url.searchParams.get('echostr') ?? '');

  const raw = await req.text();
  if (raw.length > MAX_BODY) return fail(413, 'body_too_large', '请求内容过大');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(400, 'invalid_request', '请求参数有误');
  }
  const event = mediaCheckEvent(body);
  if (!event) return text('success');
  const res = await rpc('community_media_verdict', { p_trace_id: event.traceId, p_suggest: event.suggest, p_label: event.label }, serviceKey());
  // a database failure is answered with 5xx so that WeChat pushes again later
  if (res.error) return res.error.status >= 500 ? fail(502, 'database_unavailable', '服务暂时不可用') : fail(400, res.error.code, res.error.message);
  return text('success');
}
