import { useState } from 'react';
import { messageOf } from '../../../lib/errors/app-error';

/** A form's one pending action: busy while it runs, the AppError's message if it fails, a status line after. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const run = async <T>(action: () => Promise<T>, done?: string): Promise<T | undefined> => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      const result = await action();
      if (done) setStatus(done);
      return result;
    } catch (failure) {
      setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, status, run, setError, setStatus };
}
