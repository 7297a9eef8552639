import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { useTabBarStore } from '../store/tab-bar.store';

export interface TabPageState {
  /** no session: the bar shows only the tabs every visitor has */
  signedOut: boolean;
  /** the member is cleared (useClearedMember) and their enterprises are loaded */
  ready: boolean;
  /** the current enterprise, null when none */
  enterpriseId: string | null;
}

/**
 * For every tab page: marks its tab as the selected one whenever the page shows, and keeps the
 * bar's figures (which tabs the edition includes, the unread badge) fresh: on each show and when
 * the current enterprise changes. `read: false` for a page that reads them itself and publishes
 * them (首页, useHomeTasks).
 */
export function useTabPage(key: string, state: TabPageState, read = true): void {
  const select = useTabBarStore((s) => s.select);
  const [shown, setShown] = useState(0);
  const firstShow = useRef(true);
  useEffect(() => select(key), [key, select]);
  useDidShow(() => {
    select(key);
    // The first show is the mount, which reads already.
    if (firstShow.current) firstShow.current = false;
    else setShown((n) => n + 1);
  });
  const { signedOut, ready, enterpriseId } = state;
  useEffect(() => {
    if (signedOut) useTabBarStore.getState().reset();
    else if (read && ready) void useTabBarStore.getState().refresh(enterpriseId);
  }, [signedOut, ready, enterpriseId, shown, read]);
}
