// The tab bar on the H5 build, against the live local stack: a member of a basic-edition
// enterprise sees 首页 知识库 社区 我的 and no 学习; once the enterprise is on the professional
// edition the 学习 tab shows and opens the training home; the 首页 tab carries the unread count,
// which goes once the notice is read. Users, the enterprise and the notice are arranged through
// the API (the edition change in SQL, as a platform operator's upgrade would leave it).
import { signInCleared, sql } from '../support/clients';
import { pendingJoinRequest, rpc, signedInPages } from './support/signed-in';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const openAs = signedInPages(suite);

it('the tabs follow the edition (学习 only with professional); 首页 shows the unread count until the notice is read', async () => {
  const [admin, member] = await Promise.all([signInCleared(), signInCleared()]);
  const { enterpriseId, requestId } = await pendingJoinRequest(admin, member, '标签测试');
  // The approval is the member's one unread notice.
  await rpc(admin, 'decide_join_request', { p_request_id: requestId, p_approve: true, p_reason: '' });
  await rpc(member, 'switch_enterprise', { p_enterprise_id: enterpriseId });

  const app = await openAs(member, 'pages/index/index');
  await app.tab('kb').waitFor();
  expect(await app.tabLabels()).toEqual(['首页', '知识库', '社区', '我的']);
  expect(await app.tabBadge('home')).toBe('1');

  await sql(`update public.enterprises set edition = 'professional' where id = $1`, [enterpriseId]);
  await app.open('pages/index/index');
  await app.tab('learn').waitFor();
  expect(await app.tabLabels()).toEqual(['首页', '知识库', '学习', '社区', '我的']);
  await app.openTab('learn');
  await app.page.getByTestId('training-page').waitFor();
  expect(await app.tab('learn').getAttribute('aria-selected')).toBe('true');

  // Reading the notice in the inbox takes the count off the tab.
  await app.openTab('home');
  await app.page.getByTestId('home-inbox-link').click();
  const [notice] = await sql<{ id: string }>(`select id from public.notifications where user_id = $1 and title = '加入申请已通过'`, [member.userId]);
  await app.page.getByTestId(`notice-${notice.id}`).click();
  await app.page.waitForURL(/packages\/enterprise\/mine\/index/);
  await app.open('pages/index/index');
  await app.tab('kb').waitFor();
  expect(await app.tabBadge('home')).toBeNull();
});
