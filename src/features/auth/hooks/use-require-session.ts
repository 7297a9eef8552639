import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { relaunch } from '../../../lib/navigation/relaunch';
import { useSessionStore, type SessionStatus } from '../store/session.store';
import { routeUrl } from '../../../lib/routes';

export const LOGIN_PAGE = routeUrl('login');

// Long enough for the pages being replaced to unmount.
const SETTLE_MS = 1000;
let leaving = false;

function onLoginPage(): boolean {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '').split('?')[0]}` === LOGIN_PAGE;
}

/**
 * Replaces the whole page stack with the sign-in page. When a session ends, several mounted pages
 * (hidden pages stay mounted in the stack) and the sign-out button ask at once: only one navigates.
 */
export function goToLogin(): void {
  if (leaving || onLoginPage()) return;
  leaving = true;
  relaunch(LOGIN_PAGE)
    .catch(() => undefined)
    .finally(() => {
      setTimeout(() => {
        leaving = false;
      }, SETTLE_MS);
    });
}

/**
 * Signs out and lands on `url` instead of the sign-in page (after cancelling an account). Holds the
 * same navigation claim as goToLogin, so the mounted pages that need a session stay put while the
 * session ends; leaving first instead would let those pages fetch with a session that no longer
 * exists and be routed elsewhere by the refusal.
 */
export async function signOutTo(url: string, signOut: () => Promise<void>): Promise<void> {
  leaving = true;
  try {
    await signOut();
    await relaunch(url).catch(() => undefined);
  } finally {
    setTimeout(() => {
      leaving = false;
    }, SETTLE_MS);
  }
}

/** For pages that need a signed-in user: sends signed-out visitors to the sign-in page. */
export function useRequireSession(): SessionStatus {
  const status = useSessionStore((state) => state.status);
  useEffect(() => {
    if (status === 'signed-out') goToLogin();
  }, [status]);
  return status;
}
