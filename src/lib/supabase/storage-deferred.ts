// H5 only (config/index.ts aliases `@supabase/storage-js` here): supabase-js builds its storage
// client in createClient, so storage-js (7 KB gzip) was fetched by every page, the home tab
// included, though only the knowledge base and training use it (signed URLs). This stand-in keeps
// supabase-js's arguments (its authenticated fetch and headers: still the one client) and fetches
// storage-js the first time a storage method is called. Every method it defers is async in
// storage-js except getPublicUrl, which the app does not use (here it resolves instead).
type RealModule = typeof import('@supabase/storage-js/dist/index.mjs');
type RealClient = InstanceType<RealModule['StorageClient']>;
type AnyMethod = (...args: unknown[]) => unknown;

export class StorageClient {
  private real: Promise<RealClient> | null = null;

  constructor(...args: ConstructorParameters<RealModule['StorageClient']>) {
    const load = () =>
      (this.real ??= import(/* webpackChunkName: "storage-js" */ '@supabase/storage-js/dist/index.mjs').then(
        (m) => new m.StorageClient(...args),
      ));
    // Bucket methods (listBuckets…) and from(bucket).<file method>(…) load on first call.
    return new Proxy(this, {
      get(_target, prop) {
        if (prop === 'from') {
          return (bucket: string) =>
            new Proxy({}, {
              get: (_t, method) => async (...a: unknown[]) => {
                const files = (await load()).from(bucket) as unknown as Record<PropertyKey, AnyMethod>;
                return files[method](...a);
              },
            });
        }
        if (prop === 'then') return undefined;
        return async (...a: unknown[]) => {
          const client = (await load()) as unknown as Record<PropertyKey, AnyMethod>;
          return client[prop](...a);
        };
      },
    });
  }
}

/** supabase-js re-exports this name; the app never tests errors against it (it reads `error`). */
export class StorageApiError extends Error {}
