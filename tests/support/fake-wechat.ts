// Programs the local stack's fake WeChat / WeCom server APIs (tools/local-stack/local-wechat.ts,
// served by the gateway at /__local/wechat and /__local/wecom, where the stack points the
// functions' WECHAT_API_BASE_URL / WECOM_API_BASE_URL). A code works once, like the real ones.
import crypto from 'node:crypto';
import { getStack } from './stack';

export const newCode = (prefix = 'wx') => `${prefix}${crypto.randomBytes(12).toString('hex')}`;
export const newOpenid = () => `o${crypto.randomBytes(13).toString('base64url')}`;

async function program(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${getStack().url}/__local/wechat/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`fake WeChat refused ${JSON.stringify(body)}: ${await res.text()}`);
  return body.code as string;
}

/** A `wx.login` code for `openid` (or one the API answers with `errcode`). */
export const loginCode = (openid: string, extra: { unionid?: string; errcode?: number } = {}) =>
  program({ kind: 'login', code: newCode(), openid, ...extra });

/** A getPhoneNumber button code for `phone` (E.164). */
export const phoneCode = (phone: string, extra: { errcode?: number } = {}) =>
  program({ kind: 'phone', code: newCode('ph'), phone, ...extra });

/** A `wx.qy.login` code for a WeCom member. */
export const wecomCode = (userid: string, extra: { corpid?: string; errcode?: number } = {}) =>
  program({ kind: 'wecom', code: newCode('qy'), userid, ...extra });

/** The API requests the fake received, newest first (to assert request shapes). */
export async function fakeRequests(): Promise<Array<{ method: string; path: string; query: Record<string, string>; body?: unknown }>> {
  return (await fetch(`${getStack().url}/__local/wechat/requests`)).json();
}

/** mediaCheckAsync calls the fake answered (newest first), with the verdict event it pushed. */
export async function fakeMediaChecks(): Promise<Array<{ trace_id: string; media_url: string; openid: string; pushed: number; last_push_status?: number }>> {
  return (await fetch(`${getStack().url}/__local/wechat/media-checks`)).json();
}

/** Makes the fake push a check's verdict again (WeChat retries); answers the push's HTTP status. */
export async function repushMediaCheck(traceId: string): Promise<number> {
  const res = await fetch(`${getStack().url}/__local/wechat/media-checks/push`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ trace_id: traceId }),
  });
  return ((await res.json()) as { status: number }).status;
}
