// The Storage-API-compatible service mounted at /storage/v1: the routes of supabase/storage that
// supabase-js uses. It verifies JWTs and nothing else: every metadata query runs as the caller's
// Postgres role with the JWT claims set (db.ts), so storage.objects / storage.buckets RLS decides,
// exactly as on a Supabase project. Bytes live on disk under <dataDir>/storage (disk.ts).
import type { MountedService, ServiceContext } from '../types';
import { handleCreateBucket, handleDeleteBucket, handleEmptyBucket, handleGetBucket, handleListBuckets, handleUpdateBucket } from './buckets';
import type { Call, StorageState } from './context';
import { DiskStore } from './disk';
import { ERRORS, StorageError } from './errors';
import { drain, sendError } from './http';
import { mustBeValidBucketName, splitBucketKey } from './keys';
import { handleCopy, handleList, handleMove, handleRemoveMany } from './object-ops';
import { handleDeleteOne, handleDownload, handleInfo, handlePublicDownload, handleUpload } from './objects';
import { loadStorageSettings } from './settings';
import { handleCreateUploadUrl, handleSignedDownload, handleSignedUpload, handleSignMany, handleSignOne } from './signed';

type Handler = (call: Call, rest: string) => Promise<void>;

interface Route {
  /** Storage's operation name (ROUTE_OPERATIONS), exposed to policies as `storage.operation` */
  op: string;
  method: string;
  /** matched against the decoded path; the capture group (if any) is handed to the handler */
  pattern: RegExp;
  handler: Handler;
}

const withKey = (fn: (call: Call, bucket: string, key: string) => Promise<void>): Handler => {
  return (call, rest) => {
    const { bucket, key } = splitBucketKey(rest);
    return fn(call, bucket, key);
  };
};
const withBucket = (fn: (call: Call, bucket: string) => Promise<void>): Handler => {
  return (call, rest) => fn(call, mustBeValidBucketName(rest));
};

