// Codes the functions send themselves (guardian phone, cancellation re-verification): the database
// issues and checks them (hashed, 6 digits, 5 min, 60 s resend, 5 attempts); this delivers them
// through the same Tencent Cloud SMS adapter the Send-SMS hook uses.
import { fail } from './http.ts';
import { isRateLimit, sendVerificationCode, tencentConfigFromEnv } from './sms/tencent.ts';

export const CODE_MESSAGES: Record<string, string> = {
  code_not_requested: '请先获取验证码',
  code_invalid: '验证码错误',
  code_expired: '验证码已过期，请重新获取',
  code_attempts_exceeded: '验证码错误次数过多，请重新获取',
  code_resend_too_soon: '验证码发送过于频繁，请 60 秒后再试',
};

export async function deliverCode(phoneE164: string, code: string): Promise<Response | null> {
  const result = await sendVerificationCode(tencentConfigFromEnv(), phoneE164, code, 5);
  if (result.ok) return null;
  console.error(`sms: provider refused (${result.code}): ${result.message}`);
  if (isRateLimit(result.code)) return fail(429, 'sms_rate_limited', '短信发送过于频繁，请稍后再试');
  return fail(502, 'sms_failed', '短信发送失败，请稍后再试');
}

export function maskPhone(e164: string): string {
  const n = e164.replace(/^\+86/, '').replace(/^\+/, '');
  return n.length <= 7 ? n : `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}`;
}
