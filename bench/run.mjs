#!/usr/bin/env node
// `npm run bench`: the performance harness (not part of `npm test`). Writes bench/report.md and
// bench/report.json; raw artefacts (builds, logs) go under bench/out/.
//   npm run bench [-- --quick] [--only stack,db,api,training,sizes,lighthouse,start,test,notify,kb,community,admin]
//                 [--stack-env FILE] [--test-log FILE]
// --stack-env FILE: measure on an already running stack (e.g. one kept under .local/) instead of a
// fresh one; what an earlier run generated there at the same sizes is reused, not loaded again.
// Env: ZX_BENCH_PORT (base port, default 29321, below Linux's ephemeral port range; uses +0…+9,
// +20…+29, +40), ZX_BENCH_DIR (stack data, default .local/bench), ZX_BENCH_OUT (build output,
// default bench/out/dist), ZX_BENCH_TEST_LOG, ZX_BENCH_REPORT_DIR (where a partial run writes its
// report, default bench/out).
// See bench/README.md for every figure, its source and its budget.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, ensureNginx } from '../scripts/bootstrap.mjs';
import { ROOT } from '../scripts/lib/proc.mjs';
import * as admin from './lib/admin.mjs';
import * as api from './lib/api.mjs';
import * as community from './lib/community.mjs';
import * as db from './lib/db.mjs';
import * as kb from './lib/kb.mjs';
import { runLighthouse, demoSession, serveStatic } from './lib/lighthouse.mjs';
import { Report } from './lib/report.mjs';
import * as sizes from './lib/sizes.mjs';
import { notifyFigures } from './lib/notify.mjs';
import { trainingFigures } from './lib/training.mjs';
import { attachStack, startBenchStack } from './lib/stack.mjs';
import { coldStart, installIsCurrent, testDuration } from './lib/startup.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = flag('--quick');
// Attached to a kept stack (--stack-env): reuse what an earlier run generated there at the same sizes.
const reuse = Boolean(option('--stack-env'));
const only = option('--only')?.split(',');
const wanted = (s) => !only || only.includes(s);

const BASE_PORT = Number(process.env.ZX_BENCH_PORT ?? 29321);
const DATA_DIR = path.resolve(process.env.ZX_BENCH_DIR ?? path.join(ROOT, '.local/bench'));
const OUT = path.resolve(process.env.ZX_BENCH_OUT ?? path.join(ROOT, 'bench/out/dist'));
const BENCH_DIR = path.join(ROOT, 'bench');

const KB = 1024;
const MB = 1024 * 1024;
const SIZES = quick ? { E: 50, M: 5000, S: 10, N: 50_000, KBN: 50_000 } : { E: 1000, M: 100_000, S: 10, N: 1_000_000, KBN: 1_000_000 };
const ITER = quick ? 40 : 1000;
const LAT_ROUNDS = quick ? 3 : 5;
const LOAD_SECONDS = quick ? 5 : 15;
const LH_RUNS = quick ? 1 : 3;

const report = new Report({ mode: quick ? 'quick' : 'full', startedAt: new Date().toISOString() });
const log = (m) => console.log(`[bench] ${m}`);
const t0 = Date.now();

const S_STACK = 'Start-up: local stack, npm start, npm test';
const S_DB = 'Database: list queries under RLS';
const S_API = 'API: gateway versus PostgREST';
const S_KB = 'Knowledge base: listing, search, page open (database)';
const S_COMMUNITY = 'Community: feed, post page, publishing check';
const S_WEAPP = 'Mini-program (weapp) package sizes';
const S_H5 = 'H5: first load and Lighthouse (mobile)';
const S_NOTIFY = 'Notification center: queueing, claiming, inbox, worker';
const S_TRAINING = 'Training: exams and progress';
const S_ADMIN = 'Admin desk: member search (database)';

async function section(name, fn) {
  try {
    await fn();
  } catch (err) {
    console.error(`[bench] ${name} failed:`, err);
    report.fail(name, err);
  }
}

