// `npm test`: everything, from a fresh clone. Each step reports passed/failed counts; the last
// line is the plain `N passed, N failed` that CI reads.
//   node scripts/test.mjs [--only step,step] [--skip step,step]
// Steps: typecheck lint unit stack integration deno build-h5 build-weapp build-qywx size e2e weapp
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ensureChromium, ensureNginx, ensureNodeModules } from './bootstrap.mjs';
import { BIN, ROOT, readEnvFile, run, startDaemon, stopDaemon } from './lib/proc.mjs';

const args = process.argv.slice(2);
const listArg = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1].split(',') : null);
const only = listArg('--only');
const skip = listArg('--skip') ?? [];
const wanted = (step) => (!only || only.includes(step)) && !skip.includes(step);

// Below Linux's ephemeral port range (32768–60999): a port there can be held by any outgoing
// connection of the suites at the moment the stack binds it.
const TEST_PORT = Number(process.env.ZX_TEST_PORT ?? 31321);
// Every browser and simulator sign-in comes from 127.0.0.1 and shares one per-IP budget; the shared
// test stack gets a larger one (GoTrue's own env names). The rate-limit tests read the same values.
// The SMS budget is project-wide (as on hosted): one integration run sends ~185 SMS, plus e2e/weapp.
process.env.GOTRUE_RATE_LIMIT_SMS_SENT ??= '1000';
process.env.GOTRUE_RATE_LIMIT_OTP ??= '120';
const TEST_DIR = path.join(ROOT, '.local/test');
const STACK_ENV = path.join(TEST_DIR, 'stack.env');
const results = [];
const failures = []; // { step, title, message }: repeated just above the summary, which is all a CI log tail may show
const started = Date.now();

function record(step, passed, failed, ms) {
  results.push({ step, passed, failed, ms });
  const mark = failed ? 'FAIL' : 'ok';
  console.log(`\n[test] ${mark} ${step}: ${passed} passed, ${failed} failed (${(ms / 1000).toFixed(1)} s)\n`);
}

/** A step that is one check: exit code 0 passes. */
async function check(step, cmd, cmdArgs, opts = {}) {
  if (!wanted(step)) return;
  const t = Date.now();
  const { code, out } = await run(cmd, cmdArgs, { prefix: `[${step}] `, ...opts });
  // Quiet steps (builds: their progress bars would bury the log) show their tail only on failure.
  if (code !== 0 && opts.quiet) console.log(out.split('\n').slice(-80).join('\n'));
  if (code !== 0) failures.push({ step, title: `exited with ${code}`, message: stripVTControlCharacters(out).split('\n').filter((l) => l.trim()).slice(-12).join('\n') });
  record(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1, Date.now() - t);
}

/** A jest project: counts come from its JSON report. */
async function jest(step, project, extra = [], env = {}) {
  if (!wanted(step)) return;
  const t = Date.now();
  const out = path.join(TEST_DIR, `jest-${step}.json`);
  rmSync(out, { force: true });
  const { code } = await run(BIN('jest'), ['--selectProjects', project, '--json', `--outputFile=${out}`, ...extra], {
    prefix: `[${step}] `,
    env: { ZX_STACK_ENV: STACK_ENV, ...env },
  });
  if (!existsSync(out)) return record(step, 0, 1, Date.now() - t);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that fails to load has no test results; count it as a failure.
  const broken = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  const failed = r.numFailedTests + broken + (code !== 0 && r.numFailedTests + broken === 0 ? 1 : 0);
  collectFailures(step, r, code);
  record(step, r.numPassedTests, failed, Date.now() - t);
}

/** Failed tests, and suites that failed outside any test (a hook, a load error), from a jest JSON report. */
function collectFailures(step, report, code) {
  const firstLines = (text) => stripVTControlCharacters(String(text ?? '')).split('\n').filter((l) => l.trim()).slice(0, 12).join('\n');
  for (const suite of report.testResults) {
    const file = path.relative(ROOT, suite.name);
    for (const a of suite.assertionResults) {
      if (a.status === 'failed') failures.push({ step, title: `${file} › ${a.fullName}`, message: firstLines(a.failureMessages?.join('\n')) });
    }
    if (suite.status === 'failed' && !suite.assertionResults.some((a) => a.status === 'failed')) {
      failures.push({ step, title: `${file} (outside any test)`, message: firstLines(suite.message || suite.failureMessage) });
    }
  }
  if (code !== 0 && !failures.some((f) => f.step === step)) failures.push({ step, title: `jest exited with ${code}`, message: '' });
}

