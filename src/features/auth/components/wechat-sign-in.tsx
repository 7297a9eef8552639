import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppError, messageOf } from '../../../lib/errors/app-error';
import { Button } from '../../../ui/button';
import { PROVIDER_ERROR_MESSAGES } from '../auth.messages';
import { providerSignInService, type ProviderSignInService } from '../services/provider-sign-in.service';
import './provider-sign-in.css';
import { WideButton } from '../../../ui/wide-button';

export interface WechatSignInProps {
  service?: Pick<ProviderSignInService, 'signInWithWechat'>;
  /** after the session is set (the page routes on the session store anyway) */
  onSignedIn?(): void;
}

interface PhoneNumberEvent {
  detail?: { code?: string; errMsg?: string };
}

/**
 * 微信一键登录: a linked WeChat account signs in with the `wx.login` code alone; the first time,
 * the user authorises the WeChat-verified phone number (getPhoneNumber button), which signs in the
 * account with that phone or creates one. Consent and onboarding follow as after an SMS sign-in.
 */
export function WechatSignIn({ service = providerSignInService, onSignedIn }: WechatSignInProps) {
  const [needsPhone, setNeedsPhone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const signIn = async (phoneCode?: string) => {
    setBusy(true);
    setError('');
    try {
      await service.signInWithWechat(phoneCode);
      onSignedIn?.();
    } catch (failure) {
      if (failure instanceof AppError && failure.code === 'wechat_not_linked') setNeedsPhone(true);
      else setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const handlePhoneNumber = (event: PhoneNumberEvent) => {
    const code = event.detail?.code;
    // Denied (or the privacy popup declined): WeChat answers without a code.
    if (!code) return setError(PROVIDER_ERROR_MESSAGES.phone_denied);
    void signIn(code);
  };

  return (
    <View className='provider-sign-in' data-testid='wechat-sign-in'>
      <Text className='provider-sign-in__divider'>或</Text>
      {needsPhone ? (
        <>
          <Text className='provider-sign-in__note' data-testid='wechat-phone-note'>
            首次使用微信登录，请授权微信绑定的手机号。已注册的手机号将登录原账号，未注册的将自动创建账号。
          </Text>
          <Button
            type='success'
            block
            size='large'
            openType='getPhoneNumber'
            onGetPhoneNumber={handlePhoneNumber}
            loading={busy}
            disabled={busy}
            aria-disabled={busy}
            role='button'
            data-testid='wechat-phone'
          >
            授权手机号并登录
          </Button>
        </>
      ) : (
        <WideButton
          type='success'
          busy={busy}
          onClick={() => void signIn()}
          testId='wechat-sign-in-button'
        >
          微信一键登录
        </WideButton>
      )}
      {error && (
        <View className='form-error provider-sign-in__error' role='alert' data-testid='wechat-sign-in-error'>
          {error}
        </View>
      )}
    </View>
  );
}
