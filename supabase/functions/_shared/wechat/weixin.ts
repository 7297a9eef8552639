// WeChat mini-program server API (api.weixin.qq.com): `code2Session` for `wx.login` codes,
// `getuserphonenumber` for `<Button openType="getPhoneNumber">` codes and `getwxacodeunlimit` for
// mini-program codes. Plain HTTP; the base URL comes
// from env so tests and the local stack talk to a fake that answers like the real API.
import { callJson, envOr, fromErrcode, phoneCodeError, unavailable, WechatApiError } from './errors.ts';
import { tokenStore } from './token-store.ts';

export interface WeixinConfig {
  baseUrl: string;
  appId: string;
  appSecret: string;
}

export function weixinConfigFromEnv(get?: (name: string) => string | undefined): WeixinConfig {
  return {
    baseUrl: envOr('WECHAT_API_BASE_URL', 'https://api.weixin.qq.com', get),
    appId: envOr('WECHAT_APP_ID', 'wx0000000000local', get),
    appSecret: envOr('WECHAT_APP_SECRET', 'local-wechat-app-secret', get),
  };
}

export interface WeixinSession {
  openid: string;
  unionid?: string;
}

const endpoint = (cfg: WeixinConfig, path: string, params: Record<string, string>) => {
  const url = new URL(cfg.baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url;
};

/** `wx.login` code → openid (+ unionid when the app is bound to an open platform account). */
export async function code2Session(cfg: WeixinConfig, jsCode: string): Promise<WeixinSession> {
  const body = await callJson<{ openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string }>(
    'wechat',
    endpoint(cfg, '/sns/jscode2session', {
      appid: cfg.appId,
      secret: cfg.appSecret,
      js_code: jsCode,
      grant_type: 'authorization_code',
    }),
  );
  if (body.errcode) throw fromErrcode('wechat', body.errcode, body.errmsg ?? '');
  if (typeof body.openid !== 'string' || !body.openid) throw unavailable('wechat', 'code2Session without openid');
  // session_key is deliberately dropped: we never decrypt client data with it.
  return { openid: body.openid, unionid: typeof body.unionid === 'string' && body.unionid ? body.unionid : undefined };
}

const tokenKey = (cfg: WeixinConfig) => `wechat|${cfg.baseUrl}|${cfg.appId}`;
/** WeChat's "access token expired / invalidated elsewhere" errcodes. */
const TOKEN_EXPIRED = new Set([40001, 42001]);

/** The app's one shared access token (see token-store.ts); `rejected` was just refused by WeChat. */
function accessToken(cfg: WeixinConfig, rejected?: string): Promise<string> {
  return tokenStore('wechat').get(tokenKey(cfg), async () => {
    const body = await callJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(
      'wechat',
      endpoint(cfg, '/cgi-bin/token', { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret }),
    );
    if (body.errcode) throw fromErrcode('wechat', body.errcode, body.errmsg ?? '');
    if (typeof body.access_token !== 'string') throw unavailable('wechat', 'token without access_token');
    return { token: body.access_token, expiresIn: Number(body.expires_in) || 7200 };
  }, rejected);
}

/**
 * Calls an API that takes the app's access token, and once more with a fresh token when WeChat
 * answers that the stored one expired or was replaced elsewhere (`errcode` 40001 / 42001).
 */
export async function withAccessToken<T extends { errcode?: number }>(cfg: WeixinConfig, call: (token: string) => Promise<T>): Promise<T> {
  const token = await accessToken(cfg);
  const first = await call(token);
  if (!TOKEN_EXPIRED.has(Number(first.errcode))) return first;
  return call(await accessToken(cfg, token));
}

export interface WeixinPhone {
  /** with country code as WeChat gives it, e.g. "+86 13800138000" or "13800138000" */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** getPhoneNumber button code → the user's WeChat-verified phone number. */
export async function getPhoneNumber(cfg: WeixinConfig, phoneCode: string): Promise<WeixinPhone> {
  const body = await withAccessToken(cfg, (token) =>
    callJson<{ phone_info?: Partial<WeixinPhone>; errcode?: number; errmsg?: string }>(
      'wechat',
      endpoint(cfg, '/wxa/business/getuserphonenumber', { access_token: token }),
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: phoneCode }) },
    ),
  );
  if (body.errcode) throw phoneCodeError(body.errcode, body.errmsg ?? '');
  const p = body.phone_info;
  if (!p || typeof p.purePhoneNumber !== 'string' || typeof p.countryCode !== 'string') {
    throw unavailable('wechat', 'getuserphonenumber without phone_info');
  }
  return { phoneNumber: String(p.phoneNumber ?? ''), purePhoneNumber: p.purePhoneNumber, countryCode: p.countryCode };
}

export interface Wxacode {
  bytes: Uint8Array;
  /** image/png or image/jpeg, as WeChat sends it */
  contentType: string;
}

export interface WxacodeRequest {
  /** what the opened page receives as `scene`: at most 32 visible characters */
  scene: string;
  /** an app page without a leading slash */
  page: string;
  envVersion: 'release' | 'trial' | 'develop';
  width?: number;
}

