// A short-lived link to a private file. Clients cannot sign in the private buckets themselves
// (Storage would sign for any expiry): the storage-sign function checks the caller's right in SQL
// and signs for at most an hour (docs/security.md). Any failure is `failure`, with the caller's text.
import { AppError } from '../errors/app-error';
import { supabase } from '../supabase/client';

export async function signedFileUrl(bucket: string, objectPath: string, failure: AppError, expiresIn = 600): Promise<string> {
  let url: unknown;
  try {
    const { data, error } = await supabase.functions.invoke('storage-sign', { body: { bucket, path: objectPath, expires_in: expiresIn } });
    url = error ? undefined : (data as { url?: unknown } | null)?.url;
  } catch {
    url = undefined;
  }
  if (typeof url !== 'string') throw failure;
  return url;
}
