import { useDidHide, useDidShow } from '@tarojs/taro';
import { supabaseRuntime } from '../../platform/supabase-runtime';
import { supabase } from './client';

/** Keeps access tokens fresh while the mini-program is in the foreground (see SupabaseRuntime). */
export function useSupabaseAutoRefresh(): void {
  useDidShow(() => {
    if (supabaseRuntime.manageAutoRefresh) void supabase.auth.startAutoRefresh();
  });
  useDidHide(() => {
    if (supabaseRuntime.manageAutoRefresh) void supabase.auth.stopAutoRefresh();
  });
}
