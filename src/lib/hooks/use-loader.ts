import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../errors/app-error';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string;
  reload(): void;
  /** replaces the data with what a mutation returned (no reload) */
  setData(data: T): void;
}

/**
 * Runs `load` when `enabled` and whenever `key` changes; keeps the last data while reloading.
 * Until the first answer arrives `loading` is true, even in the render before the effect runs, so
 * a screen never flashes its empty state (home's "new member" greeting for a named member). An
 * answer of `null` (nothing found) ends loading like any other: the screen shows its empty state.
 */
export function useLoader<T>(load: () => Promise<T>, key: string, enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [answered, setAnswered] = useState(false);

  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    setLoading(true);
    setError('');
    load()
      .then((result) => {
        if (cancelled) return;
        setData(result);
        setAnswered(true);
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        setError(messageOf(failure));
        setAnswered(true);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
    // `load` is a fresh closure each render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading: loading || (enabled && !answered), error, reload, setData };
}
