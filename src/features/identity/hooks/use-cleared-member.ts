import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
// Deep import (eslint.config.mjs): the auth index brings the sign-in screens and zod to the home tab.
import { useSessionStore } from '../../auth/store/session.store';
import { checkGate } from '../services/gate-router';
import { useGateStore } from '../store/gate.store';

/**
 * For the tab pages (main package): whether the signed-in member is cleared (consents, birth date,
 * guardian). Nothing of the product shows before the server says so; an uncleared member is sent
 * to onboarding by checkGate. Every return to the tab asks again (a new agreement version may be
 * out) and calls `onReturn` so the page reloads what may have changed elsewhere.
 */
export function useClearedMember(onReturn?: () => void) {
  const status = useSessionStore((state) => state.status);
  const gate = useGateStore((state) => state.state);
  const gateError = useGateStore((state) => state.error);
  const wasCleared = useGateStore((state) => state.status?.cleared === true);
  // While re-checking, keep showing what a cleared member saw (no flicker on every return).
  const cleared = status === 'signed-in' && (gate === 'cleared' || (gate === 'checking' && wasCleared));
  const firstShow = useRef(true);

  useEffect(() => {
    if (status === 'signed-in' && gate === 'unknown') void checkGate();
  }, [status, gate]);

  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (useSessionStore.getState().status !== 'signed-in') return;
    void checkGate();
    onReturn?.();
  });

  return {
    status,
    cleared,
    /** the gate check failed (network): show it with a retry */
    gateError: status === 'signed-in' && gate === 'error' ? gateError || '加载失败' : '',
    retryGate: () => void checkGate(),
  };
}
