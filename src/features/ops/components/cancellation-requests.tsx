import { Text, View } from '@tarojs/components';
import { TextAreaField } from '../../../ui/text-area-field';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { byIdAndStatus, DecisionList, openOrAll, type DecisionListProps } from '../../../ui/decision-list';
import { FormError } from '../../../ui/form-error';
import type { CancellationRequest, PlatformOpsService } from '../services/platform-ops.service';

export const CANCELLATION_STATUS: Record<CancellationRequest['status'], string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };

type Service = Pick<PlatformOpsService, 'listCancellationRequests' | 'reviewCancellation'>;

export interface CancellationItemProps {
  request: CancellationRequest;
  service: Pick<PlatformOpsService, 'reviewCancellation'>;
  onReviewed(message: string): void;
}

/** One request: the enterprise, its reason and documents; approve (the enterprise is closed) or reject with a reason. */
export function CancellationItem({ request: r, service, onReviewed }: CancellationItemProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const testId = `ops-cancellation-${r.id}`;

  const review = async (approve: boolean) => {
    if (!approve && reason.trim().length < 2) return setError('驳回须填写至少 2 个字的理由');
    setError('');
    try {
      await service.reviewCancellation(r.id, approve, reason.trim());
      onReviewed(`${r.enterprises?.name ?? '企业'}的注销申请${approve ? '已通过，企业已注销' : '已驳回'}`);
    } catch (failure) {
      setError(messageOf(failure));
    }
    return undefined;
  };

  return (
    <View className='settings-list-item' data-testid={testId}>
      <Text className='settings-doc__title'>
        {r.enterprises?.name ?? r.enterprise_id} · {CANCELLATION_STATUS[r.status]}
      </Text>
      <Text className='ops-report__evidence'>{r.reason}</Text>
      {r.document_paths.length > 0 && <Text className='settings-muted'>证明材料 {r.document_paths.length} 份：{r.document_paths.join('、')}</Text>}
      {r.review_reason && <Text className='settings-muted'>审核意见：{r.review_reason}</Text>}
      {r.status === 'pending' && (
        <TextAreaField label='审核意见（驳回时必填，会通知企业管理员）' ariaLabel='审核意见' className='settings-textarea' maxLength={500} placeholder='审核意见（驳回时必填）' value={reason} onChange={setReason} testId={`${testId}-reason`}>
          <Button size='small' type='danger' onClick={() => void review(true)} data-testid={`${testId}-approve`}>
            通过并注销企业
          </Button>
          <Button size='small' onClick={() => void review(false)} data-testid={`${testId}-reject`}>
            驳回
          </Button>
        </TextAreaField>
      )}
      <FormError message={error} testId={`${testId}-error`} inline />
    </View>
  );
}

/** What the request list loads and shows (the phone list and the desk table share it). */
export function cancellationRequestsList(service: Service): DecisionListProps<'pending' | 'all', CancellationRequest> {
  return {
    testId: 'ops-cancellations',
    resultClassName: 'settings-note',
    ...openOrAll('pending', '待审核', '没有待审核的注销申请', '没有注销申请'),
    load: (filter) => service.listCancellationRequests(filter),
    itemKey: byIdAndStatus,
    renderItem: (r, onDone) => <CancellationItem request={r} service={service} onReviewed={onDone} />,
  };
}

export interface CancellationRequestsProps {
  service: Service;
}

/** 企业注销申请 (LX 3.3): pending first; approve (the enterprise is closed) or reject with a reason the admins see. */
export function CancellationRequests({ service }: CancellationRequestsProps) {
  return (
    <View className='card'>
      <Text className='settings-section-title'>企业注销申请</Text>
      <DecisionList {...cancellationRequestsList(service)} />
    </View>
  );
}
