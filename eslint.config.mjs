import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import local from './tools/eslint/import-boundaries.mjs';

// Deep imports past a feature's index.ts that the layer rule allows anyway. Each keeps the
// mini-program main package (and the H5 first load) small: a feature's index brings all its
// screens, so the main package's pages and app start take only the files they use.
const MAIN_PACKAGE = 'keeps the main package small: the feature index would bring its screens into it';
const SUBPACKAGE = "keeps the subpackage small: enterprise's index would bring the admin console and QR codes into it";
/** One importer's allowed deep imports, all for the same reason. */
const allow = (from, modules, why) => modules.map((to) => ({ from, to, why }));
const DEEP_IMPORT_EXCEPTIONS = [
  ...allow('pages/index/index', [
    'features/enterprise/components/current-enterprise-card',
    'features/enterprise/hooks/use-enterprises',
    'features/identity/hooks/use-cleared-member',
    'features/identity/store/gate.store',
    'features/notifications/hooks/use-unread-count',
    'features/profile/hooks/use-my-profile',
  ], MAIN_PACKAGE),
  ...allow('pages/mine/index', ['features/enterprise/hooks/use-enterprises', 'features/identity/hooks/use-cleared-member'], MAIN_PACKAGE),
  ...allow('pages/login/index', ['features/identity/services/gate-router', 'features/enterprise/services/pending-invite'], MAIN_PACKAGE),
  // The session store, not the auth index (sign-in screens, zod): these run on every tab page.
  ...allow('features/identity/hooks/use-cleared-member', ['features/auth/store/session.store'], MAIN_PACKAGE),
  ...allow('features/enterprise/hooks/use-enterprises', ['features/auth/store/session.store'], MAIN_PACKAGE),
  ...allow('features/enterprise/store/enterprise.store', ['features/auth/store/session.store'], MAIN_PACKAGE),
  // The module tab pages' frame (知识库, 学习, 社区): gate and current enterprise, as 首页 and 我的.
  ...allow('features/shell/components/module-tab', ['features/enterprise/hooks/use-enterprises', 'features/identity/hooks/use-cleared-member'], MAIN_PACKAGE),
  ...allow('app/session-sync', ['features/auth/store/session.store', 'features/identity/services/gate-router', 'features/identity/store/gate.store'], MAIN_PACKAGE),
  // A message table is data only: the identity index would bring its services and Taro along.
  { from: 'features/enterprise/enterprise.messages', to: 'features/identity/identity.messages', why: 'a message table is data only; the index would bring services and Taro' },
  { from: 'features/training/training.messages', to: 'features/identity/identity.messages', why: 'a message table is data only; the index would bring services and Taro' },
  // 学习's home screen is the 学习 tab (main package on the mini-programs): its list, services and rule, not every training screen.
  ...allow('packages/training/index', [
    'features/training/components/assignment-list', 'features/training/lib/manager', 'features/training/services/training.service',
  ], MAIN_PACKAGE),
  // The course editor (lesson form with the shared rich-text editor): only its own page takes it.
  { from: 'packages/training/manage-course/index', to: 'features/training/components/manage/course-editor', why: 'keeps the rich-text editor on the one training page that edits lessons, out of the main package and the other pages' },
  // The training subpackage needs the current enterprise, not enterprise's admin screens.
  { from: 'packages/training/', to: 'features/enterprise/hooks/use-enterprise-page', why: SUBPACKAGE },
  // Subpackages that need one function of a feature whose screens live elsewhere.
  { from: 'packages/onboarding/index', to: 'features/enterprise/services/pending-invite', why: SUBPACKAGE },
  { from: 'packages/ops/qualification-review', to: 'features/enterprise/services/qualification.service', why: SUBPACKAGE },
  { from: 'packages/ops/qualification-review-item', to: 'features/enterprise/schemas/enterprise.schema', why: SUBPACKAGE },
  { from: 'features/kb/hooks/use-kb-enterprise', to: 'features/enterprise/hooks/use-enterprise-page', why: SUBPACKAGE },
  // The KB home is built into the weapp main package and takes the kb index; the screens only the
  // kb subpackage's pages show (the editor with markdown-it, page view, versions, access, templates)
  // stay out of it.
  ...allow('packages/kb/edit/index', ['features/kb/components/page-editor'], MAIN_PACKAGE),
  ...allow('packages/kb/page/index', ['features/kb/components/page-view'], MAIN_PACKAGE),
  ...allow('packages/kb/versions/index', ['features/kb/components/version-compare', 'features/kb/components/version-list'], MAIN_PACKAGE),
  ...allow('packages/kb/folder/index', ['features/kb/components/template-picker', 'features/kb/lib/templates'], MAIN_PACKAGE),
  ...allow('packages/kb/access/index', ['features/kb/components/access-editor', 'features/kb/components/space-protection'], MAIN_PACKAGE),
  // The community home is built into the weapp main package as well (the 社区 tab); the rich-text
  // editor of 发帖 and 编辑 stays in the community subpackage.
  ...allow('packages/community/compose/index', ['features/community/components/compose-form'], MAIN_PACKAGE),
  ...allow('packages/community/edit/index', ['features/community/components/post-edit-form'], MAIN_PACKAGE),
  // Likewise the governance screens (approval, review dates, storage): their own entry of the feature.
  { from: 'packages/kb/', to: 'features/kb/governance', why: MAIN_PACKAGE },
  // The home page's unread badge loads the notification services, whose message table extends identity's.
  { from: 'features/notifications/notifications.messages', to: 'features/identity/identity.messages', why: MAIN_PACKAGE },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'dist/**', '.local/**', '.swc/**', 'coverage/**', 'bench/out/**',
      // Deno code is checked by `deno check`/`deno test`, with Deno's own globals and imports.
      'supabase/functions/**', 'tools/local-stack/functions/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, local },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Layers pages → features → ui/lib/platform; features meet through their index.ts.
      'local/import-boundaries': ['error', { exceptions: DEEP_IMPORT_EXCEPTIONS }],
    },
  },
  {
    files: ['tests/**', '**/__tests__/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
