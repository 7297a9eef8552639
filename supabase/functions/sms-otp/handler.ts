// Trades the 6-digit code a person received for GoTrue's own code, which the app then gives to
// GoTrue (`verifyOtp`, or `updateUser({ nonce })` for a re-authentication) to get its session.
// The Send SMS hook kept GoTrue's code in the database and texted ours; the database checks ours
// with a try counter (5 wrong tries kill the code; with 10 texts a day, at most 50 guesses a day per
// phone), which hosted GoTrue has no equivalent of. Callable before sign-in (anon key).
import { acceptPost, INVALID_REQUEST_MESSAGE } from '../_shared/request.ts';
import { fail, failFromDb, json } from '../_shared/http.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { CODE_MESSAGES } from '../_shared/sms-challenge.ts';
import { RedeemRequest } from './schema.ts';

export async function handler(req: Request): Promise<Response> {
  const parsed = await acceptPost(req, RedeemRequest, (_raw, error) =>
    error.issues[0]?.message === 'code_invalid'
      ? fail(400, 'code_invalid', '请输入 6 位数字验证码')
      : fail(400, 'invalid_request', INVALID_REQUEST_MESSAGE)
  );
  if (!parsed.ok) return parsed.response;
  const { phone, code, type } = parsed.body;
  const redeemed = await rpc<{ ok: boolean; token?: string; error?: string; attempts_left?: number }>(
    'sms_code_redeem',
    { p_phone: phone.replace(/^\+/, ''), p_sms_type: type, p_code: code },
    serviceKey(),
  );
  if (redeemed.error) return failFromDb(redeemed.error);
  if (!redeemed.data.ok) {
    const err = redeemed.data.error ?? 'code_invalid';
    const status = err === 'code_attempts_exceeded' ? 429 : 400;
    const left = redeemed.data.attempts_left;
    const message = err === 'code_invalid' && typeof left === 'number' ? `验证码错误，还可再试 ${left} 次` : CODE_MESSAGES[err] ?? '验证码错误';
    return json({ code: err, message, attempts_left: left }, status);
  }
  return json({ token: redeemed.data.token, type });
}
