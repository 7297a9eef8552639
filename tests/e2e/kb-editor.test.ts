// Issue 14, the rich-text editor on the H5 build: an editor writes a page with a heading, bold text
// and an uploaded image in Quill, saves it, and the page shows them; then imports a Markdown file
// into the editor and exports the page as Markdown. Also: a page from a built-in template, the
// comparison of two versions, the space's copy restriction on the page, and a copy of the page and
// a page made from it as a saved template, whose images stay readable without the original.
import type { BrowserContext, Download } from 'playwright-core';
import { sql, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { createEnterprise, newMember } from '../integration/support-tenancy/fixture';
import { mobileContext } from './support/browser';
import { KbPages, TINY_PNG } from './support/kb-pages';
import { browserSuite } from './support/suite';

const suite = browserSuite();
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
});

async function openAs(who: SignedInUser, route: string): Promise<KbPages> {
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  context = await mobileContext(suite.browser);
  const app = new KbPages(await context.newPage(), suite.server.url);
  await app.openSignedIn(data.session, route, getStack().url);
  return app;
}

async function textOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

it('writes a heading, bold text and an image in the rich editor, imports a Markdown file, exports Markdown; templates, compare, copy restriction', async () => {
  const ent = await createEnterprise({ edition: 'professional' });
  const admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
  const { data: space } = await admin.client.rpc('kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '项目空间' });

  // a blank page (新建页面 with 空白页): a heading, a line with bold text, an uploaded image
  const app = await openAs(admin, `packages/kb/folder/index?node=${space as string}`);
  await app.createNode('page', '周会');
  await app.editorBody().click();
  await app.el('kb-editor-tool-h1').click();
  await app.page.keyboard.insertText('季度复盘');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.insertText('结论：');
  await app.el('kb-editor-tool-bold').click();
  await app.page.keyboard.insertText('按期上线');
  await app.insertImage('chart.png', TINY_PNG);
  await app.savePage();
  const [{ id: pageId }] = await sql<{ id: string }>(`select id from public.kb_nodes where enterprise_id = $1 and title = '周会'`, [ent]);
  await app.open(`packages/kb/page/index?node=${pageId}`);
  const doc = app.el('kb-doc');
  await doc.getByRole('heading', { level: 1, name: '季度复盘' }).waitFor();
  expect(await doc.locator('.rt-run--bold').allTextContents()).toEqual(['按期上线']);
  const img = doc.locator('img').first();
  await img.waitFor();
  expect(await img.getAttribute('src')).toContain('/storage/v1/object/sign/kb/');
  const [stored] = await sql<{ delta: { ops: Array<{ insert: unknown; attributes?: Record<string, unknown> }> } }>(
    'select delta from public.kb_page_contents where node_id = $1', [pageId]);
  expect(stored.delta.ops).toEqual(expect.arrayContaining([
    { insert: '季度复盘' }, { insert: '\n', attributes: { header: 1 } }, { insert: '按期上线', attributes: { bold: true } },
    expect.objectContaining({ insert: { image: expect.stringMatching(new RegExp(`^kb/${ent}/${pageId}/image-\\d+\\.png$`)) } }),
  ]));

  // 复制: the copy gets its own image (checked at the end, as a member who may not read the original)
  await app.el('kb-copy').click();
  // the copy's own page opens (its title is the original's with 副本)
  await app.page.getByText('周会 副本', { exact: true }).first().waitFor();
  const [{ id: copyId }] = await sql<{ id: string }>(`select id from public.kb_nodes where enterprise_id = $1 and title = '周会 副本'`, [ent]);
  await app.open(`packages/kb/page/index?node=${pageId}`);
  await app.el('kb-doc').waitFor();

  // 存为模板, then 新建页面 from it: the new page gets its own copy of the image (checked at the end too)
  await app.el('kb-save-template').click();
  await app.page.getByText('已存为模板').first().waitFor();
  const [{ id: templateId }] = await sql<{ id: string }>(`select id from public.kb_templates where enterprise_id = $1 and title = '周会'`, [ent]);
  await app.open(`packages/kb/folder/index?node=${space as string}`);
  await app.el(`kb-template-${templateId}`).click();
  await app.createNode('page', '周会模板页');
  await app.editorBody().locator('img').first().waitFor();
  const [{ id: fromTemplateId }] = await sql<{ id: string }>(`select id from public.kb_nodes where enterprise_id = $1 and title = '周会模板页'`, [ent]);
  const [made] = await sql<{ delta: unknown }>('select delta from public.kb_page_contents where node_id = $1', [fromTemplateId]);
  expect(JSON.stringify(made.delta)).toMatch(new RegExp(`"kb/${ent}/${fromTemplateId}/image-\\d+\\.png"`));
  await app.open(`packages/kb/page/index?node=${pageId}`);
  await app.el('kb-doc').waitFor();

  // import a Markdown file into the editor (it replaces the body), save, then export it
  await app.el('kb-edit').click();
  await app.editorBody().waitFor();
  await app.el('kb-md-import').click();
  const chooser = app.page.waitForEvent('filechooser');
  await app.el('kb-md-file').click();
  await (await chooser).setFiles({ name: '复盘.md', mimeType: 'text/markdown', buffer: Buffer.from('# 导入的复盘\n\n- 目标达成\n- 下季度**扩容**\n\n![外链图](https://img.example.com/x.png)\n') });
  await app.el('kb-editor-notice').filter({ hasText: '1 张外部图片已转为链接' }).waitFor();
  await app.editorBody().locator('h1', { hasText: '导入的复盘' }).waitFor();
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.el('kb-md-export').click()]);
  expect(download.suggestedFilename()).toBe('周会.md');
  expect(await textOf(download)).toBe('# 导入的复盘\n\n- 目标达成\n- 下季度**扩容**\n\n[外链图](https://img.example.com/x.png)\n');
  await app.savePage();
  await app.el('kb-doc').getByRole('heading', { level: 1, name: '导入的复盘' }).waitFor();

  // compare the two versions: the imported lines added, the written ones removed, each with its sign
  await app.el('kb-versions').click();
  await app.el('kb-compare-summary').filter({ hasText: '第 1 版 → 第 2 版' }).waitFor();
  expect(await app.el('kb-diff-added').first().getAttribute('aria-label')).toBe('新增：导入的复盘');
  expect(await app.el('kb-diff-removed').first().getAttribute('aria-label')).toBe('删除：季度复盘');

  // the space restricts copying: the page's text can't be selected, and a copy is refused
  await app.open(`packages/kb/access/index?node=${space as string}`);
  await app.el('kb-copy-protect-switch-on').click();
  await app.page.waitForFunction(() => document.querySelector('[data-testid="kb-copy-protect-switch-on"]')?.getAttribute('aria-checked') === 'true');
  await app.open(`packages/kb/page/index?node=${pageId}`);
  await app.el('kb-doc').waitFor();
  expect(await app.el('kb-doc').getAttribute('data-no-copy')).toBe('true');
  expect(await app.el('kb-doc').evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  const refused = await app.el('kb-doc').evaluate((el) => !el.dispatchEvent(new Event('copy', { bubbles: true, cancelable: true })));
  expect(refused).toBe(true);

  // 新建页面 from the built-in 会议纪要 template: the editor opens with it
  await app.open(`packages/kb/folder/index?node=${space as string}`);
  await app.el('kb-template-builtin-meeting').click();
  await app.createNode('page', '例会');
  await app.editorBody().locator('h1', { hasText: '会议纪要' }).waitFor();

  // the copy stands on its own: the original is restricted to the admin and its image deleted, and a
  // member who may read the copy only still sees the copy's image
  const original = (stored.delta.ops.find((op) => typeof op.insert === 'object') as { insert: { image: string } }).insert.image.replace(/^kb\//, '');
  const { error: restrictError } = await admin.client.rpc('kb_set_grants', { p_node_id: pageId, p_grants: [{ role: 'manager', kind: 'member', id: admin.userId }] });
  expect(restrictError).toBeNull();
  const { error: removeError } = await admin.client.storage.from('kb').remove([original]);
  expect(removeError).toBeNull();
  const reader = await newMember(ent, { displayName: '读者' });
  await context?.close();
  const other = await openAs(reader, `packages/kb/page/index?node=${copyId}`);
  for (const id of [copyId, fromTemplateId]) {
    await other.open(`packages/kb/page/index?node=${id}`);
    const copied = other.el('kb-doc').locator('img').first();
    await copied.waitFor();
    expect(await copied.getAttribute('src')).toContain(`/storage/v1/object/sign/kb/${ent}/${id}/`);
    await other.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="kb-doc"] img')].some((i) => i.naturalWidth > 0));
  }
});
