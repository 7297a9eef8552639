// The bench's own throwaway local stack (never the ports of `npm start` / `npm test`).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BIN, readEnvFile, startDaemon, stopDaemon } from '../../scripts/lib/proc.mjs';

/** Starts tools/local-stack on `port` with a wiped `dataDir`; resolves once it is ready. */
export async function startBenchStack({ port, dataDir, wipe = true }) {
  if (wipe) rmSync(dataDir, { recursive: true, force: true });
  const t = Date.now();
  const daemon = startDaemon(BIN('tsx'), ['tools/local-stack/cli.ts'], {
    env: { STACK_PORT: String(port), STACK_DATA_DIR: dataDir, DATABASE_URL: '' },
    ready: /Stack ready/,
    prefix: '[bench:stack] ',
    timeoutMs: 240_000,
    quiet: true,
  });
  await daemon.ready;
  const wallMs = Date.now() - t;
  // The stack's own figure: "started in 1.8 s" (postgres → migrations → PostgREST → Deno → gateway).
  const m = /started in ([\d.]+) s/.exec(daemon.log());
  return {
    env: readEnvFile(path.join(dataDir, 'stack.env')),
    restPort: port + 8,
    startSeconds: m ? Number(m[1]) : wallMs / 1000,
    wallSeconds: wallMs / 1000,
    log: daemon.log,
    stop: () => stopDaemon(daemon.child, 'SIGINT', 20_000),
  };
}

/** An already running stack (development of the bench itself): its env file only. */
export function attachStack(envFile, port) {
  return { env: readEnvFile(envFile), restPort: port + 8, startSeconds: null, stop: async () => {} };
}
