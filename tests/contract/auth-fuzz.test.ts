// Contract: whatever a client sends to /auth/v1, the answer is never a 5xx and errors keep GoTrue's
// shape. Property-based (fast-check), ~100 runs per endpoint, each run from a fresh loopback IP so
// rate limits don't turn the whole run into 429s.
import fc from 'fast-check';
import { authCall, getStack, randomLoopbackIp, randomPhone, signIn, type RawResult } from './auth-support';

jest.setTimeout(120_000);
const RUNS = { numRuns: 100 };

// A number of our own, so that fuzzing never sends codes to (or rate-limits) a seeded demo phone.
const PHONE = randomPhone();

/** Values of every JSON type, and field values that look almost right. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom('', '+86', PHONE, PHONE.slice(1), '000000', 'sms', 'phone_change', 'email', 'global', null, true, 0, -1, Number.MAX_VALUE),
  fc.stringMatching(/^\+?\d{0,20}$/),
  fc.string({ unit: 'binary', maxLength: 12 }), // NUL and lone surrogates included
  fc.constantFrom('\u0000', 'pass\u0000word', { k: '\u0000' }, { '\u0000': 1 }),
  fc.array(fc.string(), { maxLength: 3 }),
);

const FIELDS = ['phone', 'email', 'password', 'token', 'type', 'data', 'channel', 'create_user', 'refresh_token', 'user_metadata',
  'app_metadata', 'phone_confirm', 'email_confirm', 'ban_duration', 'role', 'should_soft_delete', 'nonce'];

const body = fc
  .oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string(),
    fc.constantFrom('', '{', '{"phone":', 'null', '[]', '"x"', `{"phone":"${PHONE}"`, '\u0000'),
  );

const versionHeader = fc.option(fc.oneof(fc.constantFrom('2024-01-01', '2023-01-01', '9999-99-99', 'x'), fc.string({ maxLength: 12 })), { nil: undefined });

function assertGoTrueAnswer(r: RawResult): void {
  expect(r.status).toBeGreaterThanOrEqual(200);
  expect(r.status).toBeLessThan(500);
  if (r.status >= 400) {
    expect(typeof r.body).toBe('object');
    const b = r.body as Record<string, unknown>;
    const legacy = typeof b.code === 'number' && typeof b.error_code === 'string' && typeof b.msg === 'string';
    const dated = typeof b.code === 'string' && typeof b.message === 'string';
    const oauth = typeof b.error === 'string';
    expect(legacy || dated || oauth).toBe(true);
  }
}

/**
 * Paths the stack's edge (nginx, as Kong in Supabase) refuses with a bodyless 400 before any service
 * sees them: a NUL byte once decoded, or dot segments climbing above the root.
 */
function refusedAtTheEdge(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(`/auth/v1${path.split('?')[0]}`);
  } catch {
    return false;
  }
  if (decoded.includes('\u0000')) return true;
  let depth = 0;
  for (const segment of decoded.split('/')) {
    if (segment === '..') depth -= 1;
    else if (segment && segment !== '.') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}

async function send(method: string, path: string, raw: string, headers: Record<string, string>): Promise<RawResult> {
  const r = await authCall(randomLoopbackIp(), method, path, raw, headers);
  if (r.status === 400 && r.body === null && refusedAtTheEdge(path)) return r;
  assertGoTrueAnswer(r);
  return r;
}

const withVersion = (v: string | undefined, h: Record<string, string> = {}) =>
  v === undefined ? h : { ...h, 'x-supabase-api-version': v.replace(/[^\x20-\x7e]/g, '') };

describe('auth: bad input never yields a 5xx (local only)', () => {
  let userToken = '';
  beforeAll(async () => {
    userToken = (await signIn(randomLoopbackIp(), randomPhone())).access_token;
  });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  const publicEndpoints: Array<[string, string]> = [
    ['POST', '/otp'],
    ['POST', '/signup'],
    ['POST', '/verify'],
    ['POST', '/token?grant_type=password'],
    ['POST', '/token?grant_type=refresh_token'],
  ];
  test.each(publicEndpoints)('%s %s', async (method, path) => {
    await fc.assert(fc.asyncProperty(body, versionHeader, (raw, v) => send(method, path, raw, withVersion(v)).then(() => undefined)), RUNS);
  });

  test('POST /token with any grant type and query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), body, (q, raw) => send('POST', `/token?grant_type=${encodeURIComponent(q)}&${encodeURIComponent(q)}`, raw, {}).then(() => undefined)),
      RUNS,
    );
  });

  test('PUT /user with a valid session', async () => {
    await fc.assert(fc.asyncProperty(body, versionHeader, (raw, v) => send('PUT', '/user', raw, withVersion(v, bearer(userToken))).then(() => undefined)), RUNS);
  });

  test('GET /user and POST /logout with any Authorization header', async () => {
    const auth = fc.oneof(
      fc.string().map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      fc.string().map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, '')}`),
      fc.constantFrom('Bearer', 'Bearer a.b.c', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.', `Bearer ${getStack().anonKey}`, `Bearer ${getStack().serviceRoleKey}`),
    );
    await fc.assert(
      fc.asyncProperty(auth, fc.constantFrom('GET /user', 'POST /logout', 'POST /logout?scope=x', 'PUT /user'), async (a, route) => {
        const [method, path] = route.split(' ');
        await send(method, path, method === 'GET' ? '' : '{}', a ? { authorization: a } : {});
      }),
      RUNS,
    );
  });

  test('admin endpoints with the service role key', async () => {
    const svc = bearer(getStack().serviceRoleKey);
    const id = fc.oneof(fc.uuid(), fc.string().map((s) => encodeURIComponent(s) || 'x'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('POST', 'PUT', 'GET', 'DELETE'), id, body, fc.string(), async (method, uid, raw, page) => {
        const path = method === 'POST' ? '/admin/users' : method === 'GET' && page.length % 2 === 0
          ? `/admin/users?page=${encodeURIComponent(page)}&per_page=${encodeURIComponent(page)}`
          : `/admin/users/${uid}`;
        await send(method, path, method === 'GET' ? '' : raw, svc);
      }),
      RUNS,
    );
  });

  test('unknown paths and methods', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), fc.webPath(), async (method, p) => {
        await send(method, p.startsWith('/') ? p : `/${p}`, '{}', {});
      }),
      RUNS,
    );
  });
});
