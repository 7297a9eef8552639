// WeChat mini-program server API (api.weixin.qq.com): `code2Session` for `wx.login` codes and
// `getuserphonenumber` for `<Button openType="getPhoneNumber">` codes. Plain HTTP; the base URL comes
// from env so tests and the local stack talk to a fake that answers like the real API.
import { callJson, envOr, fromErrcode, phoneCodeError, TokenCache, unavailable } from './errors.ts';

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

const tokens = new TokenCache();

function accessToken(cfg: WeixinConfig): Promise<string> {
  return tokens.get(`${cfg.baseUrl}|${cfg.appId}`, async () => {
    const body = await callJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(
      'wechat',
      endpoint(cfg, '/cgi-bin/token', { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret }),
    );
    if (body.errcode) throw fromErrcode('wechat', body.errcode, body.errmsg ?? '');
    if (typeof body.access_token !== 'string') throw unavailable('wechat', 'token without access_token');
    return { token: body.access_token, expiresIn: Number(body.expires_in) || 7200 };
  });
}

export interface WeixinPhone {
  /** with country code as WeChat gives it, e.g. "+86 13800138000" or "13800138000" */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** getPhoneNumber button code → the user's WeChat-verified phone number. */
export async function getPhoneNumber(cfg: WeixinConfig, phoneCode: string): Promise<WeixinPhone> {
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(cfg);
    const body = await callJson<{ phone_info?: Partial<WeixinPhone>; errcode?: number; errmsg?: string }>(
      'wechat',
      endpoint(cfg, '/wxa/business/getuserphonenumber', { access_token: token }),
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: phoneCode }) },
    );
    if ((body.errcode === 40001 || body.errcode === 42001) && attempt === 0) {
      tokens.drop(`${cfg.baseUrl}|${cfg.appId}`); // expired/invalidated elsewhere: fetch once more
      continue;
    }
    if (body.errcode) throw phoneCodeError(body.errcode, body.errmsg ?? '');
    const p = body.phone_info;
    if (!p || typeof p.purePhoneNumber !== 'string' || typeof p.countryCode !== 'string') {
      throw unavailable('wechat', 'getuserphonenumber without phone_info');
    }
    return { phoneNumber: String(p.phoneNumber ?? ''), purePhoneNumber: p.purePhoneNumber, countryCode: p.countryCode };
  }
}
