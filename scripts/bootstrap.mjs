// Makes a fresh clone runnable: installs npm dependencies when missing or stale, Debian's Chromium
// for the browser tests (never Playwright's own browser download: the network here reaches only the
// npm registry and Debian), and optionally Debian's nginx-light for the local stack's edge.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/proc.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function lockHash() {
  const lock = path.join(ROOT, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'none';
}

export function ensureNodeModules() {
  const stamp = path.join(ROOT, 'node_modules/.zhixiang-install-stamp');
  const want = lockHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  // `npm install`, not `npm ci`: the registry here serves no other-platform builds of deno, postgrest
  // and the supabase CLI, so the lockfile lacks those optional entries and `npm ci` refuses it.
  console.log('[bootstrap] installing npm dependencies (npm install from the lockfile)…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm install failed');
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, want);
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  console.log('[bootstrap] installing Debian chromium (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    execFileSync(cmd, rest, { stdio: 'inherit', env });
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']);
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} after install`);
  return CHROMIUM;
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'];

/**
 * Debian's nginx-light for the local stack's edge (tools/local-stack/edge.ts: nginx in front of the
 * Node gateway, as Kong is in Supabase). Optional: returns null instead of throwing when it cannot be
 * installed, and the stack then runs the Node gateway alone. Never starts the system service.
 */
export function ensureNginx() {
  const found = () => NGINX.find((p) => existsSync(p)) ?? null;
  if (found()) return found();
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  console.log('[bootstrap] installing Debian nginx-light (apt-get) for the local stack edge…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light']]) {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    if (spawnSync(cmd, rest, { stdio: 'inherit', env }).status !== 0) break;
  }
  if (!found()) console.log('[bootstrap] nginx not installed: the local stack runs its Node gateway alone (slower /rest/v1)');
  return found();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureNodeModules();
  if (process.argv.includes('--chromium')) ensureChromium();
  if (process.argv.includes('--nginx')) ensureNginx();
}
