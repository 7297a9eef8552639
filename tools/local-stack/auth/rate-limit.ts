// Request budgets with GoTrue's names and windows ([auth.rate_limit] in config.toml): per IP,
// except the SMS budget, which hosted GoTrue counts for the whole project (the 31st SMS of the hour
// fails for everyone), so it is one row keyed 'project'.
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

/** The bucket of the project-wide SMS budget in auth.local_rate_limits; its key is the project. */
export const SMS_BUDGET_BUCKET = 'project:sms_sent';

/**
 * Counts one request against `bucket`; throws GoTrue's 429 when over budget. `key` is the caller's
 * IP, except for 'sms_sent', where it is the project (AuthDeps.projectRef).
 */
export async function consume(pool: Pool, settings: AuthSettings, bucket: Bucket, key: string): Promise<void> {
  const windowSec = WINDOW_SECONDS[bucket];
  const row = bucket === 'sms_sent' ? { bucket: SMS_BUDGET_BUCKET, key } : { bucket: `ip:${bucket}`, key };
  const { rows } = await pool.query<{ hits: number }>(
    `insert into auth.local_rate_limits as r (bucket, key, window_start, hits)
     values ($1, $2, now(), 1)
     on conflict (bucket, key) do update set
       window_start = case when r.window_start + make_interval(secs => $3) <= now() then now() else r.window_start end,
       hits = case when r.window_start + make_interval(secs => $3) <= now() then 1 else r.hits + 1 end
     returning hits`,
    [row.bucket, row.key, windowSec],
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
