// Child processes that must never outlive the stack. Two guards: the kernel's parent-death signal
// (`setpriv --pdeathsig`, util-linux) covers a SIGKILLed node; the 'exit' hook covers normal exits.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';

const live = new Set<ChildProcess>();
const graceful = new Map<ChildProcess, ManagedChild>(); // in spawn order
let hooked = false;
let hasSetpriv: boolean | undefined;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export interface ManagedChild {
  child: ChildProcess;
  /** last lines of stdout+stderr, for error messages */
  output(): string;
  exited(): boolean;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function spawnManaged(
  cmd: string,
  args: string[],
  opts: SpawnOptions,
  deathSignal = 'SIGTERM',
  onLine?: (line: string) => void,
): ManagedChild {
  hookExit();
  if (hasSetpriv === undefined) hasSetpriv = spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;
  const child = hasSetpriv
    ? spawn('setpriv', ['--pdeathsig', deathSignal, '--', cmd, ...args], { ...opts, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  let done = false;
  let partial = '';
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-8000);
    if (!onLine) return;
    const lines = (partial + c.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', () => {
    done = true;
    live.delete(child);
    graceful.delete(child);
  });
  const managed: ManagedChild = {
    child,
    output: () => out,
    exited: () => done,
    stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000) {
      if (done) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill(signal);
      });
    },
  };
  graceful.set(child, { ...managed, stop: (_s, grace) => managed.stop(deathSignal as NodeJS.Signals, grace) });
  return managed;
}

/** Stops every live child, newest first, each with its own graceful signal (postgres: SIGINT). */
export async function stopAllChildren(): Promise<void> {
  for (const m of [...graceful.values()].reverse()) await m.stop();
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Polls `ready` until true; fails early with the child's output if it exits. */
export async function waitUntil(
  what: string,
  ready: () => Promise<boolean>,
  child: ManagedChild | undefined,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (child?.exited()) throw new Error(`${what} exited during start:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms:\n${child?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
