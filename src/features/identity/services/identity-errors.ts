import type { PostgrestError } from '@supabase/supabase-js';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';

// Stable codes of the identity module (docs/api.md) → what people read. The server already sends
// Chinese text (RPC `hint`, function `message`); this table is the fallback when it does not, and
// the one place the app's own wording lives.

/** Codes that mean "this user is not cleared"; the app routes to onboarding or the blocked screen. */
export const GATE_CODES = [
  'account_terminated',
  'account_suspended',
  'birth_date_required',
  'consent_required',
  'guardian_required',
  'platform_not_initialized',
] as const;
export type GateCode = (typeof GATE_CODES)[number];

/** Gate codes the user can fix in onboarding (the others are account standing). */
export const FIXABLE_GATE_CODES: readonly GateCode[] = ['birth_date_required', 'consent_required', 'guardian_required'];

export const IDENTITY_ERROR_MESSAGES: Record<string, string> = {
  account_terminated: '你的账号已被终止，无法继续使用',
  account_suspended: '你的账号已被暂停使用，如有疑问请联系客服',
  birth_date_required: '请先填写出生日期',
  consent_required: '请先阅读并同意最新的用户协议和隐私政策',
  guardian_required: '未成年人须经监护人确认后才能使用',
  platform_not_initialized: '平台尚未完成初始化，请稍后再试',
  account_restricted: '账号功能受限：暂时不能创建企业、邀请成员、发布或评论内容，如有疑问请联系客服',
  not_authenticated: '请先登录',
  channel_invalid: '渠道须为 weapp、h5 或 qywx',
  agreement_versions_required: '请勾选要同意的协议',
  agreement_version_not_current: '协议已更新或不存在，请刷新后重新阅读并同意',
  guardian_consent_required: '《儿童个人信息保护规则》须由监护人在监护人确认时同意',
  consent_required_document:
    '该协议是使用本服务所必需的，不能单独撤回。如不再同意，可以停止使用，或在“设置 › 注销账号”中注销账号。',
  agreement_document_not_found: '找不到该协议',
  birth_date_invalid: '请填写真实的出生日期',
  birth_date_locked: '出生日期填写后不能自行修改；如填写有误，请提交更正申请，由平台审核',
  invalid_request: '请求参数有误，请检查后重试',
  guardian_not_needed: '已成年用户无需监护人确认',
  guardian_phone_invalid: '请填写监护人的中国大陆手机号',
  guardian_phone_is_own: '监护人手机号不能与本人手机号相同',
  guardian_name_invalid: '请填写监护人的真实姓名（2–40 个字符）',
  relationship_invalid: '请选择监护人与你的关系',
  children_statement_required: '未满 14 周岁的用户，须由监护人阅读并同意《儿童个人信息保护规则》',
  code_not_requested: '请先获取验证码',
  code_invalid: '验证码错误',
  code_expired: '验证码已过期，请重新获取',
  code_attempts_exceeded: '验证码错误次数过多，请重新获取',
  code_resend_too_soon: '验证码发送过于频繁，请 60 秒后再试',
  sms_rate_limited: '短信发送过于频繁，请稍后再试',
  sms_failed: '短信发送失败，请稍后再试',
  guardian_not_found: '当前没有有效的监护人确认',
  acknowledge_required: '请确认你已知晓注销后数据将被删除且无法恢复',
  phone_required: '账号未绑定手机号，请联系客服注销',
  cancel_incomplete: '注销未完成，请稍后重试或联系客服',
  notification_ids_invalid: '请选择 1–200 条通知',
  phone_invalid: '请填写被盗用账号的中国大陆手机号',
  real_name_invalid: '请填写真实姓名（2–40 个字符）',
  evidence_invalid: '请用 10–2000 字说明情况和身份证明',
  contact_invalid: '请填写可以联系到你的方式（5–100 个字符）',
  evidence_path_invalid: '证明材料的文件路径无效',
  report_rate_limited: '该手机号今天的申诉次数已达上限，请耐心等待处理结果',
  not_platform_operator: '仅平台运营人员可以执行此操作',
  title_invalid: '标题无效',
  body_invalid: '正文无效',
  key_clauses_invalid: '重点条款格式无效',
  effective_at_invalid: '生效时间无效（不能早于现在，最多一年后）',
  action_invalid: '操作类型无效',
  reason_invalid: '请填写原因（2–500 个字符）',
  user_not_found: '找不到该用户',
  cannot_act_on_self: '不能对自己的账号执行此操作',
  account_already_terminated: '该账号已被终止',
  outcome_invalid: '处理结果无效',
  note_invalid: '请填写处理说明',
  report_not_found: '找不到该申诉',
  report_already_resolved: '该申诉已处理',
  freeze_not_possible: '只有确认属实且账号存在的申诉才能冻结账号',
  profile_not_found: '找不到你的资料，请重新登录',
  display_name_invalid: '姓名须为 1–40 个字符',
  // minors hardening (20261206030000_minors_hardening.sql)
  code_attempts_exceeded_today: '今天验证码错误次数过多，请明天再试',
  sms_daily_limit: '今天获取验证码的次数已达上限，请明天再试',
  sms_phone_daily_limit: '该手机号今天接收验证码的次数已达上限，请明天再试',
  child_name_invalid: '请填写你的姓名（1–20 个字符）',
  link_invalid: '链接无效，请让孩子重新发送链接',
  link_expired: '链接已过期，请让孩子重新发送链接',
  link_used: '该链接已使用过',
  link_daily_limit: '今天生成监护人链接的次数已达上限，请明天再试',
  link_lookup_rate_limited: '尝试次数过多，请稍后再试',
  guardian_consent_required_for_profile: '未满 14 周岁的用户，须经监护人同意后才能填写个人资料',
  birth_date_unchanged: '更正后的出生日期与当前相同',
  correction_pending: '你已有一份待审核的更正申请，请耐心等待结果',
  correction_rate_limited: '30 天内最多提交 3 次更正申请',
  correction_not_found: '找不到该更正申请',
  correction_already_decided: '该申请已处理',
  decision_invalid: '请选择批准或驳回',
  status_invalid: '状态无效',
  network: NETWORK_ERROR_MESSAGE,
};

