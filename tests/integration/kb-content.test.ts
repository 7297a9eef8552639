// Issue 14: what members do with knowledge-base content through the API — versions and restore,
// trash and restore (30 days), search (Chinese 1–4 characters, Latin prefixes, ranking, snippets
// with highlights), comments with the per-page switch, unique read counts, favourites, likes,
// recently viewed, files.
import { sql, storageObject } from '../support/clients';
import { buildKbWorld, delta, ok, rest, rpc, type KbWorld } from './kb-support';

let w: KbWorld;
beforeAll(async () => {
  w = await buildKbWorld();
});

interface Hit { node_id: string; title: string; snippet: string; highlights: Array<[number, number]>; title_highlights: Array<[number, number]>; rank: number }
const search = async (who: keyof KbWorld['people'], q: string): Promise<Hit[]> => ok<Hit[]>(rpc(w.people[who], 'kb_search', { p_enterprise_id: w.ent, p_query: q }));

describe('versions', () => {
  it('every save is a version with its author; restoring an old one saves it again as the newest', async () => {
    const { admin, editor } = w.people;
    const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.secretFolder, p_kind: 'page', p_title: '报销流程' }));
    expect(await ok(rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('第一版：发票交财务。') }))).toBe(1);
    expect(await ok(rpc(editor, 'kb_save_page', { p_node_id: page, p_delta: delta('第二版：线上提交。'), p_base_version: 1 }))).toBe(2);
    // an editor who started from version 1 does not overwrite version 2 silently
    const stale = await rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('冲突'), p_base_version: 1 });
    expect([stale.status, stale.body.message]).toEqual([400, 'kb_version_conflict']);

    const versions = (await rest(editor, `kb_page_versions?select=id,version_no,author_id,body_text&node_id=eq.${page}&order=version_no`)).body;
    expect(versions.map((v: { version_no: number; author_id: string }) => [v.version_no, v.author_id]))
      .toEqual([[1, admin.userId], [2, editor.userId]]);

    expect(await ok(rpc(editor, 'kb_restore_version', { p_version_id: versions[0].id }))).toBe(3);
    const opened = await ok<{ delta: unknown; version_no: number }>(rpc(w.people.direct, 'kb_open_page', { p_node_id: page }));
    expect(opened.version_no).toBe(3);
    expect(opened.delta).toEqual(delta('第一版：发票交财务。'));
    const [v3] = (await rest(editor, `kb_page_versions?select=restored_from,author_id&node_id=eq.${page}&version_no=eq.3`)).body;
    expect(v3).toEqual({ restored_from: 1, author_id: editor.userId });
    // a viewer can read versions but not restore them
    expect((await rpc(w.people.direct, 'kb_restore_version', { p_version_id: versions[1].id })).status).toBe(403);
  });

  it('refuses content that is not a Delta, and stores no version for it', async () => {
    const { admin } = w.people;
    for (const bad of [{ html: '<p>x</p>' }, { ops: [{ delete: 3 }] }, { ops: [{ insert: 1 }] }, { ops: 'x' }, [1, 2], { ops: [3] },
      { ops: [{ insert: { script: 'alert(1)' } }] }, { ops: [{ insert: { image: 1 } }] }, { ops: [{ insert: 'x', attributes: 'bold' }] }]) {
      const res = await rpc(admin, 'kb_save_page', { p_node_id: w.publicPage, p_delta: bad });
      expect([res.status, res.body.message]).toEqual([400, 'kb_delta_invalid']);
    }
    const [row] = await sql<{ n: number }>('select count(*)::int as n from public.kb_page_versions where node_id = $1', [w.publicPage]);
    expect(row.n).toBe(1);
  });
});

