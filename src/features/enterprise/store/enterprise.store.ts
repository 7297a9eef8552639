import { create } from 'zustand';
import { messageOf } from '../../../lib/errors/app-error';
// Deep import (eslint.config.mjs): the auth index brings the sign-in screens and zod to the home tab.
import { useSessionStore } from '../../auth/store/session.store';
import { enterpriseService } from '../services/enterprise.service';
import type { MyEnterprise } from '../services/enterprise.types';

export type EnterpriseLoad = 'idle' | 'loading' | 'ready' | 'error';

type Lister = Pick<typeof enterpriseService, 'myEnterprises'>;
type Service = Pick<typeof enterpriseService, 'myEnterprises' | 'switchEnterprise'>;
type Leaver = Pick<typeof enterpriseService, 'myEnterprises' | 'leaveEnterprise'>;

interface EnterpriseState {
  enterprises: MyEnterprise[];
  status: EnterpriseLoad;
  /** whose enterprises these are (a different sign-in reloads) */
  owner: string;
  error: string;
  /** (re)loads the caller's enterprises; the server marks the current one */
  load(service?: Lister): Promise<void>;
  /** makes `id` the current enterprise on the server, then reloads */
  switchTo(id: string, service?: Service): Promise<void>;
  /** leaves `id` on the server (a refusal such as last_admin is thrown), then reloads */
  leave(id: string, service?: Leaver): Promise<void>;
  reset(): void;
}

const initial = { enterprises: [] as MyEnterprise[], status: 'idle' as EnterpriseLoad, error: '', owner: '' };

// The current enterprise lives on the server (profiles.current_enterprise_id), so every device
// agrees; this store mirrors it for the pages. Not persisted: a membership may end meanwhile.
export const useEnterpriseStore = create<EnterpriseState>()((set, get) => ({
  ...initial,
  async load(service = enterpriseService) {
    const owner = useSessionStore.getState().user?.id ?? '';
    set({ status: 'loading', error: '', owner, ...(owner === get().owner ? {} : { enterprises: [] }) });
    try {
      const enterprises = await service.myEnterprises();
      if (get().owner === owner) set({ enterprises, status: 'ready' });
    } catch (failure) {
      if (get().owner === owner) set({ status: 'error', error: messageOf(failure) });
    }
  },
  async switchTo(id, service = enterpriseService) {
    await service.switchEnterprise(id);
    // Show the switch at once; the reload confirms it.
    set({ enterprises: get().enterprises.map((e) => ({ ...e, is_current: e.id === id })) });
    await get().load(service);
  },
  async leave(id, service = enterpriseService) {
    await service.leaveEnterprise(id);
    // Gone at once (the server also cleared it as current if it was); the reload confirms it.
    set({ enterprises: get().enterprises.filter((e) => e.id !== id) });
    await get().load(service);
  },
  reset: () => set(initial),
}));

/** The current enterprise (null when the caller belongs to none or none is chosen). */
export const selectCurrent = (state: Pick<EnterpriseState, 'enterprises'>): MyEnterprise | null =>
  state.enterprises.find((e) => e.is_current) ?? null;
