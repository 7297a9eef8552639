// Issue 14, the knowledge base's governance (20261215010000_kb_governance.sql): what happens to a
// member's content when they leave or are removed (LX 2.1.2), approval before publishing per
// space, page owners and review dates with the daily reminder, storage per space, and who gets a
// link to a file.
import { sql, storageObject, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { createEnterprise, newMember } from './support-tenancy/fixture';
import { delta, ok, rest, rpc } from './kb-support';

type Gov = { owner_id: string | null; owner_name: string; review_due: string | null; stale: boolean; approval_required: boolean; can_manage: boolean; my_review: { id: string; status: string; reason: string } | null };

const governance = (who: SignedInUser, node: string) => ok<Gov>(rpc(who, 'kb_page_governance', { p_node_id: node }));
const today = async () => (await sql<{ d: string }>(`select private.shanghai_today()::text as d`))[0].d;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A community section and one post + comment by `author`, written as the app writes them (author_name copied). */
async function communityPost(ent: string, author: SignedInUser, name: string): Promise<{ post: string; comment: string }> {
  const [section] = await sql<{ id: string }>(`insert into public.community_sections (enterprise_id, name) values ($1, $2) returning id`, [ent, `闲聊${name}`]);
  const [post] = await sql<{ id: string }>(
    `insert into public.community_posts (enterprise_id, section_id, author_id, author_name, title, body, body_text)
     values ($1, $2, $3, $4, '周末去爬山吗', '{"ops":[{"insert":"周末去爬山吗\\n"}]}', '周末去爬山吗') returning id`, [ent, section.id, author.userId, name]);
  const [comment] = await sql<{ id: string }>(
    `insert into public.community_comments (enterprise_id, section_id, post_id, author_id, author_name, body_text)
     values ($1, $2, $3, $4, $5, '我也去') returning id`, [ent, section.id, post.id, author.userId, name]);
  return { post: post.id, comment: comment.id };
}

describe('former members (LX 2.1.2)', () => {
  let ent: string;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let colleague: SignedInUser;
  let space: string;
  beforeAll(async () => {
    ent = await createEnterprise({ edition: 'professional' });
    admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
    manager = await newMember(ent, { displayName: '内容经理' });
    colleague = await newMember(ent, { displayName: '李四' });
    await sql(`update public.enterprise_members set scopes = '{content}' where enterprise_id = $1 and user_id = $2`, [ent, manager.userId]);
    space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '产品文档' }));
  });

  /** An editor of the space who wrote a page and a community post. */
  async function author(name: string) {
    const who = await newMember(ent, { displayName: name });
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
      { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' }, { role: 'editor', kind: 'member', id: who.userId },
    ] }));
    const page = await ok<string>(rpc(who, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: `${name}的页面` }));
    await ok(rpc(who, 'kb_save_page', { p_node_id: page, p_delta: delta('第一版') }));
    return { who, page, ...(await communityPost(ent, who, name)) };
  }

  it('keep: after leaving, colleagues see 前成员 on their pages and posts, admins see the name too; the leaver can no longer edit', async () => {
    const a = await author('张三');
    expect((await governance(colleague, a.page)).owner_name).toBe('张三');
    await ok(rpc(a.who, 'leave_enterprise', { p_enterprise_id: ent }));

    expect(await governance(colleague, a.page)).toMatchObject({ owner_id: a.who.userId, owner_name: '前成员' });
    expect((await governance(admin, a.page)).owner_name).toBe('前成员（张三）');
    // the page's "updated by" line too
    expect((await ok<{ updated_by_name: string }>(rpc(colleague, 'kb_open_page', { p_node_id: a.page }))).updated_by_name).toBe('前成员');
    expect((await ok<{ updated_by_name: string }>(rpc(admin, 'kb_open_page', { p_node_id: a.page }))).updated_by_name).toBe('前成员（张三）');
    for (const who of [colleague, admin]) {
      expect(await ok(rest(who, `community_posts?id=eq.${a.post}&select=author_name`))).toEqual([{ author_name: '前成员' }]);
      expect(await ok(rest(who, `community_comments?id=eq.${a.comment}&select=author_name`))).toEqual([{ author_name: '前成员' }]);
    }
    // who left, and how: admins only
    expect(await ok(rest(colleague, `former_members?enterprise_id=eq.${ent}`))).toEqual([]);
    const rule = await ok<{ rule: string; former_members: Array<{ name: string; ended: string; rule_applied: string }> }>(
      rpc(admin, 'member_content_rule', { p_enterprise_id: ent }));
    expect(rule.rule).toBe('keep');
    expect(rule.former_members).toEqual(expect.arrayContaining([expect.objectContaining({ name: '张三', ended: 'left', rule_applied: 'keep' })]));

    const edit = await rpc(a.who, 'kb_save_page', { p_node_id: a.page, p_delta: delta('离职后偷偷改') });
    expect(edit.status).toBe(400);
    expect(edit.body).toMatchObject({ message: 'kb_node_not_found' });
    expect((await ok<{ delta: unknown }>(rpc(colleague, 'kb_open_page', { p_node_id: a.page }))).delta).toEqual(delta('第一版'));
  });

  it('transfer: on removal the chosen manager owns the pages, takes over the grants and authors the posts', async () => {
    await ok(rpc(admin, 'set_member_content_rule', { p_enterprise_id: ent, p_rule: 'transfer', p_transfer_to: manager.userId }));
    const b = await author('王五');
    await ok(rpc(admin, 'remove_member', { p_enterprise_id: ent, p_user_id: b.who.userId }));

    for (const who of [colleague, admin]) {
      expect(await governance(who, b.page)).toMatchObject({ owner_id: manager.userId, owner_name: '内容经理' });
      expect(await ok(rest(who, `community_posts?id=eq.${b.post}&select=author_name`))).toEqual([{ author_name: '内容经理' }]);
      expect(await ok(rest(who, `community_comments?id=eq.${b.comment}&select=author_name`))).toEqual([{ author_name: '内容经理' }]);
    }
    expect(await sql('select author_id::text from public.community_posts where id = $1', [b.post])).toEqual([{ author_id: manager.userId }]);
    const grants = await sql<{ user_id: string; role: string }>(`select user_id::text, role from public.kb_grants where node_id = $1 and grantee_kind = 'member'`, [space]);
    expect(grants).toEqual(expect.arrayContaining([{ user_id: manager.userId, role: 'editor' }]));
    expect(grants.map((g) => g.user_id)).not.toContain(b.who.userId);
    const edit = await rpc(b.who, 'kb_save_page', { p_node_id: b.page, p_delta: delta('被移除后改') });
    expect(edit.status).toBe(400);
    const rule = await ok<{ rule: string; transfer_to_name: string; former_members: Array<{ name: string; ended: string; rule_applied: string }> }>(
      rpc(admin, 'member_content_rule', { p_enterprise_id: ent }));
    expect(rule).toMatchObject({ rule: 'transfer', transfer_to_name: '内容经理' });
    expect(rule.former_members).toEqual(expect.arrayContaining([expect.objectContaining({ name: '王五', ended: 'removed', rule_applied: 'transfer' })]));
  });

  it('transfer: leaving by oneself hands over too; keep: removal shows 前成员', async () => {
    const c = await author('赵六');
    await ok(rpc(c.who, 'leave_enterprise', { p_enterprise_id: ent }));
    expect((await governance(colleague, c.page)).owner_name).toBe('内容经理');

    await ok(rpc(admin, 'set_member_content_rule', { p_enterprise_id: ent, p_rule: 'keep' }));
    const d = await author('孙七');
    await ok(rpc(admin, 'remove_member', { p_enterprise_id: ent, p_user_id: d.who.userId }));
    expect((await governance(colleague, d.page)).owner_name).toBe('前成员');
    expect((await governance(admin, d.page)).owner_name).toBe('前成员（孙七）');
    expect(await ok(rest(colleague, `community_posts?id=eq.${d.post}&select=author_name`))).toEqual([{ author_name: '前成员' }]);
  });

  it('a cancelled account: 前成员, and its name is not kept', async () => {
    const e = await author('周八');
    await sql('delete from auth.users where id = $1', [e.who.userId]);
    expect((await governance(admin, e.page)).owner_name).toBe('前成员');
    expect(await ok(rest(admin, `community_posts?id=eq.${e.post}&select=author_name`))).toEqual([{ author_name: '前成员' }]);
    expect(await ok(rest(admin, `former_members?user_id=eq.${e.who.userId}&select=display_name,ended`))).toEqual([{ display_name: '已注销用户', ended: 'cancelled' }]);
  });

  it('only admins set the rule, and only to a manager', async () => {
    const denied = await rpc(colleague, 'set_member_content_rule', { p_enterprise_id: ent, p_rule: 'keep' });
    expect(denied.status).toBe(403);
    expect((await rpc(colleague, 'member_content_rule', { p_enterprise_id: ent })).status).toBe(403);
    const plain = await rpc(admin, 'set_member_content_rule', { p_enterprise_id: ent, p_rule: 'transfer', p_transfer_to: colleague.userId });
    expect(plain.status).toBe(400);
    expect(plain.body).toMatchObject({ message: 'content_transfer_target_invalid', hint: '请选择一位管理员或内容管理员接收内容' });
    expect((await rpc(admin, 'set_member_content_rule', { p_enterprise_id: ent, p_rule: 'delete' })).body).toMatchObject({ message: 'content_rule_invalid' });
    expect(await ok(rest(colleague, `member_content_rules?enterprise_id=eq.${ent}`))).toEqual([]);
  });
});

