// The part of WeChat and WeCom sign-in that does not depend on the API: find the account linked
// to the WeChat/WeCom subject, or link one (by a WeChat-verified phone number, or to the caller's
// own signed-in account), then mint a GoTrue session for it. Links live in private.wechat_links,
// read and written only through service-role RPCs.
import { fail, json } from '../http.ts';
import { AuthAdminError, createPhoneUser, mintSession } from '../auth-admin.ts';
import { getAuthUser, rpc, serviceKey } from '../rest.ts';
import { WechatApiError } from './errors.ts';

export type Provider = 'wechat' | 'wecom';

export interface LinkRequest {
  provider: Provider;
  /** Resolves the WeChat-verified phone (digits, GoTrue form) when the app sent a phone code. */
  verifiedPhone?: () => Promise<string>;
  /** The caller's own access token, if they are signed in (links to their account). */
  callerToken?: string | null;
}

const notLinked = (p: Provider) =>
  p === 'wechat'
    ? fail(404, 'wechat_not_linked', '请授权手机号完成登录')
    : fail(404, 'wecom_not_linked', '首次使用请先用手机号验证码登录，完成企业微信账号绑定');

async function userByPhone(phoneDigits: string): Promise<string> {
  const found = await rpc<string | null>('wechat_user_by_phone', { p_phone: phoneDigits }, serviceKey());
  if (found.error) throw new Error(`wechat_user_by_phone: ${found.error.code}`);
  if (found.data) return found.data;
  try {
    return (await createPhoneUser(phoneDigits)).id;
  } catch (e) {
    // Another first sign-in with this phone created the user meanwhile.
    if (e instanceof AuthAdminError && e.status === 422) {
      const again = await rpc<string | null>('wechat_user_by_phone', { p_phone: phoneDigits }, serviceKey());
      if (again.data) return again.data;
    }
    throw e;
  }
}

/** Full sign-in answer: 200 with a session, or `{ code, message }`. `subject` may be an API call. */
export async function signInLinked(r: LinkRequest & {
  subject: () => Promise<{ subject: string; unionid?: string }>;
}): Promise<Response> {
  try {
    const { subject, unionid } = await r.subject();
    const found = await rpc<string | null>('wechat_link_lookup', { p_provider: r.provider, p_subject: subject }, serviceKey());
    if (found.error) throw new Error(`wechat_link_lookup: ${found.error.code}`);
    let userId = found.data;
    let linked = false;
    if (!userId) {
      let target: string | null = null;
      const caller = r.callerToken ? await getAuthUser(r.callerToken) : null;
      if (caller) target = caller.id;
      else if (r.verifiedPhone) target = await userByPhone(await r.verifiedPhone());
      if (!target) return notLinked(r.provider);
      const bound = await rpc<string>(
        'wechat_link_bind',
        { p_provider: r.provider, p_subject: subject, p_unionid: unionid ?? null, p_user_id: target },
        serviceKey(),
      );
      if (bound.error) {
        if (bound.error.code === 'wechat_already_linked') return fail(409, bound.error.code, bound.error.message);
        throw new Error(`wechat_link_bind: ${bound.error.code}`);
      }
      userId = bound.data;
      linked = true;
    }
    const session = await mintSession(userId);
    return json({ session, user_id: userId, linked });
  } catch (e) {
    if (e instanceof WechatApiError) return fail(e.status, e.code, e.userMessage);
    if (e instanceof AuthAdminError && e.errorCode === 'user_banned') {
      return fail(403, 'account_banned', '你的账号已被暂停或终止使用，如有疑问请联系客服');
    }
    console.error(`${r.provider}-login failed:`, e instanceof Error ? e.message : e);
    return fail(502, 'sign_in_unavailable', '登录暂时不可用，请稍后再试');
  }
}
