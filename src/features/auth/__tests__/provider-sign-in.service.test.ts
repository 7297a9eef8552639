import { FunctionsFetchError, FunctionsHttpError } from '@supabase/supabase-js';
import { AppError } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import { linkWecom, signInWithWechat, signInWithWecom } from '../services/provider-sign-in.service';
import { toAppError } from '../../../lib/data';
import { AUTH_MESSAGES } from '../auth.messages';

const toProviderError = (error: unknown) => toAppError(error, AUTH_MESSAGES);

/** A function's error answer as supabase-js hands it over (the Response on `context`). */
function httpError(status: number, body: unknown): FunctionsHttpError {
  const response = { status, clone: () => response, json: async () => body };
  return new FunctionsHttpError(response);
}

const session = { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, token_type: 'bearer', user: { id: 'u-1' } };
const host = (code = 'wx-code-1') => ({ loginCode: jest.fn().mockResolvedValue(code) });

describe('provider sign-in service', () => {
  let invoke: jest.SpyInstance;
  let setSession: jest.SpyInstance;
  let getSession: jest.SpyInstance;

  beforeEach(() => {
    // `supabase.functions` is a getter that builds a new client each time: spy on what they share.
    invoke = jest.spyOn(Object.getPrototypeOf(supabase.functions) as typeof supabase.functions, 'invoke');
    setSession = jest.spyOn(supabase.auth, 'setSession').mockResolvedValue({ data: { session: null, user: null }, error: null } as never);
    getSession = jest.spyOn(supabase.auth, 'getSession');
  });
  afterEach(() => jest.restoreAllMocks());

  it('WeChat: sends the wx.login code (and the phone code when given), then adopts the returned session', async () => {
    invoke.mockResolvedValue({ data: { session, user_id: 'u-1', linked: true }, error: null });
    await expect(signInWithWechat('phone-1', { host: host() })).resolves.toEqual({ userId: 'u-1', linked: true });
    expect(invoke).toHaveBeenCalledWith('wechat-login', { body: { code: 'wx-code-1', phone_code: 'phone-1' } });
    expect(setSession).toHaveBeenCalledWith({ access_token: 'at-1', refresh_token: 'rt-1' });

    await signInWithWechat(undefined, { host: host('wx-code-2') });
    // No phone_code key at all: the function's schema is strict.
    expect(invoke).toHaveBeenLastCalledWith('wechat-login', { body: { code: 'wx-code-2' } });
  });

  it('a refusal keeps the user signed out and carries the function code and text', async () => {
    invoke.mockResolvedValue({ data: null, error: httpError(404, { code: 'wechat_not_linked', message: '请授权手机号完成登录' }) });
    const failure = await signInWithWechat(undefined, { host: host() }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'wechat_not_linked', message: '请授权手机号完成登录' });
    expect(setSession).not.toHaveBeenCalled();
  });

  it('a failing wx.login / wx.qy.login never reaches the function', async () => {
    const broken = { loginCode: jest.fn().mockRejectedValue(new Error('login:fail')) };
    await expect(signInWithWecom({ host: broken })).rejects.toMatchObject({ code: 'host_login_failed' });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('an answer without tokens is not adopted', async () => {
    invoke.mockResolvedValue({ data: { user_id: 'u-1' }, error: null });
    await expect(signInWithWecom({ host: host() })).rejects.toMatchObject({ code: 'sign_in_unavailable' });
    expect(setSession).not.toHaveBeenCalled();
  });

  it('WeCom linking keeps the SMS session and says whether the member now belongs to this account', async () => {
    getSession.mockResolvedValue({ data: { session: { user: { id: 'u-1' } } }, error: null });
    invoke.mockResolvedValueOnce({ data: { session, user_id: 'u-1', linked: true }, error: null });
    await expect(linkWecom({ host: host('qy-1') })).resolves.toBe(true);
    expect(invoke).toHaveBeenCalledWith('wecom-login', { body: { code: 'qy-1' } });
    invoke.mockResolvedValueOnce({ data: { session: { ...session, user: { id: 'u-9' } }, user_id: 'u-9', linked: false }, error: null });
    await expect(linkWecom({ host: host('qy-2') })).resolves.toBe(false);
    expect(setSession).not.toHaveBeenCalled();
  });

  it('linking without a session asks to sign in again and calls nothing', async () => {
    getSession.mockResolvedValue({ data: { session: null }, error: null });
    await expect(linkWecom({ host: host() })).rejects.toMatchObject({ code: 'session_not_found' });
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe('toProviderError', () => {
  it('prefers the app wording for known codes, the server text for new ones', async () => {
    await expect(toProviderError(httpError(429, { code: 'wechat_rate_limited', message: 'x' }))).resolves.toMatchObject({
      code: 'wechat_rate_limited',
      message: '登录请求过于频繁，请稍后再试',
    });
    await expect(toProviderError(httpError(400, { code: 'brand_new_code', message: '新的错误说明' }))).resolves.toMatchObject({
      code: 'brand_new_code',
      message: '新的错误说明',
    });
  });

  it('network failures and unreadable bodies become plain Chinese messages', async () => {
    await expect(toProviderError(new FunctionsFetchError(new TypeError('fetch failed')))).resolves.toMatchObject({ code: 'network' });
    const notJson = { status: 502, clone: () => notJson, json: async () => Promise.reject(new SyntaxError('bad')) };
    await expect(toProviderError(new FunctionsHttpError(notJson))).resolves.toMatchObject({ code: 'unknown', message: '操作失败，请稍后重试' });
  });
});
