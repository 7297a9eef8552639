import { Image, Text, View } from '@tarojs/components';
import { TextAreaField } from '../../../ui/text-area-field';
import { useState } from 'react';
import '../../../features/account-settings/components/settings.css';
import { birthDateEvidenceService, type BirthDateEvidenceService } from '../../../features/identity';
import type { IdentityService } from '../../../features/identity';
import type { AgeBand, BirthDateCorrectionForReview } from '../../../features/identity';
import { useAction } from '../../../lib/hooks/use-action';
import { Button } from '../../../ui/button';
import { formatShanghai } from '../../../lib/time';
import { FormError } from '../../../ui/form-error';

const BAND: Record<AgeBand, string> = { adult: '成年', under_18: '14–17 周岁', under_14: '未满 14 周岁', unknown: '未知' };
const STATUS = { pending: '待审核', approved: '已批准', rejected: '已驳回' } as const;

export interface CorrectionItemProps {
  item: BirthDateCorrectionForReview;
  service: Pick<IdentityService, 'decideBirthDateCorrection'>;
  /** signs a short-lived link to the request's evidence (storage-sign checks the operator) */
  evidence?: Pick<BirthDateEvidenceService, 'signedBirthEvidenceUrl'>;
  onDecided(message: string): void;
}

/** One request: who, the date now and the date claimed (with the age band each means), why; decide with a reason. */
export function CorrectionItem({ item, service, evidence = birthDateEvidenceService, onDecided }: CorrectionItemProps) {
  const [reason, setReason] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const { busy, error: decideError, setError, run } = useAction();
  // opening the evidence doesn't hold the decision buttons
  const viewing = useAction();
  const error = decideError || viewing.error;
  const testId = `ops-birth-correction-${item.id}`;

  const openEvidence = async () => {
    const path = item.evidence_path;
    if (path) await viewing.run(async () => setEvidenceUrl(await evidence.signedBirthEvidenceUrl(path)));
  };

  const decide = async (approve: boolean) => {
    if (reason.trim().length < 2) return setError('请填写 2–500 字的原因');
    await run(async () => {
      await service.decideBirthDateCorrection(item.id, approve, reason.trim());
      onDecided(`${item.display_name || item.phone_masked} 的出生日期更正${approve ? '已批准' : '已驳回'}`);
    });
    return undefined;
  };

  return (
    <View className='settings-list-item' data-testid={testId}>
      <View className='settings-row'>
        <Text className='settings-doc__title'>
          {item.display_name || '（未填写姓名）'} · {item.phone_masked}
        </Text>
        <Text className={`settings-tag ${item.status === 'pending' ? 'settings-tag--required' : ''}`}>{STATUS[item.status]}</Text>
      </View>
      <Text className='settings-muted'>
        现为 {item.current_birth_date}（{BAND[item.current_age_band]}）→ 申请改为 {item.claimed_birth_date}（{BAND[item.claimed_age_band]}）
      </Text>
      <Text className='settings-muted'>
        原因：{item.reason}
        {item.evidence_path ? '' : ' · 未附证明材料'} · 提交于 {formatShanghai(item.created_at, '—')}
        {item.account_status !== 'active' ? ` · 账号状态：${item.account_status}` : ''}
      </Text>
      {item.evidence_path && !evidenceUrl && (
        <Button size='small' fill='outline' role='button' data-testid={`${testId}-evidence`} onClick={() => void openEvidence()}>
          查看材料
        </Button>
      )}
      {evidenceUrl && (
        <View>
          <Text className='settings-link' data-testid={`${testId}-evidence-link`} onClick={() => typeof window !== 'undefined' && window.open(evidenceUrl, '_blank')}>
            打开证明材料（链接 10 分钟内有效）
          </Text>
          {!/\.pdf$/i.test(item.evidence_path ?? '') && (
            <Image src={evidenceUrl} mode='aspectFit' style={{ width: '100%', height: '240px', marginTop: '8px', background: '#f7f8fa' }} aria-label='证明材料预览' data-testid={`${testId}-evidence-image`} />
          )}
        </View>
      )}
      {item.decision_reason && <Text className='settings-muted'>处理说明：{item.decision_reason}</Text>}
      {item.status === 'pending' && (
        <View>
          {/* weapp drops aria-label: the label and the placeholder are what a reviewer sees there */}
          <TextAreaField label='处理原因（批准或驳回都须填写；驳回时会告知申请人）' ariaLabel='处理原因' className='settings-textarea' maxLength={500}
            placeholder='请填写 2–500 字的处理原因' value={reason} onChange={setReason} testId={`${testId}-reason`} />
          <View className='settings-row'>
            <Button size='small' type='primary' disabled={busy} role='button' data-testid={`${testId}-approve`} onClick={() => void decide(true)}>
              批准
            </Button>
            <Button size='small' fill='outline' disabled={busy} role='button' data-testid={`${testId}-reject`} onClick={() => void decide(false)}>
              驳回
            </Button>
          </View>
        </View>
      )}
      <FormError message={error} testId={`${testId}-error`} />
    </View>
  );
}