describe('trash', () => {
  it('a trashed folder disappears with its pages for everyone, managers restore it within 30 days', async () => {
    const { admin, everyoneOnly } = w.people;
    const folder = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.space, p_kind: 'folder', p_title: '旧制度' }));
    const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: folder, p_kind: 'page', p_title: '出差补贴旧规' }));
    await ok(rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('补贴标准每天一百元') }));
    expect((await search('everyoneOnly', '补贴')).map((h) => h.title)).toContain('出差补贴旧规');

    // a viewer may not trash it
    expect((await rpc(everyoneOnly, 'kb_trash_node', { p_node_id: folder })).status).toBe(403);
    await ok(rpc(admin, 'kb_trash_node', { p_node_id: folder }));
    expect((await rest(everyoneOnly, `kb_nodes?select=id&id=in.(${folder},${page})`)).body).toEqual([]);
    expect((await search('everyoneOnly', '补贴')).map((h) => h.title)).not.toContain('出差补贴旧规');
    expect((await rpc(everyoneOnly, 'kb_open_page', { p_node_id: page })).status).toBe(400);
    // the trash lists the trashed root (not each page) to managers only
    const trash = await ok<Array<{ id: string }>>(rpc(admin, 'kb_trash', { p_space_id: w.space }));
    expect(trash.map((t) => t.id)).toEqual([folder]);
    expect(await ok(rpc(everyoneOnly, 'kb_trash', { p_space_id: w.space }))).toEqual([]);
    // only the trashed root is restored, and only by a manager
    expect((await rpc(everyoneOnly, 'kb_restore_node', { p_node_id: folder })).status).toBe(400);
    expect((await rpc(admin, 'kb_restore_node', { p_node_id: page })).body.message).toBe('kb_not_in_trash');

    await ok(rpc(admin, 'kb_restore_node', { p_node_id: folder }));
    expect((await rest(everyoneOnly, `kb_nodes?select=id&id=in.(${folder},${page})`)).body.length).toBe(2);
    expect((await search('everyoneOnly', '补贴')).map((h) => h.title)).toContain('出差补贴旧规');
  });

  it('after 30 days the trash refuses to restore and the purge removes it', async () => {
    const { admin } = w.people;
    const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.space, p_kind: 'page', p_title: '过期页面' }));
    await ok(rpc(admin, 'kb_trash_node', { p_node_id: page }));
    await sql(`update public.kb_nodes set deleted_at = now() - interval '31 days' where id = $1`, [page]);
    const res = await rpc(admin, 'kb_restore_node', { p_node_id: page });
    expect([res.status, res.body.message]).toEqual([400, 'kb_trash_expired']);
    await sql('select private.kb_purge_trash()');
    expect(await sql('select 1 from public.kb_nodes where id = $1', [page])).toEqual([]);
  });
});

describe('search', () => {
  beforeAll(async () => {
    const { admin } = w.people;
    const guide = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.publicFolder, p_kind: 'page', p_title: '入职指南' }));
    await ok(rpc(admin, 'kb_save_page', {
      p_node_id: guide,
      p_delta: { ops: [{ insert: '欢迎加入！第一天请到前台领取工牌，并在 Supabase 控制台开通账号。' }, { insert: '\n', attributes: { header: 2 } }] },
    }));
    const other = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.publicFolder, p_kind: 'page', p_title: '报销说明' }));
    await ok(rpc(admin, 'kb_save_page', { p_node_id: other, p_delta: delta('入职当月的报销随工资发放。') }));
  });

  it('finds one- to four-character Chinese queries in bodies, with highlighted snippets', async () => {
    for (const q of ['牌', '工牌', '领取工牌', '前台领取']) {
      const hits = await search('everyoneOnly', q);
      const hit = hits.find((h) => h.title === '入职指南');
      expect({ q, found: !!hit }).toEqual({ q, found: true });
      const [start, len] = hit!.highlights[0];
      expect(Array.from(hit!.snippet).slice(start, start + len).join('')).toBe(q);
    }
    // a substring that is not in the text is not found, even though its characters are
    expect((await search('everyoneOnly', '牌工')).map((h) => h.title)).not.toContain('入职指南');
  });

  it('ranks title matches first and highlights them in the title', async () => {
    const hits = await search('everyoneOnly', '入职');
    expect(hits.map((h) => h.title).slice(0, 2)).toEqual(['入职指南', '报销说明']);
    expect(hits[0].title_highlights).toEqual([[0, 2]]);
  });

  it('Latin words match by prefix, case-insensitively; several terms must all occur', async () => {
    expect((await search('everyoneOnly', 'supa')).map((h) => h.title)).toContain('入职指南');
    expect((await search('everyoneOnly', 'SUPABASE 工牌')).map((h) => h.title)).toEqual(['入职指南']);
    expect((await search('everyoneOnly', 'supabase 报销')).map((h) => h.title)).toEqual([]);
  });

  it('treats LIKE wildcards in the query as text', async () => {
    expect(await search('everyoneOnly', '%')).toEqual([]);
    expect(await search('everyoneOnly', '_')).toEqual([]);
  });
});

