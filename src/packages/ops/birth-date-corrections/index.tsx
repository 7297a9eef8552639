import { useRequireSession } from '../../../features/auth';
import { identityService } from '../../../features/identity';
import type { CorrectionStatus } from '../../../features/identity';
import { DecisionList } from '../../../ui/decision-list';
import { CorrectionItem } from './correction-item';

/**
 * 出生日期更正审核 (platform operators). The database decides who may list and decide (operators
 * only), records each decision in the audit log and notifies the member.
 */
export default function BirthDateCorrectionsPage() {
  const session = useRequireSession();
  return (
    <DecisionList<CorrectionStatus, Awaited<ReturnType<typeof identityService.listBirthDateCorrections>>[number]>
      className='page'
      testId='ops-birth-corrections'
      resultClassName='settings-muted'
      filters={[
        { value: 'pending', label: '待审核' },
        { value: 'approved', label: '已批准' },
        { value: 'rejected', label: '已驳回' },
      ]}
      load={(filter) => identityService.listBirthDateCorrections(filter)}
      enabled={session === 'signed-in'}
      empty={(filter) => (filter === 'pending' ? '没有待审核的更正申请' : '没有记录')}
      itemKey={(item) => `${item.id}-${item.status}`}
      renderItem={(item, onDone) => <CorrectionItem item={item} service={identityService} onDecided={onDone} />}
    />
  );
}
