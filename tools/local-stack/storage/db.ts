// Transactions as Storage runs them: every metadata query of a request runs inside a transaction
// that first takes the caller's role and JWT claims (`set_config('role', …, true)` and the
// `request.jwt.*` settings), so `storage.objects` / `storage.buckets` RLS decides. The superuser
// variant is only used where Storage itself switches to its admin connection (bucket limits,
// public buckets, signed URLs).
import type { Pool, PoolClient } from 'pg';
import type { Caller } from './caller';
import { fromDbError } from './errors';

export interface RequestInfo {
  method: string;
  path: string;
  headers: Record<string, unknown>;
  operation: string;
}

export type Tx = PoolClient;

async function inTransaction<T>(pool: Pool, setup: (c: PoolClient) => Promise<void>, fn: (c: Tx) => Promise<T>, commit: boolean): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    await setup(client);
    const result = await fn(client);
    await client.query(commit ? 'commit' : 'rollback');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw fromDbError(e);
  } finally {
    // A connection whose rollback failed may be broken: drop it rather than reuse it.
    client.release(broken);
  }
}

function scope(caller: Caller, info: RequestInfo) {
  return async (c: PoolClient) => {
    await c.query(
      `select set_config('role', $1, true),
              set_config('request.jwt.claim.role', $1, true),
              set_config('request.jwt', $2, true),
              set_config('request.jwt.claim.sub', $3, true),
              set_config('request.jwt.claims', $4, true),
              set_config('request.headers', $5, true),
              set_config('request.method', $6, true),
              set_config('request.path', $7, true),
              set_config('storage.operation', $8, true)`,
      [
        caller.role,
        caller.jwt,
        typeof caller.claims.sub === 'string' ? caller.claims.sub : '',
        JSON.stringify(caller.claims),
        JSON.stringify(info.headers),
        info.method,
        info.path,
        info.operation,
      ],
    );
  };
}

/** Runs `fn` as the caller (RLS applies) and commits. */
export function asCaller<T>(pool: Pool, caller: Caller, info: RequestInfo, fn: (c: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, scope(caller, info), fn, true);
}

/** Runs `fn` as the caller and always rolls back: Storage's `testPermission` before moving bytes. */
export function testPermission<T>(pool: Pool, caller: Caller, info: RequestInfo, fn: (c: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, scope(caller, info), fn, false);
}

/** Runs `fn` with the service's own (superuser) connection, where Storage uses its admin role. */
export function asSuperuser<T>(pool: Pool, fn: (c: Tx) => Promise<T>): Promise<T> {
  return inTransaction(pool, async () => undefined, fn, true);
}

/** Where a route's metadata queries run: as the caller (RLS) or, where Storage does so, as admin. */
export interface Runner {
  run<T>(fn: (c: Tx) => Promise<T>): Promise<T>;
  test<T>(fn: (c: Tx) => Promise<T>): Promise<T>;
}

export function callerRunner(pool: Pool, caller: Caller, info: RequestInfo): Runner {
  return { run: (fn) => asCaller(pool, caller, info, fn), test: (fn) => testPermission(pool, caller, info, fn) };
}

export function adminRunner(pool: Pool): Runner {
  return { run: (fn) => asSuperuser(pool, fn), test: (fn) => inTransaction(pool, async () => undefined, fn, false) };
}
