// Issue 15, pictures in posts on the H5 build: the author picks two pictures in 发帖, they upload
// and the post shows them to the author marked 审核中; a colleague sees the text without them (an H5
// member has no WeChat openid, so the enterprise's moderators look first — docs/api.md › Images);
// the community manager sees them in 社区审核 and passes them; the colleague then sees both.
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

it('post with pictures → 审核中 for the author only → a moderator passes them → every reader sees them', async () => {
  const c = await community(2);
  const [author, reader] = c.members;
  const title = `团建照片${Math.floor(Math.random() * 1e5)}`;

  const authorApp = await openAs(author, 'packages/community/index');
  await authorApp.page.getByTestId('community-compose-link').click();
  await authorApp.addImages([{ name: 'lake.png', buffer: PNG }, { name: 'team.png', buffer: PNG }]);
  await authorApp.compose('技术交流', title, '周末去了千岛湖，附两张照片。');
  const images = authorApp.page.getByTestId('community-post-image');
  await images.nth(1).waitFor();
  expect(await images.count()).toBe(2);
  expect(await authorApp.page.getByTestId('community-image-checking').count()).toBe(2);
  const [{ id: postId }] = await sql<{ id: string }>('select id from public.community_posts where title = $1', [title]);

  const readerApp = await openAs(reader, `packages/community/post/index?id=${postId}`);
  await readerApp.page.getByTestId('community-post-title').filter({ hasText: title }).waitFor();
  await readerApp.page.getByTestId('community-post').getByText('周末去了千岛湖').waitFor();
  expect(await readerApp.page.getByTestId('community-post-image').count()).toBe(0);

  const managerApp = await openAs(c.manager, 'packages/community/moderation/index');
  const card = managerApp.caseCard(title);
  await card.getByText('图片待审').waitFor();
  await card.getByTestId('community-post-image').nth(1).waitFor();
  await card.getByTestId('community-case-action-dismiss').click();
  await managerApp.type('community-case-reason', '照片没有问题');
  await card.getByTestId('community-case-submit').click();
  await card.waitFor({ state: 'detached' });

  await readerApp.open(`packages/community/post/index?id=${postId}`);
  await readerApp.page.getByTestId('community-post-image').nth(1).waitFor();
  expect(await readerApp.page.getByTestId('community-image-checking').count()).toBe(0);
});
