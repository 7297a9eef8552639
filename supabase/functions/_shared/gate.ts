// The consent gate for edge functions: every function except the Send-SMS hook and the health probe
// starts with `gate(req)`. It authenticates the caller with GoTrue (so ended sessions and cancelled
// accounts are refused at once) and asks the database whether the caller is cleared
// (`my_consent_status()`, the same rule as `private.is_cleared()` in SQL). Refusals are
// `{ code, message }`: 401 `not_authenticated`, or 403 with one of GATE_CODES.
import { json } from './http.ts';
import { getAuthUser, rpc } from './rest.ts';
import { FIXABLE_GATE_CODES, GATE_CODES, type GateCode } from './gate-codes.ts';

export { GATE_CODES, type GateCode };
/** What a user may still do while uncleared: fix what is missing. Account standing is never waived. */
export const FIXABLE = FIXABLE_GATE_CODES;

export const GATE_MESSAGES: Record<GateCode | 'not_authenticated', string> = {
  not_authenticated: '请先登录',
  consent_required: '请先阅读并同意最新的用户协议和隐私政策',
  birth_date_required: '请先填写出生日期',
  guardian_required: '未成年人须经监护人确认后才能使用',
  account_suspended: '你的账号已被暂停使用，如有疑问请联系客服',
  account_terminated: '你的账号已被终止，无法继续使用',
  platform_not_initialized: '平台尚未完成初始化，请稍后再试',
};

export interface ConsentStatus {
  cleared: boolean;
  gate: GateCode | null;
  age_band: 'unknown' | 'under_14' | 'under_18' | 'adult';
  account_status: string;
  [key: string]: unknown;
}

export interface Caller {
  userId: string;
  phone?: string;
  token: string;
  status: ConsentStatus;
}

export type GateResult = { ok: true; caller: Caller } | { ok: false; response: Response };

const refuse = (status: number, code: GateCode | 'not_authenticated'): GateResult => ({
  ok: false,
  response: json({ code, message: GATE_MESSAGES[code] }, status),
});

export function bearerToken(req: Request): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get('authorization') ?? '');
  return m ? m[1] : null;
}

/**
 * `allow`: gate codes this function tolerates (the consent/guardian/cancel functions pass FIXABLE).
 */
export async function gate(req: Request, opts: { allow?: readonly GateCode[] } = {}): Promise<GateResult> {
  const token = bearerToken(req);
  if (!token) return refuse(401, 'not_authenticated');
  const user = await getAuthUser(token);
  if (!user) return refuse(401, 'not_authenticated');
  const status = await rpc<ConsentStatus>('my_consent_status', {}, token);
  if (status.error || !status.data) {
    const code = status.error?.code;
    if (code && (GATE_CODES as readonly string[]).includes(code)) return refuse(403, code as GateCode);
    return refuse(401, 'not_authenticated');
  }
  const blocked = status.data.gate;
  if (blocked && !(opts.allow ?? []).includes(blocked)) {
    if (!(GATE_CODES as readonly string[]).includes(blocked)) return refuse(401, 'not_authenticated');
    return refuse(403, blocked);
  }
  return { ok: true, caller: { userId: user.id, phone: user.phone, token, status: status.data } };
}
