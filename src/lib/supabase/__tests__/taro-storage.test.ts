import { createStringStorage, type SyncStorageApi } from '../taro-storage';

// Behaves like wx storage: a missing key reads as ''.
function wxLikeStorage(): SyncStorageApi & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    getStorageSync: (key) => (data.has(key) ? data.get(key) : ''),
    setStorageSync: (key, value) => void data.set(key, value),
    removeStorageSync: (key) => void data.delete(key),
  };
}

describe('string storage over Taro storage', () => {
  it('reads a missing key as null, not the empty string wx returns', () => {
    expect(createStringStorage(wxLikeStorage()).getItem('zx-auth')).toBeNull();
  });

  it('round-trips values and forgets removed ones', () => {
    const api = wxLikeStorage();
    const storage = createStringStorage(api);
    storage.setItem('zx-auth', '{"access_token":"a"}');
    expect(storage.getItem('zx-auth')).toBe('{"access_token":"a"}');
    storage.removeItem('zx-auth');
    expect(storage.getItem('zx-auth')).toBeNull();
    expect(api.data.size).toBe(0);
  });

  it('treats unreadable storage and non-string values as missing', () => {
    const api = wxLikeStorage();
    api.data.set('obj', { not: 'a string' });
    const storage = createStringStorage({
      ...api,
      getStorageSync: (key) => {
        if (key === 'broken') throw new Error('getStorageSync:fail');
        return api.getStorageSync(key);
      },
    });
    expect(storage.getItem('broken')).toBeNull();
    expect(storage.getItem('obj')).toBeNull();
  });
});
