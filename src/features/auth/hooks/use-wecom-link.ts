import Taro from '@tarojs/taro';
import { useCallback, useMemo, useRef } from 'react';
import { providerSignInService, type ProviderSignInService } from '../services/provider-sign-in.service';

export type SignInMethod = 'sms' | 'password';

/**
 * WeCom's first sign-in: after 企业微信一键登录 answered "not linked", the member signs in with an SMS
 * code (that is the phone verification) and the WeCom member is then linked to that account.
 */
export function useWecomLink(service: Pick<ProviderSignInService, 'linkWecom'> = providerSignInService) {
  const armed = useRef(false);
  const arm = useCallback(() => {
    armed.current = true;
  }, []);
  const afterSignIn = useCallback(
    async (method: SignInMethod): Promise<boolean | null> => {
      if (!armed.current || method !== 'sms') return null;
      armed.current = false;
      try {
        const mine = await service.linkWecom();
        void Taro.showToast({ title: mine ? '已绑定企业微信，下次可一键登录' : '该企业微信已绑定其他账号', icon: 'none' });
        return mine;
      } catch {
        // Signed in all the same; the next 企业微信一键登录 offers the link again.
        return null;
      }
    },
    [service],
  );
  return useMemo(() => ({ arm, afterSignIn }), [arm, afterSignIn]);
}
