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

/** The busy flag and error line of a button that calls the server (forms, steps, inline actions). */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
