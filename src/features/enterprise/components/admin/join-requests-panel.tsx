import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { adminService, type AdminService } from '../../services/admin.service';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { LoadState } from '../../../../ui/load-state';
import { JoinRequestItem } from './join-request-item';

export interface JoinRequestsPanelProps {
  enterpriseId: string;
  service?: Pick<AdminService, 'listJoinRequests' | 'decideJoinRequest'>;
}

/** 加入申请: pending requests (approval rule, allow-list misses) and the history. */
export function JoinRequestsPanel({ enterpriseId, service = adminService }: JoinRequestsPanelProps) {
  const [filter, setFilter] = useState<'pending' | 'all'>('pending');
  const list = useLoader(() => service.listJoinRequests(enterpriseId, filter), `${enterpriseId}|${filter}`);
  const [result, setResult] = useState('');

  return (
    <View data-testid='admin-requests'>
      <ChoiceChips label='显示' testId='requests-filter' value={filter} onChange={(v) => setFilter(v as 'pending' | 'all')} options={[{ value: 'pending', label: '待审批' }, { value: 'all', label: '全部' }]} />
      {result && (
        <Text className='ent-muted' role='status' data-testid='admin-requests-result'>
          {result}
        </Text>
      )}
      <LoadState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.data?.length === 0}
        empty={filter === 'pending' ? '没有待审批的申请' : '还没有加入申请'}
        testId='requests'
      />
      {list.data?.map((r) => (
        <JoinRequestItem
          key={`${r.id}-${r.status}`}
          request={r}
          service={service}
          onDecided={(message) => {
            setResult(message);
            list.reload();
          }}
        />
      ))}
    </View>
  );
}
