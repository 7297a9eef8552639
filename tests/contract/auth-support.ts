// Shared by the auth contract tests. Each test talks from its own loopback address (127.x.y.z —
// Linux routes the whole 127/8 to lo), so per-IP rate limits are exercised honestly through the
// socket address, and the many sign-ins of a test run never eat another test's budget.
import http from 'node:http';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { getStack } from '../support/stack';
import { latestGotrueCode, sql } from '../support/clients';

export { randomPhone, sql, latestSmsCode } from '../support/clients';
export { getStack };

export function randomLoopbackIp(): string {
  const b = () => 1 + Math.floor(Math.random() * 253);
  return `127.${b()}.${b()}.${b()}`;
}

/** A WHATWG-fetch over node:http bound to `localAddress`, good enough for supabase-js and tests. */
export function fetchFrom(localAddress: string): typeof fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const body = init.body === undefined || init.body === null ? undefined : Buffer.from(String(init.body));
    // explicit framing: node sends DELETE bodies without chunked encoding otherwise
    if (body !== undefined) headers['content-length'] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers, localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
            const status = res.statusCode ?? 500;
            const text = Buffer.concat(chunks);
            resolve(new Response(status === 204 || status === 304 ? null : text, { status, headers: h }));
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }) as typeof fetch;
}

/** supabase-js as the app uses it, talking from `ip`. */
export function clientFrom(ip: string, key = getStack().anonKey): SupabaseClient {
  return createClient(getStack().url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
    global: { fetch: fetchFrom(ip) },
  });
}

export interface RawResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A raw call to /auth/v1 with the anon key, from `ip`; body may be a raw string. */
export async function authCall(
  ip: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {},
): Promise<RawResult> {
  const s = getStack();
  const res = await fetchFrom(ip)(`${s.url}/auth/v1${path}`, {
    method,
    headers: { apikey: s.anonKey, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text: a non-JSON answer is itself a finding
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export function decodeJwt(token: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/**
 * Requests a code for `phone` from `ip` and returns GoTrue's code for it: the Send SMS hook texts a
 * code of ours (read from the local SMS outbox), which the sms-otp function trades for GoTrue's
 * (docs/security.md, "Sign-in codes").
 */
export async function requestCode(ip: string, phone: string, type = 'sms'): Promise<string> {
  const r = await authCall(ip, 'POST', '/otp', { phone, create_user: true, channel: 'sms' });
  if (r.status !== 200) throw new Error(`POST /otp → ${r.status} ${JSON.stringify(r.body)}`);
  return latestGotrueCode(phone.startsWith('+') ? phone : '+' + phone, type);
}

/** Signs `phone` in with an SMS code from `ip`; returns the session JSON of POST /verify. */
export async function signIn(ip: string, phone: string) {
  const code = await requestCode(ip, phone);
  const r = await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: code });
  if (r.status !== 200) throw new Error(`POST /verify → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { access_token: string; refresh_token: string; expires_in: number; expires_at: number; user: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function getUserWith(ip: string, accessToken: string): Promise<RawResult> {
  return authCall(ip, 'GET', '/user', undefined, { authorization: `Bearer ${accessToken}` });
}

/** Moves a user's pending SMS code into the past, as if `seconds` had gone by. */
export async function ageCode(phone: string, seconds: number): Promise<void> {
  await sql(
    `update auth.users set confirmation_sent_at = confirmation_sent_at - make_interval(secs => $2)
     where phone = $1`,
    [phone.replace(/^\+/, ''), seconds],
  );
}
