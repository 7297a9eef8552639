// Arrangement for the storage contract tests: a uniquely named bucket per test file with
// `storage.objects` policies written the way our migrations (and Supabase's docs) write them, and
// users whose access tokens are minted with the stack's JWT secret (the storage service only
// verifies the signature; RLS decides). Nothing here asserts behaviour.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { signJwt } from '../../tools/local-stack/jwt';
import { serviceClient, sql } from '../support/clients';
import { getStack } from '../support/stack';
import { THROWAWAY_BUCKET_PREFIX, throwawayDdl } from '../support/throwaway';

export interface TestUser {
  id: string;
  token: string;
  client: SupabaseClient;
}

export function clientWith(token?: string): SupabaseClient {
  const s = getStack();
  return createClient(s.url, s.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
    global: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
  });
}

/** An access token shaped like GoTrue's, for a user id that need not exist in auth.users. */
export function userToken(id: string, expiresInSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { sub: id, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + expiresInSeconds, is_anonymous: false },
    getStack().jwtSecret,
  );
}

export function newUser(): TestUser {
  const id = randomUUID();
  const token = userToken(id);
  return { id, token, client: clientWith(token) };
}

export function uniqueName(prefix: string): string {
  return `${THROWAWAY_BUCKET_PREFIX}${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A private bucket where each user may read, write, update and delete only under `<uid>/…` — the
 * policy from Supabase's access-control guide. Returns a cleanup function.
 */
export async function ownerFolderBucket(
  bucket: string,
  opts: { public?: boolean; fileSizeLimit?: number; allowedMimeTypes?: string[] } = {},
): Promise<() => Promise<void>> {
  await sql(
    `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values ($1, $1, $2, $3, $4)`,
    [bucket, opts.public ?? false, opts.fileSizeLimit ?? null, opts.allowedMimeTypes ?? null],
  );
  const own = `bucket_id = '${bucket}' and (storage.foldername(name))[1] = (select auth.uid())::text`;
  const policies = [
    `create policy "${bucket}: read own" on storage.objects for select to authenticated using (${own})`,
    `create policy "${bucket}: insert own" on storage.objects for insert to authenticated with check (${own})`,
    `create policy "${bucket}: update own" on storage.objects for update to authenticated using (${own}) with check (${own})`,
    `create policy "${bucket}: delete own" on storage.objects for delete to authenticated using (${own})`,
  ];
  await throwawayDdl(policies);
  return async () => {
    await throwawayDdl(['read', 'insert', 'update', 'delete'].map((cmd) => `drop policy if exists "${bucket}: ${cmd} own" on storage.objects`));
    // Through the API so the stored bytes go too; SQL as a fallback if the API refuses.
    const svc = serviceClient().storage;
    await svc.emptyBucket(bucket);
    await svc.deleteBucket(bucket);
    await sql('delete from storage.objects where bucket_id = $1', [bucket]);
    await sql('delete from storage.buckets where id = $1', [bucket]);
  };
}

/** Raw fetch against /storage/v1 with the anon key as apikey, as supabase-js sends it. */
export function storageFetch(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const s = getStack();
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', s.anonKey);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(`${s.url}/storage/v1${path}`, { ...init, headers });
}
