import { adminService, type AdminService } from '../../services/admin.service';
import { DecisionList } from '../../../../ui/decision-list';
import { JoinRequestItem } from './join-request-item';

export interface JoinRequestsPanelProps {
  enterpriseId: string;
  service?: Pick<AdminService, 'listJoinRequests' | 'decideJoinRequest'>;
}

/** 加入申请: pending requests (approval rule, allow-list misses) and the history. */
export function JoinRequestsPanel({ enterpriseId, service = adminService }: JoinRequestsPanelProps) {
  return (
    <DecisionList<'pending' | 'all', Awaited<ReturnType<AdminService['listJoinRequests']>>[number]>
      testId='admin-requests'
      filterTestId='requests-filter'
      loadTestId='requests'
      resultClassName='ent-muted'
      filters={[{ value: 'pending', label: '待审批' }, { value: 'all', label: '全部' }]}
      load={(filter) => service.listJoinRequests(enterpriseId, filter)}
      loadKey={enterpriseId}
      empty={(filter) => (filter === 'pending' ? '没有待审批的申请' : '还没有加入申请')}
      itemKey={(r) => `${r.id}-${r.status}`}
      renderItem={(r, onDone) => <JoinRequestItem request={r} service={service} onDecided={onDone} />}
    />
  );
}
