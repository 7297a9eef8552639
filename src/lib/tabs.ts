import { ROUTES, type RouteName } from './routes';

// The tab registry: the one list of tabs. `app.config.ts` builds the mini-program's tabBar from it
// (`custom`: the bar itself is src/custom-tab-bar, so that it can hide the tabs an enterprise's
// edition lacks and show the unread badge; on H5 each tab page draws the same bar), and `openRoute`
// switches tabs with `switchTab` (a tab page cannot be opened with navigateTo). A module adds its
// tab with ONE line here, when it lands: its route must be a main-package page (tab pages cannot
// live in a subpackage), thin, showing the module's home screen (features/shell ModuleTab); its
// icon pair sits in src/assets/tabbar (drawn by scripts/tabbar-icons.mjs). docs/modules.md,
// "A module's tab".

export interface TabDef {
  /** stable id (analytics, tests: `tab-<key>`) */
  readonly key: string;
  /** what the bar shows: two Chinese characters fit best */
  readonly label: string;
  /** src/assets/tabbar/<icon>.png and <icon>-active.png (PNG, ≤ 40 KB each, 81×81) */
  readonly icon: string;
  /** the tab's page: a main-package route */
  readonly route: RouteName;
  /**
   * The `edition_features.feature` the enterprise's edition must include, null for tabs every
   * member has. The bar hides the tab until the current enterprise's edition is known to include
   * it; the tab page, opened anyway, says the edition lacks it.
   */
  readonly feature: string | null;
  /** 'unread': the tab shows the unread notice count (the tab that leads to the inbox) */
  readonly badge?: 'unread';
}

export const TABS: readonly TabDef[] = [
  { key: 'home', label: '首页', icon: 'home', route: 'home', feature: null, badge: 'unread' },
  { key: 'kb', label: '知识库', icon: 'kb', route: 'kbTab', feature: 'knowledge_base' },
  { key: 'learn', label: '学习', icon: 'learn', route: 'learnTab', feature: 'training' },
  { key: 'community', label: '社区', icon: 'community', route: 'communityTab', feature: 'community' },
  { key: 'mine', label: '我的', icon: 'mine', route: 'mine', feature: null },
];

/** The tab `key` (a registry entry: a typo fails at start, not with a missing tab). */
export function tabByKey(key: string): TabDef {
  const tab = TABS.find((t) => t.key === key);
  if (!tab) throw new Error(`no tab ${key}`);
  return tab;
}

/** The tabs the bar shows: every ungated tab, and a gated one once the edition's `features` include it. */
export function visibleTabs(features: readonly string[] | null): TabDef[] {
  return TABS.filter((tab) => tab.feature === null || (features?.includes(tab.feature) ?? false));
}

const TAB_PATHS = new Set(TABS.map((tab) => ROUTES[tab.route].path));

/** Whether `url` (`/pages/mine/index?x=1` or `pages/mine/index`) is a tab page. */
export function isTabUrl(url: string): boolean {
  return TAB_PATHS.has(url.replace(/^\//, '').split('?')[0]);
}

/**
 * The app config's `tabBar` (paths relative to src, as app.json wants them). `custom`: WeChat and
 * WeCom draw src/custom-tab-bar instead of the native bar; Taro's H5 router draws none (the tab
 * pages draw AppTabBar). The list still names every tab page: switchTab only goes to those.
 */
export function tabBarConfig() {
  return {
    custom: true,
    color: '#8a8f99',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'black' as const,
    list: TABS.map((tab) => ({
      pagePath: ROUTES[tab.route].path,
      text: tab.label,
      iconPath: `assets/tabbar/${tab.icon}.png`,
      selectedIconPath: `assets/tabbar/${tab.icon}-active.png`,
    })),
  };
}
