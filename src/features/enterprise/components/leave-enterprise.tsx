import { ConfirmAction } from '../../../ui/confirm-action';
import type { MyEnterprise } from '../services/enterprise.types';

export interface LeaveEnterpriseProps {
  enterprise: MyEnterprise;
  /** leaves on the server; a refusal (e.g. last_admin) is thrown as an AppError and shown */
  onLeave(enterprise: MyEnterprise): Promise<void>;
}

/** What leaving means, said before the second tap. */
export function leaveMessage(e: Pick<MyEnterprise, 'name' | 'role'>): string {
  const base = `退出「${e.name}」后，你将立即无法查看该企业的内容和通讯录；如需回来，需要企业重新邀请你。`;
  return e.role === 'admin' ? `${base}如果你是唯一的管理员，请先指定其他管理员。` : base;
}

/** 退出企业: a two-step action on 我的企业 (the same inline confirmation as removing a member). */
export function LeaveEnterprise({ enterprise, onLeave }: LeaveEnterpriseProps) {
  return (
    <ConfirmAction
      label='退出企业'
      message={leaveMessage(enterprise)}
      confirmLabel='确认退出'
      testId={`enterprise-leave-${enterprise.name}`}
      onConfirm={() => onLeave(enterprise)}
    />
  );
}
