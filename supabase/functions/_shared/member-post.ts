// The start every member-called function shares: CORS preflight, POST only, the caller cleared by
// the gate (consent, guardian, account status), then the JSON body (undefined when not JSON).
import { preflight } from './cors.ts';
import { fail, readJson } from './http.ts';
import { gate, type Caller } from './gate.ts';

export type MemberPost = { ok: true; caller: Caller; body: unknown } | { ok: false; response: Response };

export async function memberPost(req: Request): Promise<MemberPost> {
  const pre = preflight(req);
  if (pre) return { ok: false, response: pre };
  if (req.method !== 'POST') return { ok: false, response: fail(405, 'method_not_allowed', '请求方式不支持') };
  const g = await gate(req);
  if (!g.ok) return g;
  return { ok: true, caller: g.caller, body: await readJson(req) };
}
