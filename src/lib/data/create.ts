import type { PostgrestError } from '@supabase/supabase-js';
import type { AppSupabaseClient } from '../supabase/client';
import type { Database } from '../supabase/database.types';
import { AppError } from '../errors/app-error';
import { mapError, messageFor, toAppError } from './errors';
import { signalGateRefusal } from './gate';
import type { ModuleMessages } from './messages';

// The data layer's three doors, on one typed Supabase client. A module binds them once with its
// message table (bind.ts); its services are plain async functions on top (docs/data-layer.md).

type PublicFunctions = Database['public']['Functions'];
type NoArgs = Record<PropertyKey, never>;
/** A function of the public schema (generated types: a renamed or dropped RPC fails to compile). */
export type RpcName = keyof PublicFunctions & string;
type GeneratedArgs<N extends RpcName> = PublicFunctions[N]['Args'];
/**
 * The named arguments of `fn`, as the generated types declare them, each also `null`: SQL passes
 * null for any argument (a root department, "no limit"), which the generator does not record.
 */
export type RpcArgs<N extends RpcName> = GeneratedArgs<N> extends NoArgs ? GeneratedArgs<N> : { [K in keyof GeneratedArgs<N>]: GeneratedArgs<N>[K] | null };
/** What `fn` returns, as the generated types declare it (jsonb functions: `Json`). */
export type RpcReturns<N extends RpcName> = PublicFunctions[N]['Returns'];
/** Arguments are optional exactly for functions that take none. */
type ArgsParam<N extends RpcName> = RpcArgs<N> extends NoArgs ? [args?: RpcArgs<N>] : [args: RpcArgs<N>];

/** The edge functions the app calls (supabase/functions/<name>). */
export type EdgeFunctionName =
  | 'account-cancel'
  | 'community-publish'
  | 'guardian'
  | 'invitation-wxacode'
  | 'kb-copy'
  | 'kb-pdf'
  | 'password-change'
  | 'sms-otp'
  | 'storage-sign'
  | 'training-certificate'
  | 'training-xlsx'
  | 'wechat-login'
  | 'wecom-login';

/** What a PostgREST query builder resolves to (supabase-js infers `data` from the select). */
interface QueryResult<T> {
  data: T | null;
  error: PostgrestError | null;
  status: number;
}

export interface DataLayer {
  /** Calls an RPC; resolves with its result, throws AppError. Null answers are `empty_response`. */
  call<N extends RpcName>(fn: N, ...args: ArgsParam<N>): Promise<NonNullable<RpcReturns<N>>>;
  /** Calls a `returns void` RPC. */
  run<N extends RpcName>(fn: N, ...args: ArgsParam<N>): Promise<void>;
  /** Calls an RPC whose answer may be null (an optional row or value). */
  callNullable<N extends RpcName>(fn: N, ...args: ArgsParam<N>): Promise<RpcReturns<N> | null>;
  /** A PostgREST read built on the typed client (RLS decides what comes back); throws AppError. */
  read<T>(query: (db: AppSupabaseClient) => PromiseLike<QueryResult<T>>): Promise<T>;
  /** Calls an edge function with a JSON body; `T` is its documented answer (docs/api.md). */
  invoke<T>(name: EdgeFunctionName, body: Record<string, unknown>): Promise<T>;
  /** Maps anything to this module's AppError, raises the gate signal, returns it for `throw`. */
  fail(error: unknown, status?: number): Promise<AppError>;
  /** An AppError of this module's table (for a client-side refusal, e.g. an empty read). */
  error(code: string, status?: number): AppError;
}

export function createDataLayer(client: AppSupabaseClient, mod: ModuleMessages): DataLayer {
  const raise = (error: AppError): AppError => {
    if (mod.signalsGate !== false) signalGateRefusal(error);
    return error;
  };
  const empty = () => raise(new AppError('empty_response', messageFor('empty_response', mod)));

  async function rpc<N extends RpcName>(fn: N, args: RpcArgs<N> | undefined): Promise<RpcReturns<N> | null> {
    let result: { data: RpcReturns<N> | null; error: PostgrestError | null; status: number };
    try {
      // The one widening the generated types need (see RpcArgs): nulls are valid SQL arguments.
      result = await client.rpc(fn, args as GeneratedArgs<N> | undefined);
    } catch (failure) {
      throw raise(mapError(failure, mod));
    }
    if (result.error) throw raise(mapError(result.error, mod, result.status));
    return result.data;
  }

  return {
    async call(fn, ...[args]) {
      const data = await rpc(fn, args);
      if (data === null || data === undefined) throw empty();
      return data;
    },
    callNullable: (fn, ...[args]) => rpc(fn, args),
    async run(fn, ...[args]) {
      await rpc(fn, args);
    },
    async read(query) {
      let result: QueryResult<Awaited<ReturnType<typeof query>>['data']>;
      try {
        result = await query(client);
      } catch (failure) {
        throw raise(mapError(failure, mod));
      }
      if (result.error) throw raise(mapError(result.error, mod, result.status));
      if (result.data === null || result.data === undefined) throw empty();
      return result.data;
    },
    async invoke<T>(name: EdgeFunctionName, body: Record<string, unknown>): Promise<T> {
      let result: { data: T | null; error: unknown };
      try {
        result = await client.functions.invoke<T>(name, { body });
      } catch (failure) {
        throw raise(await toAppError(failure, mod));
      }
      if (result.error) throw raise(await toAppError(result.error, mod));
      if (result.data === null || result.data === undefined) throw empty();
      return result.data;
    },
    fail: async (error, status) => raise(await toAppError(error, mod, status)),
    error: (code, status) => raise(new AppError(code, messageFor(code, mod), { status })),
  };
}
