import { AppError, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import type { Database } from '../../../lib/supabase/database.types';
import { onGateRefusalReport } from './gate-bridge';
import { toEnterpriseError } from './enterprise-errors';

// One door to the tenancy RPCs. Every change is an RPC (POST): the mini-programs have no PATCH,
// and the database owns the rules. Argument names are the SQL parameter names. Function and table
// names are checked against the generated types; results are typed by enterprise.types.ts (the
// shapes the screens read), so a typegen run never changes what the feature compiles against.

/** A function of the public schema (generated types: a renamed or dropped RPC fails to compile). */
export type RpcName = keyof Database['public']['Functions'];
/** A table of the public schema. */
export type TableName = keyof Database['public']['Tables'];

type Rpc = (fn: string, args?: Record<string, unknown>) => PromiseLike<{ data: unknown; error: unknown }>;

/** Calls `fn` and returns its data; throws AppError (code = server code, message = Chinese). */
export async function callRpc<T>(fn: RpcName, args: Record<string, unknown> = {}, opts: { allowNull?: boolean } = {}): Promise<T> {
  let result: { data: unknown; error: unknown };
  try {
    result = await (supabase.rpc as unknown as Rpc)(fn, args);
  } catch (failure) {
    throw onGateRefusalReport(toEnterpriseError(failure));
  }
  if (result.error) throw onGateRefusalReport(toEnterpriseError(result.error));
  if ((result.data === null || result.data === undefined) && !opts.allowNull) {
    throw new AppError('empty_response', UNKNOWN_ERROR_MESSAGE);
  }
  return result.data as T;
}

/** For `returns void` functions (PostgREST answers 204 / null). */
export async function callVoid(fn: RpcName, args: Record<string, unknown> = {}): Promise<void> {
  await callRpc<null>(fn, args, { allowNull: true });
}

/** For `returns table(...)` functions that return exactly one row. */
export async function callRow<T>(fn: RpcName, args: Record<string, unknown> = {}): Promise<T> {
  const rows = await callRpc<T[] | T>(fn, args);
  const row = Array.isArray(rows) ? rows[0] : rows;
  if (!row) throw new AppError('empty_response', UNKNOWN_ERROR_MESSAGE);
  return row;
}

type Filter = { data: unknown; error: unknown };
interface Query extends PromiseLike<Filter> {
  eq(column: string, value: unknown): Query;
  in(column: string, values: unknown[]): Query;
  order(column: string, opts?: { ascending?: boolean }): Query;
  limit(n: number): Query;
}
type From = (table: string) => { select(columns: string): Query };

/** A read of a tenancy table (GET: fine on every platform). RLS decides what comes back. */
export async function readRows<T>(table: TableName, columns: string, refine: (q: Query) => Query = (q) => q): Promise<T[]> {
  let result: Filter;
  try {
    result = await refine((supabase.from as unknown as From)(table).select(columns));
  } catch (failure) {
    throw onGateRefusalReport(toEnterpriseError(failure));
  }
  if (result.error) throw onGateRefusalReport(toEnterpriseError(result.error));
  return (result.data ?? []) as T[];
}
