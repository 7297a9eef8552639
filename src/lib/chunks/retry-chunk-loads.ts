import { loadWithRetry } from './load-with-retry';

type EnsureChunk = (chunkId: string | number) => Promise<unknown>;
// webpack's runtime, which webpack substitutes wherever a module names it; `e` loads an async chunk.
declare const __webpack_require__: { e?: EnsureChunk } | undefined;

/**
 * H5: sends every async chunk webpack loads (the pages Taro's router imports, their CSS, the app's
 * own lazy modules) through loadWithRetry, so one dropped request on a weak network does not leave
 * a blank page. webpack forgets a chunk whose load failed, so calling its loader again requests
 * the chunk anew. Does nothing outside a webpack bundle.
 */
export function retryChunkLoads(options?: Parameters<typeof loadWithRetry>[1]): void {
  if (typeof __webpack_require__ === 'undefined' || typeof __webpack_require__.e !== 'function') return;
  const ensure = __webpack_require__.e;
  __webpack_require__.e = (chunkId) => loadWithRetry(() => ensure(chunkId), options);
}
