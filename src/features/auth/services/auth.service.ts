import type { Session } from '@supabase/supabase-js';
import { bindDataLayer } from '../../../lib/data';
import { supabase } from '../../../lib/supabase/client';
import { AUTH_MESSAGES } from '../auth.messages';
import type { E164Phone } from '../schemas/auth.schema';

// Every function takes already-validated input (see auth.schema.ts) and throws AppError. GoTrue
// calls go through supabase.auth (the session lives there); their errors through the data layer.
const db = bindDataLayer(AUTH_MESSAGES);

type Result<T> = { data: T; error: null } | { data: unknown; error: unknown };

async function run<T>(call: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call();
  } catch (error) {
    throw await db.fail(error);
  }
  if (result.error) throw await db.fail(result.error);
  return result.data as T;
}

/** Sends a 6-digit SMS code; signs the phone up on first use. */
export async function sendSmsCode(phone: E164Phone): Promise<void> {
  await run(() => supabase.auth.signInWithOtp({ phone }));
}

/**
 * The 6-digit code a person received → GoTrue's own code, through the sms-otp function, which
 * counts wrong tries (docs/security.md, "Sign-in codes"). `type` is the GoTrue flow of the code.
 */
export async function redeemSmsCode(phone: E164Phone, code: string, type: 'sms' | 'phone_change' | 'reauthentication' = 'sms'): Promise<string> {
  const { token } = await db.invoke<{ token?: unknown }>('sms-otp', { phone, code, type });
  if (typeof token !== 'string' || !token) throw db.error('sign_in_unavailable');
  return token;
}

export async function verifySmsCode(phone: E164Phone, code: string): Promise<Session | null> {
  const token = await redeemSmsCode(phone, code);
  const data = await run(() => supabase.auth.verifyOtp({ phone, token, type: 'sms' }));
  return data.session;
}

export async function signInWithPassword(phone: E164Phone, password: string): Promise<Session | null> {
  const data = await run(() => supabase.auth.signInWithPassword({ phone, password }));
  return data.session;
}

/** Ends the session on the server; when the server cannot be reached, still forgets it locally. */
export async function signOut(): Promise<void> {
  try {
    const { error } = await supabase.auth.signOut();
    if (!error) return;
  } catch {
    // fall through to the local sign-out
  }
  await supabase.auth.signOut({ scope: 'local' });
}

export const authService = { sendSmsCode, verifySmsCode, signInWithPassword, signOut };
export type AuthService = typeof authService;
