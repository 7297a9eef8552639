// Single-object routes: upload (POST, with x-upsert), update (PUT), download (authenticated and
// public), info/HEAD and delete. Authorization is whatever RLS lets the caller's transaction do.
import { randomUUID } from 'node:crypto';
import { ownerOf, type Owner } from './caller';
import { admin, asCallerOf, type Call } from './context';
import type { Runner } from './db';
import { ERRORS } from './errors';
import { drain, sendJson } from './http';
import { currentVersion, findBucket, findObject, insertObject, updateObject, upsertObject, visibleId, type NewObject, type ObjectRow } from './rows';
import { receiveUpload } from './upload';

export type UploadMode = 'create' | 'upsert' | 'update';

/**
 * Storage's upload flow: bucket limits read as admin, a rolled-back write as the caller to test
 * permission (and duplicates) before any byte is stored, then the body, then the real write.
 */
export async function uploadObject(call: Call, db: Runner, who: Owner, bucket: string, key: string, mode: UploadMode) {
  const { store } = call.state;
  const limits = await admin(call).run((c) => findBucket(c, bucket));
  if (!limits) {
    await drain(call.req);
    throw ERRORS.noSuchBucket();
  }
  const row: NewObject = { id: randomUUID(), bucket, key, ...who, metadata: {}, version: randomUUID(), userMetadata: null };
  const write = mode === 'create' ? insertObject : mode === 'upsert' ? upsertObject : updateObject;
  try {
    await db.test((c) => write(c, row));
  } catch (e) {
    await drain(call.req);
    throw e;
  }

  const file = await receiveUpload(call.req, store, {
    globalLimit: call.state.settings.fileSizeLimit,
    fileSizeLimit: limits.file_size_limit,
    allowedMimeTypes: limits.allowed_mime_types,
  });
  row.metadata = {
    eTag: file.eTag,
    size: file.size,
    mimetype: file.mimetype,
    cacheControl: file.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: file.size,
    httpStatusCode: 200,
  };
  row.userMetadata = file.userMetadata;
  const previous = await admin(call).run((c) => currentVersion(c, bucket, key));
  let id = row.id;
  try {
    await store.place(file.temp, bucket, key, row.version);
    id = await db.run(async (c) => {
      await write(c, row);
      return mode === 'create' ? row.id : ((await visibleId(c, bucket, key)) ?? row.id);
    });
  } catch (e) {
    await store.removeTemp(file.temp);
    await store.remove(bucket, key, row.version);
    throw e;
  }
  if (previous && previous !== row.version) await store.remove(bucket, key, previous);
  return { Id: id, Key: `${bucket}/${key}` };
}

export async function handleUpload(call: Call, bucket: string, key: string): Promise<void> {
  let auth;
  try {
    auth = asCallerOf(call);
  } catch (e) {
    await drain(call.req);
    throw e;
  }
  const mode: UploadMode = call.method === 'PUT' ? 'update' : call.req.headers['x-upsert'] === 'true' ? 'upsert' : 'create';
  sendJson(call.res, 200, await uploadObject(call, auth.db, ownerOf(auth.caller), bucket, key, mode));
}

