// Local mode only: a fake Tencent Cloud SMS endpoint (what send-sms calls instead of
// sms.tencentcloudapi.com) and the outbox it fills, served as JSON so people and tests can read the
// codes. It checks the TC3-HMAC-SHA256 signature with Node's crypto — an implementation independent
// of the Deno client's — so a wrongly signed request fails here as it would at Tencent.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody as readJsonBody, sendJson } from './http-json';

export const LOCAL_TENCENT_SECRET_ID = 'AKIDlocalzhixiang';
export const LOCAL_TENCENT_SECRET_KEY = 'local-zhixiang-secret-key';
/**
 * The notice template (notify-deliveries' TENCENT_SMS_NOTICE_TEMPLATE_ID locally). Notice texts carry
 * no code: the outbox lists them only when asked (`&notices=1`), so whatever reads the newest code
 * for a phone (the sign-in page's local hint, tests) never meets a notice's first parameter instead.
 */
export const LOCAL_NOTICE_TEMPLATE_ID = '1000002';

export interface SentSms {
  phone: string; // E.164 with '+'
  code: string;
  sent_at: string; // ISO time
  template_id: string;
  params: string[];
}

const MAX_KEPT = 1000;
const MAX_BODY = 64 * 1024;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => crypto.createHmac('sha256', key).update(s).digest();

/** The signature Tencent expects (documented TC3-HMAC-SHA256 steps), for header checking. */
export function expectedTc3Signature(secretKey: string, headers: IncomingMessage['headers'], payload: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders =
    `content-type:${String(headers['content-type'] ?? '')}\n` +
    `host:${String(headers.host ?? '')}\n` +
    `x-tc-action:${String(headers['x-tc-action'] ?? '').toLowerCase()}\n`;
  const canonical = ['POST', '/', '', canonicalHeaders, 'content-type;host;x-tc-action', sha256(payload)].join('\n');
  const scope = `${date}/sms/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n');
  const kDate = hmac(`TC3${secretKey}`, date);
  const kSigning = hmac(hmac(kDate, 'sms'), 'tc3_request');
  return crypto.createHmac('sha256', kSigning).update(toSign).digest('hex');
}

/** Digits only: '+86 138…', '86138…' and '%2B86138…' (decoded) all name the same phone. */
const phoneDigits = (p: string) => p.replace(/\D/g, '');

const readBody = (req: IncomingMessage) => readJsonBody(req, MAX_BODY);

const send = sendJson;

export function createLocalSms(secretId = LOCAL_TENCENT_SECRET_ID, secretKey = LOCAL_TENCENT_SECRET_KEY) {
  const outbox: SentSms[] = []; // newest last

  const tencentError = (res: ServerResponse, code: string, message: string) =>
    send(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: crypto.randomUUID() } });

  async function provider(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return tencentError(res, 'UnsupportedProtocol', 'POST only');
    const payload = await readBody(req);
    if (payload === undefined) return tencentError(res, 'InvalidParameter', 'body too large');
    if (req.headers['x-tc-action'] !== 'SendSms') return tencentError(res, 'InvalidAction', 'only SendSms is faked');
    const ts = Number(req.headers['x-tc-timestamp']);
    if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 300) {
      return tencentError(res, 'AuthFailure.SignatureExpire', 'timestamp too far from server time');
    }
    const auth = String(req.headers.authorization ?? '');
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/[^,]+, SignedHeaders=content-type;host;x-tc-action, Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m || m[1] !== secretId) return tencentError(res, 'AuthFailure.SecretIdNotFound', 'unknown SecretId');
    const expected = expectedTc3Signature(secretKey, req.headers, payload, ts);
    if (!crypto.timingSafeEqual(Buffer.from(m[2]), Buffer.from(expected))) {
      return tencentError(res, 'AuthFailure.SignatureFailure', 'signature mismatch');
    }
    let body: { PhoneNumberSet?: unknown; TemplateParamSet?: unknown; TemplateId?: unknown };
    try {
      body = JSON.parse(payload);
    } catch {
      return tencentError(res, 'InvalidParameter', 'body is not JSON');
    }
    const phones = body.PhoneNumberSet;
    const params = body.TemplateParamSet;
    const valid = (a: unknown): a is string[] => Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === 'string');
    if (!valid(phones) || !valid(params)) return tencentError(res, 'InvalidParameter', 'PhoneNumberSet/TemplateParamSet');
    const sentAt = new Date().toISOString();
    const templateId = typeof body.TemplateId === 'string' ? body.TemplateId : '';
    for (const p of phones) outbox.push({ phone: `+${phoneDigits(p)}`, code: params[0], sent_at: sentAt, template_id: templateId, params });
    outbox.splice(0, Math.max(0, outbox.length - MAX_KEPT));
    send(res, 200, {
      Response: {
        SendStatusSet: phones.map((p) => ({
          SerialNo: crypto.randomUUID(),
          PhoneNumber: p,
          Fee: 1,
          SessionContext: '',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: p.startsWith('+86') ? 'CN' : '',
        })),
        RequestId: crypto.randomUUID(),
      },
    });
  }

  /**
   * GET /__local/sms[?phone=…][&notices=1]: newest first; all phones (latest 50) without a filter.
   * Codes and other texts by default; with `notices=1` the notice texts only.
   */
  function list(query: URLSearchParams, res: ServerResponse): void {
    const phone = query.get('phone');
    const notices = query.get('notices') === '1';
    const digits = phone ? phoneDigits(phone) : '';
    const hits = outbox.filter((s) => (!phone || phoneDigits(s.phone) === digits) && (s.template_id === LOCAL_NOTICE_TEMPLATE_ID) === notices);
    send(res, 200, hits.slice(-50).reverse());
  }

  return { provider, list, outbox };
}
