// Issue 14, governance end to end on the H5 build: in a space with approval before publishing, an
// editor's save waits (readers keep the published page), the manager finds it under 待审核 on the
// knowledge-base home, reads it and approves, and readers then see it; a page past its review date
// is listed under 待复查 for its owner until 已复查.
import { sql } from '../support/clients';
import { createEnterprise, newMember } from '../integration/support-tenancy/fixture';
import { delta, ok, rpc } from '../integration/kb-support';
import { kbOpener } from './support/kb-pages';
import { browserSuite } from './support/suite';

const openAs = kbOpener(browserSuite());

it('approval: editor saves → pending (readers keep the published page) → manager approves from 待审核 → published', async () => {
  const ent = await createEnterprise({ edition: 'professional' });
  const admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
  const editor = await newMember(ent, { displayName: '编辑小王' });
  const reader = await newMember(ent, { displayName: '读者' });
  const space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '报销制度' }));
  await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
    { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' }, { role: 'editor', kind: 'member', id: editor.userId },
  ] }));
  const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: '差旅报销' }));
  await ok(rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('住宿标准每晚四百元。') }));
  await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: space, p_flag: 'approval_required', p_on: true }));

  const ed = await openAs(editor, `packages/kb/page/index?node=${page}`);
  await ed.el('kb-doc').filter({ hasText: '每晚四百元' }).waitFor();
  await ed.el('kb-edit').click();
  await ed.editorBody().fill('住宿标准每晚五百元。');
  await ed.savePage();
  await ed.el('kb-my-review').filter({ hasText: '等待管理者审核' }).waitFor();
  // the published page is unchanged for the editor and for readers
  expect(await ed.el('kb-doc').textContent()).toContain('每晚四百元');
  const rd = await openAs(reader, `packages/kb/page/index?node=${page}`);
  await rd.el('kb-doc').filter({ hasText: '每晚四百元' }).waitFor();

  const mgr = await openAs(admin, `packages/kb/index?id=${ent}`);
  await mgr.el('kb-home-reviews').filter({ hasText: '待审核 1' }).click();
  await mgr.el('kb-review-item').filter({ hasText: '编辑小王' }).click();
  await mgr.el('kb-review').filter({ hasText: '每晚五百元' }).waitFor();
  await mgr.el('kb-review-approve').click();
  await mgr.el('kb-review-status').filter({ hasText: '已通过' }).waitFor();

  await rd.open(`packages/kb/page/index?node=${page}`);
  await rd.el('kb-doc').filter({ hasText: '每晚五百元' }).waitFor();
  expect(await rd.el('kb-page-meta').textContent()).toContain('编辑小王');
});

it('待复查: a page past its review date is listed for its owner until 已复查', async () => {
  const ent = await createEnterprise({ edition: 'basic' });
  const admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
  const space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '安全手册' }));
  const page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: '消防演练' }));
  await ok(rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: delta('每季度演练一次。') }));
  // due yesterday (set in SQL: the RPC takes today at the earliest)
  await sql(`update public.kb_nodes set review_due = private.shanghai_today() - 1 where id = $1`, [page]);

  const app = await openAs(admin, `packages/kb/index?id=${ent}`);
  await app.el('kb-stale-item').filter({ hasText: '消防演练' }).click();
  await app.el('kb-review-due').filter({ hasText: '已到期' }).waitFor();
  await app.el('kb-mark-reviewed').click();
  await app.el('kb-review-due').filter({ hasNotText: '已到期' }).waitFor();
  await app.open(`packages/kb/index?id=${ent}`);
  await app.el('kb-spaces-list').waitFor();
  expect(await app.el('kb-stale').count()).toBe(0);
});