export function isGateCode(code: string): code is GateCode {
  return (GATE_CODES as readonly string[]).includes(code);
}

/** True for an AppError (or code) the onboarding page can fix. */
export function isFixableGate(error: unknown): boolean {
  const code = error instanceof AppError ? error.code : typeof error === 'string' ? error : '';
  return (FIXABLE_GATE_CODES as readonly string[]).includes(code);
}

function fromCode(code: string, serverText?: string | null): AppError {
  // Prefer our table for known codes (consistent wording), the server's text for new ones.
  return new AppError(code, IDENTITY_ERROR_MESSAGES[code] ?? (serverText || UNKNOWN_ERROR_MESSAGE));
}

/** Maps a PostgREST error of an RPC (message = stable code, hint = Chinese). */
export function fromPostgrestError(error: Pick<PostgrestError, 'code' | 'message' | 'hint'>): AppError {
  // postgrest-js reports a failed fetch as an error with an empty code and the exception text.
  if (!error.code && /fetch|network|request failed|aborted/i.test(error.message)) {
    return new AppError('network', NETWORK_ERROR_MESSAGE);
  }
  // Type errors (22P02 bad uuid, 22007/22008 bad date) carry Postgres' English text: not for people.
  if (/^22(P02|007|008)$/.test(error.code ?? '')) return new AppError('invalid_request', IDENTITY_ERROR_MESSAGES.invalid_request);
  if (/^[a-z][a-z0-9_]*$/.test(error.message ?? '')) return fromCode(error.message, error.hint);
  return new AppError('unknown', error.hint || UNKNOWN_ERROR_MESSAGE);
}

/** Edge-function error bodies are `{ code, message }`; the HTTP response sits on `error.context`. */
export async function fromFunctionsError(error: unknown): Promise<AppError> {
  // By name, not instanceof: functions-js may be bundled more than once.
  const name = error instanceof Error ? error.name : '';
  if (!name.startsWith('Functions')) return toIdentityError(error);
  if (name === 'FunctionsFetchError' || name === 'FunctionsRelayError') {
    return new AppError('network', NETWORK_ERROR_MESSAGE);
  }
  const response = (error as { context?: unknown }).context;
  if (response && typeof (response as Response).json === 'function') {
    try {
      const body = (await (response as Response).clone().json()) as { code?: unknown; message?: unknown };
      if (typeof body.code === 'string') return fromCode(body.code, typeof body.message === 'string' ? body.message : null);
    } catch {
      // not JSON: fall through
    }
  }
  return new AppError('unknown', UNKNOWN_ERROR_MESSAGE);
}

/** Anything thrown by an identity call → AppError (sync; for already-mapped or unexpected errors). */
export function toIdentityError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')) {
    return new AppError('network', NETWORK_ERROR_MESSAGE);
  }
  const maybe = error as Partial<PostgrestError> | null;
  if (maybe && typeof maybe === 'object' && typeof maybe.message === 'string' && 'hint' in maybe) {
    return fromPostgrestError(maybe as PostgrestError);
  }
  return new AppError('unknown', UNKNOWN_ERROR_MESSAGE);
}
