// Timers started by the app (auth-js auto-refresh, Taro's schedulers, React) would outlive a test
// and keep jest alive. WeChat stops them when the mini-program is destroyed; the harness does the
// same by handing the app tracked timer functions and clearing whatever is left on close.
import { clearInterval as nodeClearInterval, clearTimeout as nodeClearTimeout, setInterval as nodeSetInterval, setTimeout as nodeSetTimeout } from 'node:timers';

export interface TrackedTimers {
  globals: Record<string, unknown>;
  clearAll(): void;
}

export function createTrackedTimers(): TrackedTimers {
  const timeouts = new Set<NodeJS.Timeout>();
  const intervals = new Set<NodeJS.Timeout>();
  const globals = {
    setTimeout(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
      const handle = nodeSetTimeout(() => {
        timeouts.delete(handle);
        fn(...args);
      }, ms);
      timeouts.add(handle);
      return handle;
    },
    clearTimeout(handle: NodeJS.Timeout | undefined) {
      if (handle) timeouts.delete(handle);
      nodeClearTimeout(handle);
    },
    setInterval(fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
      const handle = nodeSetInterval(fn, ms, ...args);
      intervals.add(handle);
      return handle;
    },
    clearInterval(handle: NodeJS.Timeout | undefined) {
      if (handle) intervals.delete(handle);
      nodeClearInterval(handle);
    },
  };
  return {
    globals,
    clearAll() {
      for (const handle of timeouts) nodeClearTimeout(handle);
      for (const handle of intervals) nodeClearInterval(handle);
      timeouts.clear();
      intervals.clear();
    },
  };
}
