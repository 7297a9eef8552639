// The WeChat / WeCom adapters against a local server answering like the real APIs: request shapes,
// access-token caching, errcode mapping. Only the far end is local.
import { deepStrictEqual as assertEquals, rejects } from 'node:assert/strict';
import { code2Session, getPhoneNumber, getUnlimitedWxacode, mediaCheckAsync, type WeixinConfig } from './weixin.ts';
import { mediaCheckEvent, pushSignature, verifyPushSignature } from './media-push.ts';
import { wecomCode2Session, type WecomConfig } from './wecom.ts';
import { WechatApiError } from './errors.ts';

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

async function withFake(reply: (s: Seen) => unknown, fn: (base: string, seen: Seen[]) => Promise<void>) {
  const seen: Seen[] = [];
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    const text = await req.text();
    const s = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined };
    seen.push(s);
    const answer = reply(s);
    return answer instanceof Response ? answer : Response.json(answer);
  });
  try {
    await fn(`http://127.0.0.1:${server.addr.port}`, seen);
  } finally {
    await server.shutdown();
  }
}

const wx = (baseUrl: string): WeixinConfig => ({ baseUrl, appId: 'wxapp', appSecret: 'wxsecret' });

Deno.test('code2Session sends appid, secret, js_code and grant_type and returns openid/unionid only', async () => {
  await withFake(() => ({ openid: 'o1', unionid: 'u1', session_key: 'k' }), async (base, seen) => {
    assertEquals(await code2Session(wx(base), 'abc'), { openid: 'o1', unionid: 'u1' });
    assertEquals(seen[0].method, 'GET');
    assertEquals(seen[0].path, '/sns/jscode2session');
    assertEquals(seen[0].query, { appid: 'wxapp', secret: 'wxsecret', js_code: 'abc', grant_type: 'authorization_code' });
  });
});

Deno.test('errcodes map to clear errors', async () => {
  for (const [errcode, status, code] of [[40029, 400, 'wechat_code_invalid'], [45011, 429, 'wechat_rate_limited'], [40226, 403, 'wechat_user_blocked'], [40013, 502, 'wechat_unavailable']] as const) {
    await withFake(() => ({ errcode, errmsg: 'x' }), async (base) => {
      await rejects(code2Session(wx(base), 'abc'), (e: unknown) => e instanceof WechatApiError && e.status === status && e.code === code);
    });
  }
});