describe('approval before publishing', () => {
  let ent: string;
  let admin: SignedInUser;
  let editor: SignedInUser;
  let otherEditor: SignedInUser;
  let viewer: SignedInUser;
  let outsider: SignedInUser;
  let space: string;
  let page: string;
  beforeAll(async () => {
    ent = await createEnterprise({ edition: 'professional' });
    const other = await createEnterprise({ edition: 'professional' });
    admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
    editor = await newMember(ent, { displayName: '编辑小王' });
    otherEditor = await newMember(ent, { displayName: '编辑小李' });
    viewer = await newMember(ent, { displayName: '读者' });
    outsider = await newMember(other, { role: 'admin' });
    space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '制度' }));
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
      { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' },
      { role: 'editor', kind: 'member', id: editor.userId }, { role: 'editor', kind: 'member', id: otherEditor.userId },
    ] }));
    page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: '报销制度' }));
    await ok(rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('报销需在三十天内提交。') }));
    const refused = await rpc(editor, 'kb_set_space_flag', { p_space_id: space, p_flag: 'approval_required', p_on: true });
    expect(refused.status).toBe(403);
    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: space, p_flag: 'approval_required', p_on: true }));
  });

  it("an editor's save waits: readers keep the published page, and the draft is found by no route", async () => {
    const saved = await ok<{ published: boolean; review_id: string; version_no: number }>(
      rpc(editor, 'kb_submit_page', { p_node_id: page, p_delta: delta('报销改为紫罗兰审批流程。'), p_base_version: 1 }));
    expect(saved).toMatchObject({ published: false, version_no: 1 });
    for (const who of [viewer, otherEditor]) {
      expect((await ok<{ delta: unknown; version_no: number }>(rpc(who, 'kb_open_page', { p_node_id: page })))).toMatchObject({ delta: delta('报销需在三十天内提交。'), version_no: 1 });
      expect(await ok(rest(who, `kb_page_reviews?node_id=eq.${page}`))).toEqual([]);
      expect(await ok(rest(who, `kb_page_reviews?id=eq.${saved.review_id}`))).toEqual([]);
      expect(await ok(rpc(who, 'kb_search', { p_enterprise_id: ent, p_query: '紫罗兰' }))).toEqual([]);
      expect(await ok(rpc(who, 'kb_pending_reviews', { p_enterprise_id: ent }))).toEqual([]);
      const versions = await ok<Array<{ version_no: number }>>(rest(who, `kb_page_versions?node_id=eq.${page}&select=version_no`));
      expect(versions).toEqual([{ version_no: 1 }]);
      expect(await ok(rest(who, `kb_nodes?id=eq.${page}&select=body_text`))).toEqual([{ body_text: '报销需在三十天内提交。\n' }]);
    }
    expect((await rpc(outsider, 'kb_pending_reviews', { p_enterprise_id: ent })).status).toBe(403);
    expect(await ok(rest(outsider, `kb_page_reviews?id=eq.${saved.review_id}`))).toEqual([]);
    // the editor sees their own draft; the manager sees it to decide, and was told
    expect(await ok(rest(editor, `kb_page_reviews?id=eq.${saved.review_id}&select=status`))).toEqual([{ status: 'pending' }]);
    const queue = await ok<Array<{ review_id: string; author_name: string; page_title: string }>>(rpc(admin, 'kb_pending_reviews', { p_enterprise_id: ent }));
    expect(queue).toEqual([expect.objectContaining({ review_id: saved.review_id, author_name: '编辑小王', page_title: '报销制度' })]);
    const notes = await sql(`select data->>'review_id' as r from public.notifications where user_id = $1 and kind = 'kb_review_requested'`, [admin.userId]);
    expect(notes).toEqual([{ r: saved.review_id }]);
  });

  it('publishing around the review is refused: saving or restoring directly', async () => {
    const direct = await rpc(editor, 'kb_save_page', { p_node_id: page, p_delta: delta('绕过审核') });
    expect(direct.status).toBe(400);
    expect(direct.body).toMatchObject({ message: 'kb_approval_required' });
    const [v] = await sql<{ id: string }>('select id::text from public.kb_page_versions where node_id = $1 and version_no = 1', [page]);
    expect((await rpc(editor, 'kb_restore_version', { p_version_id: v.id })).body).toMatchObject({ message: 'kb_approval_required' });
  });

  it('only managers decide; a rejection needs a reason and tells the editor', async () => {
    const [{ id }] = await sql<{ id: string }>(`select id::text from public.kb_page_reviews where node_id = $1 and status = 'pending'`, [page]);
    expect((await rpc(otherEditor, 'kb_review_page', { p_review_id: id, p_approve: true })).status).toBe(403);
    expect((await rpc(viewer, 'kb_review_page', { p_review_id: id, p_approve: true })).status).toBe(403);
    expect((await rpc(outsider, 'kb_review_page', { p_review_id: id, p_approve: true })).body).toMatchObject({ message: 'kb_review_not_found' });
    const noReason = await rpc(admin, 'kb_review_page', { p_review_id: id, p_approve: false, p_reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ message: 'kb_review_reason_invalid' });
    await ok(rpc(admin, 'kb_review_page', { p_review_id: id, p_approve: false, p_reason: '流程名称不对' }));
    expect((await rpc(admin, 'kb_review_page', { p_review_id: id, p_approve: true })).body).toMatchObject({ message: 'kb_review_decided' });
    expect((await governance(editor, page)).my_review).toMatchObject({ status: 'rejected', reason: '流程名称不对' });
    const told = await sql<{ body: string }>(`select body from public.notifications where user_id = $1 and kind = 'kb_review_decided'`, [editor.userId]);
    expect(told[0].body).toContain('流程名称不对');
    expect((await ok<{ version_no: number }>(rpc(viewer, 'kb_open_page', { p_node_id: page }))).version_no).toBe(1);
  });

  it("approved: published as the editor's version, readable and searchable; a manager publishes directly", async () => {
    const again = await ok<{ review_id: string }>(rpc(editor, 'kb_submit_page', { p_node_id: page, p_delta: delta('报销改为线上芍药审批。'), p_base_version: 1 }));
    const decided = await ok<{ status: string; version_no: number }>(rpc(admin, 'kb_review_page', { p_review_id: again.review_id, p_approve: true }));
    expect(decided).toEqual({ status: 'approved', version_no: 2 });
    expect((await ok<{ delta: unknown }>(rpc(viewer, 'kb_open_page', { p_node_id: page }))).delta).toEqual(delta('报销改为线上芍药审批。'));
    expect(await ok(rest(viewer, `kb_page_versions?node_id=eq.${page}&version_no=eq.2&select=author_id`))).toEqual([{ author_id: editor.userId }]);
    const hits = await ok<Array<{ node_id: string }>>(rpc(viewer, 'kb_search', { p_enterprise_id: ent, p_query: '芍药' }));
    expect(hits.map((h) => h.node_id)).toEqual([page]);
    expect((await sql(`select 1 from public.notifications where user_id = $1 and kind = 'kb_review_decided'`, [editor.userId])).length).toBe(2);

    const own = await ok<{ published: boolean; version_no: number }>(rpc(admin, 'kb_submit_page', { p_node_id: page, p_delta: delta('管理员直接发布。') }));
    expect(own).toMatchObject({ published: true, version_no: 3 });
  });

  it("an editor's rename waits too: readers keep the published title until a manager approves it", async () => {
    const held = await ok<{ published: boolean; review_id: string }>(rpc(editor, 'kb_rename_node', { p_node_id: page, p_title: '报销与差旅制度' }));
    expect(held.published).toBe(false);
    for (const who of [viewer, otherEditor]) {
      expect((await ok<{ title: string; version_no: number }>(rpc(who, 'kb_open_page', { p_node_id: page })))).toMatchObject({ title: '报销制度', version_no: 3 });
      expect(await ok(rest(who, `kb_nodes?id=eq.${page}&select=title`))).toEqual([{ title: '报销制度' }]);
      expect(await ok(rpc(who, 'kb_search', { p_enterprise_id: ent, p_query: '差旅' }))).toEqual([]);
    }
    // the draft keeps the published body; the manager sees the new title to decide
    const queue = await ok<Array<{ review_id: string; title: string; page_title: string }>>(rpc(admin, 'kb_pending_reviews', { p_enterprise_id: ent }));
    expect(queue).toEqual([expect.objectContaining({ review_id: held.review_id, title: '报销与差旅制度', page_title: '报销制度' })]);
    // a later body save keeps the held title in the same draft
    const saved = await ok<{ review_id: string }>(rpc(editor, 'kb_submit_page', { p_node_id: page, p_delta: delta('差旅费用按标准报销。'), p_base_version: 3 }));
    expect(saved.review_id).toBe(held.review_id);
    // a description can't slip through with a held rename
    expect((await rpc(editor, 'kb_rename_node', { p_node_id: page, p_title: '报销与差旅制度', p_description: '改描述' })).body).toMatchObject({ message: 'kb_approval_required' });

    expect(await ok(rpc(admin, 'kb_review_page', { p_review_id: held.review_id, p_approve: true }))).toEqual({ status: 'approved', version_no: 4 });
    expect((await ok<{ title: string; delta: unknown }>(rpc(viewer, 'kb_open_page', { p_node_id: page })))).toMatchObject({ title: '报销与差旅制度', delta: delta('差旅费用按标准报销。') });
    expect((await ok<Array<{ node_id: string }>>(rpc(viewer, 'kb_search', { p_enterprise_id: ent, p_query: '差旅' }))).map((h) => h.node_id)).toEqual([page]);

    // managers rename at once; folders (no review of their own) are renamed at once
    expect(await ok(rpc(admin, 'kb_rename_node', { p_node_id: page, p_title: '报销制度' }))).toEqual({ published: true, review_id: null });
    expect((await ok<{ title: string }>(rpc(viewer, 'kb_open_page', { p_node_id: page }))).title).toBe('报销制度');
    const folder = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'folder', p_title: '附件' }));
    expect(await ok(rpc(editor, 'kb_rename_node', { p_node_id: folder, p_title: '附件资料' }))).toEqual({ published: true, review_id: null });
  });
});

