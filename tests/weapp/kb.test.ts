// 知识库 in the compiled mini-program: an admin makes a folder in a space and a page in it, writes the
// page; the folder is restricted to one colleague; a search finds the page for that colleague and
// nothing for another, who can't open it either; the admin edits the page and restores the first
// version from 历史版本. The enterprise, its members, the space and the folder's permissions are
// arranged through the API and the database (the app has no space creation or permission editor
// yet); everything else happens in the simulated pages and is then checked in the database.
import { sql } from '../support/clients';
import { createEnterprise, newMember } from '../integration/support-tenancy/fixture';
import type { PageDriver } from './support/page-driver';
import { rpc } from './support/rpc';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const FOLDER_PAGE = 'packages/kb/folder/index';
const EDIT_PAGE = 'packages/kb/edit/index';
const PAGE_PAGE = 'packages/kb/page/index';
const VERSIONS_PAGE = 'packages/kb/versions/index';
const SEARCH_PAGE = 'packages/kb/search/index';

const app = simulatedApp();

const nodeNamed = async (enterpriseId: string, title: string) =>
  (await sql<{ id: string }>('select id from public.kb_nodes where enterprise_id = $1 and title = $2', [enterpriseId, title]))[0]?.id;

const versionsOf = (nodeId: string) =>
  sql<{ version_no: number; body_text: string; restored_from: number | null }>(
    'select version_no, body_text, restored_from from public.kb_page_versions where node_id = $1 order by version_no', [nodeId]);

/**
 * Writes into the open native <editor> and saves a new version: a tap on H1 asks the editor to
 * format the line; WeChat then fires `input` with the content as `{html, text, delta}` (the
 * simulator has no editing surface, so the test fires the event the editor would).
 */
async function writeAndSave(editor: PageDriver, title: string, body: string): Promise<void> {
  const node = await editor.waitFor(() => editor.nodes().find((n) => n.tag === 'editor'), 'the editor');
  await editor.fire(node, 'ready', {});
  // the person types the first line, then taps H1 on it (the page asked the editor for its context on ready)
  await editor.fire(node, 'input', { html: '', text: `${title}\n`, delta: { ops: [{ insert: `${title}\n` }] } });
  const h = app.harness;
  await editor.waitFor(() => h.bridge.editorCalls.some((c) => c.method === 'setContents'), 'the editor context');
  await editor.tap('H1');
  const delta = { ops: [{ insert: title }, { insert: '\n', attributes: { header: 1 } }, { insert: body, attributes: { bold: true } }, { insert: '\n' }] };
  await editor.fire(node, 'input', { html: '', text: `${title}\n${body}\n`, delta });
  await editor.tap('保存（生成新版本）');
}

/** What the page asked of the native editor (recorded by the simulated EditorContext). */
const editorCalls = (h: typeof app.harness, method: string) => h.bridge.editorCalls.filter((c) => c.method === method).map((c) => c.args);

