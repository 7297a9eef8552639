// The send-sms hook against a local HTTP server that answers like Tencent Cloud SMS (and like
// PostgREST for the one RPC the hook calls): the real handler, the real webhook verification and
// the real HTTP client, only the far ends are local. The database side of sms_code_issue is
// tested against the real database in tests/integration/sign-in-codes.test.ts.
// node:assert ships with Deno; JSR (where @std/assert lives) is not reachable from every machine.
import { deepStrictEqual as assertEquals, match as assertMatch } from 'node:assert/strict';
import { handler } from './handler.ts';
import { signWebhook } from '../_shared/webhooks.ts';
import { tc3Authorization } from '../_shared/sms/tencent.ts';

const SECRET = 'v1,whsec_' + btoa('test-secret-for-send-sms-hook-32bytes');

interface Received {
  headers: Headers;
  body: Record<string, unknown>;
  raw: string;
}

const issued = () => new Response(JSON.stringify({ code: '246810', expires_in: 300 }), { status: 200 });

async function withFakeTencent(
  reply: (r: Received) => unknown,
  fn: (received: Received[], rpcCalls: Received[]) => Promise<void>,
  rpcReply: () => Response = issued,
): Promise<void> {
  const received: Received[] = [];
  const rpcCalls: Received[] = [];
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (req) => {
    const raw = await req.text();
    const r = { headers: req.headers, body: JSON.parse(raw), raw };
    if (new URL(req.url).pathname === '/rest/v1/rpc/sms_code_issue') {
      rpcCalls.push(r);
      return rpcReply();
    }
    received.push(r);
    return Response.json(reply(r));
  });
  Deno.env.set('SMS_API_BASE_URL', `http://127.0.0.1:${server.addr.port}`);
  Deno.env.set('SUPABASE_URL', `http://127.0.0.1:${server.addr.port}`);
  Deno.env.set('SUPABASE_ANON_KEY', 'anon-key');
  Deno.env.set('SUPABASE_SERVICE_ROLE_KEY', 'service-key');
  Deno.env.set('SEND_SMS_HOOK_SECRET', SECRET);
  Deno.env.set('TENCENT_SMS_SECRET_ID', 'AKIDtest');
  Deno.env.set('TENCENT_SMS_SECRET_KEY', 'test-key');
  try {
    await fn(received, rpcCalls);
  } finally {
    await server.shutdown();
  }
}

const ok = () => ({
  Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', PhoneNumber: '+8613800138000' }], RequestId: 'r1' },
});

async function hookRequest(payload: unknown, opts: { secret?: string; timestamp?: number; rawBody?: string } = {}) {
  const body = opts.rawBody ?? JSON.stringify(payload);
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const id = crypto.randomUUID();
  return new Request('http://localhost/send-sms', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': await signWebhook(opts.secret ?? SECRET, id, ts, body),
    },
    body,
  });
}

const goodPayload = { user: { id: '11111111-1111-4111-8111-111111111111', phone: '8613800138000' }, sms: { otp: '1234567890' } };

Deno.test("a signed hook call keeps GoTrue's code and texts ours through Tencent SendSms", async () => {
  await withFakeTencent(ok, async (received, rpcCalls) => {
    const res = await handler(await hookRequest(goodPayload));
    assertEquals(res.status, 200);
    assertEquals(await res.json(), {});
    assertEquals(rpcCalls.length, 1);
    assertEquals(rpcCalls[0].body, { p_phone: '8613800138000', p_sms_type: 'sms', p_gotrue_token: '1234567890' });
    assertEquals(rpcCalls[0].headers.get('authorization'), 'Bearer service-key');
    assertEquals(received.length, 1);
    const [r] = received;
    assertEquals(r.body.PhoneNumberSet, ['+8613800138000']);
    // the person gets our 6-digit code, never GoTrue's
    assertEquals(r.body.TemplateParamSet, ['246810', '5']);
    assertEquals(r.headers.get('x-tc-action'), 'SendSms');
    assertEquals(r.headers.get('x-tc-version'), '2021-01-11');
    const ts = Number(r.headers.get('x-tc-timestamp'));
    const host = new URL(Deno.env.get('SMS_API_BASE_URL')!).host;
    assertEquals(r.headers.get('authorization'), await tc3Authorization({ secretId: 'AKIDtest', secretKey: 'test-key' }, host, r.raw, ts));
    assertMatch(r.headers.get('authorization')!, /^TC3-HMAC-SHA256 Credential=AKIDtest\/\d{4}-\d\d-\d\d\/sms\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/);
  });
});

