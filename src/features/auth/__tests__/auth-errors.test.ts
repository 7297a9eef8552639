import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js';
import { mapError } from '../../../lib/data';
import { AUTH_MESSAGES } from '../auth.messages';

// The auth module's use of the one mapper (src/lib/data/errors.ts) with its message table.
const toAuthError = (error: unknown) => mapError(error, AUTH_MESSAGES);

describe('GoTrue errors → what people read', () => {
  it.each([
    ['over_sms_send_rate_limit', 429, '发送太频繁，请 60 秒后再试'],
    ['otp_expired', 403, '验证码错误或已过期'],
    ['invalid_credentials', 400, '手机号或密码错误'],
    ['weak_password', 422, '密码强度不足：至少 8 位，包含字母和数字'],
  ])('%s keeps its English code and gets Chinese text', (code, status, message) => {
    const mapped = toAuthError(new AuthApiError('English text from the server', status, code));
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(message);
  });

  it('treats an unreachable server as a network error', () => {
    expect(toAuthError(new AuthRetryableFetchError('Failed to fetch', 0))).toMatchObject({ code: 'network', message: '网络异常，请重试' });
    expect(toAuthError(new TypeError('Network request failed: request:fail'))).toMatchObject({ code: 'network' });
  });

  it('falls back to a generic message for codes it does not know, and 429 without a code', () => {
    expect(toAuthError(new AuthApiError('?', 500, 'unexpected_failure'))).toMatchObject({
      code: 'unexpected_failure',
      message: '操作失败，请稍后重试',
    });
    expect(toAuthError(new AuthApiError('slow down', 429, undefined))).toMatchObject({ code: 'over_request_rate_limit' });
  });

  it("shows the Send SMS hook's own Chinese refusal (per-phone limits), which GoTrue relays without a code", () => {
    expect(toAuthError(new AuthApiError('该手机号本小时获取验证码次数过多，请稍后再试', 429, undefined))).toMatchObject({
      code: 'sms_limited',
      message: '该手机号本小时获取验证码次数过多，请稍后再试',
    });
    // English server text without a code never reaches people
    expect(toAuthError(new AuthApiError('Hook error', 400, undefined)).message).toBe('操作失败，请稍后重试');
  });
});
