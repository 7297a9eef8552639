// SMS one-time codes. Stored as GoTrue stores them — sha224(phone + code) in
// auth.users.confirmation_token / phone_change_token and a mirror row in auth.one_time_tokens —
// never in plain text. Every time decision (resend frequency, expiry) uses the database clock, so
// tests move `*_sent_at` back instead of waiting. Like GoTrue, a wrong guess leaves the code alive:
// hosted GoTrue has only per-IP verification budgets, so the product's "a code dies after 5 wrong
// tries" lives in the `sms-otp` edge function and the database, not here.
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { forbidden, HttpError, tooManyRequests } from './errors';
import type { AuthSettings } from './settings';

export type OtpKind = 'confirmation' | 'phone_change' | 'reauthentication';

const COLUMNS: Record<OtpKind, { token: string; sentAt: string; type: string }> = {
  confirmation: { token: 'confirmation_token', sentAt: 'confirmation_sent_at', type: 'confirmation_token' },
  phone_change: { token: 'phone_change_token', sentAt: 'phone_change_sent_at', type: 'phone_change_token' },
  reauthentication: { token: 'reauthentication_token', sentAt: 'reauthentication_sent_at', type: 'reauthentication_token' },
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
  return otp;
}

async function clearOtp(tx: PoolClient, userId: string, kind: OtpKind): Promise<void> {
  const c = COLUMNS[kind];
  await tx.query(`update auth.users set ${c.token} = '' where id = $1`, [userId]);
  await tx.query(`delete from auth.one_time_tokens where user_id = $1 and token_type = $2`, [userId, c.type]);
}

export const otpInvalid = (): HttpError => forbidden('otp_expired', 'Token has expired or is invalid');

/**
 * GoTrue's isOtpValid: the stored hash matches and the code is still fresh. A match clears the code
 * (single use); a wrong or expired guess changes nothing, as in GoTrue's smsVerify.
 */
export async function checkOtp(tx: PoolClient, settings: AuthSettings, userId: string, kind: OtpKind, phone: string, otp: string): Promise<boolean> {
  const c = COLUMNS[kind];
  const { rows } = await tx.query<{ hash: string | null; fresh: boolean }>(
    `select u.${c.token} as hash, coalesce(u.${c.sentAt} + make_interval(secs => $2) > now(), false) as fresh
     from auth.users u where u.id = $1`,
    [userId, settings.sms.otpExpirySeconds],
  );
  const row = rows[0];
  if (!row?.hash || !row.fresh) return false;
  if (!hashMatches(tokenHash(phone, otp), row.hash)) return false;
  await clearOtp(tx, userId, kind);
  return true;
}

export function hashMatches(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
