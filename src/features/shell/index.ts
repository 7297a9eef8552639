// Public API of the app shell (the tab pages 首页 and 我的, main package: keep it small).
export { NeedsMe, needsMeItems, type NeedsMeItem, type NeedsMeInput } from './components/needs-me';
export { HOME_ENTRIES, visibleEntries, type HomeEntry } from './home-entries';
export { useHomeTasks, type HomeTasks } from './hooks/use-home-tasks';
export { shellService, type ShellService } from './services/shell.service';
export { AppTabBar, badgeText } from './components/app-tab-bar';
export { ModuleTab } from './components/module-tab';
export { TabBarSlot } from './components/tab-bar-slot';
export { useTabPage, type TabPageState } from './hooks/use-tab-page';
export { useTabBarStore } from './store/tab-bar.store';
