// The one door from the knowledge-base feature to the API: RPCs (POST) and RLS reads. Swapped for
// the shared data layer (src/lib/data) when it lands; the service above it does not change.
import { AppError, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import { kbError } from './kb-errors';

type Result = { data: unknown; error: unknown };
type Rpc = (fn: string, args?: Record<string, unknown>) => PromiseLike<Result>;

export async function rpc<T>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
  let result: Result;
  try {
    result = await (supabase.rpc as unknown as Rpc)(fn, args);
  } catch (failure) {
    throw kbError(failure);
  }
  if (result.error) throw kbError(result.error);
  return result.data as T;
}

export interface Filters {
  eq?: Record<string, unknown>;
  isNull?: string[];
  order?: Array<[string, boolean]>;
  limit?: number;
}

export async function read<T>(table: string, columns: string, f: Filters = {}): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table name is checked by the service's callers, rows typed by kb.types
  let q: any = (supabase.from as any)(table).select(columns);
  for (const [k, v] of Object.entries(f.eq ?? {})) q = q.eq(k, v);
  for (const k of f.isNull ?? []) q = q.is(k, null);
  for (const [k, asc] of f.order ?? []) q = q.order(k, { ascending: asc });
  if (f.limit) q = q.limit(f.limit);
  let result: Result;
  try {
    result = await q;
  } catch (failure) {
    throw kbError(failure);
  }
  if (result.error) throw kbError(result.error);
  if (!Array.isArray(result.data)) throw new AppError('empty_response', UNKNOWN_ERROR_MESSAGE);
  return result.data as T[];
}
