// Issue 14: the knowledge base's storage quota per edition (public.edition_quotas, or a
// per-enterprise override), enforced by the database: Storage refuses an upload that would take the
// enterprise past it (trigger on storage.objects) with the Chinese text people read, kb_set_file
// refuses to record a file while over it, and kb_storage_usage tells admins where they stand.
import { sql, storageObject, type SignedInUser } from '../support/clients';
import { createEnterprise, newMember } from './support-tenancy/fixture';
import { ok, rest, rpc } from './kb-support';

/** A PDF-looking object of exactly n bytes. */
const pdf = (n: number) => {
  const head = Buffer.from('%PDF-1.4\n');
  return new Uint8Array(Buffer.concat([head, Buffer.alloc(Math.max(n - head.length, 0), 0x20)]).subarray(0, n));
};
const put = (who: SignedInUser, path: string, n: number) => storageObject(who.token, 'POST', 'kb', path, { bytes: pdf(n), contentType: 'application/pdf' });

async function fileNode(admin: SignedInUser, ent: string, title: string): Promise<string> {
  const space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: `${title}空间` }));
  return ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'file', p_title: `${title}.pdf` }));
}

let full: string;
let other: string;
let admin: SignedInUser;
let member: SignedInUser;
let otherAdmin: SignedInUser;
beforeAll(async () => {
  full = await createEnterprise({ edition: 'basic' });
  other = await createEnterprise({ edition: 'basic' });
  admin = await newMember(full, { role: 'admin' });
  member = await newMember(full);
  otherAdmin = await newMember(other, { role: 'admin' });
  // a 40-byte contract for this enterprise only; its edition's 5 GB stays for everyone else
  await sql('insert into private.kb_storage_overrides (enterprise_id, kb_storage_bytes) values ($1, 40)', [full]);
});

it('signed-in people read the quotas per edition: basic 5 GB, professional 100 GB, private unlimited', async () => {
  const rows = await ok<Array<{ edition: string; kb_storage_bytes: number | null }>>(rest(member, 'edition_quotas?select=edition,kb_storage_bytes&order=edition'));
  expect(rows).toEqual([
    { edition: 'basic', kb_storage_bytes: 5 * 1024 ** 3 },
    { edition: 'professional', kb_storage_bytes: 100 * 1024 ** 3 },
    { edition: 'private', kb_storage_bytes: null },
  ]);
});

it('an enterprise at its quota cannot upload, with the usage in the refusal; another enterprise is unaffected', async () => {
  const a = await fileNode(admin, full, '手册');
  const b = await fileNode(admin, full, '制度');
  expect((await put(admin, `${full}/${a}/a.pdf`, 30)).status).toBe(200);
  await ok(rpc(admin, 'kb_set_file', { p_node_id: a, p_object_path: `${full}/${a}/a.pdf`, p_mime: 'application/pdf', p_size: 30 }));

  // 30 + 20 > 40: refused, nothing stored
  const over = await put(admin, `${full}/${b}/b.pdf`, 20);
  expect(over.status).toBe(400);
  expect(JSON.parse(over.text)).toMatchObject({ message: '存储空间已满（已用 30 B / 共 40 B），请联系管理员清理或升级版本' });
  expect((await storageObject(admin.token, 'GET', 'kb', `${full}/${b}/b.pdf`)).status).not.toBe(200);

  // exactly up to the quota fits; then not one byte more
  expect((await put(admin, `${full}/${b}/c.pdf`, 10)).status).toBe(200);
  const atQuota = await put(admin, `${full}/${b}/d.pdf`, 1);
  expect(JSON.parse(atQuota.text)).toMatchObject({ message: '存储空间已满（已用 40 B / 共 40 B），请联系管理员清理或升级版本' });
  expect(await ok(rpc(admin, 'kb_storage_usage', { p_enterprise_id: full }))).toEqual({ used: 40, quota: 40 });

  // the other enterprise (same edition) uploads as before
  const o = await fileNode(otherAdmin, other, '其他');
  expect((await put(otherAdmin, `${other}/${o}/o.pdf`, 100)).status).toBe(200);
  await ok(rpc(otherAdmin, 'kb_set_file', { p_node_id: o, p_object_path: `${other}/${o}/o.pdf`, p_mime: 'application/pdf', p_size: 100 }));
  expect(await ok(rpc(otherAdmin, 'kb_storage_usage', { p_enterprise_id: other }))).toEqual({ used: 100, quota: 5 * 1024 ** 3 });

  // over the quota (lowered after the upload, as a downgrade would): the stored file is not recorded
  await sql('update private.kb_storage_overrides set kb_storage_bytes = 20 where enterprise_id = $1', [full]);
  const record = await rpc(admin, 'kb_set_file', { p_node_id: b, p_object_path: `${full}/${b}/c.pdf`, p_mime: 'application/pdf', p_size: 10 });
  expect([record.status, record.body]).toEqual([400, expect.objectContaining({ message: 'kb_storage_full', hint: '存储空间已满（已用 40 B / 共 20 B），请联系管理员清理或升级版本' })]);
});

it('usage is for admins of the enterprise only; a private-edition enterprise has no limit', async () => {
  for (const who of [member, otherAdmin]) {
    const res = await rpc(who, 'kb_storage_usage', { p_enterprise_id: full });
    expect(res.status).toBe(403);
  }
  const priv = await createEnterprise({ edition: 'private' });
  const privAdmin = await newMember(priv, { role: 'admin' });
  expect(await ok(rpc(privAdmin, 'kb_storage_usage', { p_enterprise_id: priv }))).toEqual({ used: 0, quota: null });
});
