// WeCom (企业微信) server API for the mini-program running inside WeCom: `wx.qy.login` code →
// `miniprogram/jscode2session` → { corpid, userid }. Access token from `gettoken`, cached until expiry.
// Base URL from env, like the WeChat adapter.
import { callJson, configFromEnv, fromErrcode, unavailable } from './errors.ts';
import { tokenStore } from './token-store.ts';

export type WecomConfig = Record<'baseUrl' | 'corpId' | 'corpSecret', string>;

export const wecomConfigFromEnv = (get?: (name: string) => string | undefined): WecomConfig =>
  configFromEnv({ baseUrl: ['WECOM_API_BASE_URL', 'https://qyapi.weixin.qq.com'], corpId: ['WECOM_CORP_ID', 'wwlocalcorp0000001'], corpSecret: ['WECOM_CORP_SECRET', 'local-wecom-corp-secret'] }, get);

export interface WecomMember {
  corpid: string;
  userid: string;
}

const endpoint = (cfg: WecomConfig, path: string, params: Record<string, string>) => {
  const url = new URL(cfg.baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url;
};

const cacheKey = (cfg: WecomConfig) => `wecom|${cfg.baseUrl}|${cfg.corpId}`;

/** The corp's one shared access token (see token-store.ts); `rejected` was just refused by WeCom. */
function accessToken(cfg: WecomConfig, rejected?: string): Promise<string> {
  return tokenStore('wecom').get(cacheKey(cfg), async () => {
    const body = await callJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(
      'wecom',
      endpoint(cfg, '/cgi-bin/gettoken', { corpid: cfg.corpId, corpsecret: cfg.corpSecret }),
    );
    if (body.errcode) throw fromErrcode('wecom', body.errcode, body.errmsg ?? '');
    if (typeof body.access_token !== 'string') throw unavailable('wecom', 'gettoken without access_token');
    return { token: body.access_token, expiresIn: Number(body.expires_in) || 7200 };
  }, rejected);
}

/** WeCom's "access token invalid / expired" errcodes. */
const WECOM_TOKEN_EXPIRED = new Set([40014, 42001]);

/**
 * Calls an API that takes the corp's access token, and once more with a fresh token when WeCom
 * answers that the stored one is invalid or expired (used by the notice sender).
 */
export async function withWecomToken<T extends { errcode?: number }>(cfg: WecomConfig, call: (token: string) => Promise<T>): Promise<T> {
  const token = await accessToken(cfg);
  const first = await call(token);
  if (!WECOM_TOKEN_EXPIRED.has(Number(first.errcode))) return first;
  return call(await accessToken(cfg, token));
}

/** `wx.qy.login` code → the member (corpid, userid) who opened the app. */
export async function wecomCode2Session(cfg: WecomConfig, jsCode: string): Promise<WecomMember> {
  let rejected: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(cfg, rejected);
    const body = await callJson<{ corpid?: string; userid?: string; session_key?: string; errcode?: number; errmsg?: string }>(
      'wecom',
      endpoint(cfg, '/cgi-bin/miniprogram/jscode2session', {
        access_token: token,
        js_code: jsCode,
        grant_type: 'authorization_code',
      }),
    );
    if ((body.errcode === 40014 || body.errcode === 42001) && attempt === 0) {
      rejected = token;
      continue;
    }
    if (body.errcode) throw fromErrcode('wecom', body.errcode, body.errmsg ?? '');
    if (typeof body.corpid !== 'string' || !body.corpid || typeof body.userid !== 'string' || !body.userid) {
      // An external contact (no userid) is not a member of the enterprise: not a sign-in.
      throw unavailable('wecom', 'jscode2session without corpid/userid');
    }
    return { corpid: body.corpid, userid: body.userid };
  }
}
