// SQL on storage.objects / storage.buckets shared by the routes. Every function takes the
// transaction it runs in, so the caller decides whether RLS applies (see db.ts).
import type { Tx } from './db';
import { ERRORS } from './errors';

export interface ObjectRow {
  id: string;
  name: string;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

export interface BucketLimits {
  id: string;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
}

/** Columns Storage returns for an object row (everything but the generated path_tokens). */
export const OBJECT_COLUMNS =
  'bucket_id, name, owner, owner_id, id, updated_at, created_at, last_accessed_at, metadata, version, user_metadata';

export async function findObject(c: Tx, bucket: string, key: string): Promise<ObjectRow> {
  const { rows } = await c.query<ObjectRow>(
    `select id, name, version, metadata, user_metadata, created_at, updated_at
       from storage.objects where bucket_id = $1 and name = $2`,
    [bucket, key],
  );
  if (!rows[0]) throw ERRORS.noSuchKey();
  return rows[0];
}

export async function findBucket(c: Tx, bucket: string): Promise<BucketLimits | undefined> {
  const { rows } = await c.query<BucketLimits & { file_size_limit: string | null }>(
    'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
    [bucket],
  );
  const row = rows[0];
  return row && { ...row, public: Boolean(row.public), file_size_limit: row.file_size_limit === null ? null : Number(row.file_size_limit) };
}

export interface NewObject {
  id: string;
  bucket: string;
  key: string;
  owner: string | null;
  ownerId: string | null;
  metadata: Record<string, unknown>;
  version: string;
  userMetadata: Record<string, unknown> | null;
}

const VALUES = '($1, $2, $3, $4, $5, $6, $7, $8)';
const params = (o: NewObject) => [o.id, o.bucket, o.key, o.owner, o.ownerId, o.metadata, o.version, o.userMetadata];

/** Plain insert, no RETURNING: uploading a new file needs only the `insert` policy, as on Supabase. */
export async function insertObject(c: Tx, o: NewObject): Promise<void> {
  await c.query(
    `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, version, user_metadata) values ${VALUES}`,
    params(o),
  );
}

/** Upsert: needs `insert`, `select` and `update` policies, as on Supabase. */
export async function upsertObject(c: Tx, o: NewObject): Promise<void> {
  await c.query(
    `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, version, user_metadata) values ${VALUES}
     on conflict (bucket_id, name) do update set
       owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
       version = excluded.version, user_metadata = excluded.user_metadata, last_accessed_at = now()`,
    params(o),
  );
}

/** Replaces an existing object's content; 404 when RLS (or absence) leaves nothing to update. */
export async function updateObject(c: Tx, o: NewObject): Promise<void> {
  const r = await c.query(
    `update storage.objects set owner = $4, owner_id = $5, metadata = $6, version = $7, user_metadata = $8,
            last_accessed_at = now()
      where bucket_id = $2 and name = $3 and $1::uuid is not null`, // $1 (new id) unused; one param list for all writes
    params(o),
  );
  if (r.rowCount === 0) throw ERRORS.noSuchKey();
}

/** The id of an object if the transaction's role can see it. */
export async function visibleId(c: Tx, bucket: string, key: string): Promise<string | undefined> {
  const { rows } = await c.query<{ id: string }>('select id from storage.objects where bucket_id = $1 and name = $2', [bucket, key]);
  return rows[0]?.id;
}

/** The stored version regardless of RLS (service bookkeeping: which old file to delete). */
export async function currentVersion(c: Tx, bucket: string, key: string): Promise<string | null> {
  const { rows } = await c.query<{ version: string | null }>(
    'select version from storage.objects where bucket_id = $1 and name = $2',
    [bucket, key],
  );
  return rows[0]?.version ?? null;
}
