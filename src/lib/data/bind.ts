import { supabase } from '../supabase/client';
import { createDataLayer, type DataLayer } from './create';
import type { ModuleMessages } from './messages';

/** A module's data layer on the app's one Supabase client: `const db = bindDataLayer(MESSAGES)`. */
export function bindDataLayer(mod: ModuleMessages): DataLayer {
  return createDataLayer(supabase, mod);
}
