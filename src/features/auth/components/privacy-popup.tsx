import { Text, View } from '@tarojs/components';
import { miniLogin } from '../../../platform/mini-login';
import type { MiniLogin } from '../../../platform/mini-login.types';
import { BottomSheet } from '../../../ui/bottom-sheet';
import { Button } from '../../../ui/button';
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyStore } from '../store/privacy.store';
import './provider-sign-in.css';

export const PRIVACY_GUIDELINE_TITLE = '《知享小程序隐私保护指引》';

export interface PrivacyPopupProps {
  platform?: Pick<MiniLogin, 'openPrivacyContract'>;
}

/**
 * WeChat's privacy authorization popup: shown while WeChat holds a privacy API (the phone-number
 * button) for the user's answer. Agreeing must go through an `open-type="agreePrivacyAuthorization"`
 * button (WeChat checks that it was tapped); the guideline opens WeChat's own page for it.
 */
export function PrivacyPopup({ platform = miniLogin }: PrivacyPopupProps) {
  const pending = usePrivacyStore((state) => state.pending);
  const agree = usePrivacyStore((state) => state.agree);
  const disagree = usePrivacyStore((state) => state.disagree);
  if (!pending) return null;
  return (
    <BottomSheet title='隐私保护提示' testId='privacy-popup'>
      <View className='bottom-sheet__text'>
        <Text>在使用微信手机号快捷登录前，请仔细阅读</Text>
        <Text
          className='privacy-popup__link'
          role='link'
          data-testid='privacy-guideline'
          onClick={() => void platform.openPrivacyContract()}
        >
          {PRIVACY_GUIDELINE_TITLE}
        </Text>
        <Text>。同意后，我们仅在你授权时获取微信绑定的手机号，用于登录和账号安全；不同意将无法使用微信手机号快捷登录，你仍可使用手机号验证码登录。</Text>
      </View>
      <View className='privacy-popup__actions'>
        <Button size='large' role='button' onClick={disagree} data-testid='privacy-disagree'>
          不同意
        </Button>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          size='large'
          type='primary'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={agree}
          role='button'
          data-testid='privacy-agree'
        >
          同意
        </Button>
      </View>
    </BottomSheet>
  );
}
