// Start-up figures: cold `npm start` to a usable page, and `npm test` duration from a run log.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, startDaemon, stopDaemon } from '../../scripts/lib/proc.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `node scripts/start.mjs` on its own ports with a wiped data folder (fresh database, migrations,
 * seed), timed until the printed URL serves a page a browser renders the sign-in entry of.
 * Cold as in a fresh clone after `npm install`: the H5 dev build's caches (webpack's persistent
 * cache, Taro's prebundled dependencies) are removed first, so the figure does not depend on what
 * ran before (with them: 7–9 s; without: 21–29 s).
 */
export async function coldStart({ stackPort, h5Port, dataDir }) {
  rmSync(dataDir, { recursive: true, force: true });
  const webpackCaches = path.join(ROOT, 'node_modules/.cache/webpack');
  if (existsSync(webpackCaches)) {
    for (const d of readdirSync(webpackCaches)) if (d.startsWith('h5-development-')) rmSync(path.join(webpackCaches, d), { recursive: true, force: true });
  }
  rmSync(path.join(ROOT, 'node_modules/.taro/h5'), { recursive: true, force: true });
  const t0 = Date.now();
  const daemon = startDaemon(process.execPath, ['scripts/start.mjs'], {
    env: { STACK_PORT: String(stackPort), STACK_DATA_DIR: dataDir, H5_PORT: String(h5Port), DATABASE_URL: '' },
    ready: /is running \(ready in/,
    prefix: '[bench:start] ',
    timeoutMs: 400_000,
    quiet: true,
  });
  try {
    await daemon.ready;
    const printedMs = Date.now() - t0;
    const url = `http://127.0.0.1:${h5Port}/`;
    // The printed URL must also answer (the dev server may still be compiling).
    const deadline = Date.now() + 300_000;
    for (;;) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${url} did not answer within 300 s of the printed URL`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const servedMs = Date.now() - t0;
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      // Usable: the signed-out home offers sign-in.
      await page.waitForSelector('[data-testid="home-sign-in"]', { timeout: 120_000 });
    } finally {
      await browser.close();
    }
    const usableMs = Date.now() - t0;
    const stackLine = /started in ([\d.]+) s/.exec(daemon.log());
    return { printedMs, servedMs, usableMs, stackSeconds: stackLine ? Number(stackLine[1]) : null };
  } finally {
    await stopDaemon(daemon.child, 'SIGINT', 30_000);
  }
}

/**
 * `npm test` duration from a saved run log (its "[test] summary ... total N s" block), never by
 * running it (it owns ports 31321–31340 and takes the machine for minutes).
 */
export function testDuration(logFile) {
  if (!logFile || !existsSync(logFile)) return null;
  const text = readFileSync(logFile, 'utf8');
  const start = text.lastIndexOf('[test] summary');
  if (start < 0) return null;
  const summary = text.slice(start);
  const total = /total (\d+(?:\.\d+)?) s/.exec(summary);
  if (!total) return null;
  const steps = [...summary.matchAll(/^\s+(ok|FAIL)\s+(\S+)\s+\d+ passed, \d+ failed, ([\d.]+) s/gm)].map((m) => ({ step: m[2], seconds: Number(m[3]), ok: m[1] === 'ok' }));
  const all = ['typecheck', 'lint', 'unit', 'stack', 'integration', 'deno', 'build-h5', 'build-weapp', 'build-qywx', 'size', 'e2e', 'weapp'];
  const missing = all.filter((s) => !steps.some((x) => x.step === s));
  return { seconds: Number(total[1]), steps, missing, file: logFile, at: statSync(logFile).mtime.toISOString() };
}

/** True when node_modules matches the lockfile (else `npm start` would run npm install first). */
export function installIsCurrent() {
  const stamp = path.join(ROOT, 'node_modules/.zhixiang-install-stamp');
  const lock = path.join(ROOT, 'package-lock.json');
  if (!existsSync(stamp) || !existsSync(lock)) return false;
  return readFileSync(stamp, 'utf8') === createHash('sha256').update(readFileSync(lock)).digest('hex');
}
