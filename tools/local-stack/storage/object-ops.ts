// Multi-object routes: list, bulk remove, move and copy, each one transaction as the caller so
// RLS decides (list: select; remove: delete + select; move: select + update; copy: select + insert).
import { randomUUID } from 'node:crypto';
import { ownerOf } from './caller';
import { asCallerOf, type Call } from './context';
import { ERRORS } from './errors';
import { optInt, optString, readJsonObject, reqString, reqStringArray, sendJson } from './http';
import { mustBeValidBucketName, mustBeValidKey } from './keys';
import { findObject, OBJECT_COLUMNS } from './rows';

const SORT_COLUMNS = ['name', 'updated_at', 'created_at', 'last_accessed_at'];

/** POST /object/list/:bucket — Storage's storage.search(), run as the caller. */
export async function handleList(call: Call, bucket: string): Promise<void> {
  const { db } = asCallerOf(call);
  const body = await readJsonObject(call.req);
  let prefix = reqString(body, 'prefix');
  const limit = optInt(body, 'limit', 1) ?? 100;
  const offset = optInt(body, 'offset', 0) ?? 0;
  const search = optString(body, 'search') ?? '';
  const sortBy = body.sortBy ?? {};
  if (typeof sortBy !== 'object' || sortBy === null || Array.isArray(sortBy)) throw ERRORS.badRequest('body/sortBy must be object');
  const column = optString(sortBy as Record<string, unknown>, 'column') ?? 'name';
  const order = optString(sortBy as Record<string, unknown>, 'order') ?? 'asc';
  if (!SORT_COLUMNS.includes(column)) throw ERRORS.badRequest('body/sortBy/column must be equal to one of the allowed values');
  if (order !== 'asc' && order !== 'desc') throw ERRORS.badRequest('body/sortBy/order must be equal to one of the allowed values');
  // Storage treats a non-empty prefix as a folder.
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix = `${prefix}/`;
  const levels = prefix.split('/').length;
  const rows = await db.run(async (c) => {
    const r = await c.query('select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)', [
      prefix, bucket, limit, levels, offset, search, column, order,
    ]);
    return r.rows;
  });
  sendJson(call.res, 200, rows);
}

/** DELETE /object/:bucket with { prefixes } — deletes what RLS lets the caller delete, returns those rows. */
export async function handleRemoveMany(call: Call, bucket: string): Promise<void> {
  const { db } = asCallerOf(call);
  const prefixes = reqStringArray(await readJsonObject(call.req), 'prefixes');
  if (prefixes.length < 1 || prefixes.length > 1000) throw ERRORS.badRequest('body/prefixes must have 1 to 1000 items');
  const rows = await db.run(async (c) => {
    const r = await c.query<{ name: string; version: string | null }>(
      `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${OBJECT_COLUMNS}`,
      [bucket, prefixes],
    );
    return r.rows;
  });
  for (const row of rows) await call.state.store.remove(bucket, row.name, row.version);
  sendJson(call.res, 200, rows);
}

interface Transfer {
  sourceBucket: string;
  sourceKey: string;
  destBucket: string;
  destKey: string;
}

async function readTransfer(call: Call): Promise<Transfer> {
  const body = await readJsonObject(call.req);
  const sourceBucket = mustBeValidBucketName(reqString(body, 'bucketId'));
  const sourceKey = mustBeValidKey(reqString(body, 'sourceKey'));
  const destKey = mustBeValidKey(reqString(body, 'destinationKey'));
  const destBucket = mustBeValidBucketName(optString(body, 'destinationBucket') ?? sourceBucket);
  return { sourceBucket, sourceKey, destBucket, destKey };
}

/** POST /object/move — renames the row (RLS: select + update) and moves the bytes with it. */
export async function handleMove(call: Call): Promise<void> {
  const { db } = asCallerOf(call);
  const t = await readTransfer(call);
  const { store } = call.state;
  if (t.sourceBucket === t.destBucket && t.sourceKey === t.destKey) {
    return sendJson(call.res, 200, { message: 'Successfully moved' });
  }
  const version = await db.run(async (c) => {
    const src = await findObject(c, t.sourceBucket, t.sourceKey);
    const r = await c.query('update storage.objects set bucket_id = $1, name = $2 where id = $3', [t.destBucket, t.destKey, src.id]);
    if (r.rowCount === 0 || !src.version) throw ERRORS.noSuchKey();
    // Copy before commit so a failed copy leaves the row where its bytes are.
    await store.copy({ bucket: t.sourceBucket, key: t.sourceKey, version: src.version }, { bucket: t.destBucket, key: t.destKey, version: src.version });
    return src.version;
  });
  await store.remove(t.sourceBucket, t.sourceKey, version);
  sendJson(call.res, 200, { message: 'Successfully moved' });
}

/** POST /object/copy — a new row owned by the caller (RLS: select source + insert destination). */
export async function handleCopy(call: Call): Promise<void> {
  const { caller, db } = asCallerOf(call);
  const t = await readTransfer(call);
  const { store } = call.state;
  const id = randomUUID();
  const version = randomUUID();
  const { owner, ownerId } = ownerOf(caller);
  await db.run(async (c) => {
    const src = await findObject(c, t.sourceBucket, t.sourceKey);
    if (!src.version) throw ERRORS.noSuchKey();
    const metadata = { ...(src.metadata ?? {}), lastModified: new Date().toISOString() };
    await c.query(
      `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, version, user_metadata)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, t.destBucket, t.destKey, owner, ownerId, metadata, version, src.user_metadata],
    );
    try {
      await store.copy({ bucket: t.sourceBucket, key: t.sourceKey, version: src.version }, { bucket: t.destBucket, key: t.destKey, version });
    } catch {
      throw ERRORS.noSuchKey();
    }
  });
  sendJson(call.res, 200, { Id: id, Key: `${t.destBucket}/${t.destKey}` });
}
