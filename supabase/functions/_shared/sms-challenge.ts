// Codes the functions send themselves (guardian phone, cancellation re-verification): the database
// issues and checks them (hashed, 6 digits, 5 min, 60 s resend, 5 attempts per code, daily limits
// per account and per phone, 10 wrong codes per account a day); this delivers them through the same
// Tencent Cloud SMS adapter the Send-SMS hook uses. The guardian gets their own template.
import { fail, failFromDb, json } from './http.ts';
import { rpc, serviceKey } from './rest.ts';
import { isRateLimit, type SendResult, sendGuardianCode, sendVerificationCode, tencentConfigFromEnv } from './sms/tencent.ts';

export const CODE_MESSAGES: Record<string, string> = {
  code_not_requested: '请先获取验证码',
  code_invalid: '验证码错误',
  code_expired: '验证码已过期，请重新获取',
  code_attempts_exceeded: '验证码错误次数过多，请重新获取',
  code_resend_too_soon: '验证码发送过于频繁，请 60 秒后再试',
  code_attempts_exceeded_today: '今天验证码错误次数过多，请明天再试',
  sms_daily_limit: '今天获取验证码的次数已达上限，请明天再试',
  sms_phone_daily_limit: '该手机号今天接收验证码的次数已达上限，请明天再试',
};

/** Database refusals of a send that mean "too many": HTTP 429 rather than 400. */
export { TOO_MANY } from './http.ts';

export async function deliverCode(phoneE164: string, code: string): Promise<Response | null> {
  return providerAnswer(await sendVerificationCode(tencentConfigFromEnv(), phoneE164, code, 5));
}

/** The guardian's code, in the guardian template: names the child and what the guardian approves. */
export async function deliverGuardianCode(
  phoneE164: string,
  params: { code: string; child: string; approves: string; minutes?: number },
): Promise<Response | null> {
  return providerAnswer(await sendGuardianCode(tencentConfigFromEnv(), phoneE164, params));
}

function providerAnswer(result: SendResult): Response | null {
  if (result.ok) return null;
  console.error(`sms: provider refused (${result.code}): ${result.message}`);
  if (isRateLimit(result.code)) return fail(429, 'sms_rate_limited', '短信发送过于频繁，请稍后再试');
  return fail(502, 'sms_failed', '短信发送失败，请稍后再试');
}

/** A code went out: the masked phone and the code's timings (valid 5 minutes, resend after 60 s). */
export function codeSent(phoneE164: string): Response {
  return json({ sent: true, phone_masked: maskPhone(phoneE164), expires_in: 300, resend_after: 60 });
}

/**
 * The `send` step of the functions that re-verify the account's own phone (cancellation, password
 * change): `issuer` (a service-role RPC) issues the code for the account's phone, this texts it.
 */
export async function issueAndDeliverCode(issuer: string, userId: string): Promise<Response> {
  const issued = await rpc<{ code: string; phone: string }>(issuer, { p_user_id: userId }, serviceKey());
  if (issued.error) return failFromDb(issued.error);
  return (await deliverCode(issued.data.phone, issued.data.code)) ?? codeSent(issued.data.phone);
}

export function maskPhone(e164: string): string {
  const n = e164.replace(/^\+86/, '').replace(/^\+/, '');
  return n.length <= 7 ? n : `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}`;
}
