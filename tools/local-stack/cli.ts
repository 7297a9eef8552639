// `npm run stack`: the local Supabase stand-in in the foreground (Ctrl-C stops it and every child).
// `npm run stack:reset` (--reset-only): wipe the data folder and exit. `--reset`: wipe, then start.
// Ports: STACK_PORT (gateway; the rest follow it), data: STACK_DATA_DIR (default .local/).
import { loadStackConfig } from './config';
import { startStack, wipeDataDir, type RunningStack } from './stack';
import { stopAllChildren } from './children';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (args.has('--help') || args.has('-h')) {
    console.log('usage: tsx tools/local-stack/cli.ts [--reset | --reset-only]\nenv: STACK_PORT, STACK_DATA_DIR, DATABASE_URL');
    return;
  }
  if (args.has('--reset-only')) {
    const { dataDir } = loadStackConfig();
    wipeDataDir(dataDir);
    console.log(`Removed ${dataDir}`);
    return;
  }

  // A holder, not a `let`: the signal handlers below exist before the stack does.
  const running: { stack?: RunningStack } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping local stack…');
    // Before startStack returns there is no stack object yet: stop whatever children it spawned.
    await (running.stack ? running.stack.stop() : stopAllChildren()).catch((e) => console.error(e));
    process.exit(code);
  };
  // Installed before starting, so Ctrl-C during a slow first start still cleans up.
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  process.on('uncaughtException', (e) => {
    console.error(e);
    void shutdown(1);
  });

  const stack = await startStack({ reset: args.has('--reset') });
  running.stack = stack;
  if (stopping) return void (await stack.stop());
  const { config, timings } = stack;
  const lines = [
    '',
    `Stack ready: the local Supabase stand-in started in ${(timings.total / 1000).toFixed(1)} s.`,
    '',
    `  API URL           ${config.apiUrl}`,
    `  REST              ${config.apiUrl}/rest/v1`,
    `  Auth              ${config.apiUrl}/auth/v1`,
    `  Storage           ${config.apiUrl}/storage/v1`,
    `  Functions         ${config.apiUrl}/functions/v1/<name>`,
    `  SMS outbox        ${config.apiUrl}/__local/sms?phone=+86…   (local only)`,
    `  Database URL      ${config.databaseUrl}`,
    `  anon key          ${config.anonKey}`,
    `  service_role key  ${config.serviceRoleKey}`,
    `  JWT secret        ${config.jwtSecret}`,
    '',
    `  Env file          ${config.dataDir}/stack.env`,
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