function contentDisposition(download: string | null, key: string): string | undefined {
  if (download === null) return undefined;
  const name = download || key.split('/').pop() || 'download';
  return `attachment; filename=${encodeURIComponent(name)}; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A single `bytes=a-b` / `bytes=a-` / `bytes=-n` range, as players and browsers send for media. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw ERRORS.invalidRange();
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) throw ERRORS.invalidRange();
  return { start, end };
}

/** Sends an object's bytes (or only its headers for HEAD) with the metadata Storage stores. */
export function sendObject(call: Call, bucket: string, key: string, obj: ObjectRow): void {
  const { store } = call.state;
  const meta = obj.metadata ?? {};
  if (!obj.version || !store.exists(bucket, key, obj.version)) throw ERRORS.noSuchKey();
  const size = Number(meta.size ?? 0);
  const etag = String(meta.eTag ?? '');
  const headers: Record<string, string | number> = {
    'content-type': String(meta.mimetype ?? 'application/octet-stream'),
    'cache-control': String(meta.cacheControl ?? 'no-cache'),
    etag,
    'last-modified': new Date(String(meta.lastModified ?? obj.updated_at)).toUTCString(),
    'accept-ranges': 'bytes',
  };
  const disposition = contentDisposition(call.query.get('download'), key);
  if (disposition) headers['content-disposition'] = disposition;
  if (etag && call.req.headers['if-none-match'] === etag) {
    call.res.writeHead(304, headers);
    call.res.end();
    return;
  }
  const range = call.method === 'GET' ? parseRange(call.req.headers.range, size) : undefined;
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = range.end - range.start + 1;
  } else {
    headers['content-length'] = size;
  }
  call.res.writeHead(range ? 206 : 200, headers);
  if (call.method === 'HEAD') {
    call.res.end();
    return;
  }
  const stream = store.read(bucket, key, obj.version, range);
  stream.on('error', () => call.res.destroy());
  stream.pipe(call.res);
}

/** GET /object/:bucket/* and /object/authenticated/:bucket/*: the caller must see the row. */
export async function handleDownload(call: Call, bucket: string, key: string): Promise<void> {
  const { db } = asCallerOf(call);
  const obj = await db.run((c) => findObject(c, bucket, key));
  sendObject(call, bucket, key, obj);
}

/** GET /object/public/:bucket/*: public buckets only, read with the admin connection as Storage does. */
export async function handlePublicDownload(call: Call, bucket: string, key: string): Promise<void> {
  const obj = await admin(call).run(async (c) => {
    const b = await findBucket(c, bucket);
    if (!b?.public) throw ERRORS.noSuchBucket();
    return findObject(c, bucket, key);
  });
  sendObject(call, bucket, key, obj);
}

/**
 * Info and HEAD. As in Storage: without a valid JWT only public buckets answer; public buckets are
 * read as admin, private ones as the caller. (`/info/public/…` additionally requires a public bucket.)
 */
export async function handleInfo(call: Call, bucket: string, key: string, variant: 'any' | 'authenticated' | 'public'): Promise<void> {
  const { caller, db } = asCallerOf(call, variant !== 'authenticated');
  const b = await admin(call).run((c) => findBucket(c, bucket));
  if (!b || ((!caller.authenticated || variant === 'public') && !b.public)) throw ERRORS.noSuchBucket();
  const obj = await (b.public ? admin(call) : db).run((c) => findObject(c, bucket, key));
  if (call.method === 'HEAD') return sendObject(call, bucket, key, obj);
  const meta = obj.metadata ?? {};
  sendJson(call.res, 200, {
    id: obj.id,
    name: obj.name,
    version: obj.version,
    bucket_id: bucket,
    size: meta.size ?? null,
    content_type: meta.mimetype ?? null,
    cache_control: meta.cacheControl ?? null,
    etag: meta.eTag ?? null,
    metadata: obj.user_metadata ?? {},
    last_modified: meta.lastModified ?? null,
    created_at: obj.created_at,
  });
}

/** DELETE /object/:bucket/*: needs `delete` and `select` policies (RETURNING), as on Supabase. */
export async function handleDeleteOne(call: Call, bucket: string, key: string): Promise<void> {
  const { db } = asCallerOf(call);
  const version = await db.run(async (c) => {
    const { rows } = await c.query<{ version: string | null }>(
      'delete from storage.objects where bucket_id = $1 and name = $2 returning version',
      [bucket, key],
    );
    if (!rows[0]) throw ERRORS.noSuchKey();
    return rows[0].version;
  });
  await call.state.store.remove(bucket, key, version);
  sendJson(call.res, 200, { message: 'Successfully deleted' });
}
