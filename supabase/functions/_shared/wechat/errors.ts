// WeChat / WeCom API failures as the login functions answer them: a stable English code, Chinese
// text for people and the HTTP status. Both APIs report errors as `{ errcode, errmsg }` with HTTP 200.

export class WechatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: string,
    /** errcode from the API, or -1 for network/shape problems */
    readonly errcode: number,
    detail: string,
  ) {
    // Details end up in logs: a fetch error names the URL, whose query carries the app secret.
    super(`${code} (errcode ${errcode}): ${redactSecrets(detail)}`);
  }
}

/** errcode → our answer. Codes from the mini-program and WeCom server API references. */
export function fromErrcode(api: 'wechat' | 'wecom', errcode: number, errmsg: string): WechatApiError {
  const prefix = api === 'wechat' ? 'wechat' : 'wecom';
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code been used
    case 41008: // missing code
      return new WechatApiError(400, `${prefix}_code_invalid`, '登录凭证无效或已过期，请重新登录', errcode, errmsg);
    case 40226: // high-risk user (mini-program code2Session)
      return new WechatApiError(403, `${prefix}_user_blocked`, '该微信账号存在风险，暂时无法登录', errcode, errmsg);
    case 45011: // api minute-quota reached
    case 45009: // daily quota
    case -1: // system busy
      return new WechatApiError(429, `${prefix}_rate_limited`, '登录请求过于频繁，请稍后再试', errcode, errmsg);
    default:
      return new WechatApiError(502, `${prefix}_unavailable`, api === 'wechat' ? '微信服务暂时不可用，请稍后再试' : '企业微信服务暂时不可用，请稍后再试', errcode, errmsg);
  }
}

/** The phone-number code (getPhoneNumber) has its own invalid-code answer. */
export function phoneCodeError(errcode: number, errmsg: string): WechatApiError {
  if (errcode === 40029 || errcode === 40163 || errcode === 41008 || errcode === 47001) {
    return new WechatApiError(400, 'wechat_phone_code_invalid', '手机号授权已失效，请重新授权', errcode, errmsg);
  }
  return fromErrcode('wechat', errcode, errmsg);
}

export const unavailable = (api: 'wechat' | 'wecom', detail: string) =>
  new WechatApiError(502, `${api}_unavailable`, api === 'wechat' ? '微信服务暂时不可用，请稍后再试' : '企业微信服务暂时不可用，请稍后再试', -1, detail);

interface ErrBody {
  errcode?: number;
  errmsg?: string;
}

/** GET/POST → parsed JSON object; network errors, non-JSON and non-2xx become `unavailable`. */
export async function callJson<T extends ErrBody>(
  api: 'wechat' | 'wecom',
  url: URL,
  init: RequestInit = {},
  timeoutMs = 8_000,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw unavailable(api, e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw unavailable(api, `HTTP ${res.status} without JSON body`);
  }
  if (!res.ok || typeof body !== 'object' || body === null) throw unavailable(api, `HTTP ${res.status}`);
  return body as T;
}

/** Query values that must never reach a log: app secrets and access tokens. */
export function redactSecrets(text: string): string {
  return text.replace(/\b(secret|corpsecret|access_token|appsecret)=[^&\s)"']*/gi, '$1=[redacted]');
}

const denoEnv = (name: string): string | undefined =>
  (globalThis as unknown as { Deno?: { env: { get(k: string): string | undefined } } }).Deno?.env.get(name);
export const envOr = (name: string, fallback: string, get = denoEnv) => get(name) || fallback;

/** A provider's settings from env: each key names its variable and the local default (envOr). */
export function configFromEnv<K extends string>(spec: Record<K, [variable: string, fallback: string]>, get = denoEnv): Record<K, string> {
  const entries = Object.entries(spec) as [K, [string, string]][];
  return Object.fromEntries(entries.map(([key, [variable, fallback]]) => [key, envOr(variable, fallback, get)])) as Record<K, string>;
}
