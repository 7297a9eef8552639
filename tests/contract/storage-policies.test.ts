// Contract: what storage policies can rely on, as on Supabase — `owner_id` is the uploader's `sub`,
// and the request settings (`auth.uid()`, `auth.jwt()`, `storage.operation`) are set per request.
import { serviceClient, sql } from '../support/clients';
import { throwawayDdl } from '../support/throwaway';
import { clientWith, newUser, uniqueName, type TestUser } from './storage-fixtures';

const bucket = uniqueName('st-pol');
let alice: TestUser;
let bob: TestUser;
const policies = [
  `"${bucket}: anyone signed in uploads" on storage.objects for insert to authenticated with check (bucket_id = '${bucket}' and auth.jwt() ->> 'aud' = 'authenticated')`,
  `"${bucket}: owners read" on storage.objects for select to authenticated using (bucket_id = '${bucket}' and owner_id = (select auth.uid())::text)`,
  `"${bucket}: owners delete" on storage.objects for delete to authenticated using (bucket_id = '${bucket}' and owner_id = (select auth.uid())::text)`,
  `"${bucket}: listing only" on storage.objects for select to anon using (bucket_id = '${bucket}' and current_setting('storage.operation', true) = 'storage.object.list')`,
];

beforeAll(async () => {
  alice = newUser();
  bob = newUser();
  await sql('insert into storage.buckets (id, name) values ($1, $1)', [bucket]);
  await throwawayDdl(policies.map((p) => `create policy ${p}`));
});
afterAll(async () => {
  await throwawayDdl(policies.map((p) => `drop policy if exists ${p.slice(0, p.indexOf(' on storage.objects'))} on storage.objects`));
  await serviceClient().storage.emptyBucket(bucket);
  await serviceClient().storage.deleteBucket(bucket);
});

it('records the uploader as owner_id, so owner policies work', async () => {
  const up = await alice.client.storage.from(bucket).upload('shared/a.txt', new Blob(['a'], { type: 'text/plain' }));
  expect(up.error).toBeNull();
  const [row] = await sql<{ owner_id: string; owner: string }>('select owner_id, owner::text from storage.objects where bucket_id = $1 and name = $2', [
    bucket,
    'shared/a.txt',
  ]);
  expect(row).toEqual({ owner_id: alice.id, owner: alice.id });
  expect(await (await alice.client.storage.from(bucket).download('shared/a.txt')).data?.text()).toBe('a');
  expect((await bob.client.storage.from(bucket).download('shared/a.txt')).error).toMatchObject({ statusCode: '404' });
  expect((await bob.client.storage.from(bucket).remove(['shared/a.txt'])).data).toEqual([]);
});

it('exposes the operation to policies as storage.operation', async () => {
  const anon = clientWith();
  expect((await anon.storage.from(bucket).list('shared')).data?.map((o) => o.name)).toEqual(['a.txt']);
  expect((await anon.storage.from(bucket).download('shared/a.txt')).error).toMatchObject({ statusCode: '404' });
});
