// A short-lived link to a private file. Clients cannot sign in the private buckets themselves
// (Storage would sign for any expiry): the storage-sign function checks the caller's right in SQL
// and signs for at most an hour (docs/security.md). Any failure is `failure`, with the caller's text
// (a gate refusal still reaches the gate router through the data layer's signal).
import { bindDataLayer } from '../data';
import type { AppError } from '../errors/app-error';

const db = bindDataLayer({ messages: {} });

export async function signedFileUrl(bucket: string, objectPath: string, failure: AppError, expiresIn = 600): Promise<string> {
  const answer = await db.invoke<{ url?: unknown }>('storage-sign', { bucket, path: objectPath, expires_in: expiresIn }).catch(() => null);
  if (typeof answer?.url !== 'string') throw failure;
  return answer.url;
}
