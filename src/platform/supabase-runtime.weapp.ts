// WeChat mini-program runtime for supabase-js: no fetch, localStorage, Web Locks or WebSocket
// there, so each is given over Taro's APIs (URL/URLSearchParams/Headers come from the build's
// providerPlugin, see config/index.ts).
import Taro from '@tarojs/taro';
import { processLock } from '@supabase/supabase-js';
import { createMiniFetch, type MiniRequest } from '../lib/supabase/taro-fetch';
import { createStringStorage } from '../lib/supabase/taro-storage';
import { createMiniWebSocketClass, type MiniConnectSocket } from '../lib/supabase/taro-websocket';
import type { SupabaseRuntime } from './supabase-runtime.types';

const request: MiniRequest = (options) => Taro.request(options) as unknown as ReturnType<MiniRequest>;
const connectSocket: MiniConnectSocket = (options) =>
  Taro.connectSocket(options) as unknown as ReturnType<MiniConnectSocket>;

const miniFetch = createMiniFetch(request);

export const supabaseRuntime: SupabaseRuntime = {
  fetch: miniFetch,
  storage: createStringStorage({
    getStorageSync: (key) => Taro.getStorageSync(key),
    setStorageSync: (key, value) => Taro.setStorageSync(key, value),
    removeStorageSync: (key) => Taro.removeStorageSync(key),
  }),
  lock: processLock,
  // The class is WebSocket-shaped (tested); TypeScript cannot see its DOM event types match.
  realtimeTransport: createMiniWebSocketClass(connectSocket) as unknown as SupabaseRuntime['realtimeTransport'],
  manageAutoRefresh: true,
};

export const appFetch: typeof fetch = miniFetch;
