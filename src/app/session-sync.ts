import { useSessionStore } from '../features/auth/store/session.store';
import { checkGate, startGateWatch } from '../features/identity/services/gate-router';
import { useGateStore } from '../features/identity/store/gate.store';
import { supabase } from '../lib/supabase/client';

// App start wires the session to the identity gate: auth knows the session, identity knows the
// gate, and neither imports the other for it. Deep imports on purpose (named in
// eslint.config.mjs): this runs in the main package at launch, and the features' indexes would
// bring their screens into it.

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
