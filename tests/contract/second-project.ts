// A second auth stand-in "project" in the test process, on the stack's database, with its own
// settings and its own project-wide SMS budget. Hosted GoTrue counts SMS for the whole project, so
// exhausting the shared stack's budget would fail every other test file running meanwhile; a
// project of its own lets a test spend a small budget deterministically. Local only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import { Pool } from 'pg';
import { loadStackConfig } from '../../tools/local-stack/config';
import { createAuthService } from '../../tools/local-stack/auth/service';
import { loadAuthSettings, type AuthSettings } from '../../tools/local-stack/auth/settings';
import { getStack } from './auth-support';

export interface SecondProject {
  /** base URL of its /auth/v1 (no gateway in front: no apikey needed) */
  authUrl: string;
  projectRef: string;
  settings: AuthSettings;
  close(): Promise<void>;
}

export async function startSecondProject(tune: (s: AuthSettings) => AuthSettings): Promise<SecondProject> {
  const stack = getStack();
  const config = loadStackConfig({ basePort: Number(new URL(stack.url).port), databaseUrl: stack.databaseUrl });
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  const settings = tune(loadAuthSettings());
  const projectRef = `contract-${crypto.randomUUID()}`;
  const service = createAuthService({ config, pool, log: () => undefined }, { settings, projectRef });
  const server = http.createServer((req, res) => {
    void service.handle(req, res, (req.url ?? '/').replace(/^\/auth\/v1/, '') || '/');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    authUrl: `http://127.0.0.1:${port}/auth/v1`,
    projectRef,
    settings,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
