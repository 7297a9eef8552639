import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import {
  BirthDateCorrectionForm,
  chooseBirthEvidenceFile,
  identityService,
  uploadBirthDateEvidence,
  type AgeBand,
  type BirthDateCorrectionFormProps,
  type BirthEvidencePicker,
  type ConsentStatus,
} from '../../identity';
import './settings.css';

const BAND: Record<AgeBand, string> = { adult: '已成年', under_18: '14–17 周岁', under_14: '未满 14 周岁', unknown: '未知' };

const DEFAULT_EVIDENCE: BirthEvidencePicker = { choose: chooseBirthEvidenceFile, upload: uploadBirthDateEvidence };

export interface BirthDateSettingsProps {
  service?: Pick<typeof identityService, 'getConsentStatus'> & NonNullable<BirthDateCorrectionFormProps['service']>;
  evidence?: BirthEvidencePicker;
  today?: string;
}

/**
 * 我的 → 出生日期. The date itself is never sent back to the app (it decides who needs a guardian and
 * is personal information): the page shows whether it is set and the age band it puts the member in,
 * the member's correction requests with the operator's answers, and the request form with evidence.
 */
export function BirthDateSettings({ service = identityService, evidence = DEFAULT_EVIDENCE, today }: BirthDateSettingsProps) {
  const [status, setStatus] = useState<ConsentStatus | null>(null);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError('');
    service.getConsentStatus().then(
      (s) => live && setStatus(s),
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [service, attempt]);

  if (!status) {
    return (
      <View className='card' data-testid='birth-settings-loading'>
        {error ? (
          <>
            <Text role='alert'>{error}</Text>
            <Button size='small' role='button' onClick={() => setAttempt((n) => n + 1)} data-testid='birth-settings-retry'>
              重试
            </Button>
          </>
        ) : (
          <Text className='settings-muted'>加载中…</Text>
        )}
      </View>
    );
  }

  return (
    <View data-testid='birth-settings'>
      <View className='card'>
        <View className='settings-row'>
          <Text className='settings-doc__title'>出生日期</Text>
          <Text className='settings-tag' data-testid='birth-settings-state'>
            {status.birth_date_set ? `已填写 · ${BAND[status.age_band]}` : '未填写'}
          </Text>
        </View>
        <Text className='settings-note' data-testid='birth-settings-masked'>
          {status.birth_date_set ? '****年**月**日（为保护个人信息不在此显示）' : '尚未填写出生日期，请先完成入驻流程中的出生日期步骤。'}
        </Text>
        {status.birth_date_locked && (
          <Text className='settings-muted'>出生日期决定是否需要监护人同意，提交后不能自行修改；填错了可以申请更正，由平台审核。</Text>
        )}
      </View>
      {status.birth_date_set && <BirthDateCorrectionForm service={service} evidence={evidence} today={today} startOpen />}
    </View>
  );
}
