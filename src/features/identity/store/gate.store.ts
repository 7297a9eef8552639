import { create } from 'zustand';
import type { ConsentStatus } from '../services/identity.types';

/** `unknown` until the first check of this session; pages that need a cleared user wait for `cleared`. */
export type GateState = 'unknown' | 'checking' | 'cleared' | 'uncleared' | 'error';

interface GateStore {
  state: GateState;
  status: ConsentStatus | null;
  error: string;
  set(partial: Partial<Pick<GateStore, 'state' | 'status' | 'error'>>): void;
  reset(): void;
}

const initial = { state: 'unknown' as GateState, status: null, error: '' };

// Not persisted: a stored "cleared" would let an outdated consent through after a new version.
export const useGateStore = create<GateStore>()((set) => ({
  ...initial,
  set: (partial) => set(partial),
  reset: () => set(initial),
}));
