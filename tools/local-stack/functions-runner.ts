// Runs real Deno on supabase/functions through the router in functions/main.ts, with the env
// Supabase gives edge functions (plus supabase/functions/.env[.local] like `supabase functions serve`).
import fs from 'node:fs';
import path from 'node:path';
import type { StackConfig } from './config';
import { REPO_ROOT } from './config';
import { LOCAL_NOTICE_TEMPLATE_ID, LOCAL_TENCENT_SECRET_ID, LOCAL_TENCENT_SECRET_KEY } from './local-sms';
import { LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET, LOCAL_WECOM_CORP_ID, LOCAL_WECOM_AGENT_ID, LOCAL_WECOM_CORP_SECRET, LOCAL_WECHAT_PUSH_TOKEN } from './local-wechat';
import { portOpen, spawnManaged, waitUntil } from './children';

export interface FunctionsHandle {
  stop(): Promise<void>;
}

const FUNCTIONS_DIR = path.join(REPO_ROOT, 'supabase', 'functions');

export function denoBin(): string {
  const candidates = [
    path.join(REPO_ROOT, 'node_modules', 'deno', 'deno'),
    path.join(REPO_ROOT, 'node_modules', '@deno', `${process.platform}-${process.arch}-glibc`, 'deno'),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('deno binary not found in node_modules; run npm install');
  return found;
}

/** KEY=VALUE lines; `#` comments; optional surrounding quotes. Enough for function secrets. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(raw);
    if (!m) continue;
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function secretsFromFiles(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const f of ['.env', '.env.local']) {
    const file = path.join(FUNCTIONS_DIR, f);
    if (fs.existsSync(file)) Object.assign(env, parseDotenv(fs.readFileSync(file, 'utf8')));
  }
  return env;
}

export function functionsEnv(config: StackConfig): Record<string, string> {
  return {
    SUPABASE_URL: config.apiUrl,
    SUPABASE_ANON_KEY: config.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
    SUPABASE_DB_URL: config.databaseUrl,
    SEND_SMS_HOOK_SECRET: config.smsHookSecret,
    // local mode: the gateway's fake Tencent endpoint, which checks signatures with these
    SMS_API_BASE_URL: `${config.apiUrl}/__local/sms-provider`,
    TENCENT_SMS_SECRET_ID: LOCAL_TENCENT_SECRET_ID,
    TENCENT_SMS_SECRET_KEY: LOCAL_TENCENT_SECRET_KEY,
    TENCENT_SMS_NOTICE_TEMPLATE_ID: LOCAL_NOTICE_TEMPLATE_ID,
    // local mode: the gateway's fake WeChat / WeCom server APIs, which check these credentials
    WECHAT_API_BASE_URL: `${config.apiUrl}/__local/wechat`,
    WECHAT_APP_ID: LOCAL_WECHAT_APP_ID,
    WECHAT_APP_SECRET: LOCAL_WECHAT_APP_SECRET,
    WECHAT_PUSH_TOKEN: LOCAL_WECHAT_PUSH_TOKEN,
    WECOM_API_BASE_URL: `${config.apiUrl}/__local/wecom`,
    WECOM_CORP_ID: LOCAL_WECOM_CORP_ID,
    WECOM_CORP_SECRET: LOCAL_WECOM_CORP_SECRET,
    WECOM_AGENT_ID: String(LOCAL_WECOM_AGENT_ID),
    ...secretsFromFiles(),
  };
}

export async function startFunctions(config: StackConfig, log: (m: string) => void): Promise<FunctionsHandle> {
  const env = {
    // Inherited: HOME/DENO_DIR (module cache, so npm: downloads happen once per machine) and the
    // CA/proxy settings some networks need for Deno to reach the npm registry.
    ...process.env,
    NO_COLOR: '1',
    DENO_NO_UPDATE_CHECK: '1',
    FUNCTIONS_PORT: String(config.ports.functions),
    ...functionsEnv(config),
  };
  const args = [
    'run',
    '--config', path.join(FUNCTIONS_DIR, 'deno.json'),
    '--allow-net', '--allow-env', '--allow-read',
    path.join(__dirname, 'functions', 'main.ts'),
  ];
  // Functions' console output (and load errors) belongs in the stack's log, as with `supabase functions serve`.
  const child = spawnManaged(denoBin(), args, { env: env as unknown as NodeJS.ProcessEnv, cwd: REPO_ROOT }, 'SIGTERM', (line) =>
    log(`functions: ${line}`),
  );
  // The router imports every function first (npm downloads on a cold cache), so allow time.
  await waitUntil('deno functions', () => portOpen(config.ports.functions), child, 120_000);
  return { stop: () => child.stop('SIGTERM') };
}
