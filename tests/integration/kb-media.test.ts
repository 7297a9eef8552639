// Issue 14, knowledge-base files handled by edge functions with the caller's own rights:
// - kb-copy: a copied page refers to images copied into its own folder, so a reader of the copy who
//   may not read the original still sees them, and deleting the original leaves the copy whole;
// - kb-pdf: PDF downloads stamped with the viewer's mark when the space's watermark is on, and then
//   the only way a downloader gets the file (Storage refuses them the raw object and signed links);
//   files without download rights stay refused.
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import { callApi, sql, storageObject, type SignedInUser } from '../support/clients';
import { demoHandbookPdf } from '../../tools/local-stack/demo-files';
import { getStack } from '../support/stack';
import { createEnterprise, newMember } from './support-tenancy/fixture';
import { buildKbWorld, ok, rpc, type KbWorld } from './kb-support';

const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const invoke = (who: SignedInUser, name: string, body: Record<string, unknown>) => callApi(`/functions/v1/${name}`, { token: who.token, body });

async function removeObject(who: SignedInUser, objectPath: string): Promise<number> {
  const s = getStack();
  const res = await fetch(`${s.url}/storage/v1/object/kb/${objectPath}`, {
    method: 'DELETE', headers: { apikey: s.anonKey, authorization: `Bearer ${who.token}` },
  });
  await res.text();
  return res.status;
}

