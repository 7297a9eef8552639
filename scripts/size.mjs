#!/usr/bin/env node
// Size budgets (run after the builds): the WeChat mini-program main package (dist/weapp minus
// subpackage roots; WeChat caps it at 2 MB, we keep half) and the H5 first-load JS (the scripts
// dist/h5/index.html loads, gzip-compressed). Prints the figures; exits 1 above budget.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const WEAPP_DIR = path.join(ROOT, 'dist/weapp');
const H5_DIR = path.join(ROOT, 'dist/h5');
const WEAPP_MAIN_BUDGET = 1024 * 1024; // 1.0 MB
const H5_FIRST_LOAD_GZIP_BUDGET = 200 * 1024; // 200 KB

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function weappMainPackageBytes() {
  const app = JSON.parse(readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((pkg) => path.join(WEAPP_DIR, pkg.root.replace(/\/+$/, '')) + path.sep);
  // WeChat DevTools does not upload these into any package.
  const ignored = new Set(['project.config.json', 'project.private.config.json']);
  let bytes = 0;
  let subpackageBytes = 0;
  for (const file of filesUnder(WEAPP_DIR)) {
    if (ignored.has(path.relative(WEAPP_DIR, file)) || file.endsWith('.map')) continue;
    const size = statSync(file).size;
    if (roots.some((root) => file.startsWith(root))) subpackageBytes += size;
    else bytes += size;
  }
  return { bytes, subpackageBytes, subpackages: roots.length };
}

function h5FirstLoad() {
  const html = readFileSync(path.join(H5_DIR, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  let raw = 0;
  let gzip = 0;
  const rows = [];
  for (const src of scripts) {
    if (/^(https?:)?\/\//.test(src)) throw new Error(`index.html loads a remote script (${src}); budget cannot measure it`);
    const file = path.join(H5_DIR, src.replace(/^\.?\//, '').split(/[?#]/)[0]);
    const content = readFileSync(file);
    const zipped = gzipSync(content, { level: 9 }).length;
    raw += content.length;
    gzip += zipped;
    rows.push(`    ${src}  ${kb(content.length)} (gzip ${kb(zipped)})`);
  }
  return { raw, gzip, rows, count: scripts.length };
}

let failed = false;
const missing = [WEAPP_DIR, H5_DIR].filter((dir) => !existsSync(dir));
if (missing.length) {
  console.error(`size: build output missing: ${missing.map((d) => path.relative(ROOT, d)).join(', ')} (run taro build --type weapp / h5 first)`);
  process.exit(1);
}

const weapp = weappMainPackageBytes();
const weappOk = weapp.bytes <= WEAPP_MAIN_BUDGET;
failed ||= !weappOk;
console.log(
  `${weappOk ? 'ok  ' : 'FAIL'} weapp main package: ${kb(weapp.bytes)} (budget ${kb(WEAPP_MAIN_BUDGET)}); ` +
    `${weapp.subpackages} subpackage(s): ${kb(weapp.subpackageBytes)}`,
);

const h5 = h5FirstLoad();
const h5Ok = h5.gzip <= H5_FIRST_LOAD_GZIP_BUDGET;
failed ||= !h5Ok;
console.log(`${h5Ok ? 'ok  ' : 'FAIL'} H5 first-load JS: gzip ${kb(h5.gzip)} (budget ${kb(H5_FIRST_LOAD_GZIP_BUDGET)}), raw ${kb(h5.raw)}, ${h5.count} script(s)`);
for (const row of h5.rows) console.log(row);

process.exit(failed ? 1 : 0);
