// Notification center figures (issue 13), on the bench stack's real schema: what the enqueue trigger
// adds to a bulk notice (an agreement update notifies every consenter in one insert), how long a
// worker's claim takes with a deep queue, a member's inbox page, and the worker's throughput against
// the local fakes. Everything the bench writes here is removed again (its own users, cascading).
import pg from 'pg';
import { msSince, percentile, round } from './stats.mjs';

const CORP = 'wwlocalcorp0000001';

async function timed(client, sqlText, params) {
  const t = process.hrtime.bigint();
  await client.query(sqlText, params);
  return msSince(t);
}

/** `n` bench members with phones, half of them signed in with WeCom; returns their ids. */
async function makeMembers(client, n, tag) {
  const { rows } = await client.query(
    `insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, raw_app_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
            '86199' || lpad((($2::int * 100000) + g)::text, 8, '0'), now(), '{"provider":"phone"}'::jsonb, now(), now()
       from generate_series(1, $1::int) g
     returning id`, [n, tag]);
  const ids = rows.map((r) => r.id);
  await client.query(
    `insert into private.wechat_links (provider, subject, user_id)
     select 'wecom', $2 || ':bench' || substr(u::text, 1, 8) || ordinality, u
       from unnest($1::uuid[]) with ordinality as t(u, ordinality) where ordinality % 2 = 0`, [ids, CORP]);
  return ids;
}

export async function notifyFigures({ env, report, section, iterations, members }) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const tag = 10 + Math.floor(Math.random() * 80);
  let ids = [];
  try {
    ids = await makeMembers(client, members, tag);
    const insert = `insert into public.notifications (user_id, kind, title, body, data)
                    select u, 'agreement_updated', '《知享服务协议》已更新', '请阅读并同意更新后的协议', '{}'::jsonb
                      from unnest($1::uuid[]) u`;

    // 1. A bulk notice with and without the enqueue trigger (each rolled back), alternating.
    const withTrigger = [];
    const without = [];
    for (let i = 0; i < 3; i++) {
      for (const on of i % 2 ? [false, true] : [true, false]) {
        await client.query('begin');
        if (!on) await client.query('alter table public.notifications disable trigger notifications_enqueue_deliveries');
        (on ? withTrigger : without).push(await timed(client, insert, [ids]));
        await client.query('rollback');
      }
    }
    const enq = percentile(withTrigger, 50);
    const base = percentile(without, 50);
    report.add({
      section, name: 'notify.enqueue.bulk', value: round(enq, 1), unit: 'ms', budget: null, reference: round(base, 1), digits: 1,
      source: `one insert of ${members} agreement_updated notices (a mandatory kind: a text to every member and a WeCom message to half) with the statement trigger; reference: the same insert with the trigger disabled; median of 3 each, rolled back`,
      note: `${round((enq - base) / members * 1000, 1)} µs of queueing per notice (${members * 1.5} deliveries)`,
    });

    // 2. Claiming a batch of 20 with the whole queue pending (rolled back each time).
    await client.query(insert, [ids]);
    await client.query(`update public.notification_deliveries set next_attempt_at = now() - interval '1 minute'
                         where user_id = any($1::uuid[])`, [ids]);
    const claims = [];
    for (let i = 0; i < 10 + iterations; i++) {
      await client.query('begin');
      const ms = await timed(client, 'select * from private.notification_deliveries_claim(20)');
      await client.query('rollback');
      if (i >= 10) claims.push(ms);
    }
    const { rows: [{ n: queued }] } = await client.query(`select count(*)::int as n from public.notification_deliveries where status = 'pending'`);
    report.add({
      section, name: 'notify.claim.p50', value: round(percentile(claims, 50), 2), unit: 'ms', budget: null, digits: 2,
      source: `private.notification_deliveries_claim(20) with ${queued} pending deliveries (partial index on next_attempt_at, for update skip locked); ${iterations} runs after 10 warm-up, rolled back`,
      note: `p95 ${round(percentile(claims, 95), 2)} ms`,
    });

    // 3. A member's inbox page (20 of 1000 notices), as PostgREST runs it: role + JWT claims.
    const reader = ids[0];
    await client.query(`insert into public.notifications (user_id, kind, title, created_at)
                        select $1, 'enterprise_membership', '成员变动 ' || g, now() - g * interval '1 minute' from generate_series(1, 999) g`, [reader]);
    const claimsJson = JSON.stringify({ sub: reader, role: 'authenticated' });
    const pages = [];
    for (let i = 0; i < 10 + iterations; i++) {
      await client.query('begin');
      await client.query('set local role authenticated');
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [claimsJson]);
      const ms = await timed(client, 'select * from public.my_notifications(null, 20)');
      await client.query('rollback');
      if (i >= 10) pages.push(ms);
    }
    report.add({
      section, name: 'notify.inbox.p50', value: round(percentile(pages, 50), 2), unit: 'ms', budget: null, digits: 2,
      source: `public.my_notifications(null, 20) as a member with 1000 notices (invoker: the notifications policy applies); ${iterations} runs after 10 warm-up`,
      note: `p95 ${round(percentile(pages, 95), 2)} ms`,
    });

    // 4. The worker against the local fakes: 200 due deliveries (the rest set aside).
    await client.query(`update public.notification_deliveries set next_attempt_at = now() + interval '1 day' where status = 'pending'`);
    const { rows: due } = await client.query(
      `update public.notification_deliveries set next_attempt_at = now()
        where id in (select id from public.notification_deliveries where status = 'pending' and user_id = any($1::uuid[]) limit 200)
       returning id`, [ids]);
    const t = process.hrtime.bigint();
    let sent = 0;
    for (let round_ = 0; round_ < 30 && sent < due.length; round_++) {
      const res = await fetch(`${env.SUPABASE_URL}/functions/v1/notify-deliveries`, {
        method: 'POST',
        headers: { apikey: env.SUPABASE_ANON_KEY, authorization: `Bearer ${env.SUPABASE_SERVICE_ROLE_KEY}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`notify-deliveries answered ${res.status}`);
      if (body.claimed === 0) break;
      sent += body.sent;
    }
    const seconds = msSince(t) / 1000;
    report.add({
      section, name: 'notify.worker.per_second', value: round(sent / seconds, 0), unit: 'msg/s', budget: null, digits: 0,
      source: `notify-deliveries runs (20 per claim, 4 in flight) until ${due.length} due SMS / WeCom deliveries were sent through the local Tencent and WeCom fakes (real HTTP, TC3 signing, shared token)`,
      note: `${sent} sent in ${round(seconds, 1)} s; higher is better`,
    });
  } finally {
    if (ids.length) await client.query('delete from auth.users where id = any($1::uuid[])', [ids]);
    await client.end();
  }
}
