import type { Session } from '@supabase/supabase-js';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { taroStringStorage } from '../../../lib/storage/taro-string-storage';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface SessionUser {
  id: string;
  /** E.164 without '+', as GoTrue returns it */
  phone: string;
}

interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  /** last phone used to sign in, to prefill the sign-in form */
  lastPhone: string;
  setSession(session: Session | null): void;
  rememberPhone(phone: string): void;
  reset(): void;
}

const initialState = { status: 'loading' as SessionStatus, user: null, lastPhone: '' };

// supabase-js owns the tokens (in its own storage); this store mirrors who is signed in for the UI.
export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      ...initialState,
      setSession(session) {
        set(
          session
            ? { status: 'signed-in', user: { id: session.user.id, phone: session.user.phone ?? '' } }
            : { status: 'signed-out', user: null },
        );
      },
      rememberPhone(phone) {
        set({ lastPhone: phone });
      },
      reset() {
        set(initialState);
      },
    }),
    {
      name: 'zx-session',
      storage: createJSONStorage(() => taroStringStorage),
      // status is never persisted: it is re-derived from supabase-js at start.
      partialize: (state) => ({ user: state.user, lastPhone: state.lastPhone }),
    },
  ),
);
