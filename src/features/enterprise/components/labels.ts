import type { Edition, EnterpriseStatus, InvitationState, JoinRule, ManagerScope, MemberRole, QualificationStatus } from '../services/enterprise.types';

// Chinese labels for the tenancy enums (one place for the wording).
export const EDITION_LABEL: Record<Edition, string> = { basic: '基础版', professional: '专业版', private: '私有化版' };
export const ROLE_LABEL: Record<MemberRole, string> = { admin: '管理员', member: '成员' };
export const SCOPE_LABEL: Record<ManagerScope, string> = { content: '内容管理', training: '培训管理', community: '社区管理', service: '客服' };
export const JOIN_RULE_LABEL: Record<JoinRule, string> = { invite: '凭邀请直接加入', approval: '需管理员审批', allowlist: '白名单手机号直接加入，其他需审批' };
export const QUALIFICATION_LABEL: Record<QualificationStatus, string> = { none: '未认证', pending: '审核中', approved: '已认证', rejected: '未通过' };
export const ENTERPRISE_STATUS_LABEL: Record<EnterpriseStatus, string> = { normal: '正常', suspended: '已暂停', closed: '已注销' };
/** What a member can still do there, said next to the status (LX 3.2.5). */
export const ENTERPRISE_STATUS_EFFECT: Record<EnterpriseStatus, string> = {
  normal: '',
  suspended: '企业暂停期间只能查看，不能修改资料、邀请或加入成员',
  closed: '企业已注销，其通讯录和资料已不可查看，你可以退出该企业',
};
export const INVITATION_STATE_LABEL: Record<InvitationState, string> = {
  valid: '邀请有效',
  expired: '邀请已过期，请联系邀请人重新邀请',
  revoked: '邀请已被撤销',
  used_up: '邀请的使用次数已用完',
  already_member: '你已经是该企业的成员',
  pending_request: '你的加入申请正在等待管理员审批',
};

