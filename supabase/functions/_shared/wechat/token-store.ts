// One access token per WeChat app / WeCom corp for every function instance. WeChat keeps one valid
// token per app and each fetch invalidates the previous one after a short grace period, and the daily
// fetch quota is small: a per-instance cache let cold instances burn the quota and knock each other's
// tokens out. The database row (private.wechat_access_tokens) is the cache; its row lock picks the
// one caller that refreshes (a lease), everyone else reuses the stored token or waits briefly.
import { rpc, serviceKey } from '../rest.ts';
import { unavailable } from './errors.ts';

export interface FreshToken {
  token: string;
  expiresIn: number;
}

export interface TokenStore {
  /** The app's current token; `rejected` is a token the API just refused (never handed out again). */
  get(appKey: string, fetchToken: () => Promise<FreshToken>, rejected?: string): Promise<string>;
}

type Lease = { token?: string; lease?: string; wait?: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The shared store: the project's database through the service role. */
export function databaseTokenStore(api: 'wechat' | 'wecom', call = rpc, key = serviceKey, waitMs = 250): TokenStore {
  return {
    async get(appKey, fetchToken, rejected) {
      // A refresh takes one WeChat round trip (< 8 s timeout); the lease expires after 20 s.
      for (let attempt = 0; attempt < 100; attempt++) {
        const lease = await call<Lease>('wechat_token_lease', { p_app_key: appKey, p_rejected: rejected ?? null }, key());
        if (lease.error) throw unavailable(api, `token store: ${lease.error.code}`);
        if (lease.data.token) return lease.data.token;
        if (lease.data.lease) {
          let fresh: FreshToken;
          try {
            fresh = await fetchToken();
          } catch (e) {
            await call('wechat_token_release', { p_app_key: appKey, p_lease: lease.data.lease }, key());
            throw e;
          }
          const stored = await call('wechat_token_store', {
            p_app_key: appKey, p_lease: lease.data.lease, p_token: fresh.token, p_expires_in: fresh.expiresIn,
          }, key());
          if (stored.error) throw unavailable(api, `token store: ${stored.error.code}`);
          return fresh.token;
        }
        await sleep(waitMs);
      }
      throw unavailable(api, 'token refresh still running elsewhere');
    },
  };
}

/** Per-process store for unit tests of the adapters (no database); never used by a deployed function. */
export function memoryTokenStore(): TokenStore {
  const tokens = new Map<string, { token: string; until: number }>();
  return {
    async get(appKey, fetchToken, rejected) {
      const hit = tokens.get(appKey);
      if (hit && hit.until > Date.now() && hit.token !== rejected) return hit.token;
      const fresh = await fetchToken();
      tokens.set(appKey, { token: fresh.token, until: Date.now() + Math.max(0, fresh.expiresIn - 300) * 1000 });
      return fresh.token;
    },
  };
}

const stores = new Map<'wechat' | 'wecom', TokenStore>();
let override: TokenStore | null = null;

/** The database store when the function runs in a project (service key set), else per-process. */
export function tokenStore(api: 'wechat' | 'wecom'): TokenStore {
  if (override) return override;
  let store = stores.get(api);
  if (!store) {
    const inProject = Boolean((globalThis as unknown as { Deno?: { env: { get(k: string): string | undefined } } })
      .Deno?.env.get('SUPABASE_SERVICE_ROLE_KEY'));
    store = inProject ? databaseTokenStore(api) : memoryTokenStore();
    stores.set(api, store);
  }
  return store;
}

/** Tests: use this store from now on (null: back to the default). */
export function setTokenStore(store: TokenStore | null): void {
  override = store;
}
