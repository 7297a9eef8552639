// Issue 14: who reads what in the knowledge base. Grant kinds (direct, department, sub-department,
// everyone, editor, content manager, none, other enterprise, removed member) × routes (REST on
// nodes / contents / versions / comments / grants, the page RPC, search, Storage): a member without
// rights on the restricted folder learns nothing inside it by any route.
import { sql, storageObject } from '../support/clients';
import { ALL_WHO, buildKbWorld, delta, ok, REFUSED_SECRET, rest, rpc, type KbWorld, type Who } from './kb-support';

let w: KbWorld;
const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
let imagePath: string;

beforeAll(async () => {
  w = await buildKbWorld();
  imagePath = `${w.ent}/${w.secretPage}/chart.png`;
  const up = await storageObject(w.people.editor.token, 'POST', 'kb', imagePath, { bytes: png, contentType: 'image/png' });
  expect(up.status).toBe(200);
});

const seesSecret = (who: Who) => !REFUSED_SECRET.includes(who);
const inEnterprise = (who: Who) => who !== 'otherEnterprise' && who !== 'removed';

describe.each(ALL_WHO)('as %s', (who) => {
  const user = () => w.people[who];

  it('REST: titles inside the restricted folder only with rights; the public folder for every member', async () => {
    const secret = await rest(user(), `kb_nodes?select=id,title,body_text&parent_id=eq.${w.secretFolder}`);
    expect(secret.status).toBe(200);
    expect(secret.body.map((r: { title: string }) => r.title)).toEqual(seesSecret(who) ? ['年终奖方案'] : []);
    expect(JSON.stringify(secret.body).includes('系数')).toBe(seesSecret(who));
    const folder = await rest(user(), `kb_nodes?select=title&id=eq.${w.secretFolder}`);
    expect(folder.body.length).toBe(seesSecret(who) ? 1 : 0);
    const pub = await rest(user(), `kb_nodes?select=title&parent_id=eq.${w.publicFolder}`);
    expect(pub.body.map((r: { title: string }) => r.title)).toEqual(inEnterprise(who) ? ['考勤制度'] : []);
  });

  it('REST: page content, versions and comments follow the page', async () => {
    const content = await rest(user(), `kb_page_contents?select=delta&node_id=eq.${w.secretPage}`);
    const versions = await rest(user(), `kb_page_versions?select=version_no,body_text&node_id=eq.${w.secretPage}`);
    const comments = await rest(user(), `kb_comments?select=body&node_id=eq.${w.secretPage}`);
    expect([content.status, versions.status, comments.status]).toEqual([200, 200, 200]);
    expect(JSON.stringify([content.body, versions.body, comments.body]).includes('奖金')).toBe(seesSecret(who));
    expect(versions.body.length > 0).toBe(seesSecret(who));
  });

  it('RPC: opening the restricted page', async () => {
    const res = await rpc(user(), 'kb_open_page', { p_node_id: w.secretPage });
    if (seesSecret(who)) {
      expect(res.status).toBe(200);
      expect(res.body.title).toBe('年终奖方案');
      const expectedRole = who === 'admin' || who === 'contentManager' ? 'manager' : who === 'editor' ? 'editor' : 'viewer';
      expect(res.body.role).toBe(expectedRole);
    } else {
      // not found, not forbidden: the id is not even confirmed
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('kb_node_not_found');
      expect(JSON.stringify(res.body)).not.toContain('年终奖');
    }
  });

  it('search: the restricted page only with rights (one and two characters, title and body)', async () => {
    const enterprise = who === 'otherEnterprise' ? w.other : w.ent;
    for (const q of ['奖', '奖金', '年终奖方案']) {
      const res = await rpc(user(), 'kb_search', { p_enterprise_id: enterprise, p_query: q });
      if (who === 'removed') {
        expect(res.status).toBe(403);
        continue;
      }
      expect(res.status).toBe(200);
      const titles = res.body.map((r: { title: string }) => r.title);
      expect({ q, found: titles.includes('年终奖方案') }).toEqual({ q, found: seesSecret(who) });
      expect(JSON.stringify(res.body).includes('系数')).toBe(seesSecret(who));
    }
    // other enterprise's admin searching in ours: refused outright
    if (who === 'otherEnterprise') expect((await rpc(user(), 'kb_search', { p_enterprise_id: w.ent, p_query: '奖' })).status).toBe(403);
  });

  it('Storage: the restricted page’s image downloads only with rights', async () => {
    const res = await storageObject(user().token, 'GET', 'kb', imagePath);
    expect({ who, ok: res.status === 200 }).toEqual({ who, ok: seesSecret(who) });
  });

  it('writes: only editors and managers save the page; only managers read or change grants', async () => {
    const save = await rpc(user(), 'kb_save_page', { p_node_id: w.secretPage, p_delta: delta('年终奖金按绩效系数发放，系数上限为三倍。') });
    const canEdit = ['admin', 'contentManager', 'editor'].includes(who);
    expect(save.status).toBe(canEdit ? 200 : seesSecret(who) ? 403 : 400);
    const grants = await rest(user(), `kb_grants?select=role&node_id=eq.${w.secretFolder}`);
    expect(grants.body.length).toBe(who === 'admin' || who === 'contentManager' ? 4 : 0);
    if (who !== 'admin' && who !== 'contentManager') {
      const set = await rpc(user(), 'kb_set_grants', { p_node_id: w.secretFolder, p_grants: [{ role: 'manager', kind: 'everyone' }] });
      expect(set.status).toBe(seesSecret(who) ? 403 : 400);
    }
    const upload = await storageObject(user().token, 'POST', 'kb', `${w.ent}/${w.secretPage}/by-${who}.png`, { bytes: png, contentType: 'image/png' });
    expect({ who, uploaded: upload.status === 200 }).toEqual({ who, uploaded: canEdit });
  });
});

