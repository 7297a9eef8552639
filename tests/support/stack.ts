// Integration tests reach the live local stack described by the env file named in ZX_STACK_ENV
// (scripts/test.mjs starts one stack for the whole run and sets it).
import fs from 'node:fs';
import path from 'node:path';

export interface TestStack {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  databaseUrl: string;
  jwtSecret: string;
}

let cached: TestStack | undefined;

export function parseEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return out;
}

export function getStack(): TestStack {
  if (cached) return cached;
  const file = process.env.ZX_STACK_ENV ?? path.resolve(__dirname, '../../.local/test/stack.env');
  if (!fs.existsSync(file)) {
    throw new Error(`No stack env at ${file}. Run tests through \`npm test\`, or start a stack and set ZX_STACK_ENV.`);
  }
  const env = parseEnvFile(file);
  cached = {
    url: env.SUPABASE_URL,
    anonKey: env.SUPABASE_ANON_KEY,
    serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
    databaseUrl: env.DATABASE_URL,
    jwtSecret: env.STACK_JWT_SECRET,
  };
  return cached;
}
