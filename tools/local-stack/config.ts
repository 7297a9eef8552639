// Settings of one local stack instance. `npm run stack` uses the defaults (Supabase's ports,
// data under .local/); `npm test` passes its own base port and a throwaway data folder so that
// both can run at once.
import path from 'node:path';
import { signJwt } from './jwt';

export const REPO_ROOT = path.resolve(__dirname, '../..');

// Supabase's well-known local JWT secret; the local stack is loopback-only and never holds real data.
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export interface StackPorts {
  /** the gateway: what clients call SUPABASE_URL */
  api: number;
  /** Postgres (embedded) */
  db: number;
  /** PostgREST, loopback only, behind the gateway */
  rest: number;
  /** Deno serving supabase/functions, loopback only, behind the gateway */
  functions: number;
}

export interface StackConfig {
  dataDir: string;
  ports: StackPorts;
  host: string;
  apiUrl: string;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** superuser URL; embedded Postgres or DATABASE_URL from the environment */
  databaseUrl: string;
  /** true when DATABASE_URL points at an external server we did not start */
  externalDb: boolean;
  /** Standard Webhooks secret shared by the auth service and the send-sms hook function */
  smsHookSecret: string;
  /** local mode serves /__local/* routes (SMS outbox, fake SMS provider) */
  local: true;
}

export interface StackOptions {
  dataDir?: string;
  basePort?: number;
  databaseUrl?: string;
}

export function loadStackConfig(opts: StackOptions = {}): StackConfig {
  const basePort = opts.basePort ?? Number(process.env.STACK_PORT ?? 54321);
  const dataDir = path.resolve(opts.dataDir ?? process.env.STACK_DATA_DIR ?? path.join(REPO_ROOT, '.local'));
  const host = '127.0.0.1';
  const ports: StackPorts = {
    api: basePort,
    db: basePort + 1,
    rest: basePort + 8,
    functions: basePort + 9,
  };
  const jwtSecret = process.env.STACK_JWT_SECRET ?? DEFAULT_JWT_SECRET;
  // Same payload shape as the keys the Supabase CLI prints for local development.
  const longLived = { iss: 'supabase-demo', exp: 1983812996 };
  const anonKey = signJwt({ ...longLived, role: 'anon' }, jwtSecret);
  const serviceRoleKey = signJwt({ ...longLived, role: 'service_role' }, jwtSecret);
  // An empty DATABASE_URL (as scripts pass when no external server is wanted) means embedded.
  const externalUrl = opts.databaseUrl || process.env.DATABASE_URL || undefined;
  const databaseUrl = externalUrl ?? `postgresql://postgres:postgres@${host}:${ports.db}/postgres`;
  return {
    dataDir,
    ports,
    host,
    apiUrl: `http://${host}:${ports.api}`,
    jwtSecret,
    anonKey,
    serviceRoleKey,
    databaseUrl,
    externalDb: Boolean(externalUrl),
    smsHookSecret: 'v1,whsec_' + Buffer.from('zhixiang-local-sms-hook-secret-32b').toString('base64'),
    local: true,
  };
}
