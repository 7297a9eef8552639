import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { ChoiceChips } from '../../../ui/choice-chips';
import { Input } from '../../../ui/input';
import { ConfirmAction } from '../../../ui/confirm-action';
import type { EnterpriseStatus, FoundEnterprise, PlatformOpsService } from '../services/platform-ops.service';
import { CancellationRequests } from './cancellation-requests';
import { FormError } from '../../../ui/form-error';
import { StatusLine } from '../../../ui/status-line';

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = { normal: '正常', suspended: '已暂停', closed: '已注销' };

const EFFECTS: Record<EnterpriseStatus, string> = {
  normal: '企业恢复正常，成员可以继续使用和加入。',
  suspended: '成员仍可查看，但企业内不能再做任何修改，也不能加入或发出邀请；未使用的邀请作废，待审核的加入申请被拒绝。',
  closed: '企业注销：成员只能看到企业已注销，其他内容都不再可见。注销后不能恢复。',
};

export interface EnterpriseOpsProps {
  service: Pick<PlatformOpsService, 'findEnterprises' | 'setEnterpriseStatus' | 'listCancellationRequests' | 'reviewCancellation'>;
  /** the phone page lists the cancellation requests below; the desk console gives them a table of their own */
  withCancellations?: boolean;
}

/** 企业管理 (operators): find an enterprise, change its status with a reason; review cancellation requests. */
export function EnterpriseOps({ service, withCancellations = true }: EnterpriseOpsProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundEnterprise[] | null>(null);
  const [chosen, setChosen] = useState<FoundEnterprise | null>(null);
  const [status, setStatus] = useState<EnterpriseStatus>('suspended');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState('');

  const search = async () => {
    setError('');
    try {
      setFound(await service.findEnterprises(query.trim()));
      setChosen(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const apply = async () => {
    if (!chosen) return;
    await service.setEnterpriseStatus(chosen.id, status, reason.trim());
    setResult(`${chosen.name} 已改为“${ENTERPRISE_STATUS_LABELS[status]}”，已通知其管理员`);
    setChosen({ ...chosen, status, status_reason: reason.trim() });
    setReason('');
  };

  return (
    <View data-testid='ops-enterprises'>
      <View className='card'>
        <View className='field'>
          <Text className='field__label'>企业名称</Text>
          <View className='field__control'>
            <Input type='text' placeholder='输入企业名称查找' value={query} onChange={setQuery} aria-label='企业名称' data-testid='ops-enterprise-query' />
          </View>
          <Button size='small' disabled={!query.trim()} onClick={search} data-testid='ops-enterprise-search'>
            查找企业
          </Button>
        </View>
        <FormError message={error} inline />
        {found?.length === 0 && <Text className='settings-muted'>没有找到企业</Text>}
        {found?.map((e) => (
          <View key={e.id} className='settings-list-item' data-testid={`ops-enterprise-${e.id}`} onClick={() => { setChosen(e); setResult(''); }}>
            <Text className='settings-doc__title'>{e.name}</Text>
            <Text className='settings-muted'>
              {ENTERPRISE_STATUS_LABELS[e.status]} · {e.member_count} 人{e.status_reason ? ` · ${e.status_reason}` : ''}
            </Text>
          </View>
        ))}
        {chosen && (
          <View data-testid='ops-enterprise-chosen'>
            <Text className='settings-section-title'>
              {chosen.name}（{ENTERPRISE_STATUS_LABELS[chosen.status]}）
            </Text>
            {chosen.status === 'closed' ? (
              <Text className='settings-muted'>企业已注销，不能再变更状态。</Text>
            ) : (
              <>
                <ChoiceChips
                  tone='danger'
                  label='改为'
                  testId='ops-enterprise-status'
                  value={status}
                  options={(['normal', 'suspended', 'closed'] as EnterpriseStatus[])
                    .filter((s) => s !== chosen.status)
                    .map((s) => ({ value: s, label: ENTERPRISE_STATUS_LABELS[s] }))}
                  onChange={(v) => setStatus(v as EnterpriseStatus)}
                />
                <View className='field'>
                  <Text className='field__label'>原因（会通知企业管理员）</Text>
                  <Textarea className='settings-textarea' maxlength={500} value={reason} onInput={(e) => setReason(e.detail.value)} aria-label='原因' data-testid='ops-enterprise-reason' />
                </View>
                <ConfirmAction
                  key={`${chosen.id}-${status}`}
                  label={`改为：${ENTERPRISE_STATUS_LABELS[status]}`}
                  message={EFFECTS[status]}
                  confirmLabel='确认'
                  disabled={status === chosen.status || reason.trim().length < 2}
                  testId='ops-enterprise-submit'
                  onConfirm={apply}
                />
              </>
            )}
          </View>
        )}
        <StatusLine message={result} className='settings-note' testId='ops-enterprise-result' />
      </View>
      {withCancellations && <CancellationRequests service={service} />}
    </View>
  );
}
