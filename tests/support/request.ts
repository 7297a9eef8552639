// A transaction opened the way PostgREST opens an API request (claims, request path, role, then the
// pre-request hook), for tests of the request context: they change what the context depends on
// inside the same transaction and read under RLS as the caller. Rolled back at the end.
import { Client } from 'pg';
import { getStack } from './stack';

export type Q = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface RequestOptions {
  /** PostgREST's request.path, e.g. '/rpc/kb_search' (the hook resolves module contexts by path) */
  path?: string;
  /** false: no pre-request hook, as for direct SQL and Realtime (the helpers resolve the caller themselves) */
  hook?: boolean;
}

export async function inRequestOf<T>(userId: string, work: (q: Q) => Promise<T>, { path, hook = true }: RequestOptions = {}): Promise<T> {
  const c = new Client({ connectionString: getStack().databaseUrl });
  await c.connect();
  const q: Q = async (text, params = []) => (await c.query(text, params)).rows;
  try {
    await q('begin');
    await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
    if (path !== undefined) await q(`select set_config('request.path', $1, true)`, [path]);
    await q('set local role authenticated');
    if (hook) await q('select hooks.begin_request()');
    return await work(q);
  } finally {
    await c.query('rollback').catch(() => undefined);
    await c.end();
  }
}

/** A change made by the server in the caller's transaction (an RPC would make it as the owner). */
export async function asOwner(q: Q, text: string, params: unknown[]): Promise<void> {
  await q('reset role');
  await q(text, params);
  await q('set local role authenticated');
}
