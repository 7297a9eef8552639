import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { authService, goToLogin, LocalCodeHint, useRequireSession } from '../../features/auth';
import { routeAfterSignIn } from '../../features/enterprise/services/pending-invite';
import {
  AgreementsStep,
  BirthDateCorrectionForm,
  BirthDateStep,
  BlockedNotice,
  ExitDialog,
  GuardianLinkShare,
  GuardianStep,
  OnboardingSteps,
  HOME_PAGE,
  useOnboarding,
} from '../../features/identity';
import { relaunch } from '../../lib/navigation/relaunch';
import './index.css';
import { routeUrl } from '../../lib/routes';
import { PendingState } from '../../ui/load-state';

const CANCEL_PAGE = routeUrl('cancel');

export default function OnboardingPage() {
  const session = useRequireSession();
  const { status, agreements, step, error, reload, apply } = useOnboarding(session === 'signed-in');
  const [exitOpen, setExitOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const firstShow = useRef(true);

  // Back from the cancellation page, or the app returning to the foreground: ask again.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else if (session === 'signed-in') reload();
  });

  useEffect(() => {
    // Done: home, or the invitation link the new member opened before signing in.
    if (step === 'done') void relaunch(routeAfterSignIn(HOME_PAGE));
  }, [step]);

  const signOut = async () => {
    setSigningOut(true);
    await authService.signOut().catch(() => undefined);
    goToLogin();
  };

  if (!status || !step || step === 'done') {
    return (
      <View className='page'>
        <PendingState error={error} onRetry={reload} ariaBusy={!error} />
      </View>
    );
  }

  const reconsent = step === 'agreements' && status.birth_date_locked && status.missing.some((m) => m.previously_consented_version !== null);
  const minor = status.age_band === 'under_14' || status.age_band === 'under_18';
  const childrenStatement = status.guardian.children_statement_needed
    ? (agreements.find((doc) => doc.kind === 'children_privacy') ?? null)
    : null;

  return (
    <View className='page onboarding-page' data-testid='onboarding-page' data-step={step}>
      {step === 'blocked' ? (
        <BlockedNotice accountStatus={status.account_status} gate={status.gate} signingOut={signingOut} onSignOut={signOut} />
      ) : (
        <>
          {!reconsent && <OnboardingSteps current={step} minor={minor} />}
          {step === 'birth' && <BirthDateStep onDone={apply} />}
          {step === 'agreements' && (
            <AgreementsStep missing={status.missing} agreements={agreements} onDone={apply} onDecline={() => setExitOpen(true)} />
          )}
          {step === 'guardian' && (
            <>
              <GuardianStep childrenStatement={childrenStatement} onDone={apply} localCodeHint={LocalCodeHint} />
              <GuardianLinkShare />
              <BirthDateCorrectionForm />
            </>
          )}
          {step !== 'agreements' && (
            <Text className='onboarding-page__leave' role='button' onClick={() => setExitOpen(true)} data-testid='onboarding-leave'>
              暂不继续
            </Text>
          )}
        </>
      )}
      <ExitDialog
        visible={exitOpen}
        signingOut={signingOut}
        onBack={() => setExitOpen(false)}
        onSignOut={signOut}
        onCancelAccount={() => {
          setExitOpen(false);
          void Taro.navigateTo({ url: CANCEL_PAGE });
        }}
      />
    </View>
  );
}
