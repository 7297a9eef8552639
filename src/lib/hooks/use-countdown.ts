import { useCallback, useEffect, useRef, useState } from 'react';

/** A seconds countdown: `start()` begins at `seconds`, `remaining` reaches 0 when done. */
export function useCountdown(seconds: number): { remaining: number; start: () => void } {
  const [remaining, setRemaining] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  }, []);

  const start = useCallback(() => {
    stop();
    const endsAt = Date.now() + seconds * 1000;
    setRemaining(seconds);
    // Computed from the end time, so a throttled background timer does not stretch the wait.
    timer.current = setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) stop();
    }, 1000);
  }, [seconds, stop]);

  useEffect(() => stop, [stop]);
  return { remaining, start };
}
