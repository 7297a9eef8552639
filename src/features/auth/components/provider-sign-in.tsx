import { useEffect } from 'react';
import { miniLogin } from '../../../platform/mini-login';
import type { SignInProvider } from '../../../platform/mini-login.types';
import { startPrivacyPrompt } from '../store/privacy.store';
import { PrivacyPopup } from './privacy-popup';
import { WechatSignIn } from './wechat-sign-in';
import { WecomSignIn } from './wecom-sign-in';

export interface ProviderSignInProps {
  /** the build's host sign-in (platform/mini-login): WeChat in weapp, WeCom in qywx, none on H5 */
  provider?: SignInProvider | null;
  /** WeCom: the member has no account yet; link it after the SMS sign-in */
  onNeedsWecomLink(): void;
}

/** The one-tap sign-in of the host app this build runs in, if any. */
export function ProviderSignIn({ provider = miniLogin.provider, onNeedsWecomLink }: ProviderSignInProps) {
  useEffect(() => {
    if (provider === 'wechat') startPrivacyPrompt();
  }, [provider]);

  if (provider === 'wechat') {
    return (
      <>
        <WechatSignIn />
        <PrivacyPopup />
      </>
    );
  }
  if (provider === 'wecom') return <WecomSignIn onNeedsLink={onNeedsWecomLink} />;
  return null;
}
