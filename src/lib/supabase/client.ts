import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { supabaseRuntime } from '../../platform/supabase-runtime';
import type { Database } from './database.types';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from './env';

export type AppSupabaseClient = SupabaseClient<Database>;

function buildClient(): AppSupabaseClient {
  if (!SUPABASE_URL || !SUPABASE_ANON_KEY) {
    throw new Error('TARO_APP_SUPABASE_URL and TARO_APP_SUPABASE_ANON_KEY must be set at build time (.env.<mode>)');
  }
  const { fetch, storage, lock, realtimeTransport } = supabaseRuntime;
  return createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      // No OAuth redirects in this app, and the H5 hash router owns the URL.
      detectSessionInUrl: false,
      ...(storage ? { storage } : {}),
      ...(lock ? { lock } : {}),
    },
    global: fetch ? { fetch } : {},
    realtime: realtimeTransport ? { transport: realtimeTransport } : {},
  });
}

/** The one Supabase client of the app. */
export const supabase: AppSupabaseClient = buildClient();