describe('copying a page with images (kb-copy)', () => {
  let w: KbWorld;
  let page: string;
  let original: string;
  beforeAll(async () => {
    w = await buildKbWorld();
    // a page in the restricted folder with an uploaded image and a video
    page = await ok<string>(rpc(w.people.admin, 'kb_create_node', { p_parent_id: w.secretFolder, p_kind: 'page', p_title: '架构图说明' }));
    original = `${w.ent}/${page}/image-1.png`;
    expect((await storageObject(w.people.admin.token, 'POST', 'kb', original, { bytes: PNG, contentType: 'image/png' })).status).toBe(200);
    await ok(rpc(w.people.admin, 'kb_save_page', { p_node_id: page, p_delta: { ops: [
      { insert: '系统架构如下：\n' }, { insert: { image: `kb/${original}` } }, { insert: '\n' },
      { insert: { image: 'https://img.example.com/outside.png' } }, { insert: '\n' },
    ] } }));
  });

  it('gives a page made from a saved template its own images: its readers who may not read the source page see them', async () => {
    const { admin, everyoneOnly, otherEnterprise } = w.people;
    const template = await ok<string>(rpc(admin, 'kb_save_template', { p_node_id: page, p_title: '架构说明模板' }));
    const made = await ok<{ id: string; media: number; missing: number }>(
      invoke(admin, 'kb-copy', { template_id: template, parent_id: w.publicFolder, title: '新系统架构' }));
    expect(made).toMatchObject({ media: 1, missing: 0 });
    const own = `${w.ent}/${made.id}/image-1.png`;

    // 市场成员 reads the new page in the public folder but not the restricted template source
    const opened = await ok<{ title: string; delta: unknown; version_no: number }>(rpc(everyoneOnly, 'kb_open_page', { p_node_id: made.id }));
    expect([opened.title, opened.version_no]).toEqual(['新系统架构', 1]);
    expect(opened.delta).toEqual({ ops: [
      { insert: '系统架构如下：\n' }, { insert: { image: `kb/${own}` } }, { insert: '\n' },
      { insert: { image: 'https://img.example.com/outside.png' } }, { insert: '\n' },
    ] });
    const image = await storageObject(everyoneOnly.token, 'GET', 'kb', own);
    expect(image.status).toBe(200);
    expect(image.text).toBe((await storageObject(admin.token, 'GET', 'kb', original)).text);
    expect((await storageObject(everyoneOnly.token, 'GET', 'kb', original)).status).not.toBe(200);

    // another enterprise's admin can't make a page from it in their own space, nor learn it exists
    const foreignSpace = await ok<string>(rpc(otherEnterprise, 'kb_create_space', { p_enterprise_id: w.other, p_kind: 'enterprise', p_title: '外企空间' }));
    const foreign = await invoke(otherEnterprise, 'kb-copy', { template_id: template, parent_id: foreignSpace, title: '偷用模板' });
    expect([foreign.status, foreign.body.code]).toEqual([400, 'kb_template_not_found']);
    const [{ count }] = await sql<{ count: string }>('select count(*) from public.kb_nodes where space_id = $1 and kind = $2', [foreignSpace, 'page']);
    expect(Number(count)).toBe(0);
    // a reader who may not edit the target folder gets no page either
    const reader = await invoke(everyoneOnly, 'kb-copy', { template_id: template, parent_id: w.publicFolder, title: '无权新建' });
    expect([reader.status, reader.body.code]).toEqual([403, 'kb_forbidden']);
    const bad = await invoke(admin, 'kb-copy', { template_id: template, title: '缺少位置' });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_request']);
  });

  it('gives the copy its own images: readers of the copy who may not read the original see them, and deleting the original leaves them', async () => {
    const { admin, everyoneOnly } = w.people;
    const copied = await ok<{ id: string; media: number; missing: number }>(invoke(admin, 'kb-copy', { node_id: page, parent_id: w.publicFolder }));
    expect(copied).toMatchObject({ media: 1, missing: 0 });
    const own = `${w.ent}/${copied.id}/image-1.png`;

    // 市场成员 reads the copy (everyone may read the public folder) but not the original
    const opened = await ok<{ delta: unknown }>(rpc(everyoneOnly, 'kb_open_page', { p_node_id: copied.id }));
    expect(opened.delta).toEqual({ ops: [
      { insert: '系统架构如下：\n' }, { insert: { image: `kb/${own}` } }, { insert: '\n' },
      { insert: { image: 'https://img.example.com/outside.png' } }, { insert: '\n' },
    ] });
    const image = await storageObject(everyoneOnly.token, 'GET', 'kb', own);
    expect(image.status).toBe(200);
    expect((await storageObject(everyoneOnly.token, 'GET', 'kb', original)).status).not.toBe(200);
    // its first version refers to the copy's own image too
    const [v1] = await sql<{ delta: unknown }>('select delta from public.kb_page_versions where node_id = $1', [copied.id]);
    expect(JSON.stringify(v1.delta)).toContain(`kb/${own}`);

    // the original's image is deleted and the page removed for good: the copy keeps its image
    expect(await removeObject(admin, original)).toBe(200);
    await ok(rpc(admin, 'kb_trash_node', { p_node_id: page }));
    await sql('delete from public.kb_nodes where id = $1', [page]);
    const again = await storageObject(everyoneOnly.token, 'GET', 'kb', own);
    expect(again.status).toBe(200);
    expect(again.text).toBe(image.text);
  });

  it('copies with the caller rights only: refusals of the database come back as they are', async () => {
    const { editor, otherEnterprise } = w.people;
    const hidden = await invoke(otherEnterprise, 'kb-copy', { node_id: w.secretPage });
    expect([hidden.status, hidden.body.code]).toEqual([400, 'kb_node_not_found']);
    // the editor of the restricted folder may not write into the public one
    const refused = await invoke(editor, 'kb-copy', { node_id: w.secretPage, parent_id: w.publicFolder });
    expect([refused.status, refused.body.code]).toEqual([403, 'kb_forbidden']);
    const bad = await invoke(editor, 'kb-copy', { node_id: 'x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_request']);
  });
});

