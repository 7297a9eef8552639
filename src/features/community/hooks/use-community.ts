import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { useRequireSession, useSessionStore } from '../../auth';
import { useLoader } from '../../../lib/hooks/use-loader';
import { currentEnterprise, myStatus } from '../services/community.service';
import type { MyStatus } from '../services/community.types';

/** The signed-in member, the enterprise the app is in, and their standing in its community. */
export function useCommunity() {
  const session = useRequireSession();
  const userId = useSessionStore((s) => s.user?.id ?? '');
  const ctx = useLoader(async () => {
    const enterprise = await currentEnterprise();
    const status: MyStatus | null = enterprise ? await myStatus(enterprise.id) : null;
    return { enterprise, status };
  }, userId, session === 'signed-in' && Boolean(userId));
  const status = ctx.data?.status ?? null;
  const readOnly = Boolean(status && (status.account_restricted || status.restricted_until || status.suspended_until));
  return { userId, enterprise: ctx.data?.enterprise ?? null, status, readOnly, loading: ctx.loading, error: ctx.error, reload: ctx.reload };
}

/** Which build is publishing (the server runs WeChat's content check for mini-program users). */
export const CHANNEL = process.env.TARO_ENV === 'weapp' ? 'weapp' : process.env.TARO_ENV === 'qywx' ? 'qywx' : 'h5';

/**
 * How many times the page showed again after its first show (the feed, back from a post or 发帖): a
 * key that remounts what should show the latest state.
 */
export function useShownAgain(): number {
  const [round, setRound] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setRound((n) => n + 1);
  });
  return round;
}
