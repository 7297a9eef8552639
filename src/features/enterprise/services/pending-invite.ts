import { taroStringStorage } from '../../../lib/storage/taro-string-storage';
import type { StringStorage } from '../../../lib/supabase/taro-storage';
import { routeUrl } from '../../../lib/routes';

// An invitation link opened while signed out: the join page remembers the code here before it
// sends the visitor to sign in, and the post-sign-in / post-onboarding routing opens the
// invitation again. Tiny on purpose: the sign-in page (main package) imports this file.

export const JOIN_PAGE = routeUrl('join');
const KEY = 'zx.pending-invite';
/** A code remembered longer ago than this is forgotten (a shared device, a later sign-in). */
export const PENDING_INVITE_TTL_MS = 24 * 60 * 60 * 1000;
const CODE = /^[A-Z0-9-]{4,32}$/;

interface Stored {
  code: string;
  at: number;
}

/** Remembers an invitation code (normalised to upper case); ignores anything not shaped like one. */
export function rememberPendingInvite(code: string, now = Date.now(), storage: StringStorage = taroStringStorage): void {
  const normalised = code.trim().toUpperCase();
  if (!CODE.test(normalised)) return;
  storage.setItem(KEY, JSON.stringify({ code: normalised, at: now } satisfies Stored));
}

/** The remembered code, or null (none, malformed, or older than the TTL). */
export function pendingInvite(now = Date.now(), storage: StringStorage = taroStringStorage): string | null {
  try {
    const stored = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Stored> | null;
    if (!stored || typeof stored.code !== 'string' || !CODE.test(stored.code) || typeof stored.at !== 'number') return null;
    if (now - stored.at > PENDING_INVITE_TTL_MS || stored.at > now + 60_000) return null;
    return stored.code;
  } catch {
    return null;
  }
}

export function clearPendingInvite(storage: StringStorage = taroStringStorage): void {
  storage.removeItem(KEY);
}

/**
 * Where a cleared member goes after signing in or finishing onboarding: the pending invitation
 * when there is one (consumed here, so it opens once), else `fallback` (home).
 */
export function routeAfterSignIn(fallback: string, now = Date.now(), storage: StringStorage = taroStringStorage): string {
  const code = pendingInvite(now, storage);
  clearPendingInvite(storage);
  return code ? routeUrl('join', { code }) : fallback;
}
