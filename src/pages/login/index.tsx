import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { LocalCodeHint, LoginForm, ProviderSignIn, useSessionStore, useWecomLink, type SignInMethod } from '../../features/auth';
// Direct module, not the feature index: the main package must not carry the onboarding screens.
import { checkGate, ONBOARDING_PAGE } from '../../features/identity/services/gate-router';
// Tiny module (no feature index): an invitation link opened while signed out is resumed here.
import { routeAfterSignIn } from '../../features/enterprise/services/pending-invite';
import './index.css';
import { relaunch } from '../../lib/navigation/relaunch';
import { routeUrl } from '../../lib/routes';

const HOME_PAGE = routeUrl('home');

export default function LoginPage() {
  const status = useSessionStore((state) => state.status);
  const lastPhone = useSessionStore((state) => state.lastPhone);
  const rememberPhone = useSessionStore((state) => state.rememberPhone);

  const routed = useRef(false);
  const wecomLink = useWecomLink();

  // Signed in (just now, or already on arrival): through the gate. An uncleared member (new, a
  // minor, or behind on agreements) goes to onboarding, everyone else home. Once per visit: the
  // form's callback and the session store both report the same sign-in. A pending invitation
  // (opened while signed out) replaces home; onboarding resumes it when it is done.
  useEffect(() => {
    if (status !== 'signed-in' || routed.current) return;
    routed.current = true;
    void checkGate({ route: false }).then((gate) =>
      relaunch(gate && !gate.cleared ? ONBOARDING_PAGE : routeAfterSignIn(HOME_PAGE)),
    );
  }, [status]);

  const handleSignedIn = (phone: string, method: SignInMethod) => {
    rememberPhone(phone.replace(/^\+86/, ''));
    void wecomLink.afterSignIn(method);
  };

  return (
    <View className='page login-page'>
      <View className='login-page__header'>
        <Text className='page-title'>欢迎来到知享</Text>
        <Text className='page-subtitle'>企业学习与文化社区</Text>
      </View>
      <View className='card'>
        <LoginForm initialPhone={lastPhone} onSignedIn={handleSignedIn} localCodeHint={LocalCodeHint} />
        {/* WeChat (weapp) / WeCom (qywx) one-tap sign-in; nothing on H5 (platform/mini-login). */}
        <ProviderSignIn onNeedsWecomLink={wecomLink.arm} />
      </View>
      <View
        className='login-page__help'
        role='link'
        data-testid='login-report-stolen'
        onClick={() => void Taro.navigateTo({ url: routeUrl('reportStolen') })}
      >
        账号被盗？
      </View>
    </View>
  );
}