// ---------------------------------------------------------------------------------------------
// Knowledge base (issue 14): on the real kb tables, after the database section's enterprises
// ---------------------------------------------------------------------------------------------
async function kbFigures(stack) {
  const client = await db.connect(stack.env.DATABASE_URL);
  try {
    log(`generating ${SIZES.KBN} knowledge-base nodes…`);
    const gen = await kb.generate(client, SIZES, { reuse });
    const c = gen.counts;
    report.add({
      section: S_KB, name: 'kb.generate', value: gen.seconds, unit: 's', budget: null, digits: 1,
      source: `set-based SQL (bench/sql/kb-generate.sql): rows ${gen.phases.rows} s, indexes ${gen.phases.indexes} s, vacuum+analyze+checkpoint ${gen.phases.vacuum} s${gen.reused ? ' (loaded by an earlier run on this stack)' : ''}`,
      note: `${c.nodes} nodes (${c.nodes_size}), ${c.acl_nodes} set their own grants, ${c.grants} grants, depth ${c.depth}, largest enterprise ${c.largest} nodes, ${c.largest_depth} levels deep`,
    });
    const m = await kb.pickMember(client);
    report.note(S_KB, `Member measured: a member (not an admin) of the enterprise with the most nodes (${m.nodes}), reading ${m.acl.length} acl nodes. ` +
      `Folder listed: depth 4. Times are client-side statement round trips inside the member's PostgREST transaction (claims, pre-request hook).`);
    const l = await kb.measureListing(client, m, ITER);
    for (const p of ['p50', 'p95']) {
      report.add({
        section: S_KB, name: `kb.folder_listing.${p}`, value: l.member[p], unit: 'ms', reference: l.owner[p],
        budget: p === 'p50' ? 1.2 * l.owner[p] : null, budgetRule: p === 'p50' ? 'ratio ≤ 1.2' : undefined,
        source: p === 'p50' ? `${l.rows} rows; member under RLS vs owner with enterprise, folder and the member's acl nodes explicit; same rows: ${l.sameRows ? 'yes' : 'NO'}` : undefined,
      });
    }
    report.block(S_KB, 'Plans: folder listing — member under RLS', `${kb.LISTING.member}\n\n${l.plans.member}`);
    report.block(S_KB, 'Plans: folder listing — owner, no RLS', `${kb.LISTING.owner}\n\n${l.plans.owner}`);
    const s = await kb.measureSearch(client, m, Math.min(ITER, 200));
    report.add({ section: S_KB, name: 'kb.search.p95', value: s.all.p95, unit: 'ms', budget: 50, source: 'kb_search as the member, 1–4 character Chinese queries, largest enterprise, 20 results' });
    for (const len of Object.keys(kb.SEARCH_QUERIES)) {
      report.add({ section: S_KB, name: `kb.search.${len}char.p95`, value: s[len].p95, unit: 'ms', budget: null, note: `informational; p50 ${round3(s[len].p50)} ms; up to ${s[len].hits} hits; queries ${kb.SEARCH_QUERIES[len].join(' ')}` });
    }
    report.block(S_KB, 'Plan: search candidates for 绩效 — as kb_search_ids runs it (member’s read keys explicit)', s.plan);
    const ctx = await kb.measureContext(client, m, Math.min(ITER, 200));
    report.add({
      section: S_KB, name: 'kb.request_context.p50', value: ctx.kb.p50, unit: 'ms', budget: null, reference: ctx.other.p50,
      note: `informational: hooks.begin_request() once per kb_* request (gate, enterprises, then the member's grants, read keys and managed enterprises into the request context), against the same hook for another path (reference); p95 ${round3(ctx.kb.p95)} / ${round3(ctx.other.p95)} ms`,
    });
    const o = await kb.measureOpenPage(client, m, Math.min(ITER, 300));
    report.add({ section: S_KB, name: 'kb.open_page.p95', value: o.p95, unit: 'ms', budget: 10, source: `kb_open_page as the member (content, rights, counters, records the read); p50 ${round3(o.p50)} ms` });
  } finally {
    await client.end();
  }
}
const round3 = (n) => Number(n.toFixed(3));
let dbGenerated = false;

