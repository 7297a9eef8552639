// Guardian confirmation for users under 18 (and, under 14, the guardian's consent to the
// children's statement). POST { action: 'send', guardian_phone } sends a code to the guardian's
// phone; POST { action: 'confirm', code, guardian_name, relationship, channel,
// accept_children_statement } records the guardian. Callable before clearance: it is how a minor
// gets cleared. Codes are issued and checked in the database with the service role, so no client
// can read or skip them.
import { preflight } from '../_shared/cors.ts';
import { fail, failFromDb, json, readJson } from '../_shared/http.ts';
import { FIXABLE, gate } from '../_shared/gate.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
import { CODE_MESSAGES, deliverCode, maskPhone } from '../_shared/sms-challenge.ts';
import { GuardianRequest } from './schema.ts';

export async function handler(req: Request): Promise<Response> {
  const pre = preflight(req);
  if (pre) return pre;
  if (req.method !== 'POST') return fail(405, 'method_not_allowed', '请求方式不支持');
  const g = await gate(req, { allow: FIXABLE });
  if (!g.ok) return g.response;
  const parsed = GuardianRequest.safeParse(await readJson(req));
  if (!parsed.success) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  const body = parsed.data;
  const userId = g.caller.userId;

  if (body.action === 'send') {
    const issued = await rpc<{ code: string; phone: string }>(
      'guardian_issue_code',
      { p_user_id: userId, p_guardian_phone: body.guardian_phone },
      serviceKey(),
    );
    if (issued.error) return failFromDb(issued.error);
    const smsError = await deliverCode(issued.data.phone, issued.data.code);
    if (smsError) return smsError;
    return json({ sent: true, phone_masked: maskPhone(issued.data.phone), expires_in: 300, resend_after: 60 });
  }

  const confirmed = await rpc<{ ok: boolean; error?: string; status?: unknown }>(
    'guardian_confirm',
    {
      p_user_id: userId,
      p_code: body.code,
      p_guardian_name: body.guardian_name,
      p_relationship: body.relationship,
      p_channel: body.channel,
      p_accept_children_statement: body.accept_children_statement,
    },
    serviceKey(),
  );
  if (confirmed.error) return failFromDb(confirmed.error);
  if (!confirmed.data.ok) {
    const code = confirmed.data.error ?? 'code_invalid';
    return fail(400, code, CODE_MESSAGES[code] ?? '验证码错误');
  }
  return json({ confirmed: true, status: confirmed.data.status });
}
