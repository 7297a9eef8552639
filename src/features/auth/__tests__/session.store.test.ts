import type { Session } from '@supabase/supabase-js';
import { taroStringStorage } from '../../../lib/storage/taro-string-storage';
import { useSessionStore } from '../store/session.store';

const session = { user: { id: 'u-1', phone: '8613800138000' } } as unknown as Session;

describe('session store', () => {
  beforeEach(() => {
    useSessionStore.getState().reset();
    localStorage.clear();
  });

  it('mirrors sign-in and sign-out', () => {
    const store = useSessionStore.getState();
    expect(store.status).toBe('loading');
    store.setSession(session);
    expect(useSessionStore.getState()).toMatchObject({ status: 'signed-in', user: { id: 'u-1', phone: '8613800138000' } });
    store.setSession(null);
    expect(useSessionStore.getState()).toMatchObject({ status: 'signed-out', user: null });
  });

  it('persists who signed in and the last phone through Taro storage, but never the status', async () => {
    useSessionStore.getState().setSession(session);
    useSessionStore.getState().rememberPhone('13800138000');
    const saved = taroStringStorage.getItem('zx-session') ?? 'null';
    expect(JSON.parse(saved).state).toEqual({ user: { id: 'u-1', phone: '8613800138000' }, lastPhone: '13800138000' });

    // A restart: in-memory state gone (setState also rewrites storage), then the saved storage read back.
    useSessionStore.setState({ status: 'loading', user: null, lastPhone: '' });
    taroStringStorage.setItem('zx-session', saved);
    await useSessionStore.persist.rehydrate();
    expect(useSessionStore.getState()).toMatchObject({ status: 'loading', lastPhone: '13800138000', user: { id: 'u-1' } });
  });
});
