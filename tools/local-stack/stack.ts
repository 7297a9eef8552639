// Starts the whole local Supabase stand-in: Postgres → bootstrap + migrations + seed → PostgREST →
// Deno functions → gateway. Stops in reverse order. Every child is tied to this process (see
// children.ts) so a crash of node never leaves postgres/postgrest/deno holding ports.
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { loadStackConfig, type StackConfig } from './config';
import { startPostgres } from './postgres';
import { applyBootstrap, pushIsNoop, pushMigrations } from './schema';
import { startPostgrest } from './postgrest';
import { startFunctions } from './functions-runner';
import { startGateway } from './gateway';
import { startJobs } from './jobs';
import { seedDemoFiles } from './seed-files';

export interface StartStackOptions {
  dataDir?: string;
  basePort?: number;
  databaseUrl?: string;
  /** wipe dataDir first (fresh database) */
  reset?: boolean;
  quiet?: boolean;
}

export interface RunningStack {
  config: StackConfig;
  pool: Pool;
  /** milliseconds per phase, for start-time reports */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export function wipeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export function writeStackEnv(config: StackConfig): string {
  const file = path.join(config.dataDir, 'stack.env');
  const lines = [
    `SUPABASE_URL=${config.apiUrl}`,
    `SUPABASE_ANON_KEY=${config.anonKey}`,
    `SUPABASE_SERVICE_ROLE_KEY=${config.serviceRoleKey}`,
    `DATABASE_URL=${config.databaseUrl}`,
    `STACK_JWT_SECRET=${config.jwtSecret}`,
  ];
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export async function startStack(opts: StartStackOptions = {}): Promise<RunningStack> {
  const config = loadStackConfig(opts);
  const log = opts.quiet ? () => undefined : (m: string) => console.log(`[stack] ${m}`);
  if (opts.reset) wipeDataDir(config.dataDir);
  fs.mkdirSync(config.dataDir, { recursive: true });
  // As root, Postgres runs as user `postgres` and must be able to pass through this folder.
  if (process.getuid?.() === 0) fs.chmodSync(config.dataDir, fs.statSync(config.dataDir).mode | 0o711);

  const timings: Record<string, number> = {};
  const t0 = Date.now();
  let last = t0;
  const mark = (phase: string) => {
    const now = Date.now();
    timings[phase] = now - last;
    last = now;
  };
  // Stop what already started if a later phase fails, so a failed start leaks nothing.
  const stops: Array<() => Promise<void>> = [];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((e) => log(`stop failed: ${String(e)}`));
    }
  };

  try {
    if (!config.externalDb) {
      const pg = await startPostgres({ dataDir: path.join(config.dataDir, 'db'), port: config.ports.db, log });
      stops.push(() => pg.stop());
      mark('postgres');
    }
    const pool = new Pool({ connectionString: config.databaseUrl, max: 20 });
    // An idle client dropped by a server restart must not crash the process. (Ctrl-C reaches
    // postgres too — same process group — so drops during shutdown are expected, not news.)
    pool.on('error', (e) => stopping || log(`pg pool: ${e.message}`));
    stops.push(() => pool.end());

    await applyBootstrap(pool);
    mark('bootstrap');
    if (!(await pushIsNoop(pool))) {
      const pushed = await pushMigrations(config.databaseUrl, { SEND_SMS_HOOK_SECRET: config.smsHookSecret });
      log(pushed.split('\n').filter((l) => /Applying|Seeding|up to date/i.test(l)).join('\n'));
    }
    mark('migrations');

    const rest = await startPostgrest(config, log);
    stops.push(() => rest.stop());
    await pool.query(`notify pgrst, 'reload schema'`);
    mark('postgrest');

    const functions = await startFunctions(config, log);
    stops.push(() => functions.stop());
    mark('functions');

    const gateway = await startGateway({ config, pool, log });
    stops.push(() => gateway.stop());
    mark('gateway');

    // Seeds are SQL only: the bytes of the knowledge-base demo files go through Storage once it is up.
    // A failure leaves the demo without its files but the stack usable, so it is reported, not fatal.
    await seedDemoFiles(config, pool, log).catch((e) => log(`demo files not uploaded: ${e instanceof Error ? e.message : String(e)}`));
    mark('demo-files');

    const jobs = startJobs(config, pool, log);
    stops.push(() => jobs.stop());

    writeStackEnv(config);
    timings.total = Date.now() - t0;
    log(`stack ready in ${timings.total} ms at ${config.apiUrl}`);
    return { config, pool, timings, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
