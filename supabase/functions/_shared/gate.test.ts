// The gate against a local server answering like GoTrue (/auth/v1/user) and PostgREST
// (/rest/v1/rpc/my_consent_status): the real gate code and HTTP calls, only the far end is local.
import { deepStrictEqual as assertEquals, match as assertMatch } from 'node:assert/strict';
import { FIXABLE, gate } from './gate.ts';

type Reply = { user?: number; status?: [number, unknown] };

async function withFakeProject(reply: Reply, fn: () => Promise<void>): Promise<void> {
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, (req) => {
    const url = new URL(req.url);
    if (req.headers.get('apikey') !== 'anon-key') return Response.json({ message: 'Invalid API key' }, { status: 401 });
    if (url.pathname === '/auth/v1/user') {
      const code = reply.user ?? 200;
      return code === 200
        ? Response.json({ id: '11111111-1111-4111-8111-111111111111', phone: '8613800138000' })
        : Response.json({
          code,
          error_code: 'session_not_found',
          msg: 'Session from session_id claim in JWT does not exist',
        }, { status: code });
    }
    if (url.pathname === '/rest/v1/rpc/my_consent_status') {
      const [code, body] = reply.status ??
        [200, { cleared: true, gate: null, age_band: 'adult', account_status: 'active' }];
      return Response.json(body, { status: code });
    }
    return Response.json({ message: 'not found' }, { status: 404 });
  });
  Deno.env.set('SUPABASE_URL', `http://127.0.0.1:${server.addr.port}`);
  Deno.env.set('SUPABASE_ANON_KEY', 'anon-key');
  try {
    await fn();
  } finally {
    await server.shutdown();
  }
}

const req = (token?: string) =>
  new Request('http://localhost/fn', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

async function refusal(result: Awaited<ReturnType<typeof gate>>): Promise<[number, { code: string; message: string }]> {
  if (result.ok) throw new Error('expected a refusal');
  return [result.response.status, await result.response.json()];
}

Deno.test('no token or an ended session: 401 not_authenticated', async () => {
  await withFakeProject({ user: 403 }, async () => {
    const [s1, b1] = await refusal(await gate(req()));
    assertEquals([s1, b1.code], [401, 'not_authenticated']);
    const [s2, b2] = await refusal(await gate(req('token')));
    assertEquals([s2, b2.code], [401, 'not_authenticated']);
    assertMatch(b2.message, /登录/);
  });
});

Deno.test('a cleared user passes with their id and status', async () => {
  await withFakeProject({}, async () => {
    const result = await gate(req('token'));
    if (!result.ok) throw new Error('expected ok');
    assertEquals(result.caller.userId, '11111111-1111-4111-8111-111111111111');
    assertEquals(result.caller.status.cleared, true);
  });
});

Deno.test('each gate code is a 403 with a Chinese message; fixable codes may be allowed', async () => {
  for (const code of ['consent_required', 'birth_date_required', 'guardian_required'] as const) {
    await withFakeProject({
      status: [200, { cleared: false, gate: code, age_band: 'adult', account_status: 'active' }],
    }, async () => {
      const [status, body] = await refusal(await gate(req('token')));
      assertEquals([status, body.code], [403, code]);
      assertMatch(body.message, /[\u4e00-\u9fa5]/);
      assertEquals((await gate(req('token'), { allow: FIXABLE })).ok, true);
    });
  }
});

Deno.test('suspended and terminated accounts are refused even where fixable codes are allowed', async () => {
  for (const code of ['account_suspended', 'account_terminated'] as const) {
    await withFakeProject({
      status: [200, { cleared: false, gate: code, age_band: 'adult', account_status: 'suspended' }],
    }, async () => {
      const [status, body] = await refusal(await gate(req('token'), { allow: FIXABLE }));
      assertEquals([status, body.code], [403, code]);
    });
  }
});

Deno.test('a database refusal of the status call keeps its code', async () => {
  await withFakeProject({
    status: [403, { code: '42501', message: 'account_suspended', hint: '你的账号已被暂停使用' }],
  }, async () => {
    const [status, body] = await refusal(await gate(req('token')));
    assertEquals([status, body.code], [403, 'account_suspended']);
  });
});

Deno.test('an uninitialised platform is a 403 platform_not_initialized, even where fixable codes are allowed', async () => {
  await withFakeProject({
    status: [200, { cleared: false, gate: 'platform_not_initialized', age_band: 'adult', account_status: 'active' }],
  }, async () => {
    const [status, body] = await refusal(await gate(req('token'), { allow: FIXABLE }));
    assertEquals([status, body.code, body.message], [403, 'platform_not_initialized', '平台尚未完成初始化，请稍后再试']);
  });
});
