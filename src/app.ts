import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { retryChunkLoads } from './lib/chunks/retry-chunk-loads';
import { trackPageChanges } from './lib/navigation/relaunch';
import './app.css';

type SessionSyncModule = typeof import('./app/session-sync');
type AutoRefreshModule = typeof import('./lib/supabase/use-auto-refresh');

// H5: supabase-js, the session mirror and the identity gate are not part of the entry chunk. They
// are an async chunk, requested as soon as the entry runs, in parallel with the first page's
// chunks (which need supabase-js too), so the entry holds only React and Taro and the first screen
// waits for less script on a slow network (bench/README.md, "LCP"). Mini-programs load everything
// from the package, so they keep the plain synchronous start. The conditions are written out (not
// a variable) so that webpack drops the other branch from each build: TARO_ENV is inlined.
// Every async chunk (this one, and each page Taro's router imports) is retried when its request
// drops; set up first, before anything asks for a chunk.
// NutUI draws its icons (the Loading spinner of every load state among them) as an <i> element.
// Mini-programs have no template for <i> ("Template tmpl_0_i not found"), so nothing showed there;
// a view carries the same class and mask style.
// Required only there: on H5 the import would put NutUI's icon index into the entry chunk.
if (process.env.TARO_ENV !== 'h5') {
  (require('@nutui/icons-react-taro') as typeof import('@nutui/icons-react-taro')).configure({ tag: 'view' });
}
if (process.env.TARO_ENV === 'h5') retryChunkLoads();
// The app's reLaunches wait for page changes in flight (lib/navigation/relaunch.ts); the first
// change begins as soon as this module has run.
trackPageChanges();
const sessionSyncChunk: Promise<SessionSyncModule> | null =
  process.env.TARO_ENV === 'h5' ? import('./app/session-sync') : null;

function startSessionSync(): void {
  if (process.env.TARO_ENV === 'h5') {
    sessionSyncChunk
      ?.then((m) => m.startSessionSync())
      .catch((error: unknown) => console.error('session sync failed to load', error));
  } else {
    (require('./app/session-sync') as SessionSyncModule).startSessionSync();
  }
}

// In a browser supabase-js refreshes tokens by itself (visibility-driven; supabase-runtime.ts has
// manageAutoRefresh: false), so the hook only matters in mini-programs.
const useSupabaseAutoRefresh: () => void =
  process.env.TARO_ENV === 'h5'
    ? () => undefined
    : (require('./lib/supabase/use-auto-refresh') as AutoRefreshModule).useSupabaseAutoRefresh;

function App({ children }: PropsWithChildren) {
  useLaunch(() => startSessionSync());
  useSupabaseAutoRefresh();
  return children;
}

export default App;
