// Bucket routes. Creation, update and deletion are plain writes to storage.buckets as the caller:
// with no bucket policies (the Supabase default) only service_role, which bypasses RLS, succeeds.
import { ownerOf } from './caller';
import { admin, asCallerOf, type Call } from './context';
import { ERRORS, StorageError } from './errors';
import { optBool, optString, optStringArray, readJsonObject, reqString, sendJson } from './http';
import { mustBeValidBucketName, parseFileSizeLimit } from './keys';

// file_size_limit is bigint; Storage answers it as a JSON number (its pg int8 parser), so cast it.
// The list carries `type`; GET /bucket/:id does not (Storage's findBucketById selects without it).
const COLUMNS =
  'id, name, owner, public, type, file_size_limit::float8 as file_size_limit, allowed_mime_types, created_at, updated_at';
const ONE_BUCKET_COLUMNS =
  'id, name, owner, public, file_size_limit::float8 as file_size_limit, allowed_mime_types, created_at, updated_at';

/**
 * Hosted Storage only queues POST /bucket/:id/empty ("may take up to an hour"); the stand-in runs
 * the job this many milliseconds later, so code that deletes the bucket right after emptying it
 * fails here as on hosted, and tests can wait for the job deterministically (poll, no sleep race).
 */
export const EMPTY_BUCKET_DELAY_MS = 300;
const SORT = ['id', 'name', 'created_at', 'updated_at'];

export async function handleListBuckets(call: Call): Promise<void> {
  const { db } = asCallerOf(call);
  const q = call.query;
  const limit = q.has('limit') ? Number(q.get('limit')) : null;
  const offset = q.has('offset') ? Number(q.get('offset')) : 0;
  if ((limit !== null && (!Number.isInteger(limit) || limit < 0)) || !Number.isInteger(offset) || offset < 0) {
    throw ERRORS.badRequest('querystring/limit and offset must be non-negative integers');
  }
  const column = q.get('sortColumn') ?? 'name';
  const order = (q.get('sortOrder') ?? 'asc').toLowerCase();
  if (!SORT.includes(column) || (order !== 'asc' && order !== 'desc')) throw ERRORS.badRequest('querystring/sortColumn or sortOrder is invalid');
  const search = q.get('search') ?? '';
  const rows = await db.run(async (c) => {
    const r = await c.query(
      `select ${COLUMNS} from storage.buckets where ($1 = '' or name ilike '%' || $1 || '%')
        order by ${column} ${order} limit $2 offset $3`,
      [search, limit, offset],
    );
    return r.rows;
  });
  sendJson(call.res, 200, rows);
}

export async function handleGetBucket(call: Call, id: string): Promise<void> {
  const { db } = asCallerOf(call);
  const row = await db.run(async (c) => (await c.query(`select ${ONE_BUCKET_COLUMNS} from storage.buckets where id = $1`, [id])).rows[0]);
  if (!row) throw ERRORS.noSuchBucket();
  sendJson(call.res, 200, row);
}

function limitsOf(body: Record<string, unknown>) {
  return {
    isPublic: optBool(body, 'public'),
    fileSizeLimit: parseFileSizeLimit(body.file_size_limit),
    allowedMimeTypes: optStringArray(body, 'allowed_mime_types'),
  };
}

export async function handleCreateBucket(call: Call): Promise<void> {
  const { caller, db } = asCallerOf(call);
  const body = await readJsonObject(call.req);
  const name = mustBeValidBucketName(reqString(body, 'name'));
  const id = mustBeValidBucketName(optString(body, 'id') ?? name);
  const type = optString(body, 'type') ?? 'STANDARD';
  if (type !== 'STANDARD') throw ERRORS.badRequest('body/type must be STANDARD');
  const l = limitsOf(body);
  const { owner, ownerId } = ownerOf(caller);
  try {
    await db.run((c) =>
      c.query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, name, owner, ownerId, l.isPublic ?? false, l.fileSizeLimit ?? null, l.allowedMimeTypes ?? null],
      ),
    );
  } catch (e) {
    throw e instanceof StorageError && e.code === 'KeyAlreadyExists' ? ERRORS.bucketExists() : e;
  }
  sendJson(call.res, 200, { name: id });
}

export async function handleUpdateBucket(call: Call, id: string): Promise<void> {
  const { db } = asCallerOf(call);
  const l = limitsOf(await readJsonObject(call.req));
  const count = await db.run(async (c) => {
    const r = await c.query(
      `update storage.buckets set
         public = coalesce($2, public),
         file_size_limit = case when $5 then $3 else file_size_limit end,
         allowed_mime_types = case when $6 then $4 else allowed_mime_types end,
         updated_at = now()
       where id = $1`,
      [id, l.isPublic ?? null, l.fileSizeLimit ?? null, l.allowedMimeTypes ?? null, l.fileSizeLimit !== undefined, l.allowedMimeTypes !== undefined],
    );
    return r.rowCount;
  });
  if (!count) throw ERRORS.noSuchBucket();
  sendJson(call.res, 200, { message: 'Successfully updated' });
}

export async function handleDeleteBucket(call: Call, id: string): Promise<void> {
  const { db } = asCallerOf(call);
  // Objects hidden from the caller still keep the bucket in use: count them as admin.
  const objects = await admin(call).run(async (c) => (await c.query('select 1 from storage.objects where bucket_id = $1 limit 1', [id])).rowCount);
  const exists = await db.run(async (c) => (await c.query('select 1 from storage.buckets where id = $1', [id])).rowCount);
  if (!exists) throw ERRORS.noSuchBucket();
  if (objects) throw ERRORS.bucketNotEmpty();
  const deleted = await db.run(async (c) => (await c.query('delete from storage.buckets where id = $1', [id])).rowCount);
  if (!deleted) throw ERRORS.noSuchBucket();
  await call.state.store.removeBucket(id);
  sendJson(call.res, 200, { message: 'Successfully deleted' });
}

/**
 * POST /bucket/:id/empty — checks the bucket is visible to the caller, answers that the job is
 * queued, and deletes (later, see EMPTY_BUCKET_DELAY_MS) the objects RLS lets the caller delete.
 */
export async function handleEmptyBucket(call: Call, id: string): Promise<void> {
  const { db } = asCallerOf(call);
  await db.run(async (c) => {
    if (!(await c.query('select 1 from storage.buckets where id = $1', [id])).rowCount) throw ERRORS.noSuchBucket();
  });
  const job = async () => {
    const removed = await db.run(
      async (c) => (await c.query<{ name: string; version: string | null }>('delete from storage.objects where bucket_id = $1 returning name, version', [id])).rows,
    );
    for (const o of removed) await call.state.store.remove(id, o.name, o.version);
  };
  setTimeout(() => {
    job().catch((e: unknown) => call.state.log(`storage: empty bucket ${id}: ${(e as Error)?.stack ?? String(e)}`));
  }, EMPTY_BUCKET_DELAY_MS).unref();
  sendJson(call.res, 200, { message: 'Empty bucket has been queued. Completion may take up to an hour.' });
}
