import { create } from 'zustand';
import { shellService } from '../services/shell.service';

type Reads = Pick<typeof shellService, 'editionFeatures' | 'unreadNotificationCount'>;

interface TabBarState {
  /** the tab whose page is showing (each tab page sets it when shown) */
  selected: string;
  /** whose edition `features` belong to; null: no enterprise (or signed out) */
  enterpriseId: string | null;
  /** the current enterprise's edition features; null until known: gated tabs stay hidden */
  features: string[] | null;
  /** unread notices, the badge on the tab that leads to the inbox */
  unread: number;
  select(key: string): void;
  /** what a tab page has just read itself (首页 reads both for its own rows) */
  publish(figures: { enterpriseId: string | null; features: string[] | null; unread: number | null }): void;
  /** reads the edition's features and the unread count again; a failed read keeps what was shown */
  refresh(enterpriseId: string | null, reads?: Reads): Promise<void>;
  /** signed out: only the tabs every visitor has, no badge */
  reset(): void;
}

let generation = 0;

// One store for the tab bar, whichever draws it: the mini-program's custom-tab-bar (one instance
// per tab page) and, on H5, the bar each tab page renders. The edition decides which tabs show
// (lib/tabs.ts `feature`); the database enforces the same gate on every call behind them.
export const useTabBarStore = create<TabBarState>()((set, get) => ({
  selected: 'home',
  enterpriseId: null,
  features: null,
  unread: 0,
  select: (key) => {
    if (get().selected !== key) set({ selected: key });
  },
  publish: ({ enterpriseId, features, unread }) => {
    generation += 1;
    set({ enterpriseId, features: enterpriseId ? features : null, unread: unread ?? 0 });
  },
  async refresh(enterpriseId, reads = shellService) {
    const mine = ++generation;
    const sameEnterprise = get().enterpriseId === enterpriseId;
    // Another enterprise's features must not show meanwhile.
    if (!sameEnterprise) set({ enterpriseId, features: null });
    const [features, unread] = await Promise.all([
      enterpriseId ? reads.editionFeatures(enterpriseId).catch(() => undefined) : Promise.resolve(null),
      reads.unreadNotificationCount().catch(() => undefined),
    ]);
    if (mine !== generation) return;
    set({
      enterpriseId,
      ...(features !== undefined ? { features } : {}),
      ...(unread !== undefined ? { unread: unread ?? 0 } : {}),
    });
  },
  reset: () => {
    generation += 1;
    set({ enterpriseId: null, features: null, unread: 0 });
  },
}));
