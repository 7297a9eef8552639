import { identityService } from '../../../features/identity';
import type { BirthDateCorrectionForReview, CorrectionStatus } from '../../../features/identity';
import { byIdAndStatus, DecisionList, type DecisionListProps } from '../../../ui/decision-list';
import { CorrectionItem } from './correction-item';

/** What the corrections list loads and shows (the page, and the desk ops console's table). */
export function birthDateCorrectionsList(enabled = true): DecisionListProps<CorrectionStatus, BirthDateCorrectionForReview> {
  return {
    testId: 'ops-birth-corrections',
    resultClassName: 'settings-muted',
    filters: [
      { value: 'pending', label: '待审核' },
      { value: 'approved', label: '已批准' },
      { value: 'rejected', label: '已驳回' },
    ],
    load: (filter) => identityService.listBirthDateCorrections(filter),
    enabled,
    empty: (filter) => (filter === 'pending' ? '没有待审核的更正申请' : '没有记录'),
    itemKey: byIdAndStatus,
    renderItem: (item, onDone) => <CorrectionItem item={item} service={identityService} onDecided={onDone} />,
  };
}

/**
 * 出生日期更正审核 (platform operators). The database decides who may list and decide (operators
 * only), audits each decision and notifies the member.
 */
export function BirthDateCorrections({ enabled = true, className }: { enabled?: boolean; className?: string }) {
  return <DecisionList {...birthDateCorrectionsList(enabled)} className={className} />;
}
