import type { Json } from '../supabase/database.types';

/**
 * The generator types a `jsonb` result as `Json`; its shape is documented in docs/api.md and
 * written down in the module's `*.types.ts`. `db.call('fn').then(asShape<Documented>())` names that
 * shape, in this one place rather than as casts spread over the services. Only for `Json` results:
 * table and scalar results keep their generated types.
 */
export const asShape =
  <T>() =>
  (data: Json): T =>
    data as T;
