import { NETWORK_ERROR_MESSAGE } from '../../lib/errors/app-error';
import type { ModuleMessages } from '../../lib/data';

/** GoTrue error codes (https://supabase.com/docs/guides/auth/debugging/error-codes) → what people read. */
export const AUTH_ERROR_MESSAGES: Record<string, string> = {
  over_sms_send_rate_limit: '发送太频繁，请 60 秒后再试',
  over_request_rate_limit: '请求太频繁，请稍后再试',
  otp_expired: '验证码错误或已过期',
  invalid_credentials: '手机号或密码错误',
  weak_password: '密码强度不足：至少 8 位，包含字母和数字',
  same_password: '新密码不能与当前密码相同',
  sms_send_failed: '短信发送失败，请稍后再试',
  phone_provider_disabled: '暂不支持手机号登录',
  validation_failed: '手机号格式不正确',
  session_not_found: '登录已过期，请重新登录',
  user_banned: '账号已被限制使用，请联系管理员',
  reauthentication_needed: '请重新验证身份后再设置密码',
  network: NETWORK_ERROR_MESSAGE,
};

/** Codes of the wechat-login / wecom-login functions (docs/api.md) and of the host's login APIs. */
export const PROVIDER_ERROR_MESSAGES: Record<string, string> = {
  invalid_request: '请求参数有误，请检查后重试',
  wechat_code_invalid: '登录凭证无效或已过期，请重新登录',
  wecom_code_invalid: '登录凭证无效或已过期，请重新登录',
  wechat_phone_code_invalid: '手机号授权已失效，请重新授权',
  wechat_phone_unsupported: '仅支持中国大陆手机号，请更换微信绑定的手机号后重试',
  wechat_not_linked: '请授权手机号完成登录',
  wecom_not_linked: '首次使用请先用手机号验证码登录，完成企业微信账号绑定',
  wechat_already_linked: '该账号已绑定其他微信或企业微信账号',
  wechat_user_blocked: '该微信账号存在风险，暂时无法登录',
  account_banned: '你的账号已被暂停或终止使用，如有疑问请联系客服',
  wechat_rate_limited: '登录请求过于频繁，请稍后再试',
  wecom_rate_limited: '登录请求过于频繁，请稍后再试',
  wechat_unavailable: '微信服务暂时不可用，请稍后再试',
  wecom_unavailable: '企业微信服务暂时不可用，请稍后再试',
  sign_in_unavailable: '登录暂时不可用，请稍后再试',
  host_login_failed: '无法获取登录凭证，请稍后重试',
  phone_denied: '未授权手机号。你也可以使用手机号验证码登录',
  network: NETWORK_ERROR_MESSAGE,
};

/**
 * The auth module's binding of the data layer (src/lib/data): GoTrue's codes and the sign-in
 * functions' codes. Sign-in happens before there is a session: these calls raise no gate signal.
 */
export const AUTH_MESSAGES: ModuleMessages = {
  messages: { ...AUTH_ERROR_MESSAGES, ...PROVIDER_ERROR_MESSAGES },
  signalsGate: false,
};
