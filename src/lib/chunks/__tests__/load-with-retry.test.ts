import { loadWithRetry } from '../load-with-retry';

/** A chunk whose first `failures` requests drop, as on a weak network. */
function flakyChunk(failures: number) {
  let requests = 0;
  const load = () => {
    requests += 1;
    return requests <= failures ? Promise.reject(new Error(`ChunkLoadError: request ${requests} dropped`)) : Promise.resolve({ ready: true });
  };
  return { load, requests: () => requests };
}

describe('loading a chunk with retries', () => {
  it('gets the chunk when a dropped request is followed by one that arrives', async () => {
    const chunk = flakyChunk(2);
    await expect(loadWithRetry(chunk.load, { delayMs: 1 })).resolves.toEqual({ ready: true });
    expect(chunk.requests()).toBe(3);
  });

  it('asks only once when the first request arrives', async () => {
    const chunk = flakyChunk(0);
    await loadWithRetry(chunk.load, { delayMs: 1 });
    expect(chunk.requests()).toBe(1);
  });

  it('gives up after the last attempt with the last error, so the failure is reported', async () => {
    const chunk = flakyChunk(10);
    await expect(loadWithRetry(chunk.load, { attempts: 3, delayMs: 1 })).rejects.toThrow('request 3 dropped');
    expect(chunk.requests()).toBe(3);
  });
});
