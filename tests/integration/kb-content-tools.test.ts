// Issue 14 (content tools, 20261215500000_kb_content.sql): page templates per enterprise, copy
// restriction per space, copying a page or a folder subtree (content, not grants).
import { sql } from '../support/clients';
import { buildKbWorld, delta, ok, rest, rpc, type KbWorld } from './kb-support';

let w: KbWorld;
beforeAll(async () => {
  w = await buildKbWorld();
});

const status = async (p: ReturnType<typeof rpc>) => {
  const res = await p;
  return [res.status, res.body?.message];
};

describe('page templates', () => {
  it('a page manager saves a page as a template every member of the enterprise can start from, and only there', async () => {
    const { admin, everyoneOnly, otherEnterprise } = w.people;
    const id = await ok<string>(rpc(admin, 'kb_save_template', { p_node_id: w.publicPage, p_title: '  考勤模板 ' }));
    const [mine] = (await rest(everyoneOnly, `kb_templates?select=id,title,delta&id=eq.${id}`)).body;
    expect(mine).toEqual({ id, title: '考勤模板', delta: delta('上班时间为早九点至晚六点。', '迟到三次扣除全勤奖。') });
    expect((await rest(otherEnterprise, `kb_templates?select=id&id=eq.${id}`)).body).toEqual([]);
  });

  it('refuses people who do not manage the page, pages they cannot see, and bad names', async () => {
    const { admin, editor, direct, otherEnterprise } = w.people;
    expect(await status(rpc(editor, 'kb_save_template', { p_node_id: w.secretPage, p_title: '模板' }))).toEqual([403, 'kb_forbidden']);
    expect(await status(rpc(direct, 'kb_save_template', { p_node_id: w.secretPage, p_title: '模板' }))).toEqual([403, 'kb_forbidden']);
    expect(await status(rpc(otherEnterprise, 'kb_save_template', { p_node_id: w.secretPage, p_title: '模板' }))).toEqual([400, 'kb_node_not_found']);
    expect(await status(rpc(admin, 'kb_save_template', { p_node_id: w.publicPage, p_title: 'x'.repeat(51) }))).toEqual([400, 'kb_template_title_invalid']);
    expect(await status(rpc(admin, 'kb_save_template', { p_node_id: w.publicFolder, p_title: '模板' }))).toEqual([400, 'kb_not_a_page']);
  });

  it('its author or a knowledge-base manager deletes a template; other members and other enterprises cannot', async () => {
    const { admin, contentManager, everyoneOnly, otherEnterprise } = w.people;
    const first = await ok<string>(rpc(admin, 'kb_save_template', { p_node_id: w.publicPage, p_title: '待删模板' }));
    expect(await status(rpc(everyoneOnly, 'kb_delete_template', { p_template_id: first }))).toEqual([403, 'kb_forbidden']);
    expect(await status(rpc(otherEnterprise, 'kb_delete_template', { p_template_id: first }))).toEqual([400, 'kb_template_not_found']);
    await ok(rpc(contentManager, 'kb_delete_template', { p_template_id: first }));
    expect(await sql('select 1 from public.kb_templates where id = $1', [first])).toEqual([]);
    const second = await ok<string>(rpc(admin, 'kb_save_template', { p_node_id: w.publicPage, p_title: '作者自删' }));
    await ok(rpc(admin, 'kb_delete_template', { p_template_id: second }));
    expect(await status(rpc(admin, 'kb_delete_template', { p_template_id: second }))).toEqual([400, 'kb_template_not_found']);
  });
});

describe('copy restriction', () => {
  it('a space manager switches it; other members cannot; only spaces have it', async () => {
    const { admin, editor, otherEnterprise } = w.people;
    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'copy_protect', p_on: true }));
    // every reader of a page in the space is told (the apps then make its text unselectable)
    const opened = await ok<{ copy_protect: boolean }>(rpc(w.people.everyoneOnly, 'kb_open_page', { p_node_id: w.publicPage }));
    expect(opened.copy_protect).toBe(true);
    expect(await status(rpc(editor, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'copy_protect', p_on: false }))).toEqual([403, 'kb_forbidden']);
    expect(await status(rpc(otherEnterprise, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'copy_protect', p_on: false }))).toEqual([400, 'kb_node_not_found']);
    expect(await status(rpc(admin, 'kb_set_space_flag', { p_space_id: w.publicFolder, p_flag: 'copy_protect', p_on: true }))).toEqual([400, 'kb_not_a_space']);
    expect(await status(rpc(admin, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'copy_protect', p_on: null }))).toEqual([400, 'kb_flag_invalid']);
    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'copy_protect', p_on: false }));
    expect((await ok<{ copy_protect: boolean }>(rpc(w.people.everyoneOnly, 'kb_open_page', { p_node_id: w.publicPage }))).copy_protect).toBe(false);
  });
});