// ---------------------------------------------------------------------------------------------
// Admin desk (issue 13): the members table's search, as the admin of the largest enterprise
// ---------------------------------------------------------------------------------------------
async function adminFigures(stack) {
  const client = await db.connect(stack.env.DATABASE_URL);
  try {
    const a = await admin.pickAdmin(client);
    const s = await admin.measureSearch(client, a, Math.min(ITER, 100));
    report.add({
      section: S_ADMIN, name: 'admin.member_search.p95', value: s.p95, unit: 'ms', budget: 50,
      source: `admin_search_members as the admin, ${a.members} members, 20 a page, ${s.runs} runs over ${admin.SEARCHES.length} searches; p50 ${s.p50} ms`,
      note: `per search (hits, p95 ms): ${Object.entries(s.hits).map(([k, v]) => `${k} ${v}, ${s.p95s[k]}`).join('; ')}`,
    });
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Database: generator, hot lists as member (RLS) versus owner, plans
// ---------------------------------------------------------------------------------------------
async function databaseFigures(stack) {
  const client = await db.connect(stack.env.DATABASE_URL);
  try {
    log(`generating ${SIZES.N} posts, ${SIZES.E} enterprises, ${SIZES.M} members…`);
    const gen = await db.generate(client, SIZES, { reuse });
    dbGenerated = true;
    const genSeconds = gen.phases.rows + gen.phases.indexes + gen.phases.vacuum + gen.phases.schema;
    report.add({
      section: S_DB, name: 'db.generate', value: genSeconds, unit: 's', budget: null, digits: 1,
      source: `set-based SQL (bench/sql): rows ${gen.phases.rows} s, keys+indexes ${gen.phases.indexes} s, vacuum+analyze+checkpoint ${gen.phases.vacuum} s${gen.reused ? ' (loaded by an earlier run on this stack)' : ''}`,
      note: `${gen.counts.posts} posts (${gen.counts.posts_size}), ${gen.counts.enterprises} enterprises, ${gen.counts.members} members / ${gen.counts.memberships} memberships, ${gen.counts.spaces} spaces, ${gen.counts.space_members} private-space members`,
    });
    const member = await db.pickMember(client);
    report.note(S_DB, `Member measured: a member of the largest enterprise (${member.enterprisePosts} of its posts), in one private space; sees ${member.visibleSpaceIds.length} spaces. ` +
      `${ITER} timed runs per query after 10 warm-up runs, member and owner interleaved, on one connection; times are client-side (statement round trip).`);

    const measureAll = async (label) => {
      const out = [];
      for (const key of Object.keys(db.QUERIES)) {
        const iterations = db.QUERIES[key].fewRuns ? Math.min(ITER, 30) : ITER;
        out.push(await db.measureQuery(client, key, member, { iterations }));
      }
      return out.map((r) => ({ ...r, label }));
    };

    const product = await measureAll('product policy');
    for (const r of product) {
      for (const p of ['p50', 'p95']) {
        report.add({
          section: S_DB, name: `db.${r.key}.${p}`, value: r.member[p], unit: 'ms', reference: r.owner[p],
          budget: r.informational ? null : 1.2 * r.owner[p], budgetRule: r.informational ? undefined : 'ratio ≤ 1.2',
          source: p === 'p50' ? `${r.title}; member under RLS vs owner, same rows: ${r.sameRows ? 'yes' : `no (RLS hides posts of private spaces the member has not joined)`}` : undefined,
        });
      }
      report.block(S_DB, `Plans: ${r.title} — member under RLS`, `${r.sql.member}\n\n${r.plans.member}`);
      report.block(S_DB, `Plans: ${r.title} — owner, no RLS`, `${r.sql.owner}\n\n${r.plans.owner}`);
    }

    // The same lists under other policy forms: two helper calls (tenant clause + space clause), and
    // the tenant clause per row as private.is_member(enterprise_id).
    const variants = {
      two_helpers: 'policy with a tenant clause and a space clause (two helper calls, the gate runs twice)',
      per_row_is_member: 'policy written per row as private.is_member(enterprise_id) (a gate check per row read)',
    };
    for (const [form, label] of Object.entries(variants)) {
      await db.usePolicy(client, form === 'per_row_is_member' ? 'is_member' : form);
      for (const key of ['latest_in_enterprise', 'items_in_space']) {
        const r = await db.measureQuery(client, key, member, { iterations: Math.min(ITER, 100) });
        report.add({ section: S_DB, name: `db.${r.key}.p50.${form}`, value: r.member.p50, unit: 'ms', reference: r.owner.p50, budget: null, note: `informational: ${label}` });
        if (form === 'per_row_is_member') report.block(S_DB, `Plans: ${r.title} — member, ${label}`, r.plans.member);
      }
    }
    await db.usePolicy(client, 'product');

    // The same lists when no request context was made (direct SQL, Realtime): the helpers compute.
    for (const key of ['latest_in_enterprise', 'items_in_space']) {
      const r = await db.measureQuery(client, key, member, { iterations: Math.min(ITER, 100), context: false });
      report.add({ section: S_DB, name: `db.${r.key}.p50.without_request_context`, value: r.member.p50, unit: 'ms', reference: r.owner.p50, budget: null,
        note: 'informational: no pre-request hook ran, so each helper resolves the caller itself (the path of direct SQL and Realtime)' });
    }

    // Where the RLS time goes: one call of each helper the policy runs, as the member.
    const helperMs = await db.helperCosts(client, member, ITER);
    if (helperMs.preRequest) {
      report.add({ section: S_DB, name: 'db.request_context', value: helperMs.preRequest.ms, unit: 'ms', budget: null,
        source: `\`select ${helperMs.preRequest.name}\` as the member, p50, client round trip of \`select 1\` subtracted`,
        note: 'informational: what PostgREST\'s pre-request hook costs once per API request (resolves the gate, enterprises, admin enterprises and spaces); the statements above then read the answer' });
    }
    const fmt = (o) => Object.entries(o).map(([k, v]) => `\`${k}\` ${v.toFixed(3)} ms`).join(', ');
    report.note(S_DB, `Helper cost per call as the member (p50, client round trip of \`select 1\` subtracted): computed ${fmt(helperMs.computed)}; ` +
      `from the request context ${fmt(helperMs.fromContext)}.`);
    return member;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Community (issue 15): feed and post page under RLS on the real tables, publishing check
// ---------------------------------------------------------------------------------------------
async function communityFigures(stack, member) {
  const client = await db.connect(stack.env.DATABASE_URL);
  try {
    await community.communityFigures(client, member, { iterations: ITER, report, section: S_COMMUNITY, sizes: SIZES, reuse });
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// API: gateway versus PostgREST, then load
// ---------------------------------------------------------------------------------------------
async function apiFigures(stack, member) {
  const client = await db.connect(stack.env.DATABASE_URL);
  try {
    await db.exposeBenchSchema(client);
  } finally {
    await client.end();
  }
  await new Promise((r) => setTimeout(r, 1500)); // PostgREST reloads its config and schema cache
  const token = api.memberJwt(member.userId, stack.env.STACK_JWT_SECRET);
  const targets = api.listTargets({ env: stack.env, restPort: stack.restPort, member, token });
  const lat = await api.latencyRounds(targets, { rounds: LAT_ROUNDS, iterations: ITER });
  report.note(S_API, `List: \`GET posts?enterprise_id=eq.<largest>&order=created_at.desc&limit=20\` (Accept-Profile: bench) as the member; ` +
    `${LAT_ROUNDS} rounds of ${ITER} sequential keep-alive requests each way, interleaved; both return the same ${lat.rows} rows. ` +
    `p50 ratio per round: ${lat.ratios.map((r) => r.toFixed(3)).join(', ')}; the figure is the median round, the p95 pools all rounds.`);
  for (const p of ['p50', 'p95']) {
    report.add({
      section: S_API, name: `api.list.gateway_latency.${p}`, value: lat[p].gateway, unit: 'ms', reference: lat[p].direct,
      budget: p === 'p50' ? 1.1 * lat[p].direct : null, budgetRule: p === 'p50' ? 'ratio ≤ 1.1' : undefined,
      source: p === 'p50' ? 'gateway /rest/v1 (apikey + member JWT) vs PostgREST port directly; median of the rounds' : 'gateway vs PostgREST, all rounds pooled',
    });
  }
  const gw = await api.load(targets.gateway, { seconds: LOAD_SECONDS });
  const direct = await api.load(targets.direct, { seconds: LOAD_SECONDS });
  report.add({
    section: S_API, name: 'api.list.load.gateway_ms_per_request', value: 1000 / gw.rps, unit: 'ms', reference: 1000 / direct.rps, budget: null,
    source: `autocannon in a second process, 10 connections, ${LOAD_SECONDS} s each: gateway ${gw.rps.toFixed(0)} req/s (p50 ${gw.p50} ms, p97.5 ${gw.p97_5} ms), ` +
      `PostgREST ${direct.rps.toFixed(0)} req/s (p50 ${direct.p50} ms, p97.5 ${direct.p97_5} ms)`,
    note: 'inverse throughput (1000 / req/s) so that lower is better; informational',
  });
  report.add({ section: S_API, name: 'api.list.load.gateway_rps', value: gw.rps, unit: 'req/s', reference: direct.rps, budget: null, digits: 0, note: 'higher is better (the one exception); informational' });
}

// ---------------------------------------------------------------------------------------------
// Sizes and Lighthouse
// ---------------------------------------------------------------------------------------------
function appEnv(stack) {
  return { TARO_APP_SUPABASE_URL: stack.env.SUPABASE_URL, TARO_APP_SUPABASE_ANON_KEY: stack.env.SUPABASE_ANON_KEY };
}

async function weappFigures(stack) {
  const env = appEnv(stack);
  log('building weapp and the floor app…');
  const buildSeconds = await sizes.build({ type: 'weapp', outDir: path.join(OUT, 'weapp'), env });
  const floorSeconds = await sizes.buildFloor(path.join(OUT, 'floor-weapp'), env);
  const app = sizes.weappPackages(path.join(OUT, 'weapp'));
  const floor = sizes.weappPackages(path.join(OUT, 'floor-weapp'));
  report.add({
    section: S_WEAPP, name: 'weapp.main', value: app.main, unit: 'B', budget: 1.0 * MB, reference: floor.total, digits: 0,
    source: `production build (${buildSeconds.toFixed(0)} s); reference: bare Taro + supabase-js app (bench/floor-app) with the same config (${floorSeconds.toFixed(0)} s)`,
  });
  for (const sub of app.subpackages) report.add({ section: S_WEAPP, name: `weapp.subpackage.${sub.root}`, value: sub.bytes, unit: 'B', budget: 2 * MB, digits: 0 });
  report.add({ section: S_WEAPP, name: 'weapp.total', value: app.total, unit: 'B', budget: 30 * MB, digits: 0 });
}

async function h5Figures(stack) {
  const env = appEnv(stack);
  const dir = path.join(OUT, 'h5');
  log('building h5…');
  const buildSeconds = await sizes.build({ type: 'h5', outDir: dir, env });
  const first = sizes.h5FirstLoad(dir);
  report.add({
    section: S_H5, name: 'h5.first_load_js_gzip', value: first.js.gzip, unit: 'B', budget: 200 * KB, digits: 0,
    source: `production build (${buildSeconds.toFixed(0)} s), gzip -9 of ${first.js.files.map((f) => f.src).join(', ')} (raw ${(first.js.raw / KB).toFixed(0)} KB)`,
  });
  report.add({ section: S_H5, name: 'h5.first_load_css_gzip', value: first.css.gzip, unit: 'B', budget: null, digits: 0, note: 'informational (the issue sets no CSS budget)' });

  log('Lighthouse…');
  const server = await serveStatic(dir);
  try {
    const session = await demoSession(stack.env);
    const results = await runLighthouse({
      baseUrl: server.url, env: stack.env, session, runs: LH_RUNS,
      pages: [
        { name: 'sign-in', route: 'pages/login/index' },
        { name: 'home', route: '', signedIn: true },
      ],
    });
    for (const r of results) {
      const src = `Lighthouse ${LH_RUNS > 1 ? `median of ${r.runs} runs` : '1 run'}, mobile (simulated slow 4G, 4× CPU), FCP ${(r.fcp / 1000).toFixed(2)} s, score ${Math.round(r.score * 100)}, benchmarkIndex ${Math.round(r.benchmarkIndex)}${r.lcpElement ? `, LCP element \`${r.lcpElement}\`` : ''}`;
      report.add({ section: S_H5, name: `lighthouse.${r.name}.lcp`, value: r.lcp / 1000, unit: 's', budget: 1.5, source: src });
      if (r.tti !== null) report.add({ section: S_H5, name: `lighthouse.${r.name}.interactive`, value: r.tti / 1000, unit: 's', budget: null, note: 'informational: Lighthouse time to interactive, when the app (not the HTML shell) is up' });
      report.add({ section: S_H5, name: `lighthouse.${r.name}.tbt`, value: r.tbt, unit: 'ms', budget: null, digits: 0, note: 'informational' });
      report.add({ section: S_H5, name: `lighthouse.${r.name}.cls`, value: r.cls, unit: '', budget: null, note: 'informational' });
      if (r.name === 'home') {
        report.add({
          section: S_H5, name: 'h5.home_idle_js', value: r.scriptBytes, unit: 'B', budget: 200 * KB, digits: 0,
          source: `scripts fetched while Lighthouse loaded the signed-in home tab until it was idle (network and main thread quiet): ${r.scripts} scripts, bytes transferred (gzip), the median run's`,
        });
      }
    }
    // The same pages really throttled (applied, not simulated): informational, to tell the shell's
    // effect on a real slow phone from the simulation's estimate.
    const applied = await runLighthouse({
      baseUrl: server.url, env: stack.env, session, runs: 1, throttlingMethod: 'devtools',
      pages: [
        { name: 'sign-in', route: 'pages/login/index' },
        { name: 'home', route: '', signedIn: true },
      ],
    });
    for (const r of applied) {
      report.add({
        section: S_H5, name: `lighthouse.${r.name}.lcp_applied_throttling`, value: r.lcp / 1000, unit: 's', budget: null,
        note: `informational: Lighthouse with devtools (applied) throttling, same mobile settings, 1 run; FCP ${(r.fcp / 1000).toFixed(2)} s${r.tti !== null ? `, interactive ${(r.tti / 1000).toFixed(2)} s` : ''}`,
      });
    }
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main() {
  // Never installs (that is npm install's job); says what is missing instead.
  for (const dep of ['lighthouse', 'autocannon', 'puppeteer-core']) {
    if (!existsSync(path.join(ROOT, 'node_modules', dep))) throw new Error(`bench: node_modules/${dep} missing (npm install)`);
  }
  if (wanted('lighthouse') || wanted('start')) ensureChromium();
  ensureNginx(); // the stack's edge: the API figures measure the gateway users get from `npm start`
  mkdirSync(path.join(BENCH_DIR, 'out'), { recursive: true });
  const needStack = ['stack', 'db', 'api', 'training', 'sizes', 'lighthouse', 'notify', 'kb', 'community', 'admin'].some(wanted);
  let stack = null;
  if (needStack) {
    const envFile = option('--stack-env');
    if (envFile) stack = attachStack(path.resolve(envFile), Number(process.env.ZX_BENCH_PORT ?? BASE_PORT));
    else {
      log(`starting the bench stack on ${BASE_PORT} (${path.relative(ROOT, DATA_DIR)})…`);
      stack = await startBenchStack({ port: BASE_PORT, dataDir: DATA_DIR });
      report.add({
        section: S_STACK, name: 'stack.start', value: stack.startSeconds, unit: 's', budget: null, digits: 1,
        source: `the stack's own "started in" line, fresh data folder (initdb, bootstrap, migrations, seed, PostgREST, Deno, gateway); wall ${stack.wallSeconds.toFixed(1)} s with tsx start-up`,
      });
    }
  }
  try {
    let member = null;
    if (wanted('db') || wanted('api') || wanted('community')) await section(S_DB, async () => (member = await databaseFigures(stack)));
    if (wanted('api') && member) await section(S_API, () => apiFigures(stack, member));
    if (wanted('notify')) {
      await section(S_NOTIFY, () => notifyFigures({ env: stack.env, report, section: S_NOTIFY, iterations: ITER, members: quick ? 2000 : 20_000 }));
    }
    if (wanted('training')) {
      await section(S_TRAINING, async () => {
        const client = await db.connect(stack.env.DATABASE_URL);
        try {
          await trainingFigures({
            client, env: stack.env, iterations: quick ? 40 : 300, learners: quick ? 200 : 1000, concurrent: 200,
            add: (f) => report.add(f), note: (sec, text) => report.note(sec, text),
          });
        } finally {
          await client.end();
        }
      });
    }
    if (wanted('kb')) {
      if (!dbGenerated) {
        await section(S_DB, async () => {
          const client = await db.connect(stack.env.DATABASE_URL);
          try {
            await db.generate(client, SIZES, { reuse }); // the enterprises, departments and members the knowledge base belongs to
            dbGenerated = true;
          } finally {
            await client.end();
          }
        });
      }
      await section(S_KB, () => kbFigures(stack));
    }
    if (wanted('community') && member) await section(S_COMMUNITY, () => communityFigures(stack, member));
    if (wanted('admin')) await section(S_ADMIN, () => adminFigures(stack));
    if (wanted('sizes')) await section(S_WEAPP, () => weappFigures(stack));
    if (wanted('sizes') || wanted('lighthouse')) await section(S_H5, () => h5Figures(stack));
  } finally {
    await stack?.stop();
  }
  if (wanted('community')) await section(S_COMMUNITY, async () => community.publishCheckFigures({ report, section: S_COMMUNITY, runs: quick ? 100 : 500 }));
  if (wanted('start')) {
    await section(S_STACK, async () => {
      if (!installIsCurrent()) throw new Error('node_modules does not match package-lock.json: npm start would install first (run npm install, then the bench)');
      log('cold npm start…');
      const r = await coldStart({ stackPort: BASE_PORT + 20, h5Port: BASE_PORT + 40, dataDir: path.join(DATA_DIR, 'start') });
      report.add({
        section: S_STACK, name: 'npm_start.cold_to_usable_page', value: r.usableMs / 1000, unit: 's', budget: 30, digits: 1,
        source: `node scripts/start.mjs, fresh stack data folder, until Chromium shows the sign-in entry (URL printed at ${(r.printedMs / 1000).toFixed(1)} s, answering at ${(r.servedMs / 1000).toFixed(1)} s; its stack started in ${r.stackSeconds} s)`,
        note: 'first start after npm install: the H5 dev build caches (webpack, Taro prebundle) removed before',
      });
    });
  }
  if (wanted('test')) {
    const logFile = option('--test-log') ?? process.env.ZX_BENCH_TEST_LOG ?? path.join(ROOT, '.local/test/npm-test.log');
    const t = testDuration(logFile);
    if (t) {
      report.add({
        section: S_STACK, name: 'npm_test.duration', value: t.seconds, unit: 's', budget: null, digits: 0,
        source: `from the summary of a saved run (${path.relative(ROOT, t.file).startsWith('..') ? t.file : path.relative(ROOT, t.file)}, ${t.at}), not run by the bench`,
        note: t.missing.length ? `partial run: steps ${t.missing.join(', ')} not in that log` : 'all steps',
      });
    } else {
      report.note(S_STACK, `**npm test duration: not measured.** No saved \`npm test\` log at ${path.relative(ROOT, logFile)}; ` +
        'save one (`npm test 2>&1 | tee .local/test/npm-test.log`) or pass `--test-log FILE`. The bench does not run the test suite itself.');
    }
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average at start ${os.loadavg()[0].toFixed(2)} (machine shared)`;
  const seconds = Math.round((Date.now() - t0) / 1000);
  const partial = Boolean(only) || Boolean(option('--stack-env'));
  const dir = partial ? path.resolve(process.env.ZX_BENCH_REPORT_DIR ?? path.join(BENCH_DIR, 'out')) : BENCH_DIR;
  mkdirSync(dir, { recursive: true });
  // The findings are written once, in bench/README.md; the report carries them so it says what each fix changed.
  const readme = readFileSync(path.join(BENCH_DIR, 'README.md'), 'utf8');
  const at = readme.indexOf('## Findings the figures led to');
  if (at >= 0) report.setAppendix('What each fix changed (from bench/README.md, "Findings the figures led to")', readme.slice(at).replace(/^## .*\n/, ''));
  report.write(dir, { machine, seconds, sizes: SIZES, iterations: ITER });
  writeFileSync(path.join(partial ? dir : path.join(BENCH_DIR, 'out'), `last-${report.mode}.json`), JSON.stringify({ seconds, figures: report.figures.length }, null, 2));
  log(`wrote ${path.relative(ROOT, dir)}/report.md and report.json in ${seconds} s${partial ? ' (partial run: bench/report.* untouched)' : ''}`);
  const missed = report.missed();
  for (const f of missed) log(`over budget: ${f.name} = ${f.value} ${f.unit} (budget ${f.budget})`);
  if (report.failures.length) log(`not measured: ${report.failures.map((f) => f.section).join(', ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

