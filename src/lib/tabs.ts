import { ROUTES, type RouteName } from './routes';

// The tab registry: the one list of tabs. `app.config.ts` builds the native tabBar from it (weapp,
// qywx; Taro draws the same bar on H5), and `openRoute` switches tabs with `switchTab` (a tab page
// cannot be opened with navigateTo). A module adds its tab with ONE line here, when it lands: its
// route must be a main-package page (tab pages cannot live in a subpackage), thin, loading the
// module's screens from its subpackage; its icon pair sits in src/assets/tabbar (drawn by
// scripts/tabbar-icons.mjs). docs/modules.md, "A module's tab".

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
   * member has. The native bar is fixed at build time, so the tab page itself says when the
   * current enterprise's edition lacks the feature.
   */
  readonly feature: string | null;
}

export const TABS: readonly TabDef[] = [
  { key: 'home', label: '首页', icon: 'home', route: 'home', feature: null },
  // { key: 'kb', label: '知识库', icon: 'kb', route: 'kbTab', feature: 'knowledge_base' },
  // { key: 'learn', label: '学习', icon: 'learn', route: 'learnTab', feature: 'training' },
  // { key: 'community', label: '社区', icon: 'community', route: 'communityTab', feature: 'community' },
  { key: 'mine', label: '我的', icon: 'mine', route: 'mine', feature: null },
];

const TAB_PATHS = new Set(TABS.map((tab) => ROUTES[tab.route].path));

/** Whether `url` (`/pages/mine/index?x=1` or `pages/mine/index`) is a tab page. */
export function isTabUrl(url: string): boolean {
  return TAB_PATHS.has(url.replace(/^\//, '').split('?')[0]);
}

/** The app config's `tabBar` (paths relative to src, as app.json wants them). */
export function tabBarConfig() {
  return {
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
