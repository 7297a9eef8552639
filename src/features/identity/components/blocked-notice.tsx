import { Text, View } from '@tarojs/components';
import './identity.css';
import type { AccountStatus } from '../services/identity.types';
import { WideButton } from '../../../ui/wide-button';

export interface BlockedNoticeProps {
  accountStatus: AccountStatus;
  /** the gate's code: `platform_not_initialized` blocks a user whose own account is fine */
  gate?: string | null;
  signingOut: boolean;
  onSignOut(): void;
}

/** A suspended or terminated account: nothing to fix here, only a way out (and who to ask). */
export function BlockedNotice({ accountStatus, gate = null, signingOut, onSignOut }: BlockedNoticeProps) {
  const terminated = accountStatus === 'terminated';
  if (gate === 'platform_not_initialized' && accountStatus !== 'suspended' && !terminated) {
    return (
      <View className='card onboarding-step' role='alert' data-testid='platform-not-initialized'>
        <Text className='onboarding-step__title'>平台尚未完成初始化</Text>
        <Text className='onboarding-step__why'>服务尚未开放：平台的用户协议还没有发布。请稍后再试，或联系平台运营方。</Text>
        <WideButton busy={signingOut} onClick={onSignOut} testId='blocked-sign-out'>
          退出登录
        </WideButton>
      </View>
    );
  }
  return (
    <View className='card onboarding-step' role='alert' data-testid='account-blocked'>
      <Text className='onboarding-step__title'>{terminated ? '账号已被终止' : '账号已被暂停使用'}</Text>
      <Text className='onboarding-step__why'>
        {terminated ? '你的账号已被终止，无法继续使用。' : '你的账号已被暂停使用，如有疑问请联系客服。'}
        平台对账号采取的措施及原因会以站内通知的形式告知你；如认为处理有误，可以联系客服申诉。
      </Text>
      <WideButton busy={signingOut} onClick={onSignOut} testId='blocked-sign-out'>
        退出登录
      </WideButton>
    </View>
  );
}
