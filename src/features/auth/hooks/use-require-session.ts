import { useEffect } from 'react';
import { relaunch } from '../../../lib/navigation/relaunch';
import { currentRoute, relaunchClaim } from '../../../lib/navigation/relaunch-claim';
import { useSessionStore, type SessionStatus } from '../store/session.store';
import { routeUrl } from '../../../lib/routes';

export const LOGIN_PAGE = routeUrl('login');

const toLogin = relaunchClaim();

/**
 * Replaces the whole page stack with the sign-in page. When a session ends, several mounted pages
 * (hidden pages stay mounted in the stack) and the sign-out button ask at once: only one navigates.
 */
export function goToLogin(): void {
  if (toLogin.held || currentRoute() === LOGIN_PAGE) return;
  toLogin.leave(LOGIN_PAGE);
}

/**
 * Signs out and lands on `url` instead of the sign-in page (after cancelling an account). Holds the
 * same navigation claim as goToLogin, so the mounted pages that need a session stay put while the
 * session ends; leaving first instead would let those pages fetch with a session that no longer
 * exists and be routed elsewhere by the refusal.
 */
export async function signOutTo(url: string, signOut: () => Promise<void>): Promise<void> {
  await toLogin.holding(async () => {
    await signOut();
    await relaunch(url).catch(() => undefined);
  });
}

/** For pages that need a signed-in user: sends signed-out visitors to the sign-in page. */
export function useRequireSession(): SessionStatus {
  const status = useSessionStore((state) => state.status);
  useEffect(() => {
    if (status === 'signed-out') goToLogin();
  }, [status]);
  return status;
}
