// Small process helpers shared by the start, test and bench scripts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const BIN = (name) => path.join(ROOT, 'node_modules/.bin', name);

/** Runs a command, streaming its output with a prefix; resolves with the exit code. */
export function run(cmd, args, { env = {}, cwd = ROOT, prefix = '', quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (stream) => (buf) => {
      const text = buf.toString();
      out += text;
      if (!quiet) stream.write(prefix ? text.replace(/^(?=.)/gm, prefix) : text);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (err) => {
      out += String(err);
      resolve({ code: 127, out });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Starts a long-running child; returns it with a promise for a line matching `ready`. */
export function startDaemon(cmd, args, { env = {}, ready, prefix = '', timeoutMs = 120_000, quiet = false }) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const isReady = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${cmd} ${args.join(' ')}\n${log.slice(-4000)}`)), timeoutMs);
    const onData = (stream) => (buf) => {
      const text = buf.toString();
      log += text;
      if (!quiet) stream.write(prefix ? text.replace(/^(?=.)/gm, prefix) : text);
      if (ready.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited with ${code} before it was ready\n${log.slice(-4000)}`));
    });
  });
  isReady.catch(() => {});
  return { child, ready: isReady, log: () => log };
}

export function stopDaemon(child, signal = 'SIGTERM', graceMs = 10_000) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export function readEnvFile(file) {
  const out = {};
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}