describe('owners and review dates', () => {
  let ent: string;
  let admin: SignedInUser;
  let owner: SignedInUser;
  let editor: SignedInUser;
  let viewer: SignedInUser;
  let page: string;
  beforeAll(async () => {
    ent = await createEnterprise({ edition: 'basic' });
    admin = await newMember(ent, { role: 'admin' });
    owner = await newMember(ent, { displayName: '负责人' });
    editor = await newMember(ent, { displayName: '另一位编辑' });
    viewer = await newMember(ent);
    const space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '手册' }));
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
      { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' },
      { role: 'editor', kind: 'member', id: owner.userId }, { role: 'editor', kind: 'member', id: editor.userId },
    ] }));
    page = await ok<string>(rpc(owner, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: '安全规范' }));
  });

  it('the creator owns the page; the owner or a manager sets the review date, nobody else', async () => {
    expect((await governance(viewer, page)).owner_id).toBe(owner.userId);
    const d = await today();
    expect((await rpc(editor, 'kb_set_review_date', { p_node_id: page, p_due: d })).status).toBe(403);
    expect((await rpc(viewer, 'kb_set_review_date', { p_node_id: page, p_due: d })).status).toBe(403);
    const past = await rpc(owner, 'kb_set_review_date', { p_node_id: page, p_due: addDays(d, -1) });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ message: 'kb_review_date_invalid' });
    await ok(rpc(owner, 'kb_set_review_date', { p_node_id: page, p_due: d }));
    expect(await governance(owner, page)).toMatchObject({ review_due: d, stale: true });
  });

  it("待复查 lists the owner's due pages, the job tells them once per due date, 已复查 sets the next date", async () => {
    const stale = await ok<Array<{ node_id: string }>>(rpc(owner, 'kb_stale_pages', { p_enterprise_id: ent }));
    expect(stale.map((s) => s.node_id)).toEqual([page]);
    expect(await ok(rpc(editor, 'kb_stale_pages', { p_enterprise_id: ent }))).toEqual([]);
    await sql('select public.kb_run_jobs()');
    await sql('select public.kb_run_jobs()');
    const notes = await sql(`select 1 from public.notifications where user_id = $1 and kind = 'kb_review_due' and data->>'node_id' = $2`, [owner.userId, page]);
    expect(notes.length).toBe(1);
    // an API role can't run the job
    expect((await rpc(admin, 'kb_run_jobs', {})).status).toBeGreaterThanOrEqual(400);

    const next = await ok<string>(rpc(owner, 'kb_mark_reviewed', { p_node_id: page }));
    expect(next).toBe(addDays(await today(), 90));
    expect(await ok(rpc(owner, 'kb_stale_pages', { p_enterprise_id: ent }))).toEqual([]);
    expect((await rpc(owner, 'kb_mark_reviewed', { p_node_id: page, p_next: await today() })).body).toMatchObject({ message: 'kb_review_date_invalid' });
  });

  it('managers change the owner, to a member only', async () => {
    expect((await rpc(owner, 'kb_set_page_owner', { p_node_id: page, p_owner_id: editor.userId })).status).toBe(403);
    const stranger = await rpc(admin, 'kb_set_page_owner', { p_node_id: page, p_owner_id: '00000000-0000-0000-0000-000000000001' });
    expect(stranger.status).toBe(400);
    await ok(rpc(admin, 'kb_set_page_owner', { p_node_id: page, p_owner_id: editor.userId }));
    expect(await governance(viewer, page)).toMatchObject({ owner_id: editor.userId, owner_name: '另一位编辑' });
    await ok(rpc(editor, 'kb_set_review_date', { p_node_id: page, p_due: null }));
  });
});

