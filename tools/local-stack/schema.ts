// Brings a database to the shape a Supabase project has: platform bootstrap SQL first (what
// Supabase ships before any migration), then our migrations and seed through the real Supabase CLI,
// so the same files deploy to a real project with `supabase db push`.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { REPO_ROOT } from './config';

const BOOTSTRAP_DIR = path.join(__dirname, 'bootstrap');

export async function applyBootstrap(pool: Pool): Promise<string[]> {
  const files = fs
    .readdirSync(BOOTSTRAP_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const file of files) {
    const sql = fs.readFileSync(path.join(BOOTSTRAP_DIR, file), 'utf8');
    try {
      await pool.query(sql);
    } catch (e) {
      throw new Error(`bootstrap ${file} failed: ${(e as Error).message}`);
    }
  }
  return files;
}

/**
 * True when the CLI would have nothing to do: every migration file's version is recorded in
 * supabase_migrations.schema_migrations and seed.sql's hash in seed_files (both written by the CLI).
 * Skipping the CLI then saves ~1.5 s of every warm start; any change still goes through the CLI.
 */
export async function pushIsNoop(pool: Pool): Promise<boolean> {
  const dir = path.join(REPO_ROOT, 'supabase', 'migrations');
  const versions = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /^\d+_.*\.sql$/.test(f)).map((f) => f.split('_')[0])
    : [];
  try {
    const applied = new Set(
      (await pool.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version),
    );
    if (!versions.every((v) => applied.has(v))) return false;
    for (const rel of seedFiles()) {
      const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(REPO_ROOT, rel))).digest('hex');
      const seeded = await pool.query('select 1 from supabase_migrations.seed_files where path = $1 and hash = $2', [rel, hash]);
      if (seeded.rowCount !== 1) return false;
    }
    return true;
  } catch {
    return false; // no migration history yet: a fresh database
  }
}

/** The seed files config.toml lists (`supabase/seed.sql`, then `supabase/seeds/*.sql` in name order), repo-relative. */
export function seedFiles(): string[] {
  const seedDir = path.join(REPO_ROOT, 'supabase', 'seeds');
  const modules = fs.existsSync(seedDir) ? fs.readdirSync(seedDir).filter((f) => f.endsWith('.sql')).sort() : [];
  return [
    ...(fs.existsSync(path.join(REPO_ROOT, 'supabase', 'seed.sql')) ? ['supabase/seed.sql'] : []),
    ...modules.map((f) => `supabase/seeds/${f}`),
  ];
}

function supabaseBin(): string {
  return path.join(REPO_ROOT, 'node_modules', '.bin', 'supabase');
}

/**
 * `supabase db push --db-url … --include-all --include-seed`: applies migrations missing from
 * supabase_migrations.schema_migrations, and the seed files of config.toml the CLI has not applied
 * yet (it records them by hash in supabase_migrations.seed_files). So the seed runs once on a fresh
 * database and again only if seed.sql changes — which is why seed.sql must be re-runnable.
 */
export function pushMigrations(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const args = ['db', 'push', '--db-url', withSslDisabled(databaseUrl), '--include-all', '--include-seed', '--yes'];
  return new Promise((resolve, reject) => {
    execFile(
      supabaseBin(),
      args,
      {
        cwd: REPO_ROOT,
        timeout: 180_000,
        maxBuffer: 10 * 1024 * 1024,
        // no telemetry or update checks from a dev tool run at every start
        // extraEnv: values config.toml reads with env(…); the CLI validates them even for db push
        env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', SUPABASE_YES: '1', ...extraEnv },
      },
      (err, stdout, stderr) => {
        const out = `${stdout}\n${stderr}`.trim();
        if (err) reject(new Error(`supabase db push failed:\n${out}`));
        else resolve(out);
      },
    );
  });
}

/** Loopback servers have no TLS; saying so spares the CLI a failed TLS attempt and its warning. */
function withSslDisabled(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has('sslmode') && ['127.0.0.1', 'localhost', '::1'].includes(url.hostname)) {
    url.searchParams.set('sslmode', 'disable');
  }
  return url.toString();
}
