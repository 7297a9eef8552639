// Reads the local stack's SMS outbox (GET /__local/sms). That route exists only on the local stack;
// this module is reachable only when IS_LOCAL_STACK is true at build time.
import { appFetch } from '../../../platform/supabase-runtime';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '../../../lib/supabase/env';

export interface LocalSms {
  phone: string;
  code: string;
  sent_at: string;
}

function isLocalSms(value: unknown): value is LocalSms {
  const item = value as Partial<LocalSms> | null;
  return typeof item?.code === 'string' && typeof item.phone === 'string' && typeof item.sent_at === 'string';
}

/** Newest SMS for the phone sent at or after `since`, or null. */
export async function fetchLatestLocalSms(phone: string, since: number, fetchImpl: typeof fetch = appFetch): Promise<LocalSms | null> {
  const response = await fetchImpl(`${SUPABASE_URL}/__local/sms?phone=${encodeURIComponent(phone)}`, {
    headers: { apikey: SUPABASE_ANON_KEY },
  });
  if (!response.ok) return null;
  const list: unknown = await response.json();
  if (!Array.isArray(list)) return null;
  // Second precision on the server side: allow a little clock skew.
  const found = list.filter(isLocalSms).find((sms) => Date.parse(sms.sent_at) >= since - 2000);
  return found ?? null;
}
