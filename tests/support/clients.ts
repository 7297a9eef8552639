// supabase-js clients for tests, shaped as the app uses them (Node 20 needs a WebSocket transport).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { Client } from 'pg';
import { getStack } from './stack';

export function anonClient(): SupabaseClient {
  const s = getStack();
  return createClient(s.url, s.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

export function serviceClient(): SupabaseClient {
  const s = getStack();
  return createClient(s.url, s.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

/** A random mainland mobile number in E.164, unique enough for a shared test stack. */
export function randomPhone(): string {
  const rest = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return `+861${3 + Math.floor(Math.random() * 7)}${rest}`;
}

/** Superuser SQL for arranging state a test needs (never for the assertion itself). */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: getStack().databaseUrl });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Reads the newest SMS code sent to `phone` from the local outbox. */
export async function latestSmsCode(phone: string): Promise<string | undefined> {
  const res = await fetch(`${getStack().url}/__local/sms?phone=${encodeURIComponent(phone)}`);
  const list = (await res.json()) as Array<{ code: string }>;
  return list[0]?.code;
}

/** Signs a phone user in with an SMS code read from the outbox; returns the signed-in client. */
export async function signInWithSms(phone = randomPhone()): Promise<{ client: SupabaseClient; phone: string; userId: string }> {
  const client = anonClient();
  const sent = await client.auth.signInWithOtp({ phone });
  if (sent.error) throw sent.error;
  const code = await latestSmsCode(phone);
  if (!code) throw new Error(`no SMS code for ${phone}`);
  const { data, error } = await client.auth.verifyOtp({ phone, token: code, type: 'sms' });
  if (error || !data.user) throw error ?? new Error('no user');
  return { client, phone, userId: data.user.id };
}
