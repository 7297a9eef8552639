// The contract between the gateway and the services mounted under it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { StackConfig } from './config';

export interface ServiceContext {
  config: StackConfig;
  /** superuser pool; services switch role per transaction (`set local role …`) where RLS must decide */
  pool: Pool;
  log: (msg: string) => void;
}

/**
 * A mounted service. `path` is the request path with the mount prefix removed
 * (e.g. `/token` for `/auth/v1/token`), query string included.
 * The gateway has already answered CORS preflights, checked `apikey`, and set CORS headers.
 */
export interface MountedService {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  close?(): Promise<void>;
}
