// `npm start`: from a fresh clone, install what is missing, start the local Supabase stack with
// demo data, serve the H5 app, and print the URL and demo logins. Ctrl-C stops everything.
import path from 'node:path';
import { ensureNginx, ensureNodeModules } from './bootstrap.mjs';
import { BIN, ROOT, startDaemon, stopDaemon } from './lib/proc.mjs';

const t0 = Date.now();
ensureNodeModules();
ensureNginx(); // the local stack's edge in front of the gateway (optional)

const H5_PORT = Number(process.env.H5_PORT ?? 10086);
// The app needs only the stack's URL and anon key, which follow from the stack's settings (the same
// env: STACK_PORT, STACK_DATA_DIR, STACK_JWT_SECRET): so the H5 build runs while the stack starts,
// not after it (bench/README.md, "npm start").
const { tsImport } = await import('tsx/esm/api');
const { loadStackConfig } = await tsImport('../tools/local-stack/config.ts', import.meta.url);
const stackConfig = loadStackConfig();
const stackEnvFile = path.join(stackConfig.dataDir, 'stack.env');

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

const h5 = startDaemon(BIN('taro'), ['build', '--type', 'h5', '--watch'], {
  env: {
    NODE_ENV: 'development',
    H5_PORT: String(H5_PORT),
    TARO_APP_SUPABASE_URL: stackConfig.apiUrl,
    TARO_APP_SUPABASE_ANON_KEY: stackConfig.anonKey,
    TARO_APP_LOCAL_STACK: 'true',
  },
  // Taro first prebundles dependencies (its own "Compiled successfully"), then starts the dev server
  // and compiles the app: ready is the compile after the dev server's banner.
  ready: /webpack-dev-server\][\s\S]*(compiled successfully|编译成功|webpack compiled)/i,
  prefix: '[h5] ',
  timeoutMs: 300_000,
  quiet: true,
});
children.push(h5.child);

try {
  await Promise.all([stack.ready, h5.ready]);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`
  知享 Zhixiang is running (ready in ${secs} s)

  H5 app          http://127.0.0.1:${H5_PORT}/
  Supabase API    ${stackConfig.apiUrl}   (keys in ${path.relative(ROOT, stackEnvFile)})
  SMS outbox      ${stackConfig.apiUrl}/__local/sms   (local only: codes for any phone)

  Demo logins (password Zhixiang2026, or phone + the SMS code shown on the sign-in page)
    张伟  13800000001   星河科技 admin · 青禾教育 member
    李娜  13800000002   青禾教育 admin · 星河科技 member (content manager)
    王芳  13800000003   platform operator (平台运营), no enterprise
    陈静  13800000004   星河科技 member          孙丽  13800000007   远山制造 admin
    刘洋  13800000005   星河科技 member          周杰  13800000008   远山制造 member
    赵磊  13800000006   星河科技 member          吴敏  13800000009   远山制造 member
  Invitation codes: XHKJDEM8 (joins 星河科技), YSZZDEM8 (asks 远山制造 for approval)

  Ctrl-C stops everything; \`npm run stack:reset\` wipes local data.
`);
} catch (err) {
  console.error(String(err));
  await Promise.all(children.map((c) => stopDaemon(c)));
  process.exit(1);
}
