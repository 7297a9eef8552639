// The tab bar on the H5 build, against the live local stack: a member of a basic-edition
// enterprise sees 首页 知识库 社区 我的 and no 学习; once the enterprise is on the professional
// edition the 学习 tab shows and opens the training home; the 首页 tab carries the unread count,
// which goes once the notice is read. Users, the enterprise and the notice are arranged through
// the API (the edition change in SQL, as a platform operator's upgrade would leave it).
import type { BrowserContext } from 'playwright-core';
import { signInCleared, sql, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { AccountPages } from './support/app-pages';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
});

async function openAs(who: SignedInUser, route: string): Promise<AccountPages> {
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const app = new AccountPages(await context.newPage(), suite.server.url);
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  await app.openSignedIn(data.session, route, getStack().url);
  return app;
}

async function rpc<T>(who: SignedInUser, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await who.client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

it('the tabs follow the edition (学习 only with professional); 首页 shows the unread count until the notice is read', async () => {
  const [admin, member] = await Promise.all([signInCleared(), signInCleared()]);
  const enterpriseId = await rpc<string>(admin, 'create_enterprise', {
    p_name: `标签测试${Math.floor(Math.random() * 1e5)}`, p_industry: '互联网', p_size_band: '1-49', p_contact_name: '吴管理', p_contact_phone: admin.phone,
  });
  await rpc(admin, 'update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: { join_rule: 'approval' } });
  const [invitation] = await rpc<{ code: string }[]>(admin, 'create_invitation', { p_enterprise_id: enterpriseId });
  await rpc(member, 'accept_invitation', { p_code: invitation.code });
  const [request] = await sql<{ id: string }>('select id from public.join_requests where user_id = $1 and enterprise_id = $2', [member.userId, enterpriseId]);
  // The approval is the member's one unread notice.
  await rpc(admin, 'decide_join_request', { p_request_id: request.id, p_approve: true, p_reason: '' });
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
