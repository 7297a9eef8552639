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

/**
 * The SMS code a person received (from the outbox) traded for GoTrue's own code through the sms-otp
 * function, as the app does (docs/security.md, "Sign-in codes"). Throws with the function's answer.
 */
export async function redeemSmsCode(phone: string, code: string, type = 'sms'): Promise<string> {
  const s = getStack();
  const res = await fetch(`${s.url}/functions/v1/sms-otp`, {
    method: 'POST',
    headers: { apikey: s.anonKey, authorization: `Bearer ${s.anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code, type }),
  });
  const body = (await res.json()) as { token?: string; code?: string };
  if (!res.ok || !body.token) throw new Error(`sms-otp answered ${res.status} ${body.code ?? ''}`);
  return body.token;
}

/** The newest SMS code sent to `phone`, already traded for GoTrue's code (for verifyOtp). */
export async function latestGotrueCode(phone: string, type = 'sms'): Promise<string> {
  const code = await latestSmsCode(phone);
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return redeemSmsCode(phone, code, type);
}

/** Signs a phone user in with an SMS code read from the outbox; returns the signed-in client. */
export async function signInWithSms(phone = randomPhone()): Promise<{ client: SupabaseClient; phone: string; userId: string }> {
  const client = anonClient();
  const sent = await client.auth.signInWithOtp({ phone });
  if (sent.error) throw sent.error;
  const token = await latestGotrueCode(phone);
  const { data, error } = await client.auth.verifyOtp({ phone, token, type: 'sms' });
  if (error || !data.user) throw error ?? new Error('no user');
  return { client, phone, userId: data.user.id };
}

// ---------------------------------------------------------------------------------------------
// Identity (issue 3): users in a given state of the consent gate. Each sign-in talks from its own
// loopback address (see tests/contract/auth-support.ts), so the many sign-ins of the identity
// suites never exhaust the per-IP SMS / sign-in budgets other suites rely on.
// ---------------------------------------------------------------------------------------------
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';

export interface SignedInUser {
  client: SupabaseClient;
  phone: string;
  userId: string;
  /** the access token, for raw calls through the gateway */
  token: string;
}

/** A new phone user signed in with an SMS code from the outbox, from a fresh loopback address. */
export async function signInFresh(phone = randomPhone()): Promise<SignedInUser> {
  const client = clientFrom(randomLoopbackIp());
  const sent = await client.auth.signInWithOtp({ phone });
  if (sent.error) throw sent.error;
  const token = await latestGotrueCode(phone);
  const { data, error } = await client.auth.verifyOtp({ phone, token, type: 'sms' });
  if (error || !data.user || !data.session) throw error ?? new Error('no user');
  return { client, phone, userId: data.user.id, token: data.session.access_token };
}

/** A birth date (YYYY-MM-DD) making someone `years` old today in Asia/Shanghai, a month past the birthday. */
export function birthDateForAge(years: number): string {
  const shanghai = new Date(Date.now() + 8 * 3600 * 1000);
  const d = new Date(Date.UTC(shanghai.getUTCFullYear() - years, shanghai.getUTCMonth() - 1, Math.min(shanghai.getUTCDate(), 28)));
  return d.toISOString().slice(0, 10);
}

interface MissingAgreement {
  version_id: string;
  required: boolean;
  needs_guardian: boolean;
}

/** Accepts every required agreement the user still lacks and may accept themselves. */
export async function acceptRequiredAgreements(client: SupabaseClient, channel = 'h5'): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt++) {
    const status = await client.rpc('my_consent_status');
    if (status.error) throw status.error;
    const ids = (status.data.missing as MissingAgreement[]).filter((m) => m.required && !m.needs_guardian).map((m) => m.version_id);
    if (ids.length === 0) return status.data;
    const accepted = await client.rpc('accept_agreements', { p_version_ids: ids, p_channel: channel });
    if (!accepted.error) return accepted.data;
    // Versions are never deleted in the product, but a suite running in parallel deletes the test
    // document it published (identity-minors): read the list again.
    if (accepted.error.code !== '23503' || attempt === 3) throw accepted.error;
  }
}

/** Signs in, sets a birth date (adult by default) and accepts the current required agreements. */
export async function signInCleared(opts: { age?: number } = {}): Promise<SignedInUser> {
  const user = await signInFresh();
  const birth = await user.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(opts.age ?? 30) });
  if (birth.error) throw birth.error;
  await acceptRequiredAgreements(user.client);
  return user;
}

/** A raw JSON call through the gateway: `{ status, body }`, never throwing on HTTP errors. */
export async function callApi(
  path: string,
  opts: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
): Promise<{ status: number; body: any; headers: Headers }> {
  const s = getStack();
  const res = await fetch(`${s.url}${path}`, {
    method: opts.method ?? 'POST',
    headers: {
      apikey: s.anonKey,
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      'content-type': 'application/json',
      ...opts.headers,
    },
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, body, headers: res.headers };
}

/** Makes an existing user a platform operator (arranging state; operators are appointed out of band). */
export async function makePlatformOperator(userId: string): Promise<void> {
  await sql(`insert into private.platform_operators (user_id, note) values ($1, 'test') on conflict do nothing`, [userId]);
}

/**
 * Removes an agreement version a suite published, its consents and notices first. A new required
 * version unclears everyone on the shared stack (the seeded demo users other suites sign in as too),
 * so suites that publish one remove it again afterwards.
 */
export async function removeAgreementVersion(versionId: string): Promise<void> {
  await sql('delete from public.consents where version_id = $1', [versionId]);
  await sql(`delete from public.notifications where data ->> 'version_id' = $1`, [versionId]);
  await sql('delete from public.agreement_versions where id = $1', [versionId]);
}

/**
 * Arranges an existing user as cleared (adult birth date, consent to every current required
 * version) straight in the database — for suites that drive other flows (e2e, weapp) and only need
 * a usable account. Identity behaviour itself is tested through the API in tests/integration/identity-*.
 */
export async function markCleared(userId: string, birthDate = '1990-01-01'): Promise<void> {
  await sql(`update private.accounts set birth_date = $2, birth_date_set_at = now() where user_id = $1`, [userId, birthDate]);
  await sql(
    `insert into public.consents (user_id, document_id, version_id, channel, consented_by)
     select $1, d.id, cv.version_id, 'h5', 'self'
       from public.agreement_documents d
       join private.current_versions() cv on cv.document_id = d.id
      where d.required and d.audience = 'everyone'
     on conflict do nothing`,
    [userId],
  );
}

// ---------------------------------------------------------------------------------------------
// Tenancy (issue 4): enterprises and memberships arranged through the membership RPCs.
// ---------------------------------------------------------------------------------------------

/** Creates an enterprise as `admin` (who becomes its admin); returns its id. */
export async function createEnterpriseAs(
  admin: SignedInUser,
  fields: { name?: string; industry?: string; size_band?: string; contact_name?: string; contact_phone?: string } = {},
): Promise<string> {
  const { data, error } = await admin.client.rpc('create_enterprise', {
    p_name: fields.name ?? `测试企业${Math.random().toString(36).slice(2, 8)}`,
    p_industry: fields.industry ?? '软件',
    p_size_band: fields.size_band ?? '1-49',
    p_contact_name: fields.contact_name ?? '联系人',
    p_contact_phone: fields.contact_phone ?? admin.phone,
  });
  if (error) throw error;
  return data as string;
}

/** Creates an invitation as `inviter`; returns its code. */
export async function inviteCode(
  inviter: SignedInUser,
  enterpriseId: string,
  opts: { role?: 'admin' | 'member'; departmentId?: string | null; validHours?: number; maxUses?: number | null } = {},
): Promise<string> {
  const { data, error } = await inviter.client.rpc('create_invitation', {
    p_enterprise_id: enterpriseId,
    p_role: opts.role ?? 'member',
    p_department_id: opts.departmentId ?? null,
    p_valid_hours: opts.validHours ?? 168,
    p_max_uses: opts.maxUses ?? null,
  });
  if (error) throw error;
  return (data as Array<{ code: string }>)[0].code;
}

/** `joiner` joins through an invitation from `admin` (the enterprise's join rule must admit them at once). */
export async function joinEnterprise(
  admin: SignedInUser,
  enterpriseId: string,
  joiner: SignedInUser,
  opts: { role?: 'admin' | 'member'; departmentId?: string | null } = {},
): Promise<void> {
  const code = await inviteCode(admin, enterpriseId, { ...opts, maxUses: 1 });
  const { data, error } = await joiner.client.rpc('accept_invitation', { p_code: code });
  if (error) throw error;
  const status = (data as { status?: string } | null)?.status;
  if (status !== 'joined') throw new Error(`expected to join, got ${status}`);
}

/** Raw Storage API call as a user: upload (POST) or authenticated download (GET). */
export async function storageObject(
  token: string,
  method: 'POST' | 'GET',
  bucket: string,
  objectPath: string,
  body?: { bytes: Uint8Array; contentType: string },
): Promise<{ status: number; text: string }> {
  const s = getStack();
  const url = method === 'GET'
    ? `${s.url}/storage/v1/object/authenticated/${bucket}/${objectPath}`
    : `${s.url}/storage/v1/object/${bucket}/${objectPath}`;
  const res = await fetch(url, {
    method,
    headers: { apikey: s.anonKey, authorization: `Bearer ${token}`, ...(body ? { 'content-type': body.contentType } : {}) },
    body: body ? Buffer.from(body.bytes) : undefined,
  });
  return { status: res.status, text: await res.text() };
}
