import { useEffect, useState } from 'react';

/** Desk width: the admin and ops consoles switch to a side navigation and tables from here on. */
export const DESK_MEDIA_QUERY = '(min-width: 1024px)';

// H5 (the weapp and qywx builds take use-wide-screen.weapp.ts: always false). A browser without
// `matchMedia` gets the phone layout.
function deskQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DESK_MEDIA_QUERY) : null;
}

/** True while the H5 window is at least 1024 px wide; follows resizes. */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(() => deskQuery()?.matches ?? false);
  useEffect(() => {
    const query = deskQuery();
    if (!query) return undefined;
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}
