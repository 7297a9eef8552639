// Key-value storage over Taro/wx storage for supabase auth and zustand persist (both want
// getItem → string | null).

export interface SyncStorageApi {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: string): void;
  removeStorageSync(key: string): void;
}

export interface StringStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function createStringStorage(api: SyncStorageApi): StringStorage {
  return {
    getItem(key) {
      try {
        const value = api.getStorageSync(key);
        // wx returns '' for a missing key; callers expect null.
        return typeof value === 'string' && value !== '' ? value : null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      api.setStorageSync(key, value);
    },
    removeItem(key) {
      try {
        api.removeStorageSync(key);
      } catch {
        // Removing something absent is not an error for callers.
      }
    },
  };
}
