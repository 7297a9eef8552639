// The Send SMS hook path as GoTrue drives it: a Standard-Webhooks-signed POST to the send-sms
// function through the gateway (no user JWT), the function's Tencent client, the local fake
// provider, and the outbox at /__local/sms. Signatures here are made with Node's crypto,
// independently of the function's Web Crypto code.
import crypto from 'node:crypto';
import { getStack } from '../support/stack';
import { redeemSmsCode } from '../support/clients';
import { loadStackConfig } from '../../tools/local-stack/config';

// The hook secret is fixed for local stacks (not derived from ports or data folder).
const HOOK_SECRET = loadStackConfig().smsHookSecret;

function sign(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.replace(/^v1,whsec_/, ''), 'base64');
  return 'v1,' + crypto.createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
}

function randomDigitsPhone(): string {
  return `861${3 + Math.floor(Math.random() * 7)}${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

async function callHook(payload: unknown, opts: { secret?: string; ts?: number; raw?: string } = {}) {
  const body = opts.raw ?? JSON.stringify(payload);
  const id = `msg_${crypto.randomUUID()}`;
  const ts = opts.ts ?? Math.floor(Date.now() / 1000);
  return fetch(`${getStack().url}/functions/v1/send-sms`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': sign(opts.secret ?? HOOK_SECRET, id, ts, body),
    },
    body,
  });
}

async function outbox(query: string): Promise<Array<{ phone: string; code: string; sent_at: string }>> {
  const res = await fetch(`${getStack().url}/__local/sms${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Array<{ phone: string; code: string; sent_at: string }>;
}

const payloadFor = (phone: string, otp: string) => ({
  user: { id: crypto.randomUUID(), phone, app_metadata: {}, user_metadata: {} },
  sms: { otp },
});

describe('send-sms hook → outbox (local only)', () => {
  it('delivers a signed hook call to the outbox, newest first, findable by any phone spelling', async () => {
    const phone = randomDigitsPhone();
    const first = await callHook(payloadFor(phone, '111111'));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({});
    const second = await callHook(payloadFor(phone, '222222'));
    expect(second.status).toBe(200);

    const plus = await outbox(`?phone=${encodeURIComponent('+' + phone)}`);
    // the person gets codes of ours, newest first; the newest trades back for GoTrue's latest
    expect(plus).toHaveLength(2);
    expect(plus.every((s) => /^\d{6}$/.test(s.code))).toBe(true);
    expect(await redeemSmsCode(`+${phone}`, plus[0].code)).toBe('222222');
    expect(plus[0].phone).toBe(`+${phone}`);
    expect(Date.parse(plus[0].sent_at)).toBeGreaterThan(Date.now() - 60_000);
    // without '+', and with a literal '+' (which a query string decodes to a space)
    expect(await outbox(`?phone=${phone}`)).toEqual(plus);
    expect(await outbox(`?phone=+${phone}`)).toEqual(plus);

    const all = await outbox('');
    expect(all.length).toBeLessThanOrEqual(50);
    expect(all.some((s) => s.phone === `+${phone}` && s.code === plus[0].code)).toBe(true);
  });

  it('refuses a wrong signature with 401 and records nothing', async () => {
    const phone = randomDigitsPhone();
    const res = await callHook(payloadFor(phone, '333333'), { secret: 'v1,whsec_' + Buffer.from('not-the-secret').toString('base64') });
    expect(res.status).toBe(401);
    expect((await res.json()).error.http_code).toBe(401);
    expect(await outbox(`?phone=${phone}`)).toEqual([]);
  });

  it('refuses a stale or future timestamp with 401 and records nothing', async () => {
    const phone = randomDigitsPhone();
    const now = Math.floor(Date.now() / 1000);
    for (const ts of [now - 10 * 60, now + 10 * 60]) {
      const res = await callHook(payloadFor(phone, '444444'), { ts });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
    expect(await outbox(`?phone=${phone}`)).toEqual([]);
  });

  it('refuses a request without webhook headers with 401', async () => {
    const res = await fetch(`${getStack().url}/functions/v1/send-sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payloadFor(randomDigitsPhone(), '555555')),
    });
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });

  // A refusal goes in a 200 answer, which GoTrue relays with its http_code (a non-2xx becomes its 500).
  it('refuses a correctly signed but malformed payload with a relayed 400 and records nothing', async () => {
    const phone = randomDigitsPhone();
    const bad = [
      { user: { phone }, sms: { otp: 'abcdef' } },
      { user: { phone: 'not-a-phone' }, sms: { otp: '123456' } },
      { user: { phone } },
      [],
    ];
    for (const payload of bad) {
      const res = await callHook(payload);
      expect(res.status).toBe(200);
      expect((await res.json()).error.http_code).toBe(400);
    }
    const notJson = await callHook(null, { raw: '{"user":' });
    expect(notJson.status).toBe(200);
    expect((await notJson.json()).error.http_code).toBe(400);
    expect(await outbox(`?phone=${phone}`)).toEqual([]);
  });

  it('the fake provider refuses requests that are not signed like Tencent requires', async () => {
    const res = await fetch(`${getStack().url}/__local/sms-provider`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-tc-action': 'SendSms',
        'x-tc-timestamp': String(Math.floor(Date.now() / 1000)),
        authorization: `TC3-HMAC-SHA256 Credential=AKIDlocalzhixiang/2026-01-01/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${'0'.repeat(64)}`,
      },
      body: JSON.stringify({ PhoneNumberSet: ['+8613900000000'], TemplateParamSet: ['999999', '5'] }),
    });
    expect(res.status).toBe(200); // Tencent reports API errors in the body
    const body = await res.json();
    expect(body.Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    expect(await outbox('?phone=8613900000000')).toEqual([]);
  });
});
