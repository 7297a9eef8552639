// Browser (H5) runtime for supabase-js: the browser's own fetch, localStorage, locks and
// visibility-driven token refresh are what supabase-js expects, so nothing is overridden.
// Mini-program builds resolve supabase-runtime.weapp.ts / .qywx.ts instead (Taro platform files).
import type { SupabaseRuntime } from './supabase-runtime.types';

export const supabaseRuntime: SupabaseRuntime = {
  manageAutoRefresh: false,
};

/** fetch for app code outside supabase-js (e.g. the local SMS outbox). */
export const appFetch: typeof fetch = (input, init) => fetch(input, init);
