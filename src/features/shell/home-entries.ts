import { routeUrl } from '../../lib/routes';

// The home tab's module entries: one line per module. A module adds its entry when it lands
// (docs/modules.md, "A module's tab and home entry"); the entry shows when the current enterprise's
// edition includes `feature` (the database enforces the same gate on every call).

export interface HomeEntry {
  key: string;
  title: string;
  description: string;
  /** the `edition_features.feature` it needs; null: every enterprise */
  feature: string | null;
  /** the test id the entry's cell carries (default `home-entry-<key>`) */
  testId?: string;
  /** the page it opens, for the current enterprise (a module with a tab: its tab page) */
  url(enterpriseId: string): string;
}

export const HOME_ENTRIES: readonly HomeEntry[] = [
  { key: 'kb', title: '知识库', description: '员工手册、入职指南、产品文档，一两个字也能搜', feature: 'knowledge_base', testId: 'home-kb-link', url: () => routeUrl('kbTab') },
  { key: 'training', title: '学习', description: '学习任务、考试、证书与积分', feature: 'training', testId: 'home-training-link', url: () => routeUrl('learnTab') },
  { key: 'community', title: '社区', description: '同事们的分享、提问与讨论', feature: 'community', testId: 'home-community-link', url: () => routeUrl('communityTab') },
  { key: 'directory', title: '通讯录', description: '同事的联系方式', feature: 'directory', url: (id) => routeUrl('directory', { id }) },
  { key: 'card', title: '我的名片', description: '在本企业的部门、职务、联系方式', feature: null, url: (id) => routeUrl('card', { id }) },
];

/** The entries the edition includes (features null: not loaded yet, show only ungated entries). */
export function visibleEntries(features: readonly string[] | null, entries: readonly HomeEntry[] = HOME_ENTRIES): HomeEntry[] {
  return entries.filter((entry) => entry.feature === null || (features?.includes(entry.feature) ?? false));
}