// Functions whose npm packages are not in package.json (Deno resolves the others from node_modules
// here): their tests run as the stack runs the functions, with supabase/functions/deno.json, which
// fetches `npm:` specifiers from the npm registry into Deno's cache.
const DENO_REGISTRY_DIRS = ['supabase/functions/kb-pdf'];

async function denoTest() {
  if (!wanted('deno')) return;
  const t = Date.now();
  let passed = 0;
  let failed = 0;
  for (const args of [
    [...DENO_REGISTRY_DIRS.map((d) => `--ignore=${d}`), 'supabase/functions'],
    ['--config', 'supabase/functions/deno.json', ...DENO_REGISTRY_DIRS],
  ]) {
    const { code, out } = await run(BIN('deno'), ['test', '--allow-net', '--allow-env', '--allow-read', ...args], {
      prefix: '[deno] ',
      env: { NO_COLOR: '1' },
    });
    const m = /(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(out);
    passed += m ? Number(m[1]) : 0;
    failed += m ? Number(m[2]) + (code !== 0 && m[2] === '0' ? 1 : 0) : 1;
  }
  record('deno', passed, failed, Date.now() - t);
}

async function startTestStack() {
  rmSync(TEST_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DIR, { recursive: true });
  const t = Date.now();
  const daemon = startDaemon(BIN('tsx'), ['tools/local-stack/cli.ts'], {
    // No background jobs: suites assert what holds before a job runs (tools/local-stack/jobs.ts).
    env: { STACK_PORT: String(TEST_PORT), STACK_DATA_DIR: TEST_DIR, DATABASE_URL: process.env.ZX_TEST_DATABASE_URL ?? '', STACK_JOBS_SECONDS: '0' },
    ready: /stack (is )?ready|Stack ready|ready on/i,
    prefix: '[stack] ',
    timeoutMs: 240_000,
  });
  try {
    await daemon.ready;
    if (!existsSync(STACK_ENV)) throw new Error(`stack started but wrote no ${STACK_ENV}`);
    record('stack', 1, 0, Date.now() - t);
    return daemon;
  } catch (err) {
    console.error(String(err));
    record('stack', 0, 1, Date.now() - t);
    await stopDaemon(daemon.child);
    return null;
  }
}

async function main() {
  ensureNodeModules();
  const needBrowser = wanted('e2e');
  if (needBrowser) ensureChromium();

  const needStack = ['integration', 'e2e', 'weapp', 'build-h5', 'build-weapp'].some(wanted);
  if (needStack) ensureNginx(); // the stack's edge, as `npm start` runs it (optional: Node gateway alone without)
  const stackPromise = needStack ? startTestStack() : Promise.resolve(null);

  await check('typecheck', BIN('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  await check('lint', BIN('eslint'), ['.', '--max-warnings=0']);
  await jest('unit', 'unit');

  const stack = await stackPromise;
  const env = readEnvFile(STACK_ENV);
  const appEnv = {
    TARO_APP_SUPABASE_URL: env.SUPABASE_URL ?? `http://127.0.0.1:${TEST_PORT}`,
    TARO_APP_SUPABASE_ANON_KEY: env.SUPABASE_ANON_KEY ?? '',
    TARO_APP_LOCAL_STACK: 'true',
  };
  try {
    // One stack serves every integration file; the files are independent (random phones, unique names).
    if (stack) await jest('integration', 'integration', ['--maxWorkers=2']);
    await denoTest();
    await check('build-h5', BIN('taro'), ['build', '--type', 'h5'], { env: { NODE_ENV: 'production', ...appEnv }, quiet: true });
    await check('build-weapp', BIN('taro'), ['build', '--type', 'weapp'], { env: { NODE_ENV: 'production', ...appEnv }, quiet: true });
    await check('build-qywx', BIN('taro'), ['build', '--type', 'qywx'], { env: { NODE_ENV: 'production', ...appEnv }, quiet: true });
    await check('size', process.execPath, ['scripts/size.mjs']);
    if (stack) {
      await jest('e2e', 'e2e', ['--runInBand']);
      await jest('weapp', 'weapp', ['--runInBand']);
    }
  } finally {
    if (stack) await stopDaemon(stack.child, 'SIGINT', 20_000);
  }

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (failures.length) {
    console.log('\n[test] failures');
    for (const f of failures) console.log(`  ${f.step}: ${f.title}\n${f.message.replace(/^/gm, '      ')}`);
  }
  console.log('\n[test] summary');
  for (const r of results) console.log(`  ${r.failed ? 'FAIL' : 'ok  '} ${r.step.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
