// What every storage route gets: the shared service state and the parsed request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { StackConfig } from '../config';
import { callerOf, type Caller } from './caller';
import { adminRunner, callerRunner, type RequestInfo, type Runner } from './db';
import type { DiskStore } from './disk';
import type { StorageSettings } from './settings';

export interface StorageState {
  config: StackConfig;
  pool: Pool;
  store: DiskStore;
  settings: StorageSettings;
  log: (msg: string) => void;
}

export interface Call {
  state: StorageState;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** path below /storage/v1, percent-decoded, without the query */
  path: string;
  query: URLSearchParams;
  /** e.g. `storage.object.upload` */
  operation: string;
}

export function requestInfo(call: Call): RequestInfo {
  const { authorization: _a, apikey: _k, cookie: _c, ...headers } = call.req.headers;
  return { method: call.method, path: call.path, headers, operation: call.operation };
}

/** The verified caller and a runner that executes metadata queries as that caller. */
export function asCallerOf(call: Call, allowAnonymous = false): { caller: Caller; db: Runner } {
  const caller = callerOf(call.req, call.state.config.jwtSecret, allowAnonymous);
  return { caller, db: callerRunner(call.state.pool, caller, requestInfo(call)) };
}

export function admin(call: Call): Runner {
  return adminRunner(call.state.pool);
}
