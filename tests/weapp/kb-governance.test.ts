// 知识库 approval before publishing in the compiled mini-program: in a space with approval on, an
// editor saves a page (it waits: the toast says so, the published page is unchanged), the manager
// opens 待审核 from the knowledge-base home, opens the save, reads it and approves it; the page's
// new version is then the editor's. The enterprise, members, space and its switch are arranged
// through the API; the save, the list and the decision happen in the simulated pages.
import { sql } from '../support/clients';
import { createEnterprise, newMember } from '../integration/support-tenancy/fixture';
import { rpc } from './support/rpc';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const HOME_PAGE = 'packages/kb/index';
const EDIT_PAGE = 'packages/kb/edit/index';
const REVIEW_PAGE = 'packages/kb/review/index';

const app = simulatedApp();

test("an editor's save waits for review; the manager approves it from 待审核 and it is published as the editor's", async () => {
  const ent = await createEnterprise({ edition: 'professional' });
  const admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
  const editor = await newMember(ent, { displayName: '编辑小王' });
  const space = await rpc<string>(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '报销制度' });
  await rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
    { role: 'manager', kind: 'member', id: admin.userId }, { role: 'viewer', kind: 'everyone' }, { role: 'editor', kind: 'member', id: editor.userId },
  ] });
  const page = await rpc<string>(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: '差旅报销' });
  await rpc(admin, 'kb_save_page', { p_node_id: page, p_delta: { ops: [{ insert: '住宿标准每晚四百元。\n' }] } });
  await rpc(admin, 'kb_set_space_flag', { p_space_id: space, p_flag: 'approval_required', p_on: true });

  const ed = await app.openAs(editor, EDIT_PAGE, { node: page });
  // the native <editor>: the simulator has no editing surface, so the test fires what WeChat would
  const node = await ed.waitFor(() => ed.nodes().find((n) => n.tag === 'editor'), 'the editor');
  await ed.fire(node, 'ready', {});
  await ed.fire(node, 'input', { html: '', text: '住宿标准每晚五百元。\n', delta: { ops: [{ insert: '住宿标准每晚五百元。\n' }] } });
  await ed.tap('保存（生成新版本）');
  const eh = app.harness;
  await ed.waitFor(() => eh.bridge.toasts.some((t) => t.title === '已提交审核，管理者通过后发布'), 'submitted for review');
  await app.closeQuiet();
  const [pending] = await sql<{ id: string; version_no: number }>(
    `select r.id::text, c.version_no from public.kb_page_reviews r join public.kb_page_contents c on c.node_id = r.node_id
      where r.node_id = $1 and r.status = 'pending'`, [page]);
  expect(pending.version_no).toBe(1);

  const home = await app.openAs(admin, HOME_PAGE, { id: ent });
  await home.waitFor(() => home.text().includes('待审核 1'), 'the 待审核 entry on the home');
  await home.tap('待审核 1');
  const hh = app.harness;
  await home.waitFor(() => hh.bridge.navigations.find((n) => n.url?.includes('packages/kb/reviews/index')), 'the review list opened');
  await app.closeQuiet();

  const review = await app.openAs(admin, REVIEW_PAGE, { review: pending.id });
  await review.waitFor(() => review.text().includes('每晚五百元'), 'the pending save shown');
  await review.tap('通过并发布');
  await review.waitFor(() => review.text().includes('已通过'), 'approved');
  await app.closeQuiet();

  const versions = await sql<{ version_no: number; author_id: string; body_text: string }>(
    'select version_no, author_id::text, body_text from public.kb_page_versions where node_id = $1 order by version_no', [page]);
  expect(versions.map((v) => [v.version_no, v.author_id])).toEqual([[1, admin.userId], [2, editor.userId]]);
  expect(versions[1].body_text).toContain('每晚五百元');
});
