import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { startSessionSync } from './features/auth/store/session-sync';
import { useSupabaseAutoRefresh } from './lib/supabase/use-auto-refresh';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => startSessionSync());
  useSupabaseAutoRefresh();
  return children;
}

export default App;