Deno.test('getPhoneNumber fetches an access token once, then POSTs { code }', async () => {
  const reply = (s: Seen) =>
    s.path === '/cgi-bin/token'
      ? { access_token: 'T1', expires_in: 7200 }
      : { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' } };
  await withFake(reply, async (base, seen) => {
    const cfg = { ...wx(base), appId: 'wxapp-phone' };
    assertEquals((await getPhoneNumber(cfg, 'pc1')).purePhoneNumber, '13800138000');
    await getPhoneNumber(cfg, 'pc2');
    assertEquals(seen.map((s) => s.path), ['/cgi-bin/token', '/wxa/business/getuserphonenumber', '/wxa/business/getuserphonenumber']);
    assertEquals(seen[0].query, { grant_type: 'client_credential', appid: 'wxapp-phone', secret: 'wxsecret' });
    assertEquals(seen[1].method, 'POST');
    assertEquals(seen[1].query, { access_token: 'T1' });
    assertEquals(seen[2].body, { code: 'pc2' });
  });
});

Deno.test('WeCom: gettoken with corpid/corpsecret, then miniprogram/jscode2session', async () => {
  const reply = (s: Seen) =>
    s.path === '/cgi-bin/gettoken'
      ? { errcode: 0, access_token: 'Q1', expires_in: 7200 }
      : { errcode: 0, errmsg: 'ok', corpid: 'ww1', userid: 'zhangsan', session_key: 'k' };
  await withFake(reply, async (base, seen) => {
    const cfg: WecomConfig = { baseUrl: base, corpId: 'ww1', corpSecret: 'cs' };
    assertEquals(await wecomCode2Session(cfg, 'qc'), { corpid: 'ww1', userid: 'zhangsan' });
    assertEquals(seen[0].query, { corpid: 'ww1', corpsecret: 'cs' });
    assertEquals(seen[1].path, '/cgi-bin/miniprogram/jscode2session');
    assertEquals(seen[1].query, { access_token: 'Q1', js_code: 'qc', grant_type: 'authorization_code' });
  });
});

Deno.test('an unreachable API is a 502, not a crash', async () => {
  await rejects(code2Session(wx('http://127.0.0.1:1'), 'abc'), (e: unknown) => e instanceof WechatApiError && e.status === 502);
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const wxacodeReq = { scene: 'ABCD2345', page: 'packages/enterprise/join/index', envVersion: 'release' as const };

Deno.test('getwxacodeunlimit: POSTs scene and page with the access token, returns the image bytes', async () => {
  const reply = (s: Seen) =>
    s.path === '/cgi-bin/token' ? { access_token: 'T9', expires_in: 7200 } : new Response(PNG, { headers: { 'content-type': 'image/png' } });
  await withFake(reply, async (base, seen) => {
    const image = await getUnlimitedWxacode({ ...wx(base), appId: 'wxapp-code' }, wxacodeReq);
    assertEquals([image.contentType, [...image.bytes]], ['image/png', [...PNG]]);
    assertEquals(seen[1].path, '/wxa/getwxacodeunlimit');
    assertEquals(seen[1].query, { access_token: 'T9' });
    assertEquals(seen[1].body, { scene: 'ABCD2345', page: 'packages/enterprise/join/index', check_path: false, env_version: 'release', width: 430 });
  });
});

Deno.test('getwxacodeunlimit: a stale token is fetched again once; JSON errors become clear errors', async () => {
  let calls = 0;
  const reply = (s: Seen) => {
    if (s.path === '/cgi-bin/token') return { access_token: `T${++calls}`, expires_in: 7200 };
    return s.query.access_token === 'T1' ? { errcode: 40001, errmsg: 'invalid credential' } : new Response(PNG, { headers: { 'content-type': 'image/jpeg' } });
  };
  await withFake(reply, async (base, seen) => {
    assertEquals((await getUnlimitedWxacode({ ...wx(base), appId: 'wxapp-stale' }, wxacodeReq)).contentType, 'image/jpeg');
    assertEquals(seen.map((s) => s.path), ['/cgi-bin/token', '/wxa/getwxacodeunlimit', '/cgi-bin/token', '/wxa/getwxacodeunlimit']);
  });
  for (const [errcode, status, code] of [[45009, 429, 'wechat_rate_limited'], [41030, 502, 'wechat_unavailable']] as const) {
    const r = (s: Seen) => (s.path === '/cgi-bin/token' ? { access_token: 'T', expires_in: 7200 } : { errcode, errmsg: 'x' });
    await withFake(r, async (base) => {
      await rejects(getUnlimitedWxacode({ ...wx(base), appId: `wxapp-${errcode}` }, wxacodeReq), (e: unknown) => e instanceof WechatApiError && e.status === status && e.code === code);
    });
  }
});

Deno.test('errors never carry the app secret or an access token (fetch errors name the URL)', async () => {
  const cfg = { baseUrl: 'http://127.0.0.1:9', appId: 'wxapp', appSecret: 'TOP-SECRET-VALUE' };
  await rejects(code2Session(cfg, 'abc'), (e: unknown) => e instanceof WechatApiError && !e.message.includes('TOP-SECRET-VALUE'));
  const redacted = new WechatApiError(502, 'wechat_unavailable', 'x', -1,
    'error sending request for url (https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=S3CR3T)');
  assertEquals(redacted.message.includes('S3CR3T'), false);
  assertEquals(redacted.message.includes('secret=[redacted]'), true);
});

Deno.test('mediaCheckAsync sends the image link, openid and scene (v2) and returns the trace id', async () => {
  await withFake((s) => s.path === '/cgi-bin/token' ? { access_token: 'T-media', expires_in: 7200 } : { errcode: 0, errmsg: 'ok', trace_id: 'tr-1' },
    async (base, seen) => {
      const cfg = { ...wx(base), appId: 'wxmedia' };
      assertEquals(await mediaCheckAsync(cfg, { openid: 'o1', mediaUrl: 'https://x.test/a.png?token=t', scene: 3 }), { traceId: 'tr-1' });
      const call = seen.find((s) => s.path === '/wxa/media_check_async')!;
      assertEquals(call.query, { access_token: 'T-media' });
      assertEquals(call.body, { media_url: 'https://x.test/a.png?token=t', media_type: 2, version: 2, scene: 3, openid: 'o1' });
    });
});

Deno.test('mediaCheckAsync maps an errcode to a WechatApiError and a missing trace id to unavailable', async () => {
  await withFake((s) => s.path === '/cgi-bin/token' ? { access_token: 'T-media2', expires_in: 7200 } : { errcode: 40003, errmsg: 'invalid openid' },
    async (base) => {
      await rejects(mediaCheckAsync({ ...wx(base), appId: 'wxmedia2' }, { openid: 'bad', mediaUrl: 'https://x.test/a.png', scene: 3 }), WechatApiError);
    });
  await withFake((s) => s.path === '/cgi-bin/token' ? { access_token: 'T-media3', expires_in: 7200 } : { errcode: 0, errmsg: 'ok' },
    async (base) => {
      await rejects(mediaCheckAsync({ ...wx(base), appId: 'wxmedia3' }, { openid: 'o', mediaUrl: 'https://x.test/a.png', scene: 3 }), WechatApiError);
    });
});

Deno.test('push signatures: WeChat’s SHA-1 of the sorted token, timestamp and nonce; anything else is refused', async () => {
  // sha1('1409304348' + 'token' + 'xxxxxx'), the sorted order, computed independently
  const sig = await pushSignature('token', '1409304348', 'xxxxxx');
  assertEquals(sig, 'f43b4a6571a6552356f482636e5a77e7fa33dcc9');
  const q = (s: string, t = '1409304348', n = 'xxxxxx') => new URLSearchParams({ signature: s, timestamp: t, nonce: n });
  assertEquals(await verifyPushSignature('token', q(sig)), true);
  assertEquals(await verifyPushSignature('other-token', q(sig)), false);
  assertEquals(await verifyPushSignature('token', q(sig, '1409304349')), false);
  assertEquals(await verifyPushSignature('token', q(sig.toUpperCase())), false);
  assertEquals(await verifyPushSignature('token', new URLSearchParams()), false);
});

Deno.test('mediaCheckEvent reads the wxa_media_check verdict; a failed check counts as review; other events are ignored', () => {
  const base = { Event: 'wxa_media_check', trace_id: 'tr-9', errcode: 0 };
  assertEquals(mediaCheckEvent({ ...base, result: { suggest: 'risky', label: 20002 } }), { traceId: 'tr-9', suggest: 'risky', label: 20002 });
  assertEquals(mediaCheckEvent({ ...base, errcode: -1008, result: { suggest: 'pass', label: 100 } }), { traceId: 'tr-9', suggest: 'review', label: 21000 });
  assertEquals(mediaCheckEvent({ ...base, result: { suggest: 'maybe' } })?.suggest, 'review');
  assertEquals(mediaCheckEvent({ Event: 'user_enter_tempsession', trace_id: 'x' }), null);
  assertEquals(mediaCheckEvent({ ...base, trace_id: '' }), null);
  assertEquals(mediaCheckEvent('text'), null);
});
