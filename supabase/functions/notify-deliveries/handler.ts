// Delivers queued notices beyond the app (public.notification_deliveries): SMS, WeChat subscribe
// messages, WeCom app messages. Service role only, like sms-deliveries: run by the scheduler (pg_cron +
// pg_net every minute on a hosted project, see docs/api.md; tools/local-stack/jobs.ts locally).
// Claims a batch (rows no other worker holds), sends each through its channel's adapter, reports
// sent / retry / failed; a row is marked by the claim's holder only, so two workers never both send.
import { postOnly } from '../_shared/request.ts';
import { bearerToken } from '../_shared/gate.ts';
import { fail, json } from '../_shared/http.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { type ClaimedDelivery, deliver } from '../_shared/notify/deliver.ts';

const BATCH = 20;
/** Messages in flight at once: providers rate-limit per app, and the lease is 5 minutes. */
const PARALLEL = 4;

export async function handler(req: Request): Promise<Response> {
  const early = postOnly(req);
  if (early) return early;
  if (bearerToken(req) !== serviceKey()) return fail(403, 'service_role_required', '仅限服务端调用');
  const claimed = await rpc<ClaimedDelivery[]>('notification_deliveries_claim', { p_limit: BATCH }, serviceKey());
  if (claimed.error) return fail(502, 'database_unavailable', '服务暂时不可用，请稍后再试');
  const counts = { claimed: claimed.data.length, sent: 0, retry: 0, failed: 0 };
  const queue = [...claimed.data];
  async function lane(): Promise<void> {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const outcome = await deliver(d);
      if (outcome.result !== 'sent') console.error(`notify-deliveries: ${d.channel} ${outcome.result} (${outcome.code})`);
      const done = await rpc<boolean>('notification_delivery_done',
        { p_id: d.id, p_claim_id: d.claim_id, p_result: outcome.result, p_error: outcome.result === 'sent' ? null : outcome.code },
        serviceKey());
      if (done.error) console.error(`notify-deliveries: could not mark ${d.id} (${done.error.code})`);
      counts[outcome.result]++;
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return json(counts);
}
