import { useCallback, useState } from 'react';
import { messageOf } from '../errors/app-error';

export interface Action {
  busy: boolean;
  /** the last failure's message for people ('' when none) */
  error: string;
  /** for a check that fails before anything runs (a field's own validation) */
  setError(message: string): void;
  /**
   * Runs `work` with `busy` set and the error cleared; a thrown AppError's message becomes `error`.
   * Resolves true when `work` finished without throwing.
   */
  run(work: () => Promise<unknown>): Promise<boolean>;
}

/**
 * The busy flag and error line of a button that calls the server (forms, steps, inline actions).
 * `leaves`: the work ends by leaving the page (sign-out, cancellation, a saved password), so `busy`
 * stays on after a success and the button can't be pressed again while the page goes.
 */
export function useAction({ leaves = false }: { leaves?: boolean } = {}): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      if (!leaves) setBusy(false);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
      return false;
    }
  }, [leaves]);
  return { busy, error, setError, run };
}
