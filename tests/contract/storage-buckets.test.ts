// Contract: bucket management (service_role only, as with Supabase's default of no bucket
// policies), public buckets, and the bucket's size and mime limits.
import { getStack } from '../support/stack';
import { serviceClient } from '../support/clients';
import { clientWith, newUser, ownerFolderBucket, uniqueName, type TestUser } from './storage-fixtures';

let alice: TestUser;
beforeAll(() => {
  alice = newUser();
});

/** Retries a bucket deletion until the queued empty job has run (bounded number of tries). */
async function untilDeleted(del: () => Promise<{ data: unknown; error: unknown }>): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    const r = await del();
    if (!r.error) return r.data;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the bucket was never emptied');
}

describe('bucket management (local only)', () => {
  it('lets service_role create, read, update, empty and delete a bucket', async () => {
    const svc = serviceClient().storage;
    const id = uniqueName('st-bkt');
    expect((await svc.createBucket(id, { public: false, fileSizeLimit: '1MB', allowedMimeTypes: ['image/*'] })).data).toEqual({ name: id });
    expect((await svc.createBucket(id)).error).toMatchObject({ statusCode: '409' });
    expect((await svc.getBucket(id)).data).toMatchObject({ id, name: id, public: false, file_size_limit: 1000000, allowed_mime_types: ['image/*'] });
    expect((await svc.listBuckets()).data?.some((b) => b.id === id)).toBe(true);
    expect((await svc.updateBucket(id, { public: true, fileSizeLimit: 2048, allowedMimeTypes: ['text/plain'] })).error).toBeNull();
    expect((await svc.getBucket(id)).data).toMatchObject({ public: true, file_size_limit: 2048, allowed_mime_types: ['text/plain'] });
    await svc.from(id).upload('a/b.txt', new Blob(['x'], { type: 'text/plain' }));
    expect((await svc.deleteBucket(id)).error).toMatchObject({ statusCode: '409' });
    // Emptying is only queued (as on hosted): the bucket is deleted once the job has run.
    expect((await svc.emptyBucket(id)).data).toEqual({ message: 'Empty bucket has been queued. Completion may take up to an hour.' });
    expect(await untilDeleted(() => svc.deleteBucket(id))).toEqual({ message: 'Successfully deleted' });
    expect((await svc.getBucket(id)).error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
  });

  it('denies bucket creation to users and anon, and hides buckets without policies', async () => {
    for (const client of [alice.client, clientWith()]) {
      const { error } = await client.storage.createBucket(uniqueName('st-deny'));
      expect(error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
    }
    const id = uniqueName('st-hidden');
    await serviceClient().storage.createBucket(id);
    expect((await alice.client.storage.getBucket(id)).error).toMatchObject({ statusCode: '404' });
    expect((await alice.client.storage.deleteBucket(id)).error).toMatchObject({ statusCode: '404' });
    expect((await serviceClient().storage.getBucket(id)).error).toBeNull();
    await serviceClient().storage.deleteBucket(id);
  });

  it('rejects invalid bucket names', async () => {
    for (const name of ['../etc', 'a/b', '', 'x'.repeat(64)]) {
      const { error } = await serviceClient().storage.createBucket(name);
      expect(error).not.toBeNull();
    }
  });
});

describe('public bucket (local only)', () => {
  const bucket = uniqueName('st-pub');
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    cleanup = await ownerFolderBucket(bucket, { public: true });
    await alice.client.storage.from(bucket).upload(`${alice.id}/logo.txt`, new Blob(['public!'], { type: 'text/plain' }));
  });
  afterAll(async () => cleanup?.());

  it('serves objects at the public URL without any header', async () => {
    const url = clientWith().storage.from(bucket).getPublicUrl(`${alice.id}/logo.txt`).data.publicUrl;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('public!');
  });

  it('does not serve private buckets at the public URL', async () => {
    const priv = uniqueName('st-priv');
    const done = await ownerFolderBucket(priv);
    try {
      await alice.client.storage.from(priv).upload(`${alice.id}/s.txt`, new Blob(['s'], { type: 'text/plain' }));
      const res = await fetch(`${getStack().url}/storage/v1/object/public/${priv}/${alice.id}/s.txt`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
    } finally {
      await done();
    }
  });
});

describe('bucket limits (local only)', () => {
  const bucket = uniqueName('st-lim');
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    cleanup = await ownerFolderBucket(bucket, { fileSizeLimit: 1024, allowedMimeTypes: ['image/png', 'text/*'] });
  });
  afterAll(async () => cleanup?.());

  it('refuses a file over file_size_limit (413) and stores nothing', async () => {
    const key = `${alice.id}/big.png`;
    const { error } = await alice.client.storage.from(bucket).upload(key, new Blob([new Uint8Array(1025)], { type: 'image/png' }));
    expect(error).toMatchObject({ statusCode: '413' });
    expect((await alice.client.storage.from(bucket).exists(key)).data).toBe(false);
    const raw = await alice.client.storage.from(bucket).upload(key, Buffer.alloc(5000), { contentType: 'image/png' });
    expect(raw.error).toMatchObject({ statusCode: '413' });
    expect((await alice.client.storage.from(bucket).upload(key, new Blob([new Uint8Array(1024)], { type: 'image/png' }))).error).toBeNull();
  });

  it('refuses a mime type outside allowed_mime_types (415), accepts wildcards', async () => {
    const bad = await alice.client.storage.from(bucket).upload(`${alice.id}/x.pdf`, new Blob(['%PDF'], { type: 'application/pdf' }));
    expect(bad.error).toMatchObject({ statusCode: '415' });
    const ok = await alice.client.storage.from(bucket).upload(`${alice.id}/x.md`, Buffer.from('# hi'), { contentType: 'text/markdown' });
    expect(ok.error).toBeNull();
  });
});