describe('inheritance', () => {
  it('a sub-folder inherits the restricted folder, until it sets its own grants; "inherit again" restores', async () => {
    const { admin, everyoneOnly, dept } = w.people;
    const sub = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.secretFolder, p_kind: 'folder', p_title: '绩效附件' }));
    const titlesOf = async (u: typeof admin) => (await rest(u, `kb_nodes?select=title&id=eq.${sub}`)).body.length;
    expect([await titlesOf(everyoneOnly), await titlesOf(dept)]).toEqual([0, 1]);
    // own grants: everyone in the enterprise, and no longer the R&D department
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: sub, p_grants: [{ role: 'viewer', kind: 'everyone' }] }));
    expect([await titlesOf(everyoneOnly), await titlesOf(dept)]).toEqual([1, 1]);
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: sub, p_grants: [{ role: 'viewer', kind: 'department', id: w.depts.fe }] }));
    expect([await titlesOf(everyoneOnly), await titlesOf(dept), await titlesOf(w.people.subDept)]).toEqual([0, 0, 1]);
    await ok(rpc(admin, 'kb_inherit_grants', { p_node_id: sub }));
    expect([await titlesOf(everyoneOnly), await titlesOf(dept)]).toEqual([0, 1]);
  });

  it('highest grant wins: a viewer by department who is also a direct editor edits', async () => {
    const { admin, dept } = w.people;
    const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.secretFolder, p_kind: 'page', p_title: '研发预算' }));
    expect((await rpc(dept, 'kb_save_page', { p_node_id: page, p_delta: delta('预算') })).status).toBe(403);
    await ok(rpc(admin, 'kb_set_grants', {
      p_node_id: page,
      p_grants: [{ role: 'viewer', kind: 'department', id: w.depts.rd }, { role: 'editor', kind: 'member', id: dept.userId }],
    }));
    expect((await rpc(dept, 'kb_save_page', { p_node_id: page, p_delta: delta('预算') })).status).toBe(200);
  });

  it('moving a page into the restricted folder hides it from members without rights there', async () => {
    const { admin, everyoneOnly } = w.people;
    const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.publicFolder, p_kind: 'page', p_title: '调薪通知' }));
    expect((await rest(everyoneOnly, `kb_nodes?select=id&id=eq.${page}`)).body.length).toBe(1);
    await ok(rpc(admin, 'kb_move_node', { p_node_id: page, p_new_parent_id: w.secretFolder }));
    expect((await rest(everyoneOnly, `kb_nodes?select=id&id=eq.${page}`)).body.length).toBe(0);
    const [row] = await sql<{ path: string[]; acl: string }>('select path::text[] as path, acl_node_id::text as acl from public.kb_nodes where id = $1', [page]);
    expect(row.path).toEqual([w.space, w.secretFolder, page]);
    expect(row.acl).toBe(w.secretFolder);
    // never into its own subtree
    const loop = await rpc(admin, 'kb_move_node', { p_node_id: w.secretFolder, p_new_parent_id: page });
    expect(loop.status).toBe(400);
  });

  it('private and team spaces are their creators’ until they grant others', async () => {
    const { everyoneOnly, direct, admin } = w.people;
    const mine = await ok<string>(rpc(everyoneOnly, 'kb_create_space', { p_enterprise_id: w.ent, p_kind: 'private', p_title: '我的笔记' }));
    expect((await rest(direct, `kb_nodes?select=id&id=eq.${mine}`)).body.length).toBe(0);
    expect((await rest(everyoneOnly, `kb_nodes?select=id&id=eq.${mine}`)).body.length).toBe(1);
    // content managers manage the whole knowledge base
    expect((await rest(admin, `kb_nodes?select=id&id=eq.${mine}`)).body.length).toBe(1);
    // members can't create enterprise-wide spaces
    const res = await rpc(everyoneOnly, 'kb_create_space', { p_enterprise_id: w.ent, p_kind: 'enterprise', p_title: '全员空间' });
    expect(res.status).toBe(403);
  });
});
