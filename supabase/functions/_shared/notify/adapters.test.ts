// The notice adapters (WeChat subscribe message, WeCom app message, Tencent SMS) against a local
// server answering like the real APIs: request shapes, token refresh, and which answers mean sent,
// retry later or failed for good. Only the far end is local.
import { deepStrictEqual as assertEquals, ok } from 'node:assert/strict';
import { sendSubscribeMessage, subscribeData } from './wechat-subscribe.ts';
import { sendWecomMessage } from './wecom-message.ts';
import { sendSmsNotice } from './sms.ts';
import { chinaTime } from './outcome.ts';
import type { TencentSmsConfig } from '../sms/tencent.ts';

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

async function withFake(reply: (s: Seen) => unknown | Promise<unknown>, fn: (base: string, seen: Seen[]) => Promise<void>) {
  const seen: Seen[] = [];
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    const text = await req.text();
    const s = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined };
    seen.push(s);
    return Response.json(await reply(s));
  });
  try {
    await fn(`http://127.0.0.1:${server.addr.port}`, seen);
  } finally {
    await server.shutdown();
  }
}

const notice = { title: '加入申请已通过，欢迎加入星河科技研发中心前端组', body: '你已加入 星河科技', label: '成员变动', createdAt: '2026-12-06T11:40:00Z' };
const subscribe = (openid = 'o1') => ({
  openid, templateId: 'tpl1', fields: { thing1: 'title', thing2: 'body', time3: 'time', phrase4: 'kind' }, notice,
  page: 'packages/notifications/inbox/index?id=n1', state: 'formal' as const,
});

Deno.test('subscribeMessage.send: token once, then POST touser/template/page/data within WeChat limits', async () => {
  const reply = (s: Seen) => s.path === '/cgi-bin/token' ? { access_token: 'T1', expires_in: 7200 } : { errcode: 0, errmsg: 'ok', msgid: 1 };
  await withFake(reply, async (base, seen) => {
    const cfg = { baseUrl: base, appId: 'wxsub', appSecret: 's' };
    assertEquals(await sendSubscribeMessage(cfg, subscribe()), { result: 'sent', code: 'ok' });
    await sendSubscribeMessage(cfg, subscribe());
    assertEquals(seen.map((s) => s.path), ['/cgi-bin/token', '/cgi-bin/message/subscribe/send', '/cgi-bin/message/subscribe/send']);
    assertEquals(seen[1].query, { access_token: 'T1' });
    const body = seen[1].body as Record<string, unknown>;
    assertEquals(body.touser, 'o1');
    assertEquals(body.template_id, 'tpl1');
    assertEquals(body.page, 'packages/notifications/inbox/index?id=n1');
    assertEquals(body.miniprogram_state, 'formal');
    const data = body.data as Record<string, { value: string }>;
    ok(Array.from(data.thing1.value).length <= 20, 'thing ≤ 20 characters');
    ok(data.thing1.value.endsWith('…'));
    assertEquals(data.thing2.value, '你已加入 星河科技');
    assertEquals(data.time3.value, '2026年12月6日 19:40'); // China time
    assertEquals(data.phrase4.value, '成员变动');
  });
});

Deno.test('subscribeMessage.send: an expired token is refreshed once; refusals map to retry or failed', async () => {
  let sends = 0;
  const reply = (s: Seen) => {
    if (s.path === '/cgi-bin/token') return { access_token: `T${s.query.appid}${Math.random()}`, expires_in: 7200 };
    sends++;
    return sends === 1 ? { errcode: 42001, errmsg: 'access_token expired' } : { errcode: 0, errmsg: 'ok' };
  };
  await withFake(reply, async (base, seen) => {
    assertEquals((await sendSubscribeMessage({ baseUrl: base, appId: 'wxexp', appSecret: 's' }, subscribe())).result, 'sent');
    assertEquals(seen.filter((s) => s.path === '/cgi-bin/token').length, 2);
  });
  for (const [errcode, result] of [[43101, 'failed'], [40003, 'failed'], [47003, 'failed'], [-1, 'retry'], [45009, 'retry']] as const) {
    const answer = (s: Seen) => s.path === '/cgi-bin/token' ? { access_token: 'T', expires_in: 7200 } : { errcode, errmsg: 'x' };
    await withFake(answer, async (base) => {
      assertEquals(await sendSubscribeMessage({ baseUrl: base, appId: `wx${errcode}`, appSecret: 's' }, subscribe()),
        { result, code: `wechat:${errcode}` });
    });
  }
});

Deno.test('subscribeData fills each keyword from its source and falls back to the title', () => {
  assertEquals(subscribeData({ thing9: 'unknown' }, { ...notice, title: '短标题' }), { thing9: { value: '短标题' } });
  assertEquals(chinaTime('2026-12-31T16:05:00Z'), '2027年1月1日 00:05');
});

