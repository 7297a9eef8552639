import { bindDataLayer } from '../../../lib/data';
import { supabase } from '../../../lib/supabase/client';
import { miniLogin } from '../../../platform/mini-login';
import type { MiniLogin } from '../../../platform/mini-login.types';
import { AppError } from '../../../lib/errors/app-error';
import { AUTH_MESSAGES } from '../auth.messages';

const db = bindDataLayer(AUTH_MESSAGES);

// WeChat / WeCom one-tap sign-in (docs/api.md "WeChat / WeCom sign-in"): a one-time code from the
// host app → the wechat-login / wecom-login edge function → a normal GoTrue session, handed to
// supabase-js with setSession. Everything throws AppError.

interface LoginAnswer {
  session: { access_token: string; refresh_token: string };
  user_id: string;
  linked: boolean;
}

export interface ProviderSignInResult {
  userId: string;
  /** true when this call linked the WeChat/WeCom identity to the account */
  linked: boolean;
}

type Deps = { host: Pick<MiniLogin, 'loginCode'> };

async function hostCode(host: Deps['host']): Promise<string> {
  try {
    return await host.loginCode();
  } catch {
    throw db.error('host_login_failed');
  }
}

async function callLogin(name: 'wechat-login' | 'wecom-login', body: Record<string, string>): Promise<LoginAnswer> {
  // Signed out, supabase-js sends the anon key; signed in, the user's token (the function then
  // links the identity to that account). An answer without tokens means sign-in is unavailable.
  const answer = await db.invoke<Partial<LoginAnswer>>(name, body).catch((failure: unknown) => {
    throw failure instanceof AppError && failure.code === 'empty_response' ? db.error('sign_in_unavailable') : failure;
  });
  const { session, user_id } = answer;
  if (!session?.access_token || !session.refresh_token || !user_id) throw db.error('sign_in_unavailable');
  return { session, user_id, linked: answer.linked ?? false };
}

async function adopt(answer: LoginAnswer): Promise<ProviderSignInResult> {
  const { access_token, refresh_token } = answer.session;
  let error: unknown;
  try {
    ({ error } = await supabase.auth.setSession({ access_token, refresh_token }));
  } catch (failure) {
    error = failure;
  }
  if (error) throw await db.fail(error);
  return { userId: answer.user_id, linked: answer.linked };
}

/**
 * WeChat sign-in. Without `phoneCode` only an openid already linked signs in (otherwise AppError
 * `wechat_not_linked`: ask for the phone number). With the getPhoneNumber button's code, the
 * WeChat-verified phone signs in (or signs up) and the openid is linked. Each call takes a new
 * `wx.login` code: codes work once.
 */
export async function signInWithWechat(phoneCode?: string, deps: Deps = { host: miniLogin }): Promise<ProviderSignInResult> {
  const code = await hostCode(deps.host);
  return adopt(await callLogin('wechat-login', phoneCode ? { code, phone_code: phoneCode } : { code }));
}

/** WeCom sign-in of a linked member; a first-time member gets AppError `wecom_not_linked`. */
export async function signInWithWecom(deps: Deps = { host: miniLogin }): Promise<ProviderSignInResult> {
  return adopt(await callLogin('wecom-login', { code: await hostCode(deps.host) }));
}

/**
 * Links the current WeCom member to the account just signed in (by SMS code), so the next
 * 企业微信一键登录 signs in directly. The session already held stays in use. Resolves whether the
 * WeCom member now belongs to this account (false: it was already linked to another one).
 */
export async function linkWecom(deps: Deps = { host: miniLogin }): Promise<boolean> {
  const { data } = await supabase.auth.getSession();
  const userId = data.session?.user.id;
  if (!userId) throw db.error('session_not_found');
  const answer = await callLogin('wecom-login', { code: await hostCode(deps.host) });
  return answer.user_id === userId;
}

export const providerSignInService = { signInWithWechat, signInWithWecom, linkWecom };
export type ProviderSignInService = typeof providerSignInService;
