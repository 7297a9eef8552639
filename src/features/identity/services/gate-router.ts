import Taro from '@tarojs/taro';
import { messageOf } from '../../../lib/errors/app-error';
import { currentRoute, relaunchClaim } from '../../../lib/navigation/relaunch-claim';
import { useGateStore } from '../store/gate.store';
import { onGateRefusal } from '../../../lib/data';
import { getConsentStatus } from './identity.service';
import type { ConsentStatus } from './identity.types';
import { routeUrl } from '../../../lib/routes';

export const ONBOARDING_PAGE = routeUrl('onboarding');
export const HOME_PAGE = routeUrl('home');

const toOnboarding = relaunchClaim();
let inFlight: Promise<ConsentStatus | null> | null = null;

export const onOnboardingPage = (): boolean => currentRoute() === ONBOARDING_PAGE;

// The guardian's page belongs to the guardian, not to whoever is signed in on this browser: a
// guardian who is also an uncleared user (or a shared device) must still be able to confirm there.
const onGuardianLinkPage = (): boolean => currentRoute() === routeUrl('guardianLink');

/**
 * Replaces the page stack with onboarding (which also shows the blocked-account notice). Several
 * refusals can arrive at once (every mounted page loads data): only one navigates.
 */
export function goToOnboarding(): void {
  if (toOnboarding.held || onOnboardingPage() || onGuardianLinkPage()) return;
  toOnboarding.leave(ONBOARDING_PAGE);
}

/** Asks the server whether the signed-in user is cleared; routes to onboarding when not. */
export function checkGate(opts: { route?: boolean } = {}): Promise<ConsentStatus | null> {
  const route = opts.route ?? true;
  if (!inFlight) {
    const store = useGateStore.getState();
    store.set({ state: 'checking', error: '' });
    inFlight = getConsentStatus()
      .then((status) => {
        useGateStore.getState().set({ state: status.cleared ? 'cleared' : 'uncleared', status });
        return status;
      })
      .catch((failure: unknown) => {
        useGateStore.getState().set({ state: 'error', error: messageOf(failure) });
        return null;
      })
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight.then((status) => {
    if (route && status && !status.cleared) goToOnboarding();
    return status;
  });
}

let watching = false;

/**
 * From app launch: any gate refusal of any identity call sends the user to onboarding, and the
 * server is asked again whenever the app comes back to the foreground (a new agreement version
 * may have been published meanwhile). `isSignedIn` avoids asking for signed-out visitors.
 */
export function startGateWatch(isSignedIn: () => boolean): void {
  if (watching) return;
  watching = true;
  onGateRefusal(() => {
    useGateStore.getState().set({ state: 'uncleared' });
    goToOnboarding();
  });
  Taro.onAppShow?.(() => {
    if (isSignedIn()) void checkGate();
  });
}
