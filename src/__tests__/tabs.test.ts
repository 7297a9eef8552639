import fs from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../lib/routes';
import { TABS, isTabUrl, tabBarConfig } from '../lib/tabs';

// The tab bar a member sees comes from the tab registry. WeChat rejects an app.json whose tab
// pages sit in a subpackage, whose icons are missing or above 40 KB, or with fewer than two or
// more than five tabs: the mini-program would not start.

const SRC = path.resolve(__dirname, '..');
type AppConfig = { pages: string[]; tabBar: ReturnType<typeof tabBarConfig> };

function appConfig(): AppConfig {
  (globalThis as unknown as { defineAppConfig(c: AppConfig): AppConfig }).defineAppConfig = (c) => c;
  return (require('../app.config') as { default: AppConfig }).default;
}

describe('tab bar', () => {
  it('shows 首页 first and 我的 last, between two and five tabs', () => {
    const labels = appConfig().tabBar.list.map((item) => item.text);
    expect(labels[0]).toBe('首页');
    expect(labels[labels.length - 1]).toBe('我的');
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.length).toBeLessThanOrEqual(5);
  });

  it('every tab page is a main-package page of the app config', () => {
    const config = appConfig();
    for (const tab of TABS) {
      expect([tab.key, ROUTES[tab.route].subpackage]).toEqual([tab.key, null]);
      expect(config.pages).toContain(ROUTES[tab.route].path);
    }
  });

  it('every tab icon exists as a PNG of at most 40 KB', () => {
    for (const item of appConfig().tabBar.list) {
      for (const icon of [item.iconPath, item.selectedIconPath]) {
        const file = path.join(SRC, icon);
        expect([icon, fs.existsSync(file)]).toEqual([icon, true]);
        expect(fs.readFileSync(file).subarray(1, 4).toString('ascii')).toBe('PNG');
        expect(fs.statSync(file).size).toBeLessThanOrEqual(40 * 1024);
      }
    }
  });

  it('tells tab pages (switchTab) from the rest (navigateTo), with or without slash and query', () => {
    expect(isTabUrl('/pages/mine/index')).toBe(true);
    expect(isTabUrl('pages/index/index?x=1')).toBe(true);
    expect(isTabUrl('/packages/account/profile/index')).toBe(false);
  });
});
