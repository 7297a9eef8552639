// Issue 14 end to end on the H5 build: an admin creates a space, a folder and a page with an image;
// restricts the folder to one department in the permission editor; a member of that department
// finds the page by a two-character query, a member of another department finds nothing; the admin
// edits the page and restores the first version from the history.
import { sql } from '../support/clients';
import { addDepartment, createEnterprise, newMember } from '../integration/support-tenancy/fixture';
import { kbOpener, TINY_PNG } from './support/kb-pages';
import { browserSuite } from './support/suite';

const openAs = kbOpener(browserSuite());

it('space → page with an image → restricted folder → search as allowed and refused members → edit → restore a version', async () => {
  const ent = await createEnterprise({ edition: 'professional' });
  const rd = await addDepartment(ent, '研发中心');
  const market = await addDepartment(ent, '市场部');
  const admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
  const engineer = await newMember(ent, { displayName: '研发工程师', departmentId: rd });
  const marketer = await newMember(ent, { displayName: '市场专员', departmentId: market });
  const tag = Math.floor(Math.random() * 1e5);
  const space = `产品文档${tag}`;

  const app = await openAs(admin, `packages/kb/index?id=${ent}`);
  await app.createSpace(space, 'enterprise');
  await app.createNode('folder', '发布计划');
  await app.node('发布计划').click();
  await app.el('kb-folder').filter({ hasText: '发布计划' }).waitFor();
  await app.createNode('page', '灰度方案');
  await app.writePage('# 灰度方案\n先向研发中心开放，观察一周。');
  await app.insertImage('rollout.png', TINY_PNG);
  await app.savePage();
  await app.node('灰度方案').click();
  // the image comes from the kb bucket through a signed link (Storage checked the reader's right)
  const img = app.el('kb-doc').locator('img').first();
  await img.waitFor();
  expect(await img.getAttribute('src')).toContain('/storage/v1/object/sign/kb/');
  await app.el('kb-doc').filter({ hasText: '观察一周' }).waitFor();

  // restrict the folder: stop inheriting, drop everyone, grant 研发中心
  const [{ id: folderId }] = await sql<{ id: string }>(`select id from public.kb_nodes where enterprise_id = $1 and title = '发布计划'`, [ent]);
  await app.open(`packages/kb/folder/index?node=${folderId}`);
  await app.el('kb-folder-access').click();
  await app.el('kb-access-source').filter({ hasText: space }).waitFor();
  await app.el('kb-access-customize').click();
  await app.el('kb-access-grant').filter({ hasText: '企业全员' }).getByTestId('kb-access-remove').click();
  await app.el('kb-access-kind-department').click();
  await app.el(`kb-access-target-${rd}`).click();
  await app.el('kb-access-role-viewer').click();
  await app.el('kb-access-add').click();
  await app.el('kb-access-save').click();
  await app.el('kb-access-source').filter({ hasText: '单独设置' }).waitFor();
  expect(await app.el('kb-access-grant').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('研发中心')]));

  const allowed = await openAs(engineer, `packages/kb/search/index?id=${ent}`);
  expect((await allowed.search('灰度')).some((t) => t.includes('灰度方案'))).toBe(true);
  const refused = await openAs(marketer, `packages/kb/search/index?id=${ent}`);
  expect(await refused.search('灰度')).toEqual([]);

  // edit, then restore the first version from the history
  const [{ id: pageId }] = await sql<{ id: string }>(`select id from public.kb_nodes where enterprise_id = $1 and title = '灰度方案'`, [ent]);
  await app.open(`packages/kb/page/index?node=${pageId}`);
  await app.el('kb-edit').click();
  await app.writePage('# 灰度方案\n直接全量发布。');
  await app.savePage();
  await app.el('kb-doc').filter({ hasText: '直接全量发布' }).waitFor();
  await app.el('kb-versions').click();
  const first = app.el('kb-version').filter({ hasText: '第 1 版' });
  await first.getByTestId('kb-version-restore').click();
  await app.el('kb-version').filter({ hasText: '由第 1 版恢复' }).waitFor();
  await app.open(`packages/kb/page/index?node=${pageId}`);
  await app.el('kb-doc').filter({ hasText: '观察一周' }).waitFor();
  // the restored version's image shows once its signed link is fetched (after the text)
  await app.el('kb-doc').locator('img').first().waitFor();
  expect(await app.el('kb-doc').locator('img').count()).toBe(1);
});
