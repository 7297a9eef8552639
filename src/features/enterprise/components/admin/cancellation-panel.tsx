import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ConfirmAction } from '../../../../ui/confirm-action';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { adminService, type AdminService } from '../../services/admin.service';
import type { CancellationRequest, EnterpriseStatus } from '../../services/enterprise.types';
import { LoadState } from '../../../../ui/load-state';
import { formatShanghai } from '../../../../lib/time';
import { StatusLine } from '../../../../ui/status-line';

export interface CancellationPanelProps {
  enterpriseId: string;
  enterpriseName: string;
  status: EnterpriseStatus;
  service?: Pick<AdminService, 'listCancellationRequests' | 'requestCancellation'>;
  /** after a request is sent, or when the enterprise turns out to be closed: reload the summary */
  onChanged?(): void;
}

const REASON_MIN = 10;
const REASON_MAX = 2000;

/** What cancelling means, said before the second tap (LX 3.3: final once the platform approves). */
export function cancellationWarning(name: string): string {
  return `注销「${name}」经平台审核通过后不可撤销、不可恢复：所有成员将无法再查看该企业的通讯录、部门和资料，也不能再邀请或加入成员。`;
}

function RequestLine({ r }: { r: CancellationRequest }) {
  const label = r.status === 'pending' ? '审核中' : r.status === 'approved' ? '已通过，企业已注销' : '未通过';
  return (
    <View className='ent-item' data-testid={`cancellation-${r.status}`}>
      <Text className='ent-title'>注销申请 · {label}</Text>
      <Text className='ent-muted'>提交于 {formatShanghai(r.created_at, '—')}：{r.reason}</Text>
      {r.status === 'rejected' && (
        <Text className='ent-muted' data-testid='cancellation-review-reason'>
          平台驳回理由：{r.review_reason}
        </Text>
      )}
      {r.status !== 'pending' && <Text className='ent-muted'>审核于 {formatShanghai(r.reviewed_at, '—')}</Text>}
    </View>
  );
}

/** 注销企业: the admin's request (reason, warning, confirm step) and its outcome. */
export function CancellationPanel({ enterpriseId, enterpriseName, status, service = adminService, onChanged }: CancellationPanelProps) {
  const requests = useLoader(() => service.listCancellationRequests(enterpriseId), enterpriseId);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState('');

  const list = requests.data ?? [];
  const pending = list.find((r) => r.status === 'pending');
  const trimmed = reason.trim();
  const reasonOk = trimmed.length >= REASON_MIN && trimmed.length <= REASON_MAX;

  const submit = async () => {
    await service.requestCancellation(enterpriseId, trimmed);
    setReason('');
    setSent('注销申请已提交，等待平台审核');
    requests.reload();
    onChanged?.();
  };

  return (
    <View data-testid='cancellation-panel'>
      <LoadState loading={requests.loading} error={requests.error} onRetry={requests.reload} isEmpty={false} testId='cancellation-list' />
      <StatusLine message={sent} className='ent-muted' testId='cancellation-sent' />
      {list.map((r) => (
        <RequestLine key={r.id} r={r} />
      ))}
      {status === 'closed' ? (
        <Text className='ent-muted' data-testid='cancellation-closed'>
          该企业已注销。
        </Text>
      ) : pending || requests.data === null ? null : (
        <View className='card' data-testid='cancellation-form'>
          <Text className='ent-section-title'>申请注销企业</Text>
          <Text className='ent-warning' data-testid='cancellation-warning'>
            {cancellationWarning(enterpriseName)}
          </Text>
          <Textarea
            className='settings-textarea'
            maxlength={REASON_MAX}
            value={reason}
            placeholder={`请说明注销原因（${REASON_MIN}–${REASON_MAX} 字）`}
            onInput={(e) => setReason(e.detail.value)}
            aria-label='注销原因'
            data-testid='cancellation-reason'
          />
          {!reasonOk && reason.length > 0 && (
            <Text className='field__error' data-testid='cancellation-reason-error'>
              注销原因须为 {REASON_MIN}–{REASON_MAX} 字
            </Text>
          )}
          <ConfirmAction
            label='申请注销'
            message={`${cancellationWarning(enterpriseName)}确定提交注销申请吗？`}
            confirmLabel='确认申请注销'
            disabled={!reasonOk}
            testId='cancellation-submit'
            onConfirm={submit}
          />
        </View>
      )}
    </View>
  );
}
