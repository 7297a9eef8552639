#!/usr/bin/env node
// README screenshots from the SEEDED demo (no test data): the production H5 build against a local
// stack started with its demo data (`npm start`, or `npm run stack`), phone width, signed in as a
// demo member. Writes docs/screenshots/demo-<name>.png.
//   node scripts/screenshots.mjs [--env .local/stack.env] [--out docs/screenshots] [--no-build]
// Builds into .local/screenshots-h5 (ZX_OUTPUT_ROOT), so it does not touch dist/.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../bench/lib/lighthouse.mjs';
import { BIN, ROOT, readEnvFile, run } from './lib/proc.mjs';

const args = process.argv.slice(2);
const arg = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const ENV_FILE = path.resolve(ROOT, arg('--env', '.local/stack.env'));
const OUT = path.resolve(ROOT, arg('--out', 'docs/screenshots'));
const BUILD = path.join(ROOT, '.local/screenshots-h5');

// README, "Demo logins": 张伟 is admin of 星河科技 (professional edition: every tab shows); 孙丽
// admin of 远山制造 with 刘洋's request to decide.
const DEMO = { 张伟: '8613800000001', 孙丽: '8613800000007' };
const PASSWORD = 'Zhixiang2026';

const XHKJ = 'e0000000-0000-4000-8000-000000000001'; // 星河科技 in supabase/seed.sql
const YSZZ = 'e0000000-0000-4000-8000-000000000003'; // 远山制造

// name (docs/screenshots/demo-<name>.png: the e2e suite's own pictures keep other names), route,
// what must show before the picture is taken, who (default 张伟; null: signed out)
const SHOTS = [
  ['welcome', 'pages/index/index', 'home-sign-in', null],
  ['sign-in', 'pages/login/index', 'login-phone', null],
  ['home', 'pages/index/index', 'home-greeting'],
  ['kb', 'pages/kb/index', 'kb-spaces-list'],
  ['learn', 'pages/learn/index', 'training-page'],
  ['community', 'pages/community/index', 'community-page'],
  ['mine', 'pages/mine/index', 'mine-page'],
  ['inbox', 'packages/notifications/inbox/index', 'inbox-unread'],
  ['my-enterprises', 'packages/enterprise/mine/index', 'enterprise-mine-page'],
  ['directory', `packages/enterprise/directory/index?id=${XHKJ}`, 'directory'],
  ['admin', `packages/admin/index?id=${XHKJ}`, 'admin-console'],
  ['member-card', `packages/enterprise/card/index?id=${XHKJ}`, 'member-card-page'],
  ['join-requests', `packages/admin/index?id=${YSZZ}&tab=requests`, 'admin-console', '孙丽'],
];

if (!existsSync(ENV_FILE)) throw new Error(`no ${ENV_FILE}: start the local stack with its demo data first (npm start)`);
const env = readEnvFile(ENV_FILE);

if (!args.includes('--no-build')) {
  console.log('building H5 against', env.SUPABASE_URL);
  const { code, out } = await run(BIN('taro'), ['build', '--type', 'h5'], {
    env: { NODE_ENV: 'production', ZX_OUTPUT_ROOT: BUILD, TARO_APP_SUPABASE_URL: env.SUPABASE_URL, TARO_APP_SUPABASE_ANON_KEY: env.SUPABASE_ANON_KEY, TARO_APP_LOCAL_STACK: 'true' },
    quiet: true,
  });
  if (code !== 0) throw new Error(`build failed:\n${out.slice(-2000)}`);
}

async function signIn(phone) {
  const res = await fetch(`${env.SUPABASE_URL}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: env.SUPABASE_ANON_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
  return res.json();
}

const server = await serveStatic(BUILD);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
mkdirSync(OUT, { recursive: true });
try {
  // A phone (390 × 844 CSS px) at 1.5× pixels: readable, and each picture stays small.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1.5, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const key = `sb-${new URL(env.SUPABASE_URL).hostname.split('.')[0]}-auth-token`;
  let signedIn;
  for (const [name, route, testId, who = '张伟'] of SHOTS) {
    if (signedIn !== who) {
      const session = who ? JSON.stringify(await signIn(DEMO[who])) : '';
      await page.goto(server.url);
      await page.evaluate(([k, value]) => (value ? localStorage.setItem(k, value) : localStorage.clear()), [key, session]);
      signedIn = who;
    }
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/${route}`);
    await page.locator(`[data-testid="${testId}"]:visible`).first().waitFor({ timeout: 30_000 });
    // On a tab page the gated tabs show once the edition is read; then let images and the page
    // transition settle.
    if (who && route.startsWith('pages/')) await page.locator('[data-testid="tab-bar"]:visible [data-testid="tab-learn"]').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    const file = path.join(OUT, `demo-${name}.png`);
    await page.screenshot({ path: file });
    console.log(`${path.relative(ROOT, file)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
  }
} finally {
  await browser.close();
  await server.close();
}
