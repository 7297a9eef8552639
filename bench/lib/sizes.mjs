// Build sizes: weapp main package and each subpackage (the logic of scripts/size.mjs, per
// subpackage), the bare Taro + supabase-js floor app built with the same config, and the H5
// first-load JS/CSS (what index.html loads), gzip-compressed.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BIN, ROOT, run } from '../../scripts/lib/proc.mjs';

const FLOOR_DIR = path.join(ROOT, 'bench/floor-app');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** `taro build --type <type>` (production) into outDir; returns seconds. */
export async function build({ type, outDir, cwd = ROOT, env = {} }) {
  rmSync(outDir, { recursive: true, force: true });
  const t = Date.now();
  const { code, out } = await run(BIN('taro'), ['build', '--type', type], {
    cwd,
    env: { NODE_ENV: 'production', ZX_OUTPUT_ROOT: outDir, ...env },
    quiet: true,
  });
  if (code !== 0 || !existsSync(outDir)) throw new Error(`taro build --type ${type} in ${path.relative(ROOT, cwd) || '.'} failed:\n${out.slice(-3000)}`);
  return (Date.now() - t) / 1000;
}

export const buildFloor = (outDir, env) => build({ type: 'weapp', outDir, cwd: FLOOR_DIR, env });

/** Bytes per package as WeChat DevTools uploads them (no source maps, no project config). */
export function weappPackages(dir) {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8'));
  const subs = (app.subPackages ?? app.subpackages ?? []).map((pkg) => ({
    root: pkg.root.replace(/\/+$/, ''),
    prefix: path.join(dir, pkg.root.replace(/\/+$/, '')) + path.sep,
    bytes: 0,
  }));
  const ignored = new Set(['project.config.json', 'project.private.config.json']);
  let main = 0;
  for (const file of filesUnder(dir)) {
    if (ignored.has(path.relative(dir, file)) || file.endsWith('.map')) continue;
    const size = statSync(file).size;
    const sub = subs.find((s) => file.startsWith(s.prefix));
    if (sub) sub.bytes += size;
    else main += size;
  }
  return { main, subpackages: subs.map(({ root, bytes }) => ({ root, bytes })), total: main + subs.reduce((n, s) => n + s.bytes, 0) };
}

/** JS and CSS that dist/h5/index.html loads before anything else, raw and gzip -9. */
export function h5FirstLoad(dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1]).filter(Boolean);
  const measure = (list) => {
    let raw = 0;
    let gzip = 0;
    const files = [];
    for (const src of list) {
      if (/^(https?:)?\/\//.test(src)) throw new Error(`index.html loads a remote asset (${src}); cannot measure it`);
      const content = readFileSync(path.join(dir, src.replace(/^\.?\//, '').split(/[?#]/)[0]));
      const z = gzipSync(content, { level: 9 }).length;
      raw += content.length;
      gzip += z;
      files.push({ src, raw: content.length, gzip: z });
    }
    return { raw, gzip, files };
  };
  return { js: measure(scripts), css: measure(styles) };
}
