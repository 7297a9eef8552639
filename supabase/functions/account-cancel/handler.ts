// Self-service account cancellation (LX 3.3). POST { action: 'send' } texts a code to the account's
// own phone; POST { action: 'confirm', code, acknowledge_irreversible: true } checks it, anonymises
// what the cascade would not reach and deletes the auth user, all in one database transaction
// (account_cancel_verify), so a failure midway leaves the account exactly as it was: sessions end, the profile, birth date, guardian records and notifications go with it, consents remain only
// as anonymous records, authored content shows "已注销用户", and the phone can register again.
// Callable before clearance (declining new terms must leave a way out), but not while the account
// is suspended or terminated (a frozen, possibly stolen account must not be destroyed by the thief).
import { fail, failFromDb, json } from '../_shared/http.ts';
import { FIXABLE } from '../_shared/gate.ts';
import { acceptGated, INVALID_REQUEST_MESSAGE } from '../_shared/request.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { CODE_MESSAGES, issueAndDeliverCode } from '../_shared/sms-challenge.ts';
import { CancelRequest } from './schema.ts';

/** A confirm without the irreversibility acknowledgement gets its own message. */
function refuseBody(raw: unknown): Response {
  const confirmWithoutAck = typeof raw === 'object' && raw !== null &&
    (raw as { action?: unknown }).action === 'confirm' &&
    (raw as { acknowledge_irreversible?: unknown }).acknowledge_irreversible !== true;
  return confirmWithoutAck
    ? fail(400, 'acknowledge_required', '请确认你已知晓注销后数据将被删除且无法恢复')
    : fail(400, 'invalid_request', INVALID_REQUEST_MESSAGE);
}

export async function handler(req: Request): Promise<Response> {
  const g = await acceptGated(req, CancelRequest, { allow: FIXABLE, invalid: refuseBody });
  if (!g.ok) return g.response;
  const userId = g.caller.userId;

  if (g.body.action === 'send') return issueAndDeliverCode('account_cancel_issue_code', userId);

  const verified = await rpc<{ ok: boolean; error?: string }>(
    'account_cancel_verify',
    { p_user_id: userId, p_code: g.body.code },
    serviceKey(),
  );
  if (verified.error) return failFromDb(verified.error);
  if (!verified.data.ok) {
    const code = verified.data.error ?? 'code_invalid';
    if (code === 'cancel_failed') {
      // Rolled back in the database: nothing changed, but the code was used up.
      return fail(503, 'cancel_failed', '注销未完成，账号未做任何改动，请重新获取验证码后再试');
    }
    return fail(400, code, CODE_MESSAGES[code] ?? '验证码错误');
  }
  return json({ cancelled: true });
}
