// Contract: signed download and upload URLs. Creating one needs RLS permission now; using one
// needs no auth at all (it is used directly as an <img src>), and it stops working when it expires.
import { signJwt } from '../../tools/local-stack/jwt';
import { getStack } from '../support/stack';
import { clientWith, newUser, ownerFolderBucket, storageFetch, uniqueName, type TestUser } from './storage-fixtures';

const bucket = uniqueName('st-sign');
let cleanup: () => Promise<void>;
let alice: TestUser;
let bob: TestUser;
const key = () => `${alice.id}/photo.txt`;

beforeAll(async () => {
  cleanup = await ownerFolderBucket(bucket);
  alice = newUser();
  bob = newUser();
  await alice.client.storage.from(bucket).upload(key(), new Blob(['secret bytes'], { type: 'text/plain' }));
});
afterAll(async () => {
  await cleanup?.();
});

it('gives the owner a signed URL that works without any header', async () => {
  const { data, error } = await alice.client.storage.from(bucket).createSignedUrl(key(), 60);
  expect(error).toBeNull();
  const res = await fetch(data!.signedUrl);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('secret bytes');
});

it('sets content-disposition when asked to download', async () => {
  const { data } = await alice.client.storage.from(bucket).createSignedUrl(key(), 60, { download: 'x.txt' });
  const res = await fetch(data!.signedUrl);
  expect(res.headers.get('content-disposition')).toContain('attachment');
});

it('refuses to sign for another user or anon', async () => {
  expect((await bob.client.storage.from(bucket).createSignedUrl(key(), 60)).error).toMatchObject({ statusCode: '404' });
  expect((await clientWith().storage.from(bucket).createSignedUrl(key(), 60)).error).toMatchObject({ statusCode: '404' });
  const many = await bob.client.storage.from(bucket).createSignedUrls([key()], 60);
  expect(many.data?.[0]).toMatchObject({ signedUrl: null, error: expect.stringContaining('does not exist') });
});

it('signs several paths at once for the owner', async () => {
  const many = await alice.client.storage.from(bucket).createSignedUrls([key(), `${alice.id}/missing.txt`], 60);
  expect(many.data?.[0].signedUrl).toContain('token=');
  expect(many.data?.[1].signedUrl).toBeNull();
  expect((await fetch(many.data![0].signedUrl!)).status).toBe(200);
});

it('stops serving an expired token', async () => {
  const { data } = await alice.client.storage.from(bucket).createSignedUrl(key(), 1);
  await new Promise((r) => setTimeout(r, 2100));
  const res = await fetch(data!.signedUrl);
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ statusCode: '400', error: 'InvalidJWT', message: 'jwt expired' });
});

it('rejects a token for another path, a forged token and a missing token', async () => {
  const now = Math.floor(Date.now() / 1000);
  const other = signJwt({ url: `${bucket}/${alice.id}/other.txt`, iat: now, exp: now + 60 }, getStack().jwtSecret);
  const wrongPath = await storageFetch(`/object/sign/${bucket}/${key()}?token=${other}`);
  expect(await wrongPath.json()).toMatchObject({ statusCode: '400', error: 'InvalidSignature' });
  const forged = signJwt({ url: `${bucket}/${key()}`, iat: now, exp: now + 60 }, 'not-the-secret-not-the-secret-not-the-secret');
  expect((await storageFetch(`/object/sign/${bucket}/${key()}?token=${forged}`)).status).toBe(400);
  expect((await storageFetch(`/object/sign/${bucket}/${key()}`)).status).toBe(400);
});

it('lets the owner create a signed upload URL that anyone holding it can use once', async () => {
  const target = `${alice.id}/via-signed.txt`;
  const created = await alice.client.storage.from(bucket).createSignedUploadUrl(target);
  expect(created.error).toBeNull();
  const up = await clientWith().storage.from(bucket).uploadToSignedUrl(target, created.data!.token, new Blob(['signed upload'], { type: 'text/plain' }));
  expect(up.error).toBeNull();
  expect(await (await alice.client.storage.from(bucket).download(target)).data?.text()).toBe('signed upload');
  const again = await clientWith().storage.from(bucket).uploadToSignedUrl(target, created.data!.token, new Blob(['again'], { type: 'text/plain' }));
  expect(again.error).toMatchObject({ statusCode: '409' });
  expect((await bob.client.storage.from(bucket).createSignedUploadUrl(`${alice.id}/bob.txt`)).error).toMatchObject({ statusCode: '403' });
});
