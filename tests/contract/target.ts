// Where a contract test runs: the local stack (ZX_STACK_ENV, as every integration test) and, when
// ZX_CONTRACT_URL / ZX_CONTRACT_ANON_KEY / ZX_CONTRACT_SERVICE_ROLE_KEY name a real Supabase project
// (one with this repository's config.toml and migrations pushed), that project too — one set of
// assertions for both. Without those variables the hosted block is reported as skipped.
//
// A hosted project has no SMS outbox and no database access here, so the cases in this runner
// arrange everything through the API (admin-created users with a password) and move time only
// through `ageRefreshToken` (SQL locally, a real wait on hosted). Checks that read the stand-in's
// tables or outbox are declared with `localOnly` and say so in their name.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { sql } from '../support/clients';
import { getStack } from '../support/stack';

export interface ContractTarget {
  name: 'local stack' | 'hosted Supabase';
  local: boolean;
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** as if `seconds` had passed since the token was last used (revoked) */
  ageRefreshToken(token: string, seconds: number): Promise<void>;
}

const HOSTED_ENV = ['ZX_CONTRACT_URL', 'ZX_CONTRACT_ANON_KEY', 'ZX_CONTRACT_SERVICE_ROLE_KEY'] as const;

function hostedTarget(): ContractTarget | undefined {
  const [url, anonKey, serviceRoleKey] = HOSTED_ENV.map((k) => process.env[k]?.trim());
  if (!url || !anonKey || !serviceRoleKey) return undefined;
  return {
    name: 'hosted Supabase',
    local: false,
    url: url.replace(/\/+$/, ''),
    anonKey,
    serviceRoleKey,
    ageRefreshToken: (_token, seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
  };
}

function localStackAvailable(): boolean {
  const file = process.env.ZX_STACK_ENV ?? path.resolve(__dirname, '../../.local/test/stack.env');
  return fs.existsSync(file);
}

function localTarget(): ContractTarget {
  const s = getStack();
  return {
    name: 'local stack',
    local: true,
    url: s.url,
    anonKey: s.anonKey,
    serviceRoleKey: s.serviceRoleKey,
    async ageRefreshToken(token, seconds) {
      await sql(`update auth.refresh_tokens set updated_at = updated_at - make_interval(secs => $2) where token = $1`, [token, seconds]);
    },
  };
}

/** A target as known when tests are declared; `get()` resolves it when a test runs. */
export interface TargetRef {
  local: boolean;
  get(): ContractTarget;
}

/**
 * Declares `body` once per target. A target that is not configured is declared with describe.skip
 * under a title that says what to set, so the skip shows in every run.
 */
export function describeTargets(title: string, body: (t: TargetRef) => void): void {
  const hosted = hostedTarget();
  const local: TargetRef = { local: true, get: localTarget };
  if (localStackAvailable()) describe(`${title} — local stack`, () => body(local));
  else describe.skip(`${title} — local stack (no stack env: set ZX_STACK_ENV)`, () => body(local));
  if (hosted) describe(`${title} — hosted Supabase`, () => body({ local: false, get: () => hosted }));
  else describe.skip(`${title} — hosted Supabase (not configured: set ${HOSTED_ENV.join(', ')})`, () => body({ local: false, get: localTarget }));
}

/** For a check that reads the stand-in's tables or outbox: skipped (visibly) on hosted. */
export function localOnly(t: TargetRef): (name: string, fn: () => Promise<void>) => void {
  return (name, fn) => (t.local ? test : test.skip)(`${name} (local only)`, fn);
}

export function clientOf(t: ContractTarget, key = t.anonKey, accessToken?: string): SupabaseClient {
  return createClient(t.url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : undefined,
  });
}

export interface Raw {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A raw request to `path` (e.g. /auth/v1/otp) with the anon key, as supabase-js sends it. */
export async function call(
  t: ContractTarget, method: string, pathname: string, body?: unknown, headers: Record<string, string> = {},
): Promise<Raw> {
  const res = await fetch(`${t.url}${pathname}`, {
    method,
    headers: { apikey: t.anonKey, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** A fake mainland number nobody owns; nothing is ever texted to it in these tests. */
export function fakePhone(): string {
  return `+8619${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

export const PASSWORD = 'Contract-pw-2026';

/** A confirmed phone user made by the admin API, signed in with its password. */
export async function passwordUser(t: ContractTarget): Promise<{ id: string; phone: string; accessToken: string; refreshToken: string }> {
  const admin = clientOf(t, t.serviceRoleKey).auth.admin;
  const phone = fakePhone();
  const created = await admin.createUser({ phone, password: PASSWORD, phone_confirm: true });
  if (created.error) throw created.error;
  const r = await call(t, 'POST', '/auth/v1/token?grant_type=password', { phone, password: PASSWORD });
  if (r.status !== 200) throw new Error(`password grant → ${r.status} ${JSON.stringify(r.body)}`);
  return { id: created.data.user!.id, phone, accessToken: r.body.access_token, refreshToken: r.body.refresh_token };
}

/** An e-mail account as the WeChat sign-in function makes it (admin API, confirmed, no password). */
export async function aliasUser(t: ContractTarget): Promise<{ id: string; email: string }> {
  const email = `${randomUUID()}@contract.users.zhixiang.invalid`;
  const created = await clientOf(t, t.serviceRoleKey).auth.admin.createUser({ email, email_confirm: true });
  if (created.error) throw created.error;
  return { id: created.data.user!.id, email };
}

export async function deleteUser(t: ContractTarget, id: string): Promise<void> {
  await clientOf(t, t.serviceRoleKey).auth.admin.deleteUser(id);
}
