import fs from 'node:fs';
import path from 'node:path';
import { ROUTES, SUBPACKAGES, routeUrl } from '../lib/routes';

// The route table is the one list of pages: app.config.ts is built from it, links use it, and the
// invitation-wxacode edge function names its landing page from it. A route without a page file is
// a link to nowhere; a page file or an app.config page missing from the table is a page nothing
// can link to safely.

const SRC = path.resolve(__dirname, '..');
type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[] };

function appConfig(): AppConfig {
  (globalThis as unknown as { defineAppConfig(c: AppConfig): AppConfig }).defineAppConfig = (c) => c;
  return (require('../app.config') as { default: AppConfig }).default;
}

function pageFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : pageFilesUnder(full);
    return entry.name === 'index.config.ts' ? [path.relative(SRC, path.join(dir, 'index')).split(path.sep).join('/')] : [];
  });
}

const tablePaths = Object.values(ROUTES).map((r) => r.path);

describe('route table', () => {
  it('every route has a page file and a page config', () => {
    for (const route of Object.values(ROUTES)) {
      expect([route.path, fs.existsSync(path.join(SRC, `${route.path}.tsx`))]).toEqual([route.path, true]);
      expect([route.path, fs.existsSync(path.join(SRC, `${route.path}.config.ts`))]).toEqual([route.path, true]);
    }
  });

  it('every route sits under its subpackage root (main package routes under none)', () => {
    for (const route of Object.values(ROUTES)) {
      const roots = Object.values(SUBPACKAGES).filter((root) => route.path.startsWith(`${root}/`));
      expect([route.path, roots]).toEqual([route.path, route.subpackage ? [SUBPACKAGES[route.subpackage]] : []]);
    }
  });

  it('every page in app.config is in the table, and every table route is in app.config', () => {
    const config = appConfig();
    const configured = [...config.pages, ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
    expect([...configured].sort()).toEqual([...tablePaths].sort());
    expect(config.pages[0]).toBe(ROUTES.home.path);
    expect(config.subPackages.map((pkg) => pkg.root).sort()).toEqual(Object.values(SUBPACKAGES).sort());
  });

  it('every page file in src/pages and src/packages is in the table', () => {
    const files = [...pageFilesUnder(path.join(SRC, 'pages')), ...pageFilesUnder(path.join(SRC, 'packages'))];
    expect(files.filter((file) => !tablePaths.includes(file))).toEqual([]);
  });

  it('builds the in-app URL the page reads, with query values encoded', () => {
    expect(routeUrl('join', { code: 'AB12-CD' })).toBe('/packages/enterprise/join/index?code=AB12-CD');
    expect(routeUrl('admin', { id: 'e1', tab: 'invitations' })).toBe('/packages/admin/index?id=e1&tab=invitations');
    expect(routeUrl('guardianLink', { t: 'a b&c' })).toBe('/packages/onboarding/guardian-link/index?t=a%20b%26c');
    expect(routeUrl('home')).toBe('/pages/index/index');
  });
});
