// Tencent Cloud SMS `SendSms` (API 2021-01-11) over plain HTTP with TC3-HMAC-SHA256 signing, as
// documented by Tencent Cloud. The base URL comes from env, so the same code talks to the real
// endpoint (https://sms.tencentcloudapi.com) or a local fake that answers like it.

export interface TencentSmsConfig {
  baseUrl: string;
  secretId: string;
  secretKey: string;
  region: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  /** The guardian's own text (names the child and what the guardian approves), not the sign-in one. */
  guardianTemplateId: string;
}

export interface SendResult {
  ok: boolean;
  /** provider code, e.g. "Ok", "LimitExceeded.PhoneNumberThirtySecondLimit" */
  code: string;
  message: string;
  requestId?: string;
}

const SERVICE = 'sms';
const VERSION = '2021-01-11';
const ACTION = 'SendSms';
const CONTENT_TYPE = 'application/json; charset=utf-8';
const encoder = new TextEncoder();

/** Local defaults mirror the local fake provider; a real project sets every TENCENT_SMS_* secret. */
// Reached through globalThis so this module also loads under Node (the stack's jest tests).
const denoEnv = (name: string): string | undefined =>
  (globalThis as unknown as { Deno?: { env: { get(k: string): string | undefined } } }).Deno?.env.get(name);

export function tencentConfigFromEnv(get: (name: string) => string | undefined = denoEnv): TencentSmsConfig {
  return {
    baseUrl: get('SMS_API_BASE_URL') ?? 'https://sms.tencentcloudapi.com',
    secretId: get('TENCENT_SMS_SECRET_ID') ?? 'AKIDlocalzhixiang',
    secretKey: get('TENCENT_SMS_SECRET_KEY') ?? 'local-zhixiang-secret-key',
    region: get('TENCENT_SMS_REGION') ?? 'ap-guangzhou',
    sdkAppId: get('TENCENT_SMS_SDK_APP_ID') ?? '1400000000',
    signName: get('TENCENT_SMS_SIGN_NAME') ?? '知享',
    templateId: get('TENCENT_SMS_TEMPLATE_ID') ?? '1000000',
    guardianTemplateId: get('TENCENT_SMS_GUARDIAN_TEMPLATE_ID') ?? '1000001',
  };
}

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(key: Uint8Array<ArrayBuffer>, text: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, encoder.encode(text));
}

/** The `Authorization` header value for a POST of `payload` to `host` at `timestamp` (seconds). */
export async function tc3Authorization(
  cfg: Pick<TencentSmsConfig, 'secretId' | 'secretKey'>,
  host: string,
  payload: string,
  timestamp: number,
): Promise<string> {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonicalHeaders = `content-type:${CONTENT_TYPE}\nhost:${host}\nx-tc-action:${ACTION.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, await sha256Hex(payload)].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, await sha256Hex(canonicalRequest)].join('\n');
  const secretDate = await hmac(encoder.encode(`TC3${cfg.secretKey}`), date);
  const secretService = await hmac(new Uint8Array(secretDate), SERVICE);
  const secretSigning = await hmac(new Uint8Array(secretService), 'tc3_request');
  const signature = hex(await hmac(new Uint8Array(secretSigning), stringToSign));
  return `TC3-HMAC-SHA256 Credential=${cfg.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

interface TencentResponse {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: Array<{ Code?: string; Message?: string; PhoneNumber?: string }>;
    RequestId?: string;
  };
}

/** Sends `code` (valid `minutes`) to one E.164 phone. Never throws on provider errors: returns them. */
export function sendVerificationCode(
  cfg: TencentSmsConfig,
  phoneE164: string,
  code: string,
  minutes = 5,
  timeoutMs = 10_000,
): Promise<SendResult> {
  return sendTemplate(cfg, phoneE164, cfg.templateId, [code, String(minutes)], timeoutMs);
}

/**
 * The guardian's code. Template TENCENT_SMS_GUARDIAN_TEMPLATE_ID, params in this order, e.g.
 * "{1}为监护人验证码，{4}分钟内有效。{2}申请使用知享，需要您作为监护人同意{3}。如非本人知情，请忽略。"
 * {1} code, {2} the child (masked name, e.g. 王*明), {3} what is approved (e.g. 儿童个人信息保护规则),
 * {4} minutes. The code comes first, as in the sign-in template.
 */
export function sendGuardianCode(
  cfg: TencentSmsConfig,
  phoneE164: string,
  params: { code: string; child: string; approves: string; minutes?: number },
  timeoutMs = 10_000,
): Promise<SendResult> {
  const tplParams = [params.code, params.child, params.approves, String(params.minutes ?? 5)];
  return sendTemplate(cfg, phoneE164, cfg.guardianTemplateId, tplParams, timeoutMs);
}

/** Any registered template, its parameters in order (codes above, notices in notice.ts). */
export async function sendTemplate(
  cfg: TencentSmsConfig,
  phoneE164: string,
  templateId: string,
  templateParams: string[],
  timeoutMs: number,
): Promise<SendResult> {
  const url = new URL(cfg.baseUrl);
  const payload = JSON.stringify({
    PhoneNumberSet: [phoneE164],
    SmsSdkAppId: cfg.sdkAppId,
    SignName: cfg.signName,
    TemplateId: templateId,
    TemplateParamSet: templateParams,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: await tc3Authorization(cfg, url.host, payload, timestamp),
        'Content-Type': CONTENT_TYPE,
        'X-TC-Action': ACTION,
        'X-TC-Version': VERSION,
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Region': cfg.region,
      },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    return { ok: false, code: 'NetworkError', message: e instanceof Error ? e.message : String(e) };
  }
  let body: TencentResponse;
  try {
    body = await res.json();
  } catch {
    return { ok: false, code: 'InvalidResponse', message: `HTTP ${res.status} without JSON body` };
  }
  const r = body.Response ?? {};
  if (r.Error) return { ok: false, code: r.Error.Code ?? 'Unknown', message: r.Error.Message ?? '', requestId: r.RequestId };
  const status = r.SendStatusSet?.[0];
  if (!status) return { ok: false, code: 'InvalidResponse', message: 'no SendStatusSet', requestId: r.RequestId };
  return { ok: status.Code === 'Ok', code: status.Code ?? 'Unknown', message: status.Message ?? '', requestId: r.RequestId };
}

/** Tencent's rate-limit codes become 429 so GoTrue passes "too many requests" to the client. */
export function isRateLimit(code: string): boolean {
  return code.startsWith('LimitExceeded') || code === 'RequestLimitExceeded';
}