Deno.test('WeCom message/send: a text from our app to the member of our corp, with duplicate check', async () => {
  const reply = (s: Seen) => s.path === '/cgi-bin/gettoken' ? { errcode: 0, access_token: 'Q1', expires_in: 7200 }
    : { errcode: 0, errmsg: 'ok', invaliduser: '' };
  await withFake(reply, async (base, seen) => {
    const cfg = { baseUrl: base, corpId: 'ww1', corpSecret: 's' };
    const msg = { subject: 'ww1:zhangwei', notice, footer: '请在工作台打开知享查看。' };
    assertEquals(await sendWecomMessage(cfg, 1000002, msg), { result: 'sent', code: 'ok' });
    assertEquals(seen[0].query, { corpid: 'ww1', corpsecret: 's' });
    assertEquals(seen[1].path, '/cgi-bin/message/send');
    assertEquals(seen[1].query, { access_token: 'Q1' });
    const body = seen[1].body as Record<string, unknown>;
    assertEquals([body.touser, body.msgtype, body.agentid, body.enable_duplicate_check], ['zhangwei', 'text', 1000002, 1]);
    ok(String((body.text as { content: string }).content).startsWith('【成员变动】加入申请已通过'));
    // a member of another corp: nothing is sent
    assertEquals(await sendWecomMessage(cfg, 1000002, { ...msg, subject: 'ww2:lisi' }), { result: 'failed', code: 'wecom:other_corp' });
    assertEquals(seen.length, 2);
  });
});

Deno.test('WeCom message/send: invaliduser and unknown members fail for good, busy answers are retried', async () => {
  for (const [answer, expected] of [
    [{ errcode: 0, errmsg: 'ok', invaliduser: 'zhangwei' }, { result: 'failed', code: 'wecom:invaliduser' }],
    [{ errcode: 81013, errmsg: 'user & party & tag all invalid' }, { result: 'failed', code: 'wecom:81013' }],
    [{ errcode: -1, errmsg: 'system busy' }, { result: 'retry', code: 'wecom:-1' }],
  ] as const) {
    const reply = (s: Seen) => s.path === '/cgi-bin/gettoken' ? { errcode: 0, access_token: 'Q', expires_in: 7200 } : answer;
    await withFake(reply, async (base) => {
      assertEquals(await sendWecomMessage({ baseUrl: base, corpId: 'ww1', corpSecret: 's' }, 1, { subject: 'ww1:u', notice, footer: '' }), expected);
    });
  }
});

const sms = (baseUrl: string): TencentSmsConfig => ({
  baseUrl, secretId: 'AKID', secretKey: 'k', region: 'ap-guangzhou', sdkAppId: '1400000000', signName: '知享',
  templateId: '1', guardianTemplateId: '2',
});

Deno.test('SMS notices: the notice template with kind and title; rate limits retried, bad numbers failed', async () => {
  await withFake(() => ({ Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success' }], RequestId: 'r' } }), async (base, seen) => {
    assertEquals(await sendSmsNotice(sms(base), '1000002', '+8613800000001', notice), { result: 'sent', code: 'ok' });
    const body = seen[0].body as { TemplateId: string; TemplateParamSet: string[]; PhoneNumberSet: string[] };
    assertEquals(body.TemplateId, '1000002');
    assertEquals(body.PhoneNumberSet, ['+8613800000001']);
    assertEquals(body.TemplateParamSet[0], '成员变动');
    ok(Array.from(body.TemplateParamSet[1]).length <= 20);
  });
  for (const [code, result] of [['LimitExceeded.PhoneNumberDailyLimit', 'retry'], ['InvalidParameterValue.IncorrectPhoneNumber', 'failed']] as const) {
    await withFake(() => ({ Response: { SendStatusSet: [{ Code: code, Message: 'x' }], RequestId: 'r' } }), async (base) => {
      assertEquals(await sendSmsNotice(sms(base), '1000002', '+8613800000001', notice), { result, code: `sms:${code}` });
    });
  }
});

Deno.test('an API that never answers is not sent again (outcome unknown); one that refuses the connection is retried', async () => {
  const slow = async (s: Seen) => {
    if (s.path === '/cgi-bin/token') return { access_token: 'T', expires_in: 7200 };
    await new Promise((r) => setTimeout(r, 300));
    return { errcode: 0 };
  };
  await withFake(slow, async (base) => {
    assertEquals(await sendSubscribeMessage({ baseUrl: base, appId: 'wxslow', appSecret: 's' }, subscribe(), 50),
      { result: 'failed', code: 'wechat:timeout' });
  });
  // nothing listens on port 9 of loopback
  assertEquals((await sendSmsNotice(sms('http://127.0.0.1:9'), '1000002', '+8613800000001', notice)).result, 'retry');
  assertEquals((await sendWecomMessage({ baseUrl: 'http://127.0.0.1:9', corpId: 'ww1', corpSecret: 's' }, 1, { subject: 'ww1:u', notice, footer: '' })).result,
    'retry');
});
