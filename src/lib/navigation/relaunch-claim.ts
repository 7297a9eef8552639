import Taro from '@tarojs/taro';
import { relaunch } from './relaunch';

/** The path of the page on top of the stack, with a leading slash and without its query. */
export function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '').split('?')[0]}`;
}

// Long enough for the pages being replaced to unmount.
const SETTLE_MS = 1000;

export interface RelaunchClaim {
  /** true from a navigation's start until the pages it replaced have unmounted */
  readonly held: boolean;
  /** relaunches to `url` unless the claim is held */
  leave(url: string): void;
  /** runs `work` (which ends by navigating) holding the claim */
  holding(work: () => Promise<void>): Promise<void>;
}

/**
 * One page-stack replacement at a time for one destination (sign-in, onboarding): when a session
 * ends or the gate refuses, every mounted page (hidden pages stay mounted in the stack) asks at
 * once, and only the first navigates.
 */
export function relaunchClaim(): RelaunchClaim {
  let held = false;
  const release = () => {
    setTimeout(() => {
      held = false;
    }, SETTLE_MS);
  };
  return {
    get held() {
      return held;
    },
    leave(url) {
      if (held) return;
      held = true;
      relaunch(url)
        .catch(() => undefined)
        .finally(release);
    },
    async holding(work) {
      held = true;
      try {
        await work();
      } finally {
        release();
      }
    },
  };
}
