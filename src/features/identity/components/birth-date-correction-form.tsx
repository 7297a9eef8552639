import { Picker, Text, Textarea, View } from '@tarojs/components';
import './identity.css';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { identityService, type IdentityService } from '../services/identity.service';
import type { BirthDateCorrection } from '../services/identity.types';
import { EARLIEST, formatChinese, localToday, PICKER_START_VALUE } from './birth-date-step';

const STATUS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

export interface BirthDateCorrectionFormProps {
  service?: Pick<IdentityService, 'requestBirthDateCorrection' | 'myBirthDateCorrections'>;
  today?: string;
}

/**
 * The birth date is set once; a wrong one is corrected through a request that a platform operator
 * reviews (the date decides who needs a guardian, so nobody may simply choose it again).
 */
export function BirthDateCorrectionForm({ service = identityService, today = localToday() }: BirthDateCorrectionFormProps) {
  const [open, setOpen] = useState(false);
  const [requests, setRequests] = useState<BirthDateCorrection[]>([]);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    service.myBirthDateCorrections().then((list) => live && setRequests(list), () => undefined);
    return () => {
      live = false;
    };
  }, [open, service]);

  const pending = requests.find((r) => r.status === 'pending');
  const ready = date !== '' && reason.trim().length >= 5 && !busy;

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    setError('');
    try {
      const created = await service.requestBirthDateCorrection(date, reason.trim());
      setRequests((list) => [created, ...list]);
      setDate('');
      setReason('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <Text className='onboarding-page__leave' role='button' onClick={() => setOpen(true)} data-testid='birth-correction-open'>
        出生日期填错了？申请更正
      </Text>
    );
  }

  return (
    <View className='card onboarding-step' data-testid='birth-correction'>
      <Text className='onboarding-step__title'>申请更正出生日期</Text>
      <Text className='onboarding-step__why'>出生日期提交后不能自行修改。请填写正确的日期并说明原因，平台审核后会通知你结果。</Text>
      {requests.map((r) => (
        <Text key={r.id} className='onboarding-step__why' data-testid={`birth-correction-${r.status}`}>
          {formatChinese(r.claimed_birth_date)} · {STATUS[r.status]}
          {r.decision_reason ? ` · ${r.decision_reason}` : ''}
        </Text>
      ))}
      {!pending && (
        <>
          <View className='field'>
            <Text className='field__label'>正确的出生日期</Text>
            <Picker mode='date' value={date || PICKER_START_VALUE} start={EARLIEST} end={today} onChange={(e) => setDate(String(e.detail.value))}>
              <View className='field__control onboarding-picker' role='button' aria-label='选择正确的出生日期' data-testid='birth-correction-picker'>
                <Text className={date ? '' : 'onboarding-picker__placeholder'}>{date ? formatChinese(date) : '请选择出生日期'}</Text>
              </View>
            </Picker>
          </View>
          <View className='field'>
            <Text className='field__label'>更正原因（5–500 字）</Text>
            <Textarea
              className='field__textarea'
              value={reason}
              maxlength={500}
              placeholder='例如：注册时年份选错了'
              onInput={(e) => setReason(e.detail.value)}
              aria-label='更正原因'
              data-testid='birth-correction-reason'
            />
          </View>
          {error && (
            <View className='form-error' role='alert' data-testid='birth-correction-error'>
              {error}
            </View>
          )}
          <Button type='primary' block loading={busy} disabled={!ready} aria-disabled={!ready} role='button' onClick={submit} data-testid='birth-correction-submit'>
            提交更正申请
          </Button>
        </>
      )}
    </View>
  );
}
