import { supabase } from '../../../lib/supabase/client';
import { checkGate, startGateWatch } from '../../identity/services/gate-router';
import { useGateStore } from '../../identity/store/gate.store';
import { useSessionStore } from './session.store';

let started = false;

/** Mirrors supabase-js auth state into the session store; call once at app launch. */
export function startSessionSync(): void {
  if (started) return;
  started = true;
  startGateWatch(() => useSessionStore.getState().status === 'signed-in');
  // INITIAL_SESSION arrives first with the stored session (or null), then every change.
  supabase.auth.onAuthStateChange((event, session) => {
    useSessionStore.getState().setSession(session);
    if (!session) useGateStore.getState().reset();
    // A stored session at launch (or reload) may predate a new agreement version: ask the gate.
    // Fresh sign-ins are routed by the sign-in page itself. Deferred: supabase-js must not be
    // called from inside its own auth callback (it would wait on its own lock).
    if (event === 'INITIAL_SESSION' && session) setTimeout(() => void checkGate(), 0);
  });
}
