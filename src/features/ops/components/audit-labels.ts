// What the audit log's stable action codes mean to an operator.
export const TARGET_LABELS: Record<string, string> = {
  account: '账号',
  enterprise: '企业',
  qualification_document: '资质材料',
};

const ACTIONS: Record<string, string> = {
  'account.warn': '警告账号',
  'account.restrict': '限制账号功能',
  'account.suspend': '暂停账号',
  'account.terminate': '终止账号',
  'account.restore': '恢复账号',
  'account.lookup': '按手机号查找账号',
  'operator.grant': '设为平台运营人员',
  'qualification.approve': '资质材料通过',
  'qualification.reject': '资质材料驳回',
  'enterprise.suspend': '暂停企业',
  'enterprise.restore': '恢复企业',
  'enterprise.close': '注销企业',
  'enterprise.cancellation.approve': '通过企业注销申请',
  'enterprise.cancellation.reject': '驳回企业注销申请',
};

/** The Chinese name of an action, or the code itself for actions added later. */
export function describeAuditAction(action: string): string {
  return ACTIONS[action] ?? action;
}
