// The scheduled jobs a hosted project runs with pg_cron + pg_net (docs/security.md, "Scheduled
// jobs"), run here by the stack itself: deliver queued SMS (report outcomes) through the
// sms-deliveries function, deliver notices to SMS / WeChat / WeCom through notify-deliveries,
// rebuild cached gate answers after an agreement was published, and run training's job (deadline
// reminders, overdue notices, late exam attempts graded) the community's (event reminders) and the knowledge base's (review-date reminders).
// STACK_JOBS_SECONDS sets the period (default 30); 0 turns them off, as `npm test` does so that
// suites asserting what happens before a job runs stay deterministic.
import type { Pool } from 'pg';
import type { StackConfig } from './config';

export interface Jobs {
  stop: () => Promise<void>;
}

export function jobsPeriodSeconds(): number {
  const raw = process.env.STACK_JOBS_SECONDS;
  const n = raw === undefined || raw === '' ? 30 : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 30;
}

/** The scheduled functions, called as pg_net calls them on a hosted project (service role, POST). */
const FUNCTIONS = ['sms-deliveries', 'notify-deliveries'];

/** The scheduled SQL entry points (name, arguments), called as pg_cron calls them. */
const SQL_JOBS: [name: string, args: string][] = [
  ['gate_refresh_batch', '2000'],
  ['training_run_jobs', ''],
  ['community_run_jobs', ''],
  ['kb_run_jobs', ''],
];

export async function runJobsOnce(config: StackConfig, pool: Pool, log: (m: string) => void): Promise<void> {
  for (const name of FUNCTIONS) {
    try {
      const res = await fetch(`${config.apiUrl}/functions/v1/${name}`, {
        method: 'POST',
        headers: { apikey: config.anonKey, authorization: `Bearer ${config.serviceRoleKey}`, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(20_000),
      });
      await res.text();
      if (!res.ok) log(`jobs: ${name} answered ${res.status}`);
    } catch (e) {
      log(`jobs: ${name} failed: ${(e as Error).message}`);
    }
  }
  for (const [name, args] of SQL_JOBS) {
    try {
      await pool.query(`select public.${name}(${args})`);
    } catch (e) {
      log(`jobs: ${name} failed: ${(e as Error).message}`);
    }
  }
}

export function startJobs(config: StackConfig, pool: Pool, log: (m: string) => void, periodSeconds = jobsPeriodSeconds()): Jobs {
  if (periodSeconds === 0) return { stop: async () => undefined };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= runJobsOnce(config, pool, log).finally(() => (running = null));
  }, periodSeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
