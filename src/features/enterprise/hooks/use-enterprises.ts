import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
// Deep import (eslint.config.mjs): the auth index brings the sign-in screens and zod to the home tab.
import { useSessionStore } from '../../auth/store/session.store';
import { selectCurrent, useEnterpriseStore } from '../store/enterprise.store';

/** The caller's enterprises and the current one; loads once when `enabled` (signed in and cleared). */
export function useEnterprises(enabled: boolean) {
  const state = useEnterpriseStore(
    useShallow((s) => ({ enterprises: s.enterprises, status: s.status, error: s.error, owner: s.owner, load: s.load, switchTo: s.switchTo })),
  );
  const userId = useSessionStore((s) => s.user?.id ?? '');
  const current = useEnterpriseStore(selectCurrent);
  useEffect(() => {
    // First use, or another person signed in on this device since the last load.
    if (enabled && (state.status === 'idle' || state.owner !== userId)) void state.load();
  }, [enabled, state.status, state.owner, userId]); // eslint-disable-line react-hooks/exhaustive-deps
  const mine = state.owner === userId;
  return { ...state, enterprises: mine ? state.enterprises : [], current: mine ? current : null, reload: () => void state.load() };
}
