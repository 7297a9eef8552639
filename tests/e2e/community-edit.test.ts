// Issue 15 on the H5 build, rich text and editing: the author writes the body in the rich-text
// editor (Quill) with a bold phrase and two pictures; the post page renders the formatting; the
// author opens 编辑, removes the first picture, adds another and rewrites the body; the post page
// shows the saved post, and the database holds the new Delta and pictures in order.
import type { BrowserContext } from 'playwright-core';
import { sql, type SignedInUser } from '../support/clients';
import { community } from '../integration/support-community/community';
import { openCommunityAs } from './support/community-pages';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
});

const openAs = (who: SignedInUser, route: string) => openCommunityAs(suite, contexts, who, route);
// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

it('compose in the rich-text editor with pictures → the post shows the formatting → 编辑: keep, remove, add pictures and rewrite', async () => {
  const c = await community(1);
  const [author] = c.members;
  const title = `读书会纪要${Math.floor(Math.random() * 1e5)}`;

  const app = await openAs(author, 'packages/community/index');
  await app.page.getByTestId('community-compose-link').click();
  await app.addImages([{ name: 'first.png', buffer: PNG }, { name: 'second.png', buffer: PNG }]);
  await app.page.getByTestId('community-compose-section').getByText('技术交流', { exact: true }).click();
  await app.type('community-compose-title', title);
  // the body: plain text, then a phrase in bold through the toolbar
  await app.type('community-compose-body', '本周讨论了第二章，');
  await app.page.getByTestId('community-compose-editor-tool-bold').click();
  await app.page.keyboard.insertText('下周读第三章');
  await app.page.getByTestId('community-compose-submit').click();
  await app.page.getByTestId('community-post-title').filter({ hasText: title }).waitFor();
  await app.page.getByTestId('post-body').locator('.rt-run--bold').filter({ hasText: '下周读第三章' }).waitFor();
  const [before] = await sql<{ id: string; body: unknown; images: string[] }>('select id, body, images from public.community_posts where title = $1', [title]);
  expect(before.body).toEqual({ ops: [{ insert: '本周讨论了第二章，' }, { insert: '下周读第三章', attributes: { bold: true } }, { insert: '\n' }] });
  expect(before.images).toHaveLength(2);
  await app.page.getByTestId('community-post-image').nth(1).waitFor();

  // 编辑: the saved pictures are there; drop the first, add a third, rewrite the body
  await app.page.getByTestId('community-edit-post').click();
  await app.page.getByTestId('community-edit').waitFor();
  const slots = app.page.getByTestId('community-image-slot');
  await slots.nth(1).waitFor();
  expect(await slots.count()).toBe(2);
  await app.page.getByTestId('community-image-remove').first().click();
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="community-image-slot"]').length === 1);
  const chooser = app.page.waitForEvent('filechooser');
  await app.page.getByTestId('community-image-add').click();
  await (await chooser).setFiles({ name: 'third.png', mimeType: 'image/png', buffer: PNG });
  await slots.nth(1).waitFor();
  await app.page.getByTestId('community-image-progress').first().waitFor({ state: 'detached' });
  await app.type('community-compose-body', '第二章讨论完毕，下周读第三章。');
  await app.page.getByTestId('community-edit-submit').click();

  // back on the post page, as saved
  await app.page.getByTestId('post-body').getByText('第二章讨论完毕，下周读第三章。').waitFor();
  await app.page.getByTestId('community-post-image').nth(1).waitFor();
  expect(await app.page.getByTestId('community-post-image').count()).toBe(2);
  const [after] = await sql<{ body: unknown; images: string[] }>('select body, images from public.community_posts where id = $1', [before.id]);
  expect(after.body).toEqual({ ops: [{ insert: '第二章讨论完毕，下周读第三章。\n' }] });
  expect(after.images).toHaveLength(2);
  expect(after.images[0]).toBe(before.images[1]);
  expect(before.images).not.toContain(after.images[1]);
  const rows = await sql<{ path: string }>('select path from public.community_post_images where post_id = $1 order by sort_order', [before.id]);
  expect(rows.map((r) => r.path)).toEqual(after.images);
});
