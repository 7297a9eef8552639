// 社区 in the compiled mini-program (the H5 build has its own suite in tests/e2e): a member posts
// through 发帖; three colleagues report it in the report form; it leaves the feed; the admin hides it
// in 社区审核; the author finds the notice with the clause in 消息. A member the community restricted
// reads the feed and can't post. The enterprise, its members and the restriction are arranged
// through the API; what the test is about happens in the simulated pages, then is checked in the
// database.
import { sql } from '../support/clients';
import { community, postOk, rpc } from '../integration/support-community/community';
import { readyEditor, typeInEditor } from './support/native-editor';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const FEED_PAGE = 'packages/community/index';
const COMPOSE_PAGE = 'packages/community/compose/index';
const REPORT_PAGE = 'packages/community/report/index';
const MODERATION_PAGE = 'packages/community/moderation/index';
const INBOX_PAGE = 'packages/notifications/inbox/index';
const POST_URL = /^\/?packages\/community\/post\/index\?id=/;

const app = simulatedApp();

test('post → three reports → hidden → a moderator agrees → the author is notified', async () => {
  const c = await community(5);
  const [author, r1, r2, r3, reader] = c.members;
  const title = `周末读书会${Math.floor(Math.random() * 1e5)}`;

  const compose = await app.openAs(author, COMPOSE_PAGE, { section: c.sectionId });
  await compose.waitFor(() => compose.inputByPlaceholder('请输入标题'), 'the compose form');
  await compose.tap('技术交流');
  await compose.type('请输入标题', title);
  // the body in the native <editor>: the book's title in bold (the B button, then the text)
  const editor = await readyEditor(compose);
  const h = app.harness;
  await compose.waitFor(() => h.bridge.editorCalls.some((c) => c.method === 'setContents'), 'the editor context');
  await compose.tap('B');
  expect(h.bridge.editorCalls.filter((c) => c.method === 'format').map((c) => c.args)).toEqual([['bold', true]]);
  await typeInEditor(compose, editor, { ops: [{ insert: '本周六下午三点，三楼会议室，一起读' }, { insert: '《重构》', attributes: { bold: true } }, { insert: '第二章。\n' }] });
  await compose.tap('发布');
  await compose.waitFor(() => h.bridge.navigations.find((n) => n.url && POST_URL.test(n.url)), 'the new post opened');
  await app.closeQuiet();
  const [post] = await sql<{ id: string; status: string; author_id: string; body: unknown }>('select id, status, author_id, body from public.community_posts where title = $1', [title]);
  expect(post).toMatchObject({ status: 'published', author_id: author.userId });
  // stored as the Delta the editor gave, the bold run included
  expect(post.body).toEqual({ ops: [{ insert: '本周六下午三点，三楼会议室，一起读' }, { insert: '《重构》', attributes: { bold: true } }, { insert: '第二章。\n' }] });

  for (const [who, label] of [[r1, '广告信息'], [r2, '广告信息'], [r3, '散布淫秽、色情、赌博、暴力、恐怖或者教唆犯罪']] as const) {
    const report = await app.openAs(who, REPORT_PAGE, { type: 'post', id: post.id });
    await report.tap(`○ ${label}`);
    await report.type(report.inputAfter('补充说明（选填）'), '与工作无关的推广');
    await report.tap('提交举报');
    const rh = app.harness;
    await report.waitFor(() => rh.bridge.navigations.some((n) => n.api === 'navigateBack'), 'back on the post once sent');
    await app.closeQuiet();
  }
  const reports = await sql<{ category: string }>('select category from public.community_reports where target_id = $1 order by created_at', [post.id]);
  expect(reports.map((r) => r.category)).toEqual(['ads', 'ads', 'illegal_7']);

  // Hidden pending review: gone from a colleague's feed.
  const feed = await app.openAs(reader, FEED_PAGE);
  await feed.waitFor(() => feed.text().includes('技术交流') && !feed.text().includes('加载中'), 'the feed');
  await feed.waitFor(() => feed.text().includes('这里还没有帖子'), 'the feed without the hidden post');
  expect(feed.text()).not.toContain(title);
  await app.closeQuiet();

  // The admin agrees in 社区审核: hide, with a reason sent to the author with the clause.
  const queue = await app.openAs(c.admin, MODERATION_PAGE);
  await queue.waitFor(() => queue.byTextWithin(title, '确认处理'), 'the case in the queue');
  expect(queue.text()).toContain('已暂时隐藏');
  await queue.type(queue.inputWithin(title), '发布与工作无关的推广信息');
  await queue.tap(queue.byTextWithin(title, '确认处理'));
  await queue.waitFor(() => !queue.text().includes(title), 'the case handled');
  await app.closeQuiet();

  const [after] = await sql<{ status: string }>('select status from public.community_posts where id = $1', [post.id]);
  expect(after.status).toBe('hidden');
  const [notice] = await sql<{ title: string; body: string }>(
    `select title, body from public.notifications where user_id = $1 and kind = 'community_moderation'`, [author.userId]);
  expect(notice.body).toContain('LX 4.4.2.2');
  expect(notice.body).toContain('发布与工作无关的推广信息');

  // The author reads it in 消息.
  const inbox = await app.openAs(author, INBOX_PAGE);
  await inbox.waitFor(() => inbox.text().includes(notice.title), 'the notice in the author’s inbox');
  expect(inbox.text()).toContain('LX 4.4.2.2');
  expect(inbox.text()).toContain('1 条未读');
  await app.closeQuiet();
});

test('a member the community restricted reads the feed and can’t post', async () => {
  const c = await community(3);
  const [member, colleague] = c.members;
  const visible = `午餐拼单${Math.floor(Math.random() * 1e5)}`;
  await postOk(colleague, c.sectionId, visible, '楼下新开的面馆，十二点一起去');
  // Arranged through the API: a post of the member, reported, and a 3-day restriction by the admin.
  const target = await postOk(member, c.sectionId, '吐槽', '这周加班太多了');
  for (const r of [c.members[2], c.manager]) await rpc(r, 'community_report', { p_target_type: 'post', p_target_id: target, p_category: 'harassment' });
  const [kase] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [target]);
  expect((await rpc(c.admin, 'community_moderate', { p_case_id: kase.id, p_action: 'restrict', p_reason: '多次发布不当言论', p_days: 3 })).status).toBe(200);

  const feed = await app.openAs(member, FEED_PAGE);
  await feed.waitFor(() => feed.text().includes(visible), 'a colleague’s post in the feed');
  expect(feed.text()).toContain('你在本社区暂时只能浏览，至');
  // 发帖 is disabled: tapping it opens nothing.
  const h = app.harness;
  await feed.tap('发帖');
  expect(h.bridge.navigations.filter((n) => n.url?.includes('community/compose'))).toEqual([]);
  await app.closeQuiet();

  // Reaching the compose page anyway (an old link), the server refuses and the page says why.
  const count = async () => (await sql('select 1 from public.community_posts where author_id = $1', [member.userId])).length;
  const before = await count();
  const compose = await app.openAs(member, COMPOSE_PAGE, { section: c.sectionId });
  await compose.waitFor(() => compose.inputByPlaceholder('请输入标题'), 'the compose form');
  await compose.tap('技术交流');
  await compose.type('请输入标题', '我又来了');
  await typeInEditor(compose, await readyEditor(compose), '限制期间发帖');
  await compose.tap('发布');
  await compose.waitFor(() => compose.text().includes('只能浏览'), 'the refusal');
  await app.closeQuiet();
  expect(await count()).toBe(before);
});