Deno.test('a phone change code goes to the new number', async () => {
  await withFakeTencent(ok, async (received) => {
    const payload = {
      user: { id: goodPayload.user.id, phone: '8613800138000', new_phone: '8613900139000' },
      sms: { otp: '6543210987', sms_type: 'phone_change' },
    };
    const res = await handler(await hookRequest(payload));
    assertEquals(res.status, 200);
    await res.body?.cancel();
    assertEquals(received[0].body.PhoneNumberSet, ['+8613900139000']);
  });
});

Deno.test("the database's per-phone limit becomes a 429 hook error and nothing is sent", async () => {
  const limited = () =>
    new Response(JSON.stringify({ code: 'P0001', message: 'sms_hourly_limit', hint: '该手机号本小时获取验证码次数过多，请稍后再试' }), { status: 400 });
  await withFakeTencent(ok, async (received) => {
    const res = await handler(await hookRequest(goodPayload));
    assertEquals(res.status, 200); // GoTrue relays an error body of a 2xx answer
    const body = await res.json();
    assertEquals(body.error.http_code, 429);
    assertMatch(body.error.message, /本小时/);
    assertEquals(received.length, 0);
  }, limited);
});

Deno.test('a wrong signature is refused with 401 and nothing is sent', async () => {
  await withFakeTencent(ok, async (received) => {
    const res = await handler(await hookRequest(goodPayload, { secret: 'v1,whsec_' + btoa('another-secret') }));
    assertEquals(res.status, 401);
    assertEquals((await res.json()).error.http_code, 401);
    assertEquals(received.length, 0);
  });
});

Deno.test('a stale timestamp is refused with 401', async () => {
  await withFakeTencent(ok, async (received) => {
    const res = await handler(await hookRequest(goodPayload, { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
    assertEquals(res.status, 401);
    await res.body?.cancel();
    assertEquals(received.length, 0);
  });
});

Deno.test('missing webhook headers are refused with 401', async () => {
  await withFakeTencent(ok, async (received) => {
    const res = await handler(new Request('http://localhost/send-sms', { method: 'POST', body: JSON.stringify(goodPayload) }));
    assertEquals(res.status, 401);
    await res.body?.cancel();
    assertEquals(received.length, 0);
  });
});

Deno.test('a signed but malformed payload is a 400 that GoTrue relays (in a 200 answer)', async () => {
  await withFakeTencent(ok, async (received) => {
    const bad = [
      { user: { phone: 'abc' }, sms: { otp: '123456' } },
      { user: { phone: '8613800138000' } },
      { user: { id: 'x' }, sms: { otp: '123456' } },
    ];
    for (const payload of bad) {
      const res = await handler(await hookRequest(payload));
      assertEquals(res.status, 200);
      assertEquals((await res.json()).error.http_code, 400);
    }
    const notJson = await handler(await hookRequest(null, { rawBody: '{not json' }));
    assertEquals(notJson.status, 200);
    assertEquals((await notJson.json()).error.http_code, 400);
    assertEquals(received.length, 0);
  });
});

Deno.test('provider rate limits become 429, other provider errors 500', async () => {
  const limit = () => ({
    Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberThirtySecondLimit', Message: 'too often' }], RequestId: 'r2' },
  });
  await withFakeTencent(limit, async () => {
    const res = await handler(await hookRequest(goodPayload));
    assertEquals(res.status, 429);
    assertEquals((await res.json()).error.http_code, 429);
  });
  const authFailure = () => ({
    Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad signature' }, RequestId: 'r3' },
  });
  await withFakeTencent(authFailure, async () => {
    const res = await handler(await hookRequest(goodPayload));
    assertEquals(res.status, 500);
    const body = await res.json();
    assertEquals(body.error.http_code, 500);
    assertMatch(body.error.message, /AuthFailure\.SignatureFailure/);
  });
});