describe('storage per space and file links', () => {
  let ent: string;
  let admin: SignedInUser;
  let downloader: SignedInUser;
  let viewer: SignedInUser;
  let space: string;
  let file: string;
  const path = () => `${ent}/${file}/manual.pdf`;
  const sign = (who: SignedInUser, objectPath: string) => {
    const s = getStack();
    return fetch(`${s.url}/storage/v1/object/sign/kb/${objectPath}`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresIn: 60 }),
    });
  };
  beforeAll(async () => {
    ent = await createEnterprise({ edition: 'basic' });
    admin = await newMember(ent, { role: 'admin' });
    downloader = await newMember(ent);
    viewer = await newMember(ent);
    space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '资料库' }));
    await ok(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '空空间' }));
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
      { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' }, { role: 'downloader', kind: 'member', id: downloader.userId },
    ] }));
    file = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'file', p_title: '手册.pdf' }));
    const bytes = new Uint8Array(Buffer.from('%PDF-1.4 governance'));
    expect((await storageObject(admin.token, 'POST', 'kb', path(), { bytes, contentType: 'application/pdf' })).status).toBe(200);
    await ok(rpc(admin, 'kb_set_file', { p_node_id: file, p_object_path: path(), p_mime: 'application/pdf', p_size: bytes.length }));
  });

  it('admins see usage per space against the quota; members are refused', async () => {
    const usage = await ok<{ used: number; quota: number; spaces: Array<{ title: string; bytes: number }> }>(rpc(admin, 'kb_storage_by_space', { p_enterprise_id: ent }));
    expect(usage.used).toBe(19);
    expect(usage.quota).toBe(5 * 1024 ** 3);
    expect(usage.spaces).toEqual([expect.objectContaining({ title: '资料库', bytes: 19 }), expect.objectContaining({ title: '空空间', bytes: 0 })]);
    const refused = await rpc(viewer, 'kb_storage_by_space', { p_enterprise_id: ent });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ message: 'kb_forbidden' });
  });

  it('only downloaders get a link to a file; once removed, no new link', async () => {
    expect((await ok<{ file_path: string | null }>(rpc(viewer, 'kb_open_page', { p_node_id: file }))).file_path).toBeNull();
    expect((await sign(viewer, path())).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(viewer.token, 'GET', 'kb', path())).status).toBeGreaterThanOrEqual(400);
    const link = await sign(downloader, path());
    expect(link.status).toBe(200);
    await ok(rpc(admin, 'remove_member', { p_enterprise_id: ent, p_user_id: downloader.userId }));
    expect((await sign(downloader, path())).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(downloader.token, 'GET', 'kb', path())).status).toBeGreaterThanOrEqual(400);
  });
});
