// A mini-program's JS engine has none of these; Node (and jest's node environment) has them all.
// Removing them while the build runs proves the bundle carries its own polyfills and adapters
// instead of silently borrowing Node's.

/** Web/Node globals a WeChat logic layer lacks, which supabase-js or React would otherwise pick up from Node. */
export const MINI_PROGRAM_ABSENT_GLOBALS = [
  'fetch',
  'Headers',
  'Request',
  'Response',
  'FormData',
  'URL',
  'URLSearchParams',
  'AbortController',
  'AbortSignal',
  'WebSocket',
  'TextEncoder',
  'TextDecoder',
  'localStorage',
  'sessionStorage',
  // auth-js opens a BroadcastChannel for cross-tab sync when it exists; React's scheduler prefers
  // setImmediate/MessageChannel. WeChat has none of them, so the app must do without.
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'setImmediate',
  'clearImmediate',
  'Blob',
  'ReadableStream',
] as const;

type Saved = Array<[string, PropertyDescriptor]>;

/** Deletes `names` from globalThis; the returned function puts back exactly what was there. */
export function removeGlobals(names: readonly string[] = MINI_PROGRAM_ABSENT_GLOBALS): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved: Saved = [];
  for (const name of names) {
    const descriptor = Object.getOwnPropertyDescriptor(g, name);
    if (!descriptor) continue;
    saved.push([name, descriptor]);
    delete g[name];
  }
  return () => {
    for (const [name, descriptor] of saved) Object.defineProperty(g, name, descriptor);
  };
}

/** Sets globals for the duration of a harness; the returned function restores the previous state. */
export function setGlobals(values: Record<string, unknown>): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(values).map((name) => [name, Object.getOwnPropertyDescriptor(g, name)] as const);
  for (const [name, value] of Object.entries(values)) {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, name, descriptor);
      else delete g[name];
    }
  };
}
