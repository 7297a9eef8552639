// SMS one-time codes. Stored as GoTrue stores them — sha224(phone + code) in
// auth.users.confirmation_token / phone_change_token and a mirror row in auth.one_time_tokens —
// never in plain text. Every time decision (resend frequency, expiry) uses the database clock, so
// tests move `*_sent_at` back instead of waiting. Beyond GoTrue: a code dies after
// `maxVerifyAttempts` wrong guesses (auth.local_otp_attempts), so 6 digits can't be brute-forced.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { forbidden, HttpError, tooManyRequests } from './errors';
import type { AuthSettings } from './settings';

export type OtpKind = 'confirmation' | 'phone_change';

const COLUMNS: Record<OtpKind, { token: string; sentAt: string; type: string }> = {
  confirmation: { token: 'confirmation_token', sentAt: 'confirmation_sent_at', type: 'confirmation_token' },
  phone_change: { token: 'phone_change_token', sentAt: 'phone_change_sent_at', type: 'phone_change_token' },
};

export function tokenHash(phone: string, otp: string): string {
  return crypto.createHash('sha224').update(phone + otp).digest('hex');
}

export function generateOtp(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String(crypto.randomInt(0, 10));
  return s;
}

/** GoTrue's max_frequency check; throws 429 over_sms_send_rate_limit with its message. */
export async function assertCanResend(tx: PoolClient, settings: AuthSettings, userId: string, kind: OtpKind): Promise<void> {
  const c = COLUMNS[kind];
  const { rows } = await tx.query<{ wait: number | null }>(
    `select extract(epoch from (${c.sentAt} + make_interval(secs => $2) - now()))::float8 as wait
     from auth.users where id = $1`,
    [userId, settings.sms.maxFrequencySeconds],
  );
  const wait = rows[0]?.wait;
  if (wait !== null && wait !== undefined && wait > 0) {
    throw tooManyRequests('over_sms_send_rate_limit', `For security purposes, you can only request this after ${Math.ceil(wait)} seconds.`);
  }
}

/** Stores a fresh code for `phone` (replacing any earlier one) and returns it for sending. */
export async function issueOtp(tx: PoolClient, settings: AuthSettings, userId: string, kind: OtpKind, phone: string): Promise<string> {
  const c = COLUMNS[kind];
  const otp = generateOtp(settings.sms.otpLength);
  const hash = tokenHash(phone, otp);
  const phoneChange = kind === 'phone_change' ? ', phone_change = $3' : '';
  await tx.query(
    `update auth.users set ${c.token} = $2, ${c.sentAt} = now(), updated_at = now()${phoneChange} where id = $1`,
    kind === 'phone_change' ? [userId, hash, phone] : [userId, hash],
  );
  await tx.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4, now(), now())
     on conflict (user_id, token_type) do update
       set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
    [userId, c.type, hash, phone],
  );
  await tx.query(`delete from auth.local_otp_attempts where user_id = $1 and token_type = $2`, [userId, c.type]);
  return otp;
}

async function clearOtp(tx: PoolClient, userId: string, kind: OtpKind): Promise<void> {
  const c = COLUMNS[kind];
  await tx.query(`update auth.users set ${c.token} = '' where id = $1`, [userId]);
  await tx.query(`delete from auth.one_time_tokens where user_id = $1 and token_type = $2`, [userId, c.type]);
  await tx.query(`delete from auth.local_otp_attempts where user_id = $1 and token_type = $2`, [userId, c.type]);
}

export const otpInvalid = (): HttpError => forbidden('otp_expired', 'Token has expired or is invalid');

/**
 * Checks `otp` against the stored code (the user row must be locked by the caller). On a wrong
 * guess the attempt is counted — and the code destroyed at the limit — and `false` is returned so
 * the caller can COMMIT that bookkeeping before answering 403.
 */
export async function checkOtp(tx: PoolClient, settings: AuthSettings, userId: string, kind: OtpKind, phone: string, otp: string): Promise<boolean> {
  const c = COLUMNS[kind];
  const { rows } = await tx.query<{ hash: string | null; fresh: boolean; failed: number }>(
    `select u.${c.token} as hash,
            coalesce(u.${c.sentAt} + make_interval(secs => $2) > now(), false) as fresh,
            coalesce(a.failed, 0) as failed
     from auth.users u
     left join auth.local_otp_attempts a on a.user_id = u.id and a.token_type = $3
     where u.id = $1`,
    [userId, settings.sms.otpExpirySeconds, c.type],
  );
  const row = rows[0];
  if (!row?.hash) return false;
  const given = Buffer.from(tokenHash(phone, otp));
  const stored = Buffer.from(row.hash);
  const match = given.length === stored.length && crypto.timingSafeEqual(given, stored);
  if (match && row.fresh && row.failed < settings.sms.maxVerifyAttempts) {
    await clearOtp(tx, userId, kind);
    return true;
  }
  const failed = row.failed + 1;
  if (failed >= settings.sms.maxVerifyAttempts || !row.fresh) {
    await clearOtp(tx, userId, kind);
  } else {
    await tx.query(
      `insert into auth.local_otp_attempts (user_id, token_type, failed) values ($1, $2, $3)
       on conflict (user_id, token_type) do update set failed = excluded.failed`,
      [userId, c.type, failed],
    );
  }
  return false;
}
