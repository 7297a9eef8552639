// The gateway as a client or attacker meets it: CORS, API keys, JWT checks, routing, RLS through
// PostgREST, and arbitrary input never producing a server error.
import http from 'node:http';
import fc from 'fast-check';
import { signJwt } from '../../tools/local-stack/jwt';
import { sql } from '../support/clients';
import { getStack } from '../support/stack';
import { THROWAWAY_TABLE_PREFIX, throwawayDdl } from '../support/throwaway';

const s = () => getStack();
const now = () => Math.floor(Date.now() / 1000);
const userJwt = (sub: string, extra: Record<string, unknown> = {}) =>
  signJwt({ sub, role: 'authenticated', aud: 'authenticated', iat: now(), exp: now() + 600, ...extra }, s().jwtSecret);

async function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${s().url}${path}`, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, unknown> };
}

describe('CORS (local only)', () => {
  it.each(['/rest/v1/profiles', '/auth/v1/token?grant_type=password', '/storage/v1/object/avatars/a.png', '/functions/v1/health'])(
    'answers the preflight for %s without any key',
    async (path) => {
      const res = await call(path, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:10086',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, x-client-info, apikey, content-type, prefer',
        },
      });
      expect([200, 204]).toContain(res.status);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-headers')).toMatch(/apikey/);
      expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    },
  );

  it('lets browsers read Content-Range on normal responses', async () => {
    const res = await call('/rest/v1/agreement_documents?select=id', { headers: { apikey: s().anonKey, prefer: 'count=exact' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Content-Range/);
    expect(res.headers.get('content-range')).toMatch(/\/\d+$/);
  });
});

describe('API keys (local only)', () => {
  // /storage/v1 is not in the list: Supabase's gateway has no key-auth there (upstream-storage.test.ts).
  it.each(['/rest/v1/profiles', '/auth/v1/user'])('refuses %s without apikey or with a wrong one', async (path) => {
    const missing = await call(path);
    expect(missing.status).toBe(401);
    expect(missing.body.message).toBe('No API key found in request');
    const forged = signJwt({ role: 'service_role', iss: 'supabase-demo', exp: now() + 3600 }, 'not-the-secret-not-the-secret-123');
    for (const key of ['nonsense', forged]) {
      const wrong = await call(path, { headers: { apikey: key } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.message).toBe('Invalid API key');
    }
  });

  it('accepts the key as a query parameter, as Supabase does', async () => {
    const res = await call(`/rest/v1/agreement_documents?select=id&apikey=${s().anonKey}`);
    expect(res.status).toBe(200);
  });
});

describe('JWTs (local only)', () => {
  const expired = () => signJwt({ sub: crypto.randomUUID(), role: 'authenticated', exp: now() - 60 }, s().jwtSecret);
  const wrongSecret = () => signJwt({ sub: crypto.randomUUID(), role: 'service_role', exp: now() + 60 }, 'x'.repeat(40));

  it.each([
    ['malformed', () => 'not.a.jwt'],
    ['expired', expired],
    ['signed with another secret', wrongSecret],
  ])('refuses a %s bearer token on rest and functions with 401, and on storage', async (_label, token) => {
    const auth = { apikey: s().anonKey, authorization: `Bearer ${token()}` };
    for (const path of ['/rest/v1/profiles', '/functions/v1/health']) {
      const res = await call(path, { headers: auth });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(typeof res.body).toBe('object');
    }
    // Supabase Storage answers bad JWTs itself (400 with statusCode 403 in the body): refused, not served.
    const storage = await call('/storage/v1/bucket', { headers: auth });
    expect([400, 401, 403]).toContain(storage.status);
  });

  it('functions with verify_jwt need an Authorization header, and accept it without apikey', async () => {
    expect((await call('/functions/v1/health')).status).toBe(401);
    const ok = await call('/functions/v1/health', { headers: { authorization: `Bearer ${s().anonKey}` } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('ok');
  });

  it('unknown functions are 404, with or without a token', async () => {
    const headerSets: Array<Record<string, string>> = [{}, { authorization: `Bearer ${s().anonKey}` }];
    for (const headers of headerSets) {
      const res = await call('/functions/v1/no-such-function', { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(404);
    }
    expect((await call('/functions/v1/_shared/cors.ts', { headers: { authorization: `Bearer ${s().anonKey}` } })).status).toBe(404);
  });
});

describe('PostgREST through the gateway (local only)', () => {
  const table = `${THROWAWAY_TABLE_PREFIX}gateway_${process.pid}_${Date.now()}`;
  const alice = crypto.randomUUID();
  const bob = crypto.randomUUID();

  beforeAll(async () => {
    await throwawayDdl([
      `create table public.${table} (id bigint generated always as identity primary key, owner uuid not null, note text not null)`,
      `alter table public.${table} enable row level security`,
      `create policy "Owners read their notes" on public.${table} for select to authenticated using (owner = (select auth.uid()))`,
    ]);
    await sql(`insert into public.${table} (owner, note) values ($1, 'a1'), ($1, 'a2'), ($2, 'b1')`, [alice, bob]);
    // The DDL event trigger reloads PostgREST's schema cache asynchronously: wait for the table.
    for (let i = 0; i < 100; i++) {
      if ((await call(`/rest/v1/${table}?select=id`, { headers: { apikey: s().serviceRoleKey } })).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await throwawayDdl([`drop table if exists public.${table}`]);
  });

  const notes = async (headers: Record<string, string>) => {
    const res = await call(`/rest/v1/${table}?select=note&order=note`, { headers });
    expect(res.status).toBe(200);
    return (res.body as unknown as Array<{ note: string }>).map((r) => r.note);
  };

  it('RLS decides what each caller sees', async () => {
    expect(await notes({ apikey: s().anonKey })).toEqual([]);
    expect(await notes({ apikey: s().anonKey, authorization: `Bearer ${userJwt(alice)}` })).toEqual(['a1', 'a2']);
    expect(await notes({ apikey: s().anonKey, authorization: `Bearer ${userJwt(bob)}` })).toEqual(['b1']);
    // service_role bypasses RLS, whether it comes as bearer or as apikey alone
    expect(await notes({ apikey: s().anonKey, authorization: `Bearer ${s().serviceRoleKey}` })).toEqual(['a1', 'a2', 'b1']);
    expect(await notes({ apikey: s().serviceRoleKey })).toEqual(['a1', 'a2', 'b1']);
  });

  it('bad JSON bodies are a 4xx, not a server error', async () => {
    const res = await call(`/rest/v1/${table}`, {
      method: 'POST',
      headers: { apikey: s().serviceRoleKey, 'content-type': 'application/json' },
      body: '{"owner": ',
    });
    expect(res.status).toBe(400);
  });

  it('passes Prefer and Range through', async () => {
    const res = await call(`/rest/v1/${table}?select=note&order=note`, {
      headers: { apikey: s().serviceRoleKey, prefer: 'count=exact', range: '0-0' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('0-0/3');
  });
});

// Raw node:http so nothing normalises the method, path or headers we send.
function rawRequest(method: string, path: string, headers: Record<string, string>, body: string): Promise<number> {
  const url = new URL(s().url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

describe('arbitrary input (local only)', () => {
  it('never gets a 5xx from any route', async () => {
    const prefixes = ['/rest/v1', '/auth/v1', '/storage/v1', '/functions/v1', '/functions/v1/health', '/functions/v1/send-sms',
      '/__local/sms', '/__local/sms-provider', '', '/storage/v1/object', '/auth/v1/token', '/rest/v1/rpc'];
    const token = fc.constantFrom('valid-anon', 'valid-service', 'expired', 'garbage', 'none');
    const tokenValue = (t: string) =>
      ({ 'valid-anon': s().anonKey, 'valid-service': s().serviceRoleKey, expired: signJwt({ role: 'anon', exp: 1 }, s().jwtSecret), garbage: 'a.b.c' })[t];
    const printable = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~!*()=&?{}[]:,"\' '.split('')), maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
        fc.constantFrom(...prefixes),
        fc.array(fc.webSegment(), { maxLength: 4 }),
        fc.option(fc.webQueryParameters(), { nil: undefined }),
        token,
        token,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
        fc.oneof(fc.json(), printable),
        async (method, prefix, segments, query, apikey, bearer, contentType, body) => {
          const path = `${prefix}/${segments.join('/')}${query ? `?${query}` : ''}`;
          const headers: Record<string, string> = {};
          if (tokenValue(apikey)) headers.apikey = tokenValue(apikey)!;
          if (tokenValue(bearer)) headers.authorization = `Bearer ${tokenValue(bearer)}`;
          if (contentType) headers['content-type'] = contentType;
          const status = await rawRequest(method, path, headers, method === 'GET' || method === 'HEAD' ? '' : body);
          if (status >= 500) throw new Error(`${method} ${path} → ${status}`);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  }, 120_000);
});
