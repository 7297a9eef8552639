export { supabase, type AppSupabaseClient } from './client';
export type { Database, Json } from './database.types';
export { SUPABASE_URL, SUPABASE_ANON_KEY, IS_LOCAL_STACK } from './env';
export { useSupabaseAutoRefresh } from './use-auto-refresh';
