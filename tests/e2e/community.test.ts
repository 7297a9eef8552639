// Issue 15 end to end on the H5 build: a member posts through 发帖; three colleagues report it in the
// report form; it disappears from the feed; the admin hides it in 社区审核; the author reads the
// clause in 我的处理记录 and appeals; the admin who acted can't decide the appeal, the community
// manager overturns it and the post is back in the feed.
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

it('post → three reports → hidden → moderator agrees → author notified → appeal decided by another moderator', async () => {
  const c = await community(5);
  const [author, r1, r2, r3, reader] = c.members;
  const title = `周末读书会${Math.floor(Math.random() * 1e5)}`;

  const authorApp = await openAs(author, 'packages/community/index');
  await authorApp.page.getByTestId('community-compose-link').click();
  await authorApp.compose('技术交流', title, '本周六下午三点，三楼会议室，一起读《重构》第二章。');
  const [{ id: postId }] = await sql<{ id: string }>('select id from public.community_posts where title = $1', [title]);

  for (const [who, category] of [[r1, 'ads'], [r2, 'ads'], [r3, 'illegal_7']] as const) {
    const app = await openAs(who, `packages/community/post/index?id=${postId}`);
    await app.page.getByTestId('community-report-post').click();
    await app.report(category, '与工作无关的推广');
    await app.page.getByTestId('community-report-page').waitFor({ state: 'detached' }); // sent, back on the post
  }
  const readerApp = await openAs(reader, 'packages/community/index');
  await readerApp.page.getByTestId('community-feed').waitFor();
  await readerApp.page.getByTestId('community-feed-state-loading').waitFor({ state: 'detached' });
  expect(await readerApp.feedCard(title).count()).toBe(0);

  const adminApp = await openAs(c.admin, 'packages/community/moderation/index');
  const card = adminApp.caseCard(title);
  await card.waitFor();
  await adminApp.type('community-case-reason', '发布与工作无关的推广信息');
  await card.getByTestId('community-case-submit').click();
  await card.waitFor({ state: 'detached' });
  const [notice] = await sql<{ body: string }>(`select body from public.notifications where user_id = $1 and kind = 'community_moderation'`, [author.userId]);
  expect(notice.body).toContain('LX 4.4.2.2');

  await authorApp.open('packages/community/records/index');
  const record = authorApp.page.getByTestId('community-record').filter({ hasText: '屏蔽' });
  await record.filter({ hasText: 'LX 4.4.2.2' }).waitFor();
  await record.getByTestId('community-record-appeal').click();
  await authorApp.type('community-record-appeal-text', '这是部门组织的读书会通知，不是推广');
  await authorApp.page.getByTestId('community-record-appeal-send').click();
  await record.filter({ hasText: '申诉处理中' }).waitFor();

  await adminApp.open('packages/community/moderation/index');
  const appealByActor = adminApp.page.getByTestId('community-appeal').first();
  await adminApp.type('community-appeal-note', '撤销');
  await appealByActor.getByTestId('community-appeal-overturn').click();
  await appealByActor.getByRole('alert').filter({ hasText: '作出处理的人以外' }).waitFor();

  const managerApp = await openAs(c.manager, 'packages/community/moderation/index');
  const appeal = managerApp.page.getByTestId('community-appeal').first();
  await appeal.waitFor();
  await managerApp.type('community-appeal-note', '核实为部门活动通知，撤销屏蔽');
  await appeal.getByTestId('community-appeal-overturn').click();
  await appeal.waitFor({ state: 'detached' });

  await readerApp.open('packages/community/index');
  await readerApp.feedCard(title).waitFor();
  await authorApp.open('packages/community/records/index');
  await authorApp.page.getByTestId('community-record').filter({ hasText: '申诉成功' }).waitFor();
});
