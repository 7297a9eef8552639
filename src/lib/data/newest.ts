/** The part of a PostgREST filter builder `newestFirst` uses. */
interface Listing<Q> {
  eq(column: 'status', value: string): Q;
  order(column: 'created_at', options: { ascending: boolean }): Q;
  limit(count: number): Q;
}

/**
 * The review lists' query: only rows whose `status` is `status` (null: all), newest first, at most
 * `limit` rows. RLS still decides which rows exist for the caller.
 */
export function newestFirst<Q extends Listing<Q>>(query: Q, status: string | null, limit = 100): Q {
  return (status === null ? query : query.eq('status', status)).order('created_at', { ascending: false }).limit(limit);
}
