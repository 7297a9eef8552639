// The local stack runs the jobs a hosted project schedules with pg_cron + pg_net
// (tools/local-stack/jobs.ts): a queued SMS (a report's outcome) reaches the outbox.
import { Pool } from 'pg';
import { runJobsOnce } from '../../tools/local-stack/jobs';
import type { StackConfig } from '../../tools/local-stack/config';
import { getStack } from '../support/stack';
import { randomPhone, sql } from '../support/clients';

test('one run of the jobs delivers a queued outcome SMS once', async () => {
  const s = getStack();
  const pool = new Pool({ connectionString: s.databaseUrl, max: 1 });
  const config = { apiUrl: s.url, anonKey: s.anonKey, serviceRoleKey: s.serviceRoleKey } as StackConfig;
  const phone = randomPhone();
  const [{ id }] = await sql<{ id: string }>(
    `insert into private.sms_deliveries (phone, template, params) values ($1, 'report_outcome', array['abcd1234', '已核实']) returning id`,
    [phone.slice(1)]);
  const logged: string[] = [];
  try {
    await runJobsOnce(config, pool, (m) => logged.push(m));
    await runJobsOnce(config, pool, (m) => logged.push(m));
  } finally {
    await pool.end();
  }
  expect(logged).toEqual([]);
  expect(await sql('select 1 from private.sms_deliveries where id = $1 and sent_at is not null', [id])).toHaveLength(1);
  const outbox = (await (await fetch(`${s.url}/__local/sms?phone=${encodeURIComponent(phone)}`)).json()) as unknown[];
  expect(outbox).toHaveLength(1);
});