test('a folder and a page, restricted to one colleague, found by them only; edited, then an old version restored', async () => {
  const ent = await createEnterprise({ edition: 'professional' });
  const admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
  const allowed = await newMember(ent, { displayName: '财务专员' });
  const refused = await newMember(ent, { displayName: '市场专员' });
  // Setup through the RPC: the app has no way to create a space yet.
  const space = await rpc<string>(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '员工手册' });

  // The admin makes a folder in the space, then a page in the folder, and writes it.
  const folderPage = await app.openAs(admin, FOLDER_PAGE, { node: space });
  await folderPage.waitFor(() => folderPage.text().includes('这里还没有内容'), 'the empty space');
  await folderPage.type('新页面或文件夹的名称', '薪酬机密');
  await folderPage.tap('新建文件夹');
  await folderPage.waitFor(() => folderPage.text().includes('📁 薪酬机密'), 'the new folder listed');
  await app.closeQuiet();
  const folder = await nodeNamed(ent, '薪酬机密');

  const inFolder = await app.openAs(admin, FOLDER_PAGE, { node: folder });
  await inFolder.type('新页面或文件夹的名称', '年终奖方案');
  await inFolder.tap('新建页面');
  const h = app.harness;
  await inFolder.waitFor(() => h.bridge.navigations.find((n) => n.url?.includes('packages/kb/edit/index')), 'the editor opened for the new page');
  await app.closeQuiet();
  const pageId = await nodeNamed(ent, '年终奖方案');

  const editor = await app.openAs(admin, EDIT_PAGE, { node: pageId });
  await writeAndSave(editor, '年终奖', '年终奖金按绩效系数发放，系数上限为三倍。');
  const eh = app.harness;
  await editor.waitFor(() => eh.bridge.toasts.some((t) => t.title === '已保存'), 'saved');
  expect(editorCalls(eh, 'format')).toEqual([['header', 1]]);
  await app.closeQuiet();
  expect(await versionsOf(pageId)).toEqual([{ version_no: 1, body_text: expect.stringContaining('系数上限为三倍'), restored_from: null }]);
  // stored as the Delta the editor gave: a heading and bold text
  const [saved] = await sql<{ delta: { ops: unknown[] } }>('select delta from public.kb_page_contents where node_id = $1', [pageId]);
  expect(saved.delta.ops).toEqual([{ insert: '年终奖' }, { insert: '\n', attributes: { header: 1 } },
    { insert: '年终奖金按绩效系数发放，系数上限为三倍。', attributes: { bold: true } }, { insert: '\n' }]);

  // Setup through the RPC: no permission editor on this branch yet. Only 财务专员 may read the folder.
  await rpc(admin, 'kb_set_grants', { p_node_id: folder, p_grants: [{ role: 'viewer', kind: 'member', id: allowed.userId }] });

  // Search as the colleague allowed, then as one refused.
  const found = await app.openAs(allowed, SEARCH_PAGE, { q: encodeURIComponent('年终奖') });
  await found.waitFor(() => found.text().includes('年终奖方案'), 'the page found');
  expect(found.text()).toContain('系数上限为三倍');
  await found.tap('年终奖方案');
  const fh = app.harness;
  await found.waitFor(() => fh.bridge.navigations.find((n) => n.url?.includes(`packages/kb/page/index?node=${pageId}`)), 'the page opened from the hit');
  await app.closeQuiet();

  const nothing = await app.openAs(refused, SEARCH_PAGE, { q: encodeURIComponent('年终奖') });
  await nothing.waitFor(() => nothing.text().includes('没有找到相关内容'), 'no hit for the refused member');
  expect(nothing.text()).not.toContain('年终奖方案');
  await app.closeQuiet();
  // Nor does a link to the page open it for them.
  const direct = await app.openAs(refused, PAGE_PAGE, { node: pageId });
  await direct.waitFor(() => direct.text().includes('找不到该内容，或你没有查看权限'), 'the page refused');
  expect(direct.text()).not.toContain('系数上限为三倍');
  await app.closeQuiet();

  // The admin edits the page (version 2), then restores version 1 (version 3, restored from 1).
  const again = await app.openAs(admin, EDIT_PAGE, { node: pageId });
  const ag = app.harness;
  await again.fire(await again.waitFor(() => again.nodes().find((n) => n.tag === 'editor'), 'the editor'), 'ready', {});
  await again.waitFor(() => editorCalls(ag, 'setContents').some((d) => JSON.stringify(d).includes('系数上限为三倍')), 'the current text in the editor');
  await writeAndSave(again, '年终奖', '年终奖金暂停发放。');
  const ah = app.harness;
  await again.waitFor(() => ah.bridge.toasts.some((t) => t.title === '已保存'), 'saved again');
  await app.closeQuiet();

  const history = await app.openAs(admin, VERSIONS_PAGE, { node: pageId });
  await history.waitFor(() => history.text().includes('第 2 版（当前）'), 'the history');
  await history.tap(history.byTextWithin('第 1 版', '恢复此版本'));
  const vh = app.harness;
  await history.waitFor(() => vh.bridge.toasts.some((t) => t.title === '已恢复为新版本'), 'restored');
  await history.waitFor(() => history.text().includes('第 3 版（当前）'), 'the restored version current');
  expect(history.text()).toContain('由第 1 版恢复');
  await app.closeQuiet();

  expect(await versionsOf(pageId)).toEqual([
    { version_no: 1, body_text: expect.stringContaining('系数上限为三倍'), restored_from: null },
    { version_no: 2, body_text: expect.stringContaining('暂停发放'), restored_from: null },
    { version_no: 3, body_text: expect.stringContaining('系数上限为三倍'), restored_from: 1 },
  ]);
  const [content] = await sql<{ version_no: number; text: string }>(
    'select version_no, delta::text as text from public.kb_page_contents where node_id = $1', [pageId]);
  expect(content.version_no).toBe(3);
  expect(content.text).toContain('系数上限为三倍');
});