describe('stamped PDF downloads (kb-pdf)', () => {
  let ent: string;
  let admin: SignedInUser;
  let downloader: SignedInUser;
  let viewer: SignedInUser;
  let space: string;
  let file: string;
  let pdf: Uint8Array;
  beforeAll(async () => {
    ent = await createEnterprise({ edition: 'basic' });
    admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
    downloader = await newMember(ent, { displayName: '王小明' });
    viewer = await newMember(ent, { displayName: '只读成员' });
    space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '制度文件' }));
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
      { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' }, { role: 'downloader', kind: 'member', id: downloader.userId },
    ] }));
    file = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'file', p_title: '员工手册.pdf' }));
    pdf = new Uint8Array(demoHandbookPdf());
    const objectPath = `${ent}/${file}/handbook.pdf`;
    expect((await storageObject(admin.token, 'POST', 'kb', objectPath, { bytes: pdf, contentType: 'application/pdf' })).status).toBe(200);
    await ok(rpc(admin, 'kb_set_file', { p_node_id: file, p_object_path: objectPath, p_mime: 'application/pdf', p_size: pdf.length }));
  });

  const objectPath = () => `${ent}/${file}/handbook.pdf`;
  /** What Storage itself answers: the raw object, and a signed link to it. */
  const raw = async (who: SignedInUser) => {
    const s = getStack();
    const signed = await fetch(`${s.url}/storage/v1/object/sign/kb/${objectPath()}`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresIn: 60 }),
    });
    const link = await signed.json().catch(() => ({})) as { signedURL?: string };
    const fetched = link.signedURL ? await fetch(`${s.url}/storage/v1${link.signedURL}`) : null;
    return {
      object: (await storageObject(who.token, 'GET', 'kb', objectPath())).status,
      sign: signed.status,
      link: fetched ? (await fetched.arrayBuffer(), fetched.status) : null,
    };
  };
  const download = async (who: SignedInUser) => {
    const s = getStack();
    const res = await fetch(`${s.url}/functions/v1/kb-pdf`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ node_id: file }),
    });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  /** The text of every Flate-compressed stream of a PDF (its pages' content among them). */
  const inflatedStreams = (bytes: Buffer): string[] => {
    const out: string[] = [];
    let at = 0;
    for (;;) {
      const start = bytes.indexOf('stream', at, 'latin1');
      if (start < 0) return out;
      const body = start + 6 + (bytes[start + 6] === 0x0d ? 2 : 1);
      const end = bytes.indexOf('endstream', body, 'latin1');
      if (end < 0) return out;
      try {
        let stop = end;
        while (stop > body && (bytes[stop - 1] === 0x0a || bytes[stop - 1] === 0x0d)) stop--;
        out.push(inflateSync(bytes.subarray(body, stop), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('latin1'));
      } catch {
        // not compressed, or not a stream keyword
      }
      at = end + 9;
    }
  };
  const ucs2 = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();

  it('a downloader gets the file as it is while the watermark is off, and stamped with their mark once it is on', async () => {
    const plain = await download(downloader);
    expect([plain.status, plain.type]).toEqual([200, 'application/pdf']);
    expect(plain.bytes.equals(Buffer.from(pdf))).toBe(true);
    // watermark off: downloaders read the object from Storage as before
    expect(await raw(downloader)).toEqual({ object: 200, sign: 200, link: 200 });

    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: space, p_flag: 'watermark', p_on: true }));
    const stamped = await download(downloader);
    expect([stamped.status, stamped.type]).toEqual([200, 'application/pdf']);
    const text = stamped.bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/UniGB-UCS2-H');
    // the stored object is untouched (its managers still read it as it is), but a downloader can't
    // go around the stamp: Storage refuses them the raw object and a signed link
    const stored = await storageObject(admin.token, 'GET', 'kb', objectPath());
    expect([stored.status, Buffer.from(stored.text, 'latin1').length > 0]).toEqual([200, true]);
    const bypass = await raw(downloader);
    expect([400, 403, 404]).toContain(bypass.object);
    expect([400, 403, 404]).toContain(bypass.sign);
    expect(bypass.link).toBeNull();
    // the mark names them: 王小明 and their phone's last four digits (in the page content, compressed)
    expect(inflatedStreams(stamped.bytes).some((c) => c.includes(`<${ucs2(`王小明 ${downloader.phone.slice(-4)}`)}`))).toBe(true);
  });

  it('refuses viewers without download rights, people of other enterprises and nodes that are no PDF', async () => {
    const refused = await download(viewer);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.bytes.toString('utf8'))).toMatchObject({ code: 'kb_forbidden' });
    const outsider = await newMember(await createEnterprise({ edition: 'basic' }), { role: 'admin' });
    const hidden = await download(outsider);
    expect([hidden.status, JSON.parse(hidden.bytes.toString('utf8')).code]).toEqual([400, 'kb_node_not_found']);
    // nor does Storage give either of them the object, watermark on or off
    for (const on of [true, false]) {
      await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: space, p_flag: 'watermark', p_on: on }));
      for (const who of [viewer, outsider]) {
        const r = await raw(who);
        expect([400, 403, 404]).toContain(r.object);
        expect([400, 403, 404]).toContain(r.sign);
        expect(r.link).toBeNull();
      }
    }
    const folder = await invoke(downloader, 'kb-pdf', { node_id: space });
    expect([folder.status, folder.body.code]).toEqual([400, 'kb_not_a_pdf']);
  });
});
