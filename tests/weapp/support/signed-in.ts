// A member already signed in on this phone: the session supabase-js saved through wx storage on an
// earlier sign-in, for suites about other flows (sign-in itself has its own weapp suites).
import type { SignedInUser } from '../../support/clients';
import { getStack } from '../../support/stack';

/** supabase-js's default storage key: sb-<first label of the API host>-auth-token. */
export function authStorageKey(supabaseUrl = getStack().url): string {
  return `sb-${new URL(supabaseUrl).hostname.split('.')[0]}-auth-token`;
}

/** wx storage holding `user`'s current session, to pass as `openHarness({ storage })`. */
export async function signedInStorage(user: SignedInUser): Promise<Record<string, string>> {
  const { data, error } = await user.client.auth.getSession();
  if (error || !data.session) throw error ?? new Error(`no session for ${user.phone}`);
  return { [authStorageKey()]: JSON.stringify(data.session) };
}
