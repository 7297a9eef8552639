import type { LockFunc, WebSocketLikeConstructor } from '@supabase/supabase-js';
import type { StringStorage } from '../lib/supabase/taro-storage';

export interface SupabaseRuntime {
  fetch?: typeof fetch;
  storage?: StringStorage;
  lock?: LockFunc;
  /** WebSocket-shaped constructor for realtime; supabase-js builds one in createClient. */
  realtimeTransport?: WebSocketLikeConstructor;
  /**
   * auth-js starts token auto-refresh only on a visible browser document; mini-programs never
   * look visible to it, so the app starts/stops refresh on show/hide instead.
   */
  manageAutoRefresh: boolean;
}
