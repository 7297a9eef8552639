import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AppError } from '../../../lib/errors/app-error';
import { useAction } from '../../../lib/hooks/use-action';
import { providerSignInService, type ProviderSignInService } from '../services/provider-sign-in.service';
import './provider-sign-in.css';
import { WideButton } from '../../../ui/wide-button';

export interface WecomSignInProps {
  service?: Pick<ProviderSignInService, 'signInWithWecom'>;
  /** the WeCom member has no account yet: link it after the SMS sign-in */
  onNeedsLink(): void;
  onSignedIn?(): void;
}

/**
 * 企业微信一键登录 for a member already linked. WeCom gives mini-programs no phone number, so the
 * first time the member signs in with an SMS code and the page links the WeCom member afterwards.
 */
export function WecomSignIn({ service = providerSignInService, onNeedsLink, onSignedIn }: WecomSignInProps) {
  const [notice, setNotice] = useState('');
  const { busy, error, run } = useAction();

  const signIn = () =>
    run(async () => {
      try {
        await service.signInWithWecom();
      } catch (failure) {
        // not an error: the member links WeCom after signing in with a code
        if (!(failure instanceof AppError && failure.code === 'wecom_not_linked')) throw failure;
        setNotice(failure.message);
        onNeedsLink();
        return;
      }
      onSignedIn?.();
    });

  return (
    <View className='provider-sign-in' data-testid='wecom-sign-in'>
      <Text className='provider-sign-in__divider'>或</Text>
      {notice ? (
        <Text className='provider-sign-in__note' role='status' data-testid='wecom-link-note'>
          {notice}
        </Text>
      ) : (
        <WideButton fill='outline' busy={busy} onClick={() => void signIn()} testId='wecom-sign-in-button'>
          企业微信一键登录
        </WideButton>
      )}
      {error && (
        <View className='form-error provider-sign-in__error' role='alert' data-testid='wecom-sign-in-error'>
          {error}
        </View>
      )}
    </View>
  );
}
