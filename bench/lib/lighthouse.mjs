// Lighthouse (npm `lighthouse`, mobile defaults: simulated slow 4G and 4× CPU slowdown) driving
// Debian Chromium through puppeteer-core, on the production H5 build served statically.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** A static host with SPA fallback and gzip for text assets (what any CDN does). */
export async function serveStatic(root) {
  const base = path.resolve(root);
  const { gzipSync } = await import('node:zlib');
  const cache = new Map();
  const server = http.createServer((req, res) => {
    let file = path.join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(base, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const gz = /gzip/.test(String(req.headers['accept-encoding'])) && /text|javascript|json|svg/.test(type);
    if (!gz) {
      res.writeHead(200, { 'content-type': type });
      return void fs.createReadStream(file).pipe(res);
    }
    if (!cache.has(file)) cache.set(file, gzipSync(fs.readFileSync(file), { level: 9 }));
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
    res.end(cache.get(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A demo member's session from the local auth service (password grant). */
export async function demoSession(env, phone = '8613800000001', password = 'Zhixiang2026') {
  const res = await fetch(`${env.SUPABASE_URL}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: env.SUPABASE_ANON_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (!res.ok) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Runs Lighthouse (performance only) on each page; `session` pages get the demo member's session
 * in localStorage first (supabase-js's key), with Lighthouse's storage reset turned off.
 * `simulate` (Lighthouse's default) estimates metrics from an unthrottled trace; `devtools` really
 * throttles the page with the same mobile settings and observes it.
 */
export async function runLighthouse({ baseUrl, pages, env, session, runs = 1, throttlingMethod = 'simulate' }) {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (const p of pages) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage();
        await page.goto(baseUrl, { waitUntil: 'load' });
        const key = `sb-${new URL(env.SUPABASE_URL).hostname.split('.')[0]}-auth-token`;
        await page.evaluate(
          (k, value) => {
            localStorage.clear();
            if (value) localStorage.setItem(k, value);
          },
          key,
          p.signedIn ? JSON.stringify(session) : null,
        );
        const r = await lighthouse(
          `${baseUrl}/${p.route ? `#/${p.route}` : ''}`,
          { output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true, throttlingMethod },
          undefined,
          page,
        );
        await page.close();
        const a = r.lhr.audits;
        if (r.lhr.runtimeError) throw new Error(`Lighthouse on ${p.name}: ${r.lhr.runtimeError.message}`);
        samples.push({
          lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
          fcp: a['first-contentful-paint'].numericValue,
          // When the app itself (not the HTML shell) is up: main thread quiet after its scripts ran.
          tti: a.interactive?.numericValue ?? null,
          score: r.lhr.categories.performance.score,
          benchmarkIndex: r.lhr.environment.benchmarkIndex,
          lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
          requests: a['network-requests']?.details?.items?.length ?? null,
          // Every script the page fetched while Lighthouse loaded it, i.e. until the page was idle
          // (network quiet and main thread quiet): bytes on the wire (the host gzips).
          scriptBytes: (a['network-requests']?.details?.items ?? [])
            .filter((item) => item.resourceType === 'Script')
            .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
          scripts: (a['network-requests']?.details?.items ?? []).filter((item) => item.resourceType === 'Script').length,
        });
      }
      // Median run by LCP (Lighthouse's own advice for variance).
      samples.sort((x, y) => x.lcp - y.lcp);
      results.push({ ...p, ...samples[Math.floor(samples.length / 2)], runs: samples.length });
    }
  } finally {
    await browser.close();
  }
  return results;
}
