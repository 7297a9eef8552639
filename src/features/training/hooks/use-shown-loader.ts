import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useLoader } from '../../../lib/hooks/use-loader';

/**
 * useLoader for a page the learner comes back to (from a lesson, an exam, a course): it loads
 * again each time the page shows after the first, so the progress on it is the new one.
 */
export function useShownLoader<T>(load: () => Promise<T>, key: string, enabled = true) {
  const loaded = useLoader(load, key, enabled);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else loaded.reload();
  });
  return loaded;
}
