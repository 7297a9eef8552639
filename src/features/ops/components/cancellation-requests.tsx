import { Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import type { CancellationRequest, PlatformOpsService } from '../services/platform-ops.service';
import { FormError } from '../../../ui/form-error';
import { StatusLine } from '../../../ui/status-line';

const STATUS: Record<CancellationRequest['status'], string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };

export interface CancellationRequestsProps {
  service: Pick<PlatformOpsService, 'listCancellationRequests' | 'reviewCancellation'>;
}

/** 企业注销申请 (LX 3.3): approve (the enterprise is closed) or reject with a reason the admins see. */
export function CancellationRequests({ service }: CancellationRequestsProps) {
  const [filter, setFilter] = useState<'pending' | 'all'>('pending');
  const [requests, setRequests] = useState<CancellationRequest[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [result, setResult] = useState('');

  const load = useCallback(() => {
    setError('');
    service.listCancellationRequests(filter).then(setRequests, (failure: unknown) => setError(messageOf(failure)));
  }, [service, filter]);
  useEffect(load, [load]);

  const review = async (r: CancellationRequest, approve: boolean) => {
    const reason = (reasons[r.id] ?? '').trim();
    if (!approve && reason.length < 2) {
      setError('驳回须填写至少 2 个字的理由');
      return;
    }
    setError('');
    try {
      await service.reviewCancellation(r.id, approve, reason);
      setResult(`${r.enterprises?.name ?? '企业'}的注销申请${approve ? '已通过，企业已注销' : '已驳回'}`);
      load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <View className='card' data-testid='ops-cancellations'>
      <Text className='settings-section-title'>企业注销申请</Text>
      <ChoiceChips label='显示' testId='ops-cancellations-filter' value={filter} onChange={(v) => setFilter(v as 'pending' | 'all')} options={[{ value: 'pending', label: '待审核' }, { value: 'all', label: '全部' }]} />
      <StatusLine message={result} className='settings-note' testId='ops-cancellations-result' />
      <FormError message={error} testId='ops-cancellations-error' inline />
      {requests?.length === 0 && <Text className='settings-muted'>没有注销申请</Text>}
      {requests?.map((r) => (
        <View key={r.id} className='settings-list-item' data-testid={`ops-cancellation-${r.id}`}>
          <Text className='settings-doc__title'>
            {r.enterprises?.name ?? r.enterprise_id} · {STATUS[r.status]}
          </Text>
          <Text className='ops-report__evidence'>{r.reason}</Text>
          {r.document_paths.length > 0 && <Text className='settings-muted'>证明材料 {r.document_paths.length} 份：{r.document_paths.join('、')}</Text>}
          {r.review_reason && <Text className='settings-muted'>审核意见：{r.review_reason}</Text>}
          {r.status === 'pending' && (
            <>
              <Textarea
                className='settings-textarea'
                maxlength={500}
                placeholder='审核意见（驳回时必填）'
                value={reasons[r.id] ?? ''}
                onInput={(e) => setReasons({ ...reasons, [r.id]: e.detail.value })}
                aria-label='审核意见'
                data-testid={`ops-cancellation-${r.id}-reason`}
              />
              <Button size='small' type='danger' onClick={() => review(r, true)} data-testid={`ops-cancellation-${r.id}-approve`}>
                通过并注销企业
              </Button>
              <Button size='small' onClick={() => review(r, false)} data-testid={`ops-cancellation-${r.id}-reject`}>
                驳回
              </Button>
            </>
          )}
        </View>
      ))}
    </View>
  );
}
