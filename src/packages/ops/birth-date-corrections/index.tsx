import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useRequireSession } from '../../../features/auth';
import { LoadState } from '../../../ui/load-state';
import { useLoader } from '../../../lib/hooks/use-loader';
import { identityService } from '../../../features/identity';
import type { CorrectionStatus } from '../../../features/identity';
import { ChoiceChips } from '../../../ui/choice-chips';
import { CorrectionItem } from './correction-item';

/**
 * 出生日期更正审核 (platform operators). The database decides who may list and decide (operators
 * only), records each decision in the audit log and notifies the member.
 */
export default function BirthDateCorrectionsPage() {
  const session = useRequireSession();
  const [filter, setFilter] = useState<CorrectionStatus>('pending');
  const list = useLoader(() => identityService.listBirthDateCorrections(filter), filter, session === 'signed-in');
  const [result, setResult] = useState('');

  return (
    <View className='page' data-testid='ops-birth-corrections'>
      <ChoiceChips
        label='显示'
        testId='ops-birth-corrections-filter'
        value={filter}
        onChange={(v) => setFilter(v as CorrectionStatus)}
        options={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已批准' },
          { value: 'rejected', label: '已驳回' },
        ]}
      />
      {result && (
        <Text className='settings-muted' role='status' data-testid='ops-birth-corrections-result'>
          {result}
        </Text>
      )}
      <LoadState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.data?.length === 0}
        empty={filter === 'pending' ? '没有待审核的更正申请' : '没有记录'}
        testId='ops-birth-corrections'
      />
      {list.data?.map((item) => (
        <CorrectionItem
          key={`${item.id}-${item.status}`}
          item={item}
          service={identityService}
          onDecided={(message) => {
            setResult(message);
            list.reload();
          }}
        />
      ))}
    </View>
  );
}
