// Setting or changing the password after a fresh re-verification (issue 10). POST { action: 'send' }
// texts a code to the account's phone; POST { action: 'confirm', code, password } checks the password
// against the rules and the weak-password list, then the code, and only then lets the database issue
// a two-minute permit and sets the password through GoTrue's admin API. The trigger
// `zx_password_permit` on auth.users refuses any change of an existing password without a permit, so
// GoTrue's own PUT /user cannot be used to skip the re-verification with a stolen session.
import { AuthAdminError, setUserPassword } from '../_shared/auth-admin.ts';
import { fail, failFromDb, json } from '../_shared/http.ts';
import { acceptGated } from '../_shared/request.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { CODE_MESSAGES, issueAndDeliverCode } from '../_shared/sms-challenge.ts';
import { PasswordChangeRequest } from './schema.ts';

export const PASSWORD_MESSAGES: Record<string, string> = {
  password_too_short: '密码至少 8 位',
  password_too_long: '密码最多 72 位',
  password_needs_letters_digits: '密码须同时包含字母和数字',
  password_too_common: '这个密码太常见，容易被猜到，请换一个',
  password_contains_phone: '密码不能包含手机号',
};

async function setPassword(userId: string, password: string): Promise<Response | null> {
  try {
    await setUserPassword(userId, password);
    return null;
  } catch (e) {
    if (!(e instanceof AuthAdminError)) throw e;
    if (e.status === 422 && e.errorCode === 'weak_password') return fail(400, 'password_too_weak', '密码强度不足：至少 8 位，包含字母和数字');
    if (e.status === 422 && e.errorCode === 'same_password') return fail(400, 'same_password', '新密码不能与当前密码相同');
    console.error(`password-change: ${e.message}`);
    return fail(502, 'password_change_failed', '密码修改失败，请稍后重试');
  }
}

export async function handler(req: Request): Promise<Response> {
  const g = await acceptGated(req, PasswordChangeRequest);
  if (!g.ok) return g.response;
  const userId = g.caller.userId;

  if (g.body.action === 'send') return issueAndDeliverCode('password_change_issue_code', userId);

  const permit = await rpc<{ ok: boolean; error?: string }>(
    'password_change_permit',
    { p_user_id: userId, p_code: g.body.code, p_password: g.body.password },
    serviceKey(),
  );
  if (permit.error) return failFromDb(permit.error);
  if (!permit.data.ok) {
    const code = permit.data.error ?? 'code_invalid';
    return fail(400, code, PASSWORD_MESSAGES[code] ?? CODE_MESSAGES[code] ?? '验证码错误');
  }
  const refused = await setPassword(userId, g.body.password);
  if (refused) return refused;
  return json({ changed: true });
}
