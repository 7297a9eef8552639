import type { ModuleMessages } from '../../lib/data';
// The table only (no runtime): importing identity's index would pull in its services and Taro.
import { behindTheGate } from '../identity/identity.messages';

// Stable codes of the tenancy RPCs (docs/api.md) → what people read when the server sends no
// Chinese `hint`. The tenancy functions send precise hints (one code, several situations), so the
// server's text wins here; identity's table covers the gate and account codes every RPC can answer.
export const ENTERPRISE_ERROR_MESSAGES: Record<string, string> = {
  not_enterprise_member: '你不是该企业的成员',
  not_enterprise_admin: '仅企业管理员可以执行此操作',
  content_rule_invalid: '请选择保留为前成员或转交给管理者',
  content_transfer_target_invalid: '请选择一位管理员或内容管理员接收内容',
  member_not_found: '找不到该成员：TA 可能已离开企业，或你没有查看其资料的权限',
  last_admin: '企业至少需要一名管理员',
  feature_not_in_edition: '当前版本不包含此功能，请升级企业版本',
  invitation_not_found: '邀请不存在，请确认邀请码或链接是否正确',
  invitation_code_invalid: '邀请码为 8 位字母或数字',
  invitation_attempts_exceeded: '邀请码错误次数过多，请 1 小时后再试',
  invitation_expired: '该邀请已过期，请联系邀请人重新邀请',
  invitation_revoked: '该邀请已被撤销',
  invitation_used_up: '该邀请的使用次数已满',
  already_member: '你已经是该企业的成员',
  join_request_pending: '你已提交加入申请，请等待管理员审批',
  join_request_not_pending: '该申请已处理',
  reason_required: '拒绝时请填写理由（至少 2 个字）',
  department_too_deep: '部门层级最多 15 级',
  department_cycle: '不能把部门移动到它自己或它的下级部门之下',
  department_not_empty: '请先移走该部门的下级部门和成员',
  department_name_taken: '同一上级部门下已有同名部门',
  qualification_file_not_found: '请先上传文件',
  rpc_missing: '服务暂不可用，请稍后再试',
  enterprise_suspended: '该企业已被暂停，暂时只能查看，不能修改或加入',
  enterprise_closed: '该企业已注销',
  cancellation_reason_invalid: '请用 10–2000 字说明注销原因',
  cancellation_already_pending: '已有待审核的注销申请',
};

/** The enterprise module's binding of the data layer (src/lib/data). */
export const ENTERPRISE_MESSAGES = behindTheGate(ENTERPRISE_ERROR_MESSAGES, { serverTextFirst: true });

/** Qualification uploads (Storage; 10 MB bucket limit; only admins may write the folder). */
export const QUALIFICATION_UPLOAD_MESSAGES: ModuleMessages = {
  messages: {
    file_too_large: '文件不能超过 10 MB',
    file_type_invalid: '仅支持 JPG、PNG 图片或 PDF 文件',
    not_enterprise_admin: '仅企业管理员可以上传资质材料',
  },
};