function wxacodeError(errcode: number, errmsg: string): WechatApiError {
  if (errcode === 45009 || errcode === 45011 || errcode === -1) {
    return new WechatApiError(429, 'wechat_rate_limited', '生成小程序码过于频繁，请稍后再试', errcode, errmsg);
  }
  return new WechatApiError(502, 'wechat_unavailable', '暂时无法生成小程序码，请稍后再试', errcode, errmsg);
}

/** One getwxacodeunlimit call: the image, or WeChat's `{ errcode, errmsg }` (both come with HTTP 200). */
async function requestWxacode(
  cfg: WeixinConfig, token: string, req: WxacodeRequest, timeoutMs: number,
): Promise<Wxacode & { errcode?: undefined } | { errcode: number; errmsg: string }> {
  let res: Response;
  try {
    res = await fetch(endpoint(cfg, '/wxa/getwxacodeunlimit', { access_token: token }), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: req.scene, page: req.page, check_path: false, env_version: req.envVersion, width: req.width ?? 430 }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw unavailable('wechat', e instanceof Error ? e.message : String(e));
  }
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw unavailable('wechat', `getwxacodeunlimit HTTP ${res.status}`);
  if (contentType.startsWith('image/')) return { bytes, contentType };
  let body: { errcode?: number; errmsg?: string };
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw unavailable('wechat', `getwxacodeunlimit answered ${contentType || 'no content type'}`);
  }
  return { errcode: Number(body.errcode ?? -2), errmsg: body.errmsg ?? 'no image' };
}

/** wxacode.getUnlimited: a mini-program code that opens `page` with `scene`. */
export async function getUnlimitedWxacode(cfg: WeixinConfig, req: WxacodeRequest, timeoutMs = 8_000): Promise<Wxacode> {
  const answer = await withAccessToken(cfg, (token) => requestWxacode(cfg, token, req, timeoutMs));
  if (answer.errcode !== undefined) throw wxacodeError(answer.errcode, answer.errmsg);
  return answer;
}

/** WeChat content security's answer: pass, review (a person should look) or risky (refuse). */
export interface SecCheckResult {
  suggest: 'pass' | 'review' | 'risky';
  /** WeChat's label: 100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other */
  label: number;
}

/** msgSecCheck v2 accepts at most 2,500 characters per call. */
export const SEC_CHECK_MAX = 2500;

const SUGGEST_RANK = { pass: 0, review: 1, risky: 2 } as const;

/**
 * security.msgSecCheck v2 for a text a mini-program user publishes (`openid` must have opened the
 * mini-program within two hours). Longer texts are checked in 2,500-character pieces; the worst
 * answer wins. scene: 1 profile, 2 comment, 3 forum, 4 social log.
 */
export async function msgSecCheck(
  cfg: WeixinConfig, req: { openid: string; content: string; scene: 1 | 2 | 3 | 4; title?: string },
): Promise<SecCheckResult> {
  let worst: SecCheckResult = { suggest: 'pass', label: 100 };
  const pieces: string[] = [];
  for (let i = 0; i < req.content.length; i += SEC_CHECK_MAX) pieces.push(req.content.slice(i, i + SEC_CHECK_MAX));
  if (pieces.length === 0) pieces.push('');
  for (const [n, content] of pieces.entries()) {
    const body = await withAccessToken(cfg, (token) =>
      callJson<{ errcode?: number; errmsg?: string; result?: { suggest?: string; label?: number } }>(
        'wechat',
        endpoint(cfg, '/wxa/msg_sec_check', { access_token: token }),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content, version: 2, scene: req.scene, openid: req.openid, ...(n === 0 && req.title ? { title: req.title } : {}) }),
        },
      ),
    );
    if (body.errcode) throw fromErrcode('wechat', body.errcode, body.errmsg ?? '');
    const suggest = body.result?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw unavailable('wechat', 'msg_sec_check without result.suggest');
    const answer: SecCheckResult = { suggest, label: Number(body.result?.label ?? 21000) };
    if (SUGGEST_RANK[answer.suggest] > SUGGEST_RANK[worst.suggest]) worst = answer;
    if (worst.suggest === 'risky') break;
  }
  return worst;
}

/**
 * security.mediaCheckAsync v2 for an image a mini-program user publishes: WeChat fetches
 * `mediaUrl` (a short-lived signed link) and pushes the verdict within 30 minutes to the message
 * push URL (event `wxa_media_check`, see media-push.ts), naming this call's `trace_id`.
 */
export async function mediaCheckAsync(
  cfg: WeixinConfig, req: { openid: string; mediaUrl: string; scene: 1 | 2 | 3 | 4 },
): Promise<{ traceId: string }> {
  const body = await withAccessToken(cfg, (token) =>
    callJson<{ errcode?: number; errmsg?: string; trace_id?: string }>(
      'wechat',
      endpoint(cfg, '/wxa/media_check_async', { access_token: token }),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // media_type 2: an image
        body: JSON.stringify({ media_url: req.mediaUrl, media_type: 2, version: 2, scene: req.scene, openid: req.openid }),
      },
    ),
  );
  if (body.errcode) throw fromErrcode('wechat', body.errcode, body.errmsg ?? '');
  if (typeof body.trace_id !== 'string' || !body.trace_id) throw unavailable('wechat', 'media_check_async without trace_id');
  return { traceId: body.trace_id };
}
