import { isAuthError, isAuthRetryableFetchError } from '@supabase/supabase-js';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';

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

function looksLikeNetworkFailure(error: unknown): boolean {
  if (isAuthRetryableFetchError(error)) return true;
  return error instanceof TypeError || (error instanceof Error && error.name === 'AbortError');
}

export function toAuthError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (looksLikeNetworkFailure(error)) return new AppError('network', NETWORK_ERROR_MESSAGE);
  if (isAuthError(error)) {
    const code = error.code ?? (error.status === 429 ? 'over_request_rate_limit' : 'unknown');
    return new AppError(code, AUTH_ERROR_MESSAGES[code] ?? UNKNOWN_ERROR_MESSAGE);
  }
  return new AppError('unknown', UNKNOWN_ERROR_MESSAGE);
}
