// Sends the SMS the database queued (private.sms_deliveries): today the outcome of a stolen-account
// report, texted to a reporter who filed it signed out (LX 3.2.4). Service role only: run by the
// scheduler (pg_cron + pg_net every minute in production, see docs/api.md) or right after an
// operator's decision. Claims a batch, sends each through the Tencent SMS adapter, marks it.
import { postOnly } from '../_shared/request.ts';
import { bearerToken } from '../_shared/gate.ts';
import { fail, json } from '../_shared/http.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { sendTemplateSms } from '../_shared/sms/notice.ts';

/** Template ids per message kind (Tencent Cloud SMS: each text is a registered template). */
const TEMPLATES: Record<string, string> = {
  report_outcome: Deno.env.get('TENCENT_SMS_REPORT_TEMPLATE_ID') ?? '1000001',
};

export async function handler(req: Request): Promise<Response> {
  const early = postOnly(req);
  if (early) return early;
  if (bearerToken(req) !== serviceKey()) return fail(403, 'service_role_required', '仅限服务端调用');
  const claimed = await rpc<Array<{ id: string; phone: string; template: string; params: string[] }>>(
    'sms_deliveries_claim', { p_limit: 20 }, serviceKey());
  if (claimed.error) return fail(502, 'database_unavailable', '服务暂时不可用，请稍后再试');
  let sent = 0;
  for (const d of claimed.data) {
    const result = await sendTemplateSms(d.phone, TEMPLATES[d.template], d.params);
    if (!result.ok) console.error(`sms-deliveries: provider refused (${result.code})`);
    await rpc('sms_delivery_done', { p_id: d.id, p_ok: result.ok, p_error: result.ok ? null : result.code }, serviceKey());
    if (result.ok) sent++;
  }
  return json({ claimed: claimed.data.length, sent });
}
