import { Picker, Text, View } from '@tarojs/components';
import './identity.css';
import { useState } from 'react';
import { useAction } from '../../../lib/hooks/use-action';
import { identityService, type IdentityService } from '../services/identity.service';
import type { ConsentStatus } from '../services/identity.types';
import { FormError } from '../../../ui/form-error';
import { WideButton } from '../../../ui/wide-button';

export interface BirthDateStepProps {
  onDone(status: ConsentStatus): void;
  service?: Pick<IdentityService, 'setMyBirthDate'>;
  /** today as YYYY-MM-DD (the picker's end); injectable for tests */
  today?: string;
}

// Where the picker wheel starts: a neutral date, not a value — nothing is chosen until the user does.
export const PICKER_START_VALUE = '2000-01-01';
export const EARLIEST = '1906-01-01';

export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatChinese(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** Step (a): birth date. The server computes the age (Asia/Shanghai dates) and locks it later. */
export function BirthDateStep({ onDone, service = identityService, today = localToday() }: BirthDateStepProps) {
  const [date, setDate] = useState('');
  const { busy: saving, error, run } = useAction();

  const submit = async () => {
    if (!date) return;
    await run(async () => {
      onDone(await service.setMyBirthDate(date));
    });
  };

  return (
    <View className='card onboarding-step' data-testid='onboarding-birth'>
      <Text className='onboarding-step__title'>填写出生日期</Text>
      <Text className='onboarding-step__why'>
        依照法律，我们需要知道你是否已满 18 周岁：未满 18 周岁的用户须经监护人确认后才能使用知享，未满 14
        周岁的用户还须由监护人同意《儿童个人信息保护规则》。出生日期仅用于判断年龄，不会公开展示；提交后不能自行修改（填错须提交更正申请，由平台审核），请如实填写。
      </Text>
      <View className='field'>
        <Text className='field__label'>出生日期</Text>
        <Picker mode='date' value={date || PICKER_START_VALUE} start={EARLIEST} end={today} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='field__control onboarding-picker' role='button' aria-label='选择出生日期' data-testid='birth-date-picker'>
            <Text className={date ? '' : 'onboarding-picker__placeholder'} data-testid='birth-date-value'>
              {date ? formatChinese(date) : '请选择出生日期'}
            </Text>
          </View>
        </Picker>
      </View>
      <FormError message={error} testId='birth-date-error' />
      <WideButton
        busy={saving}
        disabled={!date || saving}
        onClick={submit}
        testId='birth-date-submit'
      >
        下一步
      </WideButton>
    </View>
  );
}
