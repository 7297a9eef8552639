// Issue 15, 匿名提问 on the H5 build: the asker picks 提问 › 匿名提问 in 发帖 and reads that admins can
// still see who asked; the post shows 匿名提问者 to a colleague (never the asker's name); the asker
// sees their own question as theirs (the notice, no 举报); the community manager sees the real asker
// in 社区审核 once a colleague reports it.
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

it('匿名提问: told admins can see → colleagues see 匿名提问者 → moderators see the asker', async () => {
  const c = await community(2);
  const [asker, colleague] = c.members;
  const title = `调休怎么算${Math.floor(Math.random() * 1e5)}`;

  const askerApp = await openAs(asker, 'packages/community/index');
  await askerApp.page.getByTestId('community-compose-link').click();
  await askerApp.page.getByTestId('community-compose-type-question').click();
  await askerApp.page.getByTestId('community-compose-ask-yes').click();
  await askerApp.page.getByTestId('community-compose-anonymous-notice').filter({ hasText: '管理员仍可查看提问人' }).waitFor();
  await askerApp.compose('技术交流', title, '上周末加班两天，调休要找谁审批？');
  await askerApp.page.getByTestId('community-post-anonymous-mine').waitFor();
  expect(await askerApp.page.getByTestId('community-report-post').count()).toBe(0);
  const [{ id: postId }] = await sql<{ id: string }>('select id from public.community_posts where title = $1', [title]);

  const colleagueApp = await openAs(colleague, `packages/community/post/index?id=${postId}`);
  await colleagueApp.page.getByTestId('community-post-author').filter({ hasText: '匿名提问者' }).waitFor();
  expect(await colleagueApp.page.getByTestId('community-post').textContent()).not.toContain('成员1');
  await colleagueApp.page.getByTestId('community-report-post').click();
  await colleagueApp.report('other', '想确认提问人');
  await colleagueApp.page.getByTestId('community-report-page').waitFor({ state: 'detached' });

  const managerApp = await openAs(c.manager, 'packages/community/moderation/index');
  await managerApp.caseCard(title).filter({ hasText: '成员1（匿名提问）' }).waitFor();
});
