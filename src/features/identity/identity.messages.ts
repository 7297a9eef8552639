import type { ModuleMessages } from '../../lib/data';

// Stable codes of the identity module (docs/api.md) → what people read. The server already sends
// Chinese text (RPC `hint`, function `message`); this table wins where it has the code (one
// wording across the app), the server's text covers codes added since.

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
  // minors hardening (20261201040000_minors_guardians.sql)
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
};

/** The identity module's binding of the data layer (src/lib/data). */
export const IDENTITY_MESSAGES: ModuleMessages = { messages: IDENTITY_ERROR_MESSAGES };

/**
 * A module's binding whose RPCs can also answer with identity's gate and account codes (every RPC
 * behind the consent gate): the module's table over identity's.
 */
export const behindTheGate = (messages: Record<string, string>, options: Omit<ModuleMessages, 'messages'> = {}): ModuleMessages => ({
  messages: { ...IDENTITY_ERROR_MESSAGES, ...messages },
  ...options,
});

/** Birth-date evidence uploads (Storage; 5 MB bucket limit). */
export const BIRTH_EVIDENCE_UPLOAD_MESSAGES: ModuleMessages = {
  messages: { file_too_large: '文件不能超过 5 MB', file_type_invalid: '仅支持 JPG、PNG 图片或 PDF 文件' },
};
