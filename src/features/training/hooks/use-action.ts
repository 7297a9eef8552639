import { useState } from 'react';
import { useAction as useBaseAction } from '../../../lib/hooks/use-action';

/**
 * The shared action hook (busy flag, error line) plus what the training forms need: the work's
 * result (a saved id) and a status line after a success.
 */
export function useAction() {
  const base = useBaseAction();
  const [status, setStatus] = useState('');
  const run = async <T>(work: () => Promise<T>, done?: string): Promise<T | undefined> => {
    setStatus('');
    let result: T | undefined;
    const ok = await base.run(async () => {
      result = await work();
    });
    if (ok && done) setStatus(done);
    return ok ? result : undefined;
  };
  return { busy: base.busy, error: base.error, setError: base.setError, status, setStatus, run };
}
