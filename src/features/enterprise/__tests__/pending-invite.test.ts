import { taroStringStorage } from '../../../lib/storage/taro-string-storage';
import {
  clearPendingInvite,
  pendingInvite,
  PENDING_INVITE_TTL_MS,
  rememberPendingInvite,
  routeAfterSignIn,
} from '../services/pending-invite';

const HOME = '/pages/index/index';
const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);

beforeEach(() => clearPendingInvite());

describe('pending invitation (an invite link opened while signed out)', () => {
  it('after sign-in, opens the invitation once, then home again', () => {
    rememberPendingInvite('xhkjdem8', T0);
    expect(routeAfterSignIn(HOME, T0 + 60_000)).toBe('/packages/enterprise/join/index?code=XHKJDEM8');
    // Consumed: the next sign-in on this device goes home.
    expect(routeAfterSignIn(HOME, T0 + 120_000)).toBe(HOME);
  });

  it('goes home when no invitation is pending', () => {
    expect(routeAfterSignIn(HOME, T0)).toBe(HOME);
  });

  it('survives in Taro storage (a page reload between the link and the sign-in)', () => {
    rememberPendingInvite('ABCD-2345', T0);
    expect(taroStringStorage.getItem('zx.pending-invite')).toContain('ABCD-2345');
    expect(pendingInvite(T0 + 1000)).toBe('ABCD-2345');
  });

  it('forgets a code remembered too long ago (a later sign-in on a shared device goes home)', () => {
    rememberPendingInvite('ABCD2345', T0);
    expect(routeAfterSignIn(HOME, T0 + PENDING_INVITE_TTL_MS + 1)).toBe(HOME);
    expect(pendingInvite(T0)).toBeNull();
  });

  it.each(['', '  ', 'abc', '../../pages/x', 'ABCD2345&next=/evil', 'A'.repeat(40)])('ignores %p, which is not an invitation code', (code) => {
    rememberPendingInvite(code, T0);
    expect(routeAfterSignIn(HOME, T0)).toBe(HOME);
  });

  it('ignores tampered or corrupt storage', () => {
    taroStringStorage.setItem('zx.pending-invite', '{"code":"?x=1&y","at":0}');
    expect(routeAfterSignIn(HOME, T0)).toBe(HOME);
    taroStringStorage.setItem('zx.pending-invite', 'not json');
    expect(routeAfterSignIn(HOME, T0)).toBe(HOME);
  });

  it('a later link replaces an earlier one', () => {
    rememberPendingInvite('AAAA2222', T0);
    rememberPendingInvite('BBBB3333', T0 + 1);
    expect(routeAfterSignIn(HOME, T0 + 2)).toBe('/packages/enterprise/join/index?code=BBBB3333');
  });
});
