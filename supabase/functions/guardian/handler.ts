// Guardian confirmation for users under 18 (and, under 14, the guardian's consent to the
// children's statement).
//
// The minor, signed in (callable before clearance: it is how a minor gets cleared):
//   { action: 'send', guardian_phone, child_name? }     a code to the guardian's phone
//   { action: 'confirm', code, guardian_name, relationship, channel, accept_children_statement }
//   { action: 'create_link', guardian_phone, child_name? } a single-use link for the guardian's own phone
// The guardian, with no account (the link's token is the authority):
//   { action: 'link_view', token }  { action: 'link_send', token }
//   { action: 'link_confirm', token, code, guardian_name, relationship, accept_children_statement }
// Codes and links are issued and checked in the database with the service role, so no client can
// read or skip them; the database also applies the send limits.
import { postOnly } from '../_shared/request.ts';
import { fail, failFromDb, json, readJson } from '../_shared/http.ts';
import { FIXABLE, gate } from '../_shared/gate.ts';
import { type ApiError, rpc, serviceKey } from '../_shared/rest.ts';
import { CODE_MESSAGES, codeSent, deliverGuardianCode, maskPhone, TOO_MANY } from '../_shared/sms-challenge.ts';
import { GuardianLinkRequest, GuardianRequest, LINK_ACTIONS } from './schema.ts';

interface Issued {
  code: string;
  phone: string;
  child_label: string;
  approves: string;
  minutes: number;
}

const LINK_MESSAGES: Record<string, string> = {
  link_invalid: '链接无效，请让孩子重新发送链接',
  link_expired: '链接已过期，请让孩子重新发送链接',
  link_used: '该链接已使用过',
};

/** Database refusals: "too many" as 429, the rest as the shared mapping does. */
const dbFail = (e: ApiError) => (TOO_MANY.has(e.code) ? fail(429, e.code, e.message) : failFromDb(e));

/** A refusal the database returned as a value (so its counting was kept), as the function's answer. */
function valueFail(code: string | undefined): Response {
  const c = code ?? 'code_invalid';
  return fail(TOO_MANY.has(c) ? 429 : 400, c, LINK_MESSAGES[c] ?? CODE_MESSAGES[c] ?? '验证码错误');
}

async function sendIssued(issued: Issued): Promise<Response> {
  const smsError = await deliverGuardianCode(issued.phone, {
    code: issued.code,
    child: issued.child_label,
    approves: issued.approves,
    minutes: issued.minutes,
  });
  return smsError ?? codeSent(issued.phone);
}

/** The guardian's address as the platform's proxy saw it: lookups of unknown tokens are counted by it. */
function clientOf(req: Request): string {
  return (req.headers.get('x-forwarded-for') ?? '').split(',')[0].trim().slice(0, 64);
}

async function linkHandler(req: Request, raw: unknown): Promise<Response> {
  const parsed = GuardianLinkRequest.safeParse(raw);
  if (!parsed.success) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  const body = parsed.data;
  const client = clientOf(req);

  if (body.action === 'link_view') {
    const r = await rpc<{ ok: boolean; error?: string; link?: unknown }>(
      'guardian_link_view', { p_token: body.token, p_client: client }, serviceKey());
    if (r.error) return dbFail(r.error);
    return r.data.ok ? json(r.data.link) : valueFail(r.data.error);
  }
  if (body.action === 'link_send') {
    const r = await rpc<{ ok: boolean; error?: string; issued?: Issued }>(
      'guardian_link_issue_code', { p_token: body.token, p_client: client }, serviceKey());
    if (r.error) return dbFail(r.error);
    return r.data.ok ? sendIssued(r.data.issued!) : valueFail(r.data.error);
  }
  const r = await rpc<{ ok: boolean; error?: string }>(
    'guardian_link_confirm',
    {
      p_token: body.token,
      p_code: body.code,
      p_guardian_name: body.guardian_name,
      p_relationship: body.relationship,
      p_accept_children_statement: body.accept_children_statement,
      p_client: client,
    },
    serviceKey(),
  );
  if (r.error) return dbFail(r.error);
  return r.data.ok ? json({ confirmed: true }) : valueFail(r.data.error);
}

export async function handler(req: Request): Promise<Response> {
  const early = postOnly(req);
  if (early) return early;
  const raw = await readJson(req);
  const action = (raw as { action?: unknown } | null)?.action;
  if (typeof action === 'string' && (LINK_ACTIONS as readonly string[]).includes(action)) return linkHandler(req, raw);

  const g = await gate(req, { allow: FIXABLE });
  if (!g.ok) return g.response;
  const parsed = GuardianRequest.safeParse(raw);
  if (!parsed.success) return fail(400, 'invalid_request', '请求参数有误，请检查后重试');
  const body = parsed.data;
  const userId = g.caller.userId;

  if (body.action === 'send') {
    const issued = await rpc<Issued>(
      'guardian_issue_code',
      { p_user_id: userId, p_guardian_phone: body.guardian_phone, p_child_name: body.child_name ?? null },
      serviceKey(),
    );
    if (issued.error) return dbFail(issued.error);
    return sendIssued(issued.data);
  }

  if (body.action === 'create_link') {
    const link = await rpc<{ token: string; expires_at: string; phone: string }>(
      'guardian_link_create',
      { p_user_id: userId, p_guardian_phone: body.guardian_phone, p_child_name: body.child_name ?? null },
      serviceKey(),
    );
    if (link.error) return dbFail(link.error);
    return json({ token: link.data.token, expires_at: link.data.expires_at, phone_masked: maskPhone(link.data.phone) });
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
  if (confirmed.error) return dbFail(confirmed.error);
  if (!confirmed.data.ok) return valueFail(confirmed.data.error);
  return json({ confirmed: true, status: confirmed.data.status });
}