describe('reading signals', () => {
  it('counts unique readers, likes and favourites; lists recently viewed with "updated since"', async () => {
    const { admin, direct, dept } = w.people;
    const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: w.publicFolder, p_kind: 'page', p_title: '年会安排' }));
    await ok(rpc(direct, 'kb_open_page', { p_node_id: page }));
    await ok(rpc(direct, 'kb_open_page', { p_node_id: page }));
    await ok(rpc(dept, 'kb_set_mark', { p_node_id: page, p_kind: 'like', p_on: true }));
    await ok(rpc(dept, 'kb_set_mark', { p_node_id: page, p_kind: 'like', p_on: true }));
    await ok(rpc(dept, 'kb_set_mark', { p_node_id: page, p_kind: 'favorite', p_on: true }));
    const opened = await ok<Record<string, unknown>>(rpc(dept, 'kb_open_page', { p_node_id: page }));
    expect(opened).toMatchObject({ reads: 2, likes: 1, favorites: 1, liked: true, favorited: true });

    await ok(rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('地点改到二楼') }));
    const recent = await ok<Array<{ node_id: string; updated_since_read: boolean }>>(rpc(direct, 'kb_recent', { p_enterprise_id: w.ent }));
    expect(recent[0]).toMatchObject({ node_id: page, updated_since_read: true });
    // reads of others stay private: each member sees their own rows only
    expect((await rest(direct, `kb_reads?select=user_id&node_id=eq.${page}`)).body).toEqual([{ user_id: direct.userId }]);
    await ok(rpc(dept, 'kb_set_mark', { p_node_id: page, p_kind: 'like', p_on: false }));
    expect((await ok<Record<string, unknown>>(rpc(direct, 'kb_open_page', { p_node_id: page }))).likes).toBe(0);
  });

  it('comments can be switched off per page: existing ones hide and new ones are refused', async () => {
    const { admin, direct, editor } = w.people;
    const c = await ok<string>(rpc(direct, 'kb_add_comment', { p_node_id: w.secretPage, p_body: '收到，谢谢' }));
    expect((await rest(editor, `kb_comments?select=body&node_id=eq.${w.secretPage}`)).body.length).toBe(2);
    // only the author or a manager deletes a comment
    expect((await rpc(editor, 'kb_delete_comment', { p_comment_id: c })).status).toBe(403);
    expect((await rpc(editor, 'kb_set_comments_enabled', { p_node_id: w.secretPage, p_enabled: false })).status).toBe(403);
    await ok(rpc(admin, 'kb_set_comments_enabled', { p_node_id: w.secretPage, p_enabled: false }));
    expect((await rest(editor, `kb_comments?select=body&node_id=eq.${w.secretPage}`)).body).toEqual([]);
    const refused = await rpc(direct, 'kb_add_comment', { p_node_id: w.secretPage, p_body: '还能评论吗' });
    expect([refused.status, refused.body.message]).toEqual([400, 'kb_comments_disabled']);
    await ok(rpc(admin, 'kb_set_comments_enabled', { p_node_id: w.secretPage, p_enabled: true }));
    await ok(rpc(direct, 'kb_delete_comment', { p_comment_id: c }));
    // the page's author was told about the comment
    const [n] = await sql<{ n: number }>(`select count(*)::int as n from public.notifications where user_id = $1 and kind = 'kb_comment'`, [admin.userId]);
    expect(n.n).toBeGreaterThan(0);
  });

  it('a space’s watermark: its managers switch it on; every page in it then carries the reader’s name and phone tail', async () => {
    const { admin, direct, editor } = w.people;
    const before = await ok<Record<string, unknown>>(rpc(direct, 'kb_open_page', { p_node_id: w.secretPage }));
    expect([before.watermark, before.viewer_mark]).toEqual([false, null]);
    // an editor of a folder is no manager of the space; a folder is no space
    expect((await rpc(editor, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'watermark', p_on: true })).status).toBe(403);
    const folder = await rpc(admin, 'kb_set_space_flag', { p_space_id: w.secretFolder, p_flag: 'watermark', p_on: true });
    expect([folder.status, folder.body.message]).toEqual([400, 'kb_not_a_space']);
    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'watermark', p_on: true }));
    const [{ phone }] = await sql<{ phone: string }>('select phone from auth.users where id = $1', [direct.userId]);
    const after = await ok<Record<string, unknown>>(rpc(direct, 'kb_open_page', { p_node_id: w.secretPage }));
    expect([after.watermark, after.viewer_mark]).toEqual([true, `直授成员 ${phone.slice(-4)}`]);
    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: w.space, p_flag: 'watermark', p_on: false }));
  });
});

