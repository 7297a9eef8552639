import { Text, View } from '@tarojs/components';
import type { GuardianInfo } from '../services/account-settings.types';
import { ConfirmAction } from '../../../ui/confirm-action';
import { RELATIONSHIP_LABELS } from './format';
import './settings.css';
import { formatShanghai } from '../../../lib/time';

export interface GuardianPanelProps {
  guardian: GuardianInfo;
  onWithdraw(): Promise<void>;
}

const STATUS_TEXT: Record<GuardianInfo['status'], string> = {
  not_needed: '无需监护人确认',
  missing: '尚未经监护人确认',
  confirmed: '监护人已确认',
  withdrawn: '监护人已撤回同意',
};

/** For minors: who confirmed, and the guardian's own way to withdraw (done at the minor's device). */
export function GuardianPanel({ guardian, onWithdraw }: GuardianPanelProps) {
  return (
    <View className='card' data-testid='guardian-panel'>
      <Text className='settings-doc__title' data-testid='guardian-status'>
        {STATUS_TEXT[guardian.status]}
      </Text>
      {guardian.status === 'confirmed' && (
        <>
          <Text className='settings-note'>
            监护人：{guardian.name ?? '—'}（{guardian.relationship ? (RELATIONSHIP_LABELS[guardian.relationship] ?? guardian.relationship) : '—'}）
          </Text>
          <Text className='settings-note'>手机号：{guardian.phone_masked ?? '—'}</Text>
          <Text className='settings-muted'>确认时间：{formatShanghai(guardian.confirmed_at)}</Text>
          <Text className='settings-note'>
            监护人可以随时撤回同意。撤回后，监护人代为作出的同意（包括《儿童个人信息保护规则》）一并失效，本账号将暂停使用，直到监护人重新确认。
          </Text>
          <ConfirmAction
            label='监护人撤回同意'
            message='请由监护人本人操作。撤回后本账号立即不能继续使用，需要监护人重新通过短信验证确认。'
            confirmLabel='确认撤回'
            testId='guardian-withdraw'
            onConfirm={onWithdraw}
          />
        </>
      )}
      {guardian.status !== 'confirmed' && guardian.needed && (
        <Text className='settings-note'>未满 18 周岁的用户须经监护人确认后才能使用知享。</Text>
      )}
    </View>
  );
}