describe('copying', () => {
  it('copies a folder with its pages beside it: titles, content as a first version, found by search; grants are not copied', async () => {
    const { admin, everyoneOnly } = w.people;
    const { id: copy, media } = await ok<{ id: string; media: unknown[] }>(rpc(admin, 'kb_copy_node', { p_node_id: w.secretFolder }));
    expect(media).toEqual([]);
    const nodes = await sql<{ id: string; title: string; kind: string; sets_grants: boolean; parent_id: string }>(
      'select id, title, kind, sets_grants, parent_id from public.kb_nodes where path @> array[$1::uuid] order by cardinality(path)', [copy]);
    expect(nodes.map((n) => [n.title, n.kind, n.sets_grants])).toEqual([['薪酬机密 副本', 'folder', false], ['年终奖方案', 'page', false]]);
    expect(nodes[0].parent_id).toBe(w.space);
    const [{ body_text: text, version_no: no }] = await sql<{ body_text: string; version_no: number }>(
      'select v.body_text, v.version_no from public.kb_page_versions v where v.node_id = $1', [nodes[1].id]);
    expect([text, no]).toEqual(['年终奖金按绩效系数发放，系数上限为三倍。\n', 1]);
    // the copy inherits the space's rights (everyone), unlike the restricted original
    const hits = await ok<Array<{ node_id: string }>>(rpc(everyoneOnly, 'kb_search', { p_enterprise_id: w.ent, p_query: '系数' }));
    expect(hits.map((h) => h.node_id)).toEqual([nodes[1].id]);
    // the original keeps its own grants and stays hidden from them
    expect((await rpc(everyoneOnly, 'kb_open_page', { p_node_id: w.secretPage })).status).toBe(400);
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from public.kb_grants where node_id = $1', [copy]);
    expect(n).toBe(0);
  });

  it('leaves behind what the copier cannot read, and needs editor rights on both ends', async () => {
    const { admin, editor, direct, otherEnterprise } = w.people;
    // the editor edits folders 来源 and 目标; 来源/机要 is restricted to 直授成员 only
    const mk = (parent: string, kind: string, title: string) => ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: parent, p_kind: kind, p_title: title }));
    const source = await mk(w.space, 'folder', '来源');
    const target = await mk(w.space, 'folder', '目标');
    const hidden = await mk(source, 'folder', '机要');
    await mk(hidden, 'page', '机要页');
    const open = await mk(source, 'page', '公开页');
    await ok(rpc(admin, 'kb_save_page', { p_node_id: open, p_delta: delta('公开内容') }));
    for (const node of [source, target]) {
      await ok(rpc(admin, 'kb_set_grants', { p_node_id: node, p_grants: [{ role: 'editor', kind: 'member', id: editor.userId }, { role: 'viewer', kind: 'member', id: direct.userId }] }));
    }
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: hidden, p_grants: [{ role: 'viewer', kind: 'member', id: direct.userId }] }));

    const { id: copy } = await ok<{ id: string }>(rpc(editor, 'kb_copy_node', { p_node_id: source, p_new_parent_id: target }));
    const titles = await sql<{ title: string }>('select title from public.kb_nodes where path @> array[$1::uuid] order by cardinality(path), title', [copy]);
    expect(titles.map((t) => t.title)).toEqual(['来源 副本', '公开页']);

    expect(await status(rpc(direct, 'kb_copy_node', { p_node_id: open }))).toEqual([403, 'kb_forbidden']);
    expect(await status(rpc(editor, 'kb_copy_node', { p_node_id: open, p_new_parent_id: w.publicFolder }))).toEqual([403, 'kb_forbidden']);
    expect(await status(rpc(otherEnterprise, 'kb_copy_node', { p_node_id: open }))).toEqual([400, 'kb_node_not_found']);
    expect(await status(rpc(editor, 'kb_copy_node', { p_node_id: source, p_new_parent_id: source }))).toEqual([400, 'kb_copy_into_itself']);
    expect(await status(rpc(admin, 'kb_copy_node', { p_node_id: w.space }))).toEqual([400, 'kb_copy_kind_invalid']);
    expect(await status(rpc(admin, 'kb_copy_node', { p_node_id: open, p_new_parent_id: open }))).toEqual([400, 'kb_parent_not_folder']);
  });
});
