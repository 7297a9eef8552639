import { Text, View } from '@tarojs/components';
import type { MyEnterprise } from '../services/enterprise.types';
import { ENTERPRISE_STATUS_EFFECT, ENTERPRISE_STATUS_LABEL } from './labels';
import './enterprise.css';

export interface EnterpriseStatusNoticeProps {
  enterprise: Pick<MyEnterprise, 'name' | 'status' | 'status_reason'>;
  testId?: string;
}

/** 已暂停 / 已注销 with the platform's reason and what still works; nothing for a normal enterprise. */
export function EnterpriseStatusNotice({ enterprise, testId = 'enterprise-status' }: EnterpriseStatusNoticeProps) {
  if (!enterprise.status || enterprise.status === 'normal') return null;
  const label = ENTERPRISE_STATUS_LABEL[enterprise.status] ?? enterprise.status;
  return (
    <View className={`ent-status ent-status--${enterprise.status}`} role='status' data-testid={testId}>
      <Text className='ent-status__label'>{label}</Text>
      {enterprise.status_reason && <Text className='ent-status__reason'>原因：{enterprise.status_reason}</Text>}
      <Text className='ent-status__effect'>{ENTERPRISE_STATUS_EFFECT[enterprise.status]}</Text>
    </View>
  );
}

/** Whether members may change anything in it (cards, invitations, settings): only when normal. */
export const isWritable = (e: Pick<MyEnterprise, 'status'>) => !e.status || e.status === 'normal';