describe('files', () => {
  it('an editor uploads and records a file; viewers see it listed but only downloaders get the bytes', async () => {
    const { admin, editor, direct } = w.people;
    const file = await ok<string>(rpc(editor, 'kb_create_node', { p_parent_id: w.secretFolder, p_kind: 'file', p_title: '薪酬表.pdf' }));
    const path = `${w.ent}/${file}/salary.pdf`;
    const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect((await storageObject(editor.token, 'POST', 'kb', path, { bytes: pdf, contentType: 'application/pdf' })).status).toBe(200);
    // a path in another node's folder is not accepted
    const wrong = await rpc(editor, 'kb_set_file', { p_node_id: file, p_object_path: `${w.ent}/${w.secretPage}/chart.png`, p_mime: 'image/png', p_size: 3 });
    expect(wrong.status).toBe(400);
    await ok(rpc(editor, 'kb_set_file', { p_node_id: file, p_object_path: path, p_mime: 'application/pdf', p_size: pdf.length }));

    const asViewer = await ok<{ file_path: string | null; role: string }>(rpc(direct, 'kb_open_page', { p_node_id: file }));
    expect(asViewer).toMatchObject({ role: 'viewer', file_path: null });
    expect((await storageObject(direct.token, 'GET', 'kb', path)).status).not.toBe(200);

    await ok(rpc(admin, 'kb_set_grants', { p_node_id: file, p_grants: [{ role: 'downloader', kind: 'member', id: direct.userId }] }));
    const asDownloader = await ok<{ file_path: string | null; role: string }>(rpc(direct, 'kb_open_page', { p_node_id: file }));
    expect(asDownloader).toMatchObject({ role: 'downloader', file_path: path });
    expect((await storageObject(direct.token, 'GET', 'kb', path)).status).toBe(200);
    // the access list names who decides it
    const access = await ok<{ inherits: boolean; grants: Array<{ name: string; role: string }> }>(rpc(admin, 'kb_node_access', { p_node_id: file }));
    expect(access).toMatchObject({ inherits: false, grants: [{ name: '直授成员', role: 'downloader' }] });
  });
});
