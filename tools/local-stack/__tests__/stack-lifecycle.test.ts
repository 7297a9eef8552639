// `npm run stack` as a developer lives with it: data survives a restart, Ctrl-C/SIGTERM stops every
// child, a hard-killed node leaves no postgres/postgrest/deno behind, `--reset-only` wipes data.
// Runs the real CLI in a child process on its own ports (31521+), separate from the shared test stack.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../../..');
// Below Linux's ephemeral range (32768–60999): outgoing connections of the suites running alongside
// can never hold one of these ports when the stack binds them.
const BASE_PORT = 31521;
const PORTS = [BASE_PORT, BASE_PORT + 1, BASE_PORT + 8, BASE_PORT + 9];
let dataDir: string;

function startCli(args: string[] = []): { child: ChildProcess; ready: Promise<void> } {
  // node --import tsx: one process, so SIGKILL hits the stack's own process (no wrapper between).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/local-stack/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, STACK_PORT: String(BASE_PORT), STACK_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      if (/Stack ready/.test(out)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`stack exited (${code}) before ready:\n${out}`)));
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

async function openPorts(): Promise<number[]> {
  const open = await Promise.all(PORTS.map(portOpen));
  return PORTS.filter((_, i) => open[i]);
}

/** Processes whose command line names our data folder or ports (postgres, postgrest, deno). */
function leftovers(): string[] {
  const hits: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd = '';
    let env = '';
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
    } catch {
      continue; // gone, or not ours to read
    }
    if (cmd.includes(dataDir) || env.includes(`PGRST_SERVER_PORT=${BASE_PORT + 8}\0`) || env.includes(`FUNCTIONS_PORT=${BASE_PORT + 9}\0`)) {
      hits.push(`${pid}: ${cmd}`);
    }
  }
  return hits;
}

async function eventually(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function query(text: string): Promise<Array<Record<string, unknown>>> {
  const c = new Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${BASE_PORT + 1}/postgres` });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-stack-lifecycle-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('local stack lifecycle', () => {
  it('keeps data across restarts and stops every child on SIGTERM', async () => {
    const first = startCli(['--reset']);
    await first.ready;
    const env = fs.readFileSync(path.join(dataDir, 'stack.env'), 'utf8');
    expect(env).toContain(`SUPABASE_URL=http://127.0.0.1:${BASE_PORT}`);
    for (const key of ['SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'DATABASE_URL', 'STACK_JWT_SECRET']) expect(env).toContain(`${key}=`);
    await query(`create table public.lifecycle_check (note text); insert into public.lifecycle_check values ('kept')`);
    first.child.kill('SIGTERM');
    await exited(first.child);
    expect(await openPorts()).toEqual([]);
    expect(leftovers()).toEqual([]);

    const second = startCli();
    await second.ready;
    expect(await query('select note from public.lifecycle_check')).toEqual([{ note: 'kept' }]);
    const health = await fetch(`http://127.0.0.1:${BASE_PORT}/health`);
    expect(health.status).toBe(200);

    // A hard kill gives node no chance to clean up: the kernel's parent-death signal must.
    second.child.kill('SIGKILL');
    await exited(second.child);
    expect(await eventually(async () => (await openPorts()).length === 0)).toBe(true);
    expect(await eventually(() => leftovers().length === 0)).toBe(true);
  }, 120_000);

  it('--reset-only wipes the data folder and exits', async () => {
    fs.mkdirSync(path.join(dataDir, 'db'), { recursive: true });
    const run = startCli(['--reset-only']);
    run.ready.catch(() => undefined); // it exits without ever being "ready"
    await exited(run.child);
    expect(run.child.exitCode).toBe(0);
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 30_000);
});