// Order matters: the specific /object/<word>/… routes come before the generic /object/:bucket/*.
const ROUTES: Route[] = [
  { op: 'bucket.list', method: 'GET', pattern: /^\/bucket\/?$/, handler: (call) => handleListBuckets(call) },
  { op: 'bucket.create', method: 'POST', pattern: /^\/bucket\/?$/, handler: (call) => handleCreateBucket(call) },
  { op: 'bucket.empty', method: 'POST', pattern: /^\/bucket\/([^/]+)\/empty\/?$/, handler: withBucket(handleEmptyBucket) },
  { op: 'bucket.get', method: 'GET', pattern: /^\/bucket\/([^/]+)\/?$/, handler: withBucket(handleGetBucket) },
  { op: 'bucket.update', method: 'PUT', pattern: /^\/bucket\/([^/]+)\/?$/, handler: withBucket(handleUpdateBucket) },
  { op: 'bucket.delete', method: 'DELETE', pattern: /^\/bucket\/([^/]+)\/?$/, handler: withBucket(handleDeleteBucket) },

  { op: 'object.move', method: 'POST', pattern: /^\/object\/move$/, handler: (call) => handleMove(call) },
  { op: 'object.copy', method: 'POST', pattern: /^\/object\/copy$/, handler: (call) => handleCopy(call) },
  { op: 'object.list', method: 'POST', pattern: /^\/object\/list\/([^/]+)\/?$/, handler: withBucket(handleList) },
  { op: 'object.sign_many', method: 'POST', pattern: /^\/object\/sign\/([^/]+)\/?$/, handler: withBucket(handleSignMany) },
  { op: 'object.sign', method: 'POST', pattern: /^\/object\/sign\/(.+)$/, handler: withKey(handleSignOne) },
  { op: 'object.get_signed', method: 'GET', pattern: /^\/object\/sign\/(.+)$/, handler: withKey(handleSignedDownload) },
  { op: 'object.sign_upload_url', method: 'POST', pattern: /^\/object\/upload\/sign\/(.+)$/, handler: withKey(handleCreateUploadUrl) },
  { op: 'object.upload_signed', method: 'PUT', pattern: /^\/object\/upload\/sign\/(.+)$/, handler: withKey(handleSignedUpload) },
  { op: 'object.get_public', method: 'GET', pattern: /^\/object\/public\/(.+)$/, handler: withKey(handlePublicDownload) },
  { op: 'object.get_authenticated', method: 'GET', pattern: /^\/object\/authenticated\/(.+)$/, handler: withKey(handleDownload) },
  { op: 'object.info_public', method: 'GET', pattern: /^\/object\/info\/public\/(.+)$/, handler: withKey((c, b, k) => handleInfo(c, b, k, 'public')) },
  { op: 'object.info_authenticated', method: 'GET', pattern: /^\/object\/info\/authenticated\/(.+)$/, handler: withKey((c, b, k) => handleInfo(c, b, k, 'authenticated')) },
  { op: 'object.info_authenticated', method: 'GET', pattern: /^\/object\/info\/(.+)$/, handler: withKey((c, b, k) => handleInfo(c, b, k, 'any')) },
  { op: 'object.info_public', method: 'HEAD', pattern: /^\/object\/public\/(.+)$/, handler: withKey((c, b, k) => handleInfo(c, b, k, 'public')) },
  { op: 'object.info_authenticated', method: 'HEAD', pattern: /^\/object\/authenticated\/(.+)$/, handler: withKey((c, b, k) => handleInfo(c, b, k, 'authenticated')) },
  { op: 'object.info_authenticated', method: 'HEAD', pattern: /^\/object\/(.+)$/, handler: withKey((c, b, k) => handleInfo(c, b, k, 'any')) },
  { op: 'object.delete_many', method: 'DELETE', pattern: /^\/object\/([^/]+)\/?$/, handler: withBucket(handleRemoveMany) },
  { op: 'object.delete', method: 'DELETE', pattern: /^\/object\/(.+)$/, handler: withKey(handleDeleteOne) },
  { op: 'object.upload', method: 'POST', pattern: /^\/object\/(.+)$/, handler: withKey(handleUpload) },
  { op: 'object.upload_update', method: 'PUT', pattern: /^\/object\/(.+)$/, handler: withKey(handleUpload) },
  { op: 'object.get_authenticated', method: 'GET', pattern: /^\/object\/(.+)$/, handler: withKey(handleDownload) },
];

/** Percent-decodes the path as fastify does for route params; malformed escapes are a 400. */
function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw ERRORS.badRequest('Invalid URL encoding');
  }
}

export function createStorageService(ctx: ServiceContext): MountedService {
  const state: StorageState = {
    config: ctx.config,
    pool: ctx.pool,
    store: new DiskStore(ctx.config.dataDir),
    settings: loadStorageSettings(),
    log: ctx.log,
  };

  return {
    async handle(req, res, fullPath) {
      const method = (req.method ?? 'GET').toUpperCase();
      const q = fullPath.indexOf('?');
      const rawPath = q === -1 ? fullPath : fullPath.slice(0, q);
      const query = new URLSearchParams(q === -1 ? '' : fullPath.slice(q + 1));
      try {
        const path = decodePath(rawPath);
        if (path.includes('\0')) throw ERRORS.invalidKey(path);
        for (const route of ROUTES) {
          const m = route.method === method ? route.pattern.exec(path) : null;
          const call: Call = { state, req, res, method, path, query, operation: `storage.${route.op}` };
          if (m) return await route.handler(call, m[1] ?? '');
        }
        throw ERRORS.notFoundRoute(method, rawPath);
      } catch (e) {
        const err = e instanceof StorageError ? e : ERRORS.internal();
        if (!(e instanceof StorageError)) ctx.log(`storage: ${method} ${rawPath}: ${(e as Error)?.stack ?? String(e)}`);
        await drain(req);
        sendError(res, err, method === 'HEAD');
      }
    },
  };
}
