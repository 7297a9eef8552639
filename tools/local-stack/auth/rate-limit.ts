// Per-IP request budgets with GoTrue's names and windows ([auth.rate_limit] in config.toml).
// Fixed windows counted in auth.local_rate_limits with the database clock: restarts keep the
// counts, concurrent requests cannot both take the last slot, and tests can age a window by
// moving window_start back instead of sleeping.
import type { Pool } from 'pg';
import { tooManyRequests } from './errors';
import type { AuthSettings } from './settings';

export type Bucket = 'sign_in_sign_ups' | 'token_verifications' | 'token_refresh' | 'sms_sent';

const WINDOW_SECONDS: Record<Bucket, number> = {
  sign_in_sign_ups: 300,
  token_verifications: 300,
  token_refresh: 300,
  sms_sent: 3600,
};

function limitOf(settings: AuthSettings, bucket: Bucket): number {
  const l = settings.rateLimits;
  switch (bucket) {
    case 'sign_in_sign_ups': return l.signInSignUps;
    case 'token_verifications': return l.tokenVerifications;
    case 'token_refresh': return l.tokenRefresh;
    case 'sms_sent': return l.smsSent;
  }
}

/** Counts one request against `bucket` for `ip`; throws GoTrue's 429 when over budget. */
export async function consume(pool: Pool, settings: AuthSettings, bucket: Bucket, ip: string): Promise<void> {
  const windowSec = WINDOW_SECONDS[bucket];
  const { rows } = await pool.query<{ hits: number }>(
    `insert into auth.local_rate_limits as r (bucket, key, window_start, hits)
     values ($1, $2, now(), 1)
     on conflict (bucket, key) do update set
       window_start = case when r.window_start + make_interval(secs => $3) <= now() then now() else r.window_start end,
       hits = case when r.window_start + make_interval(secs => $3) <= now() then 1 else r.hits + 1 end
     returning hits`,
    [`ip:${bucket}`, ip, windowSec],
  );
  // Now and then drop windows that ended long ago, so one row per past client does not pile up.
  if (Math.random() < 0.01) {
    await pool.query(`delete from auth.local_rate_limits where window_start < now() - interval '2 hours'`);
  }
  if (rows[0].hits > limitOf(settings, bucket)) {
    throw bucket === 'sms_sent'
      ? tooManyRequests('over_sms_send_rate_limit', 'SMS rate limit exceeded')
      : tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
  }
}
