// Issue 15 on the H5 build: a poll composed in 发帖 and voted on by a colleague (results after
// voting); an event with one place, a waiting list and a cancellation that moves the next one up;
// a restricted member, who still reads the community but whose post the database refuses; and a
// case an enterprise escalates, decided by a platform operator on the escalations screen.
import type { BrowserContext } from 'playwright-core';
import { makePlatformOperator, sql, type SignedInUser } from '../support/clients';
import { community, inHours, publishTyped, rpc } from '../integration/support-community/community';
import { openCommunityAs } from './support/community-pages';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
});

const openAs = (who: SignedInUser, route: string) => openCommunityAs(suite, contexts, who, route);

const tag = () => Math.floor(Math.random() * 1e5);

it('poll: composed in 发帖, a colleague votes and then sees the results', async () => {
  const c = await community(2);
  const [author, voter] = c.members;
  const title = `周五团建去哪里${tag()}`;
  const authorApp = await openAs(author, 'packages/community/compose/index');
  await authorApp.composePoll('技术交流', title, '投票选出团建地点', ['爬山', '露营', '桌游']);
  await authorApp.page.getByTestId('community-poll').waitFor();
  const [{ id }] = await sql<{ id: string }>('select id from public.community_posts where title = $1', [title]);

  const app = await openAs(voter, `packages/community/post/index?id=${id}`);
  const poll = app.page.getByTestId('community-poll');
  await poll.getByText('投票后可见结果').first().waitFor();
  expect(await app.page.getByTestId('community-poll-results').count()).toBe(0);
  await app.page.getByTestId('community-poll-options-1').click();
  await app.page.getByTestId('community-poll-vote').click();
  await app.page.getByTestId('community-poll-result').filter({ hasText: '露营：1 票' }).waitFor();
  await poll.getByText('1 人已投').waitFor();
});

it('event: the last place, the waiting list, a cancellation that moves the next one up, and check-in with the organiser’s code', async () => {
  const c = await community(3);
  const [organiser, first, second] = c.members;
  const res = await publishTyped(organiser, c.sectionId, 'event', `羽毛球活动${tag()}`, '周六上午，园区体育馆',
    { starts_at: inHours(0.5), place: '园区体育馆', capacity: 1 }); // within the hour: check-in is open
  const id = res.body.id as string;

  const firstApp = await openAs(first, `packages/community/post/index?id=${id}`);
  await firstApp.page.getByTestId('community-event-signup').filter({ hasText: '报名' }).click();
  await firstApp.page.getByTestId('community-event-mine').filter({ hasText: '你已报名' }).waitFor();

  const secondApp = await openAs(second, `packages/community/post/index?id=${id}`);
  await secondApp.page.getByTestId('community-event-signup').filter({ hasText: '加入候补' }).click();
  await secondApp.page.getByTestId('community-event-mine').filter({ hasText: '候补' }).waitFor();

  await firstApp.page.getByTestId('community-event-signup').filter({ hasText: '取消报名' }).click();
  await firstApp.page.getByTestId('community-event-mine').filter({ hasText: '你已取消报名' }).waitFor();

  await secondApp.open(`packages/community/post/index?id=${id}`);
  await secondApp.page.getByTestId('community-event-mine').filter({ hasText: '你已报名' }).waitFor();
  const [notice] = await sql<{ title: string }>(`select title from public.notifications where user_id = $1 and kind = 'community_event'`, [second.userId]);
  expect(notice.title).toBe('活动有空位，你已报名成功');

  const organiserApp = await openAs(organiser, `packages/community/post/index?id=${id}`);
  await organiserApp.page.getByTestId('community-event-show-code').click();
  const shown = (await organiserApp.page.getByTestId('community-event-code-shown').textContent()) ?? '';
  const code = /\d{6}/.exec(shown)?.[0] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await secondApp.type('community-event-code', code);
  await secondApp.page.getByTestId('community-event-check-in').click();
  await secondApp.page.getByTestId('community-event-checked-in').waitFor();
  await organiserApp.page.getByTestId('community-event-attendees').click();
  await organiserApp.page.getByTestId('community-event-list').getByText('成员3（已签到）').waitFor();
});

it('a restricted member reads the community and can’t post: the database refuses and says until when', async () => {
  const c = await community(2);
  const [member, colleague] = c.members;
  const title = `午餐推荐${tag()}`;
  const res = await publishTyped(colleague, c.sectionId, 'post', title, '园区新开的面馆不错');
  await sql(`insert into public.community_sanctions (enterprise_id, user_id, kind, ends_at) values ($1, $2, 'restricted', now() + interval '3 days')`,
    [c.eid, member.userId]);

  const app = await openAs(member, 'packages/community/index');
  await app.feedCard(title).waitFor();
  await app.open(`packages/community/post/index?id=${res.body.id as string}`);
  await app.page.getByTestId('community-post-title').filter({ hasText: title }).waitFor();
  expect(await app.page.getByTestId('community-comment-input').count()).toBe(0);

  await app.open('packages/community/compose/index');
  await app.page.getByTestId('community-compose-section').getByText('技术交流', { exact: true }).click();
  await app.type('community-compose-title', '想发个帖');
  await app.type('community-compose-body', '受限期间试试发帖');
  await app.page.getByTestId('community-compose-submit').click();
  await app.page.getByTestId('community-compose-error').filter({ hasText: '只能浏览' }).waitFor();
  expect(await sql('select 1 from public.community_posts where author_id = $1', [member.userId])).toEqual([]);
});

it('escalation: an enterprise hands a case to the platform; an operator hides it and the author reads the clause', async () => {
  const c = await community(2);
  const [author, reporter] = c.members;
  const title = `转发的外部链接${tag()}`;
  const res = await publishTyped(author, c.sectionId, 'post', title, '点击链接领取福利');
  await rpc(reporter, 'community_report', { p_target_type: 'post', p_target_id: res.body.id, p_category: 'malware', p_note: '疑似钓鱼链接' });
  const [kase] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [res.body.id]);
  expect((await rpc(c.admin, 'community_moderate', { p_case_id: kase.id, p_action: 'escalate', p_reason: '疑似跨企业传播，提交平台' })).status).toBe(200);

  const operator = (await community(1)).members[0]; // an operator of another enterprise
  await makePlatformOperator(operator.userId);
  const app = await openAs(operator, 'packages/community/index');
  await app.page.getByTestId('community-escalations-link').click();
  const card = app.page.getByTestId('community-case').filter({ hasText: title });
  await card.waitFor();
  expect(await card.getByTestId('community-case-action-escalate').count()).toBe(0);
  await card.getByTestId('community-case-action-delete').click();
  await app.type('community-case-reason', '钓鱼链接，平台删除');
  await card.getByTestId('community-case-submit').click();
  await card.waitFor({ state: 'detached' });
  const [notice] = await sql<{ title: string; body: string }>(
    `select title, body from public.notifications where user_id = $1 and kind = 'community_moderation'`, [author.userId]);
  expect(notice.title).toBe('你发布的内容已被删除');
  expect(notice.body).toContain('LX 4.4.2.2');
});
