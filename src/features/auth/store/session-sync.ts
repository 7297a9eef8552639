import { supabase } from '../../../lib/supabase/client';
import { useSessionStore } from './session.store';

let started = false;

/** Mirrors supabase-js auth state into the session store; call once at app launch. */
export function startSessionSync(): void {
  if (started) return;
  started = true;
  // INITIAL_SESSION arrives first with the stored session (or null), then every change.
  supabase.auth.onAuthStateChange((_event, session) => {
    useSessionStore.getState().setSession(session);
  });
}
