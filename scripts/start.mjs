// `npm start`: from a fresh clone, install what is missing, start the local Supabase stack with
// demo data, serve the H5 app, and print the URL and demo logins. Ctrl-C stops everything.
import path from 'node:path';
import { ensureNodeModules } from './bootstrap.mjs';
import { BIN, ROOT, readEnvFile, startDaemon, stopDaemon } from './lib/proc.mjs';

const t0 = Date.now();
ensureNodeModules();

const H5_PORT = Number(process.env.H5_PORT ?? 10086);
const stackEnvFile = path.join(ROOT, '.local/stack.env');

const stack = startDaemon(BIN('tsx'), ['tools/local-stack/cli.ts'], {
  ready: /stack (is )?ready|Stack ready|ready on/i,
  prefix: '[stack] ',
  timeoutMs: 240_000,
});
const children = [stack.child];
const shutdown = async () => {
  await Promise.all(children.map((c) => stopDaemon(c, 'SIGINT', 15_000)));
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

try {
  await stack.ready;
  const env = readEnvFile(stackEnvFile);
  const h5 = startDaemon(BIN('taro'), ['build', '--type', 'h5', '--watch'], {
    env: {
      NODE_ENV: 'development',
      H5_PORT: String(H5_PORT),
      TARO_APP_SUPABASE_URL: env.SUPABASE_URL,
      TARO_APP_SUPABASE_ANON_KEY: env.SUPABASE_ANON_KEY,
      TARO_APP_LOCAL_STACK: 'true',
    },
    ready: /compiled successfully|Compiled successfully|编译成功|webpack compiled/i,
    prefix: '[h5] ',
    timeoutMs: 300_000,
    quiet: true,
  });
  children.push(h5.child);
  await h5.ready;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`
  知享 Zhixiang is running (ready in ${secs} s)

  H5 app          http://127.0.0.1:${H5_PORT}/
  Supabase API    ${env.SUPABASE_URL}   (keys in .local/stack.env)
  SMS outbox      ${env.SUPABASE_URL}/__local/sms   (local only: codes for any phone)

  Demo logins (password Zhixiang2026, or phone + the SMS code shown on the sign-in page)
    张伟  13800000001
    李娜  13800000002
    王芳  13800000003

  Ctrl-C stops everything; \`npm run stack:reset\` wipes local data.
`);
} catch (err) {
  console.error(String(err));
  await Promise.all(children.map((c) => stopDaemon(c)));
  process.exit(1);
}
