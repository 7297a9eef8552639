// Contract: Storage object endpoints through supabase-js, allowed and denied by storage.objects
// policies (a private bucket where each user owns `<uid>/…`), as on a Supabase project.
import { clientWith, newUser, ownerFolderBucket, storageFetch, uniqueName, type TestUser } from './storage-fixtures';

const bucket = uniqueName('st-obj');
let cleanup: () => Promise<void>;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  cleanup = await ownerFolderBucket(bucket);
  alice = newUser();
  bob = newUser();
});
afterAll(async () => {
  await cleanup?.();
});

const text = (s: string) => new Blob([s], { type: 'text/plain' });

describe('upload (local only)', () => {
  it('lets the owner upload a Blob (multipart) and answers { path, id, fullPath }', async () => {
    const { data, error } = await alice.client.storage.from(bucket).upload(`${alice.id}/notes/a.txt`, text('hello 知享'));
    expect(error).toBeNull();
    expect(data).toMatchObject({ path: `${alice.id}/notes/a.txt`, fullPath: `${bucket}/${alice.id}/notes/a.txt` });
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stores a raw body with its content type and cache control', async () => {
    const key = `${alice.id}/raw.json`;
    const up = await alice.client.storage.from(bucket).upload(key, Buffer.from('{"a":1}'), { contentType: 'application/json', cacheControl: '60' });
    expect(up.error).toBeNull();
    const res = await storageFetch(`/object/${bucket}/${key}`, { token: alice.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('max-age=60');
    expect(await res.text()).toBe('{"a":1}');
  });

  it('refuses a second upload to the same path without upsert (Duplicate, 409)', async () => {
    const key = `${alice.id}/dup.txt`;
    expect((await alice.client.storage.from(bucket).upload(key, text('1'))).error).toBeNull();
    const { error } = await alice.client.storage.from(bucket).upload(key, text('2'));
    expect(error).toMatchObject({ statusCode: '409', message: 'The resource already exists' });
    expect(await (await alice.client.storage.from(bucket).download(key)).data?.text()).toBe('1');
  });

  it('replaces content with upsert and with update', async () => {
    const key = `${alice.id}/replace.txt`;
    await alice.client.storage.from(bucket).upload(key, text('v1'));
    expect((await alice.client.storage.from(bucket).upload(key, text('v2'), { upsert: true })).error).toBeNull();
    expect(await (await alice.client.storage.from(bucket).download(key)).data?.text()).toBe('v2');
    expect((await alice.client.storage.from(bucket).update(key, text('v3'))).error).toBeNull();
    expect(await (await alice.client.storage.from(bucket).download(key)).data?.text()).toBe('v3');
  });

  it('keeps user metadata sent as a form field or as x-metadata', async () => {
    const a = `${alice.id}/meta-a.txt`;
    const b = `${alice.id}/meta-b.txt`;
    await alice.client.storage.from(bucket).upload(a, text('a'), { metadata: { lesson: 7 } });
    await alice.client.storage.from(bucket).upload(b, Buffer.from('b'), { contentType: 'text/plain', metadata: { topic: '文化' } });
    expect((await alice.client.storage.from(bucket).info(a)).data?.metadata).toEqual({ lesson: 7 });
    expect((await alice.client.storage.from(bucket).info(b)).data?.metadata).toEqual({ topic: '文化' });
  });

  it("denies uploading into another user's folder (RLS, 403)", async () => {
    const { error } = await bob.client.storage.from(bucket).upload(`${alice.id}/intruder.txt`, text('x'));
    expect(error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
  });

  it('denies anon uploads', async () => {
    const { error } = await clientWith().storage.from(bucket).upload(`${alice.id}/anon.txt`, text('x'));
    expect(error).toMatchObject({ statusCode: '403' });
  });

  it("does not let another user overwrite the owner's file, even with upsert", async () => {
    const key = `${alice.id}/guarded.txt`;
    await alice.client.storage.from(bucket).upload(key, text('mine'));
    expect((await bob.client.storage.from(bucket).upload(key, text('theirs'), { upsert: true })).error).not.toBeNull();
    expect((await bob.client.storage.from(bucket).update(key, text('theirs'))).error).not.toBeNull();
    expect(await (await alice.client.storage.from(bucket).download(key)).data?.text()).toBe('mine');
  });

  it('answers 404 Bucket not found for a missing bucket', async () => {
    const { error } = await alice.client.storage.from(uniqueName('missing')).upload(`${alice.id}/x.txt`, text('x'));
    expect(error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
  });
});

describe('download, info, list (local only)', () => {
  const key = () => `${alice.id}/docs/read.txt`;
  beforeAll(async () => {
    await alice.client.storage.from(bucket).upload(key(), text('readable'));
    await alice.client.storage.from(bucket).upload(`${alice.id}/docs/sub/deep.txt`, text('deep'));
  });

  it('lets the owner download, check existence and read info', async () => {
    const dl = await alice.client.storage.from(bucket).download(key());
    expect(await dl.data?.text()).toBe('readable');
    expect((await alice.client.storage.from(bucket).exists(key())).data).toBe(true);
    const info = await alice.client.storage.from(bucket).info(key());
    expect(info.data).toMatchObject({ name: key(), size: 8, contentType: 'text/plain' });
  });

  it('serves byte ranges and answers 304 to a matching If-None-Match', async () => {
    const part = await storageFetch(`/object/${bucket}/${key()}`, { token: alice.token, headers: { range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-4/8');
    expect(await part.text()).toBe('ada');
    const etag = part.headers.get('etag') ?? '';
    const cached = await storageFetch(`/object/${bucket}/${key()}`, { token: alice.token, headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
  });

  it('hides the object from another user and from anon (404 Object not found)', async () => {
    for (const client of [bob.client, clientWith()]) {
      const { error } = await client.storage.from(bucket).download(key());
      expect(error).toMatchObject({ statusCode: '404', message: 'Object not found' });
    }
    expect((await bob.client.storage.from(bucket).exists(key())).data).toBe(false);
  });

  it('lists folders and files at one level, only what RLS shows', async () => {
    const own = await alice.client.storage.from(bucket).list(`${alice.id}/docs`);
    expect(own.error).toBeNull();
    expect(own.data?.map((e) => [e.name, e.id === null])).toEqual([
      ['sub', true],
      ['read.txt', false],
    ]);
    expect(own.data?.[1].metadata).toMatchObject({ size: 8, mimetype: 'text/plain' });
    const other = await bob.client.storage.from(bucket).list(`${alice.id}/docs`);
    expect(other.data).toEqual([]);
    const anon = await clientWith().storage.from(bucket).list(`${alice.id}/docs`);
    expect(anon.data).toEqual([]);
  });

  it('supports search, limit and offset in list', async () => {
    const found = await alice.client.storage.from(bucket).list(`${alice.id}/docs`, { search: 'read' });
    expect(found.data?.map((e) => e.name)).toEqual(['read.txt']);
    const page = await alice.client.storage.from(bucket).list(`${alice.id}/docs`, { limit: 1, offset: 1 });
    expect(page.data?.map((e) => e.name)).toEqual(['read.txt']);
  });
});

describe('remove, move, copy (local only)', () => {
  it('removes only what the caller may delete and returns the removed objects', async () => {
    await alice.client.storage.from(bucket).upload(`${alice.id}/rm/1.txt`, text('1'));
    await bob.client.storage.from(bucket).upload(`${bob.id}/rm/2.txt`, text('2'));
    const byBob = await bob.client.storage.from(bucket).remove([`${alice.id}/rm/1.txt`]);
    expect(byBob.data).toEqual([]);
    expect((await alice.client.storage.from(bucket).exists(`${alice.id}/rm/1.txt`)).data).toBe(true);
    const byAlice = await alice.client.storage.from(bucket).remove([`${alice.id}/rm/1.txt`, `${bob.id}/rm/2.txt`]);
    expect(byAlice.data?.map((o) => o.name)).toEqual([`${alice.id}/rm/1.txt`]);
    expect((await alice.client.storage.from(bucket).download(`${alice.id}/rm/1.txt`)).error).toMatchObject({ statusCode: '404' });
    expect(await (await bob.client.storage.from(bucket).download(`${bob.id}/rm/2.txt`)).data?.text()).toBe('2');
  });

  it('moves and copies within the owner folder, not into another', async () => {
    await alice.client.storage.from(bucket).upload(`${alice.id}/mv/src.txt`, text('moving'));
    expect((await alice.client.storage.from(bucket).move(`${alice.id}/mv/src.txt`, `${alice.id}/mv/dst.txt`)).error).toBeNull();
    expect((await alice.client.storage.from(bucket).exists(`${alice.id}/mv/src.txt`)).data).toBe(false);
    expect((await alice.client.storage.from(bucket).copy(`${alice.id}/mv/dst.txt`, `${alice.id}/mv/copy.txt`)).data).toEqual({
      path: `${bucket}/${alice.id}/mv/copy.txt`,
    });
    expect(await (await alice.client.storage.from(bucket).download(`${alice.id}/mv/copy.txt`)).data?.text()).toBe('moving');
    expect((await alice.client.storage.from(bucket).move(`${alice.id}/mv/dst.txt`, `${bob.id}/stolen.txt`)).error).not.toBeNull();
    expect((await bob.client.storage.from(bucket).copy(`${alice.id}/mv/dst.txt`, `${bob.id}/stolen.txt`)).error).toMatchObject({ statusCode: '404' });
    expect(await (await alice.client.storage.from(bucket).download(`${alice.id}/mv/dst.txt`)).data?.text()).toBe('moving');
  });
});
