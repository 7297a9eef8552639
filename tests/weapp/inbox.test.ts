// The inbox in the compiled mini-program (the H5 build has its own suite in tests/e2e): an admin's
// join decision shows on the applicant's 首页 as unread; the inbox lists it unread; tapping it marks
// it read and opens its object (我的企业); opened again, it stays read. The enterprise and the
// decision are arranged through the API; what the test is about happens in the simulated pages and
// is then checked in the database.
import { createEnterpriseAs, inviteCode, signInCleared, sql } from '../support/clients';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const HOME_PAGE = 'pages/index/index';
const INBOX_PAGE = 'packages/notifications/inbox/index';
const MINE_URL = /^\/?packages\/enterprise\/mine\/index(\?|$)/;

const app = simulatedApp();

test('a join decision shows unread on 首页; the inbox opens it, marks it read and follows its link', async () => {
  const [admin, applicant] = await Promise.all([signInCleared(), signInCleared()]);
  const enterpriseId = await createEnterpriseAs(admin, { name: `消息测试${Math.floor(Math.random() * 1e5)}` });
  const settings = await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: { join_rule: 'approval' } });
  expect(settings.error).toBeNull();
  const applied = await applicant.client.rpc('accept_invitation', { p_code: await inviteCode(admin, enterpriseId) });
  expect(applied.data).toMatchObject({ status: 'pending' });
  const [request] = await sql<{ id: string }>('select id from public.join_requests where user_id = $1 and enterprise_id = $2', [applicant.userId, enterpriseId]);
  const decided = await admin.client.rpc('decide_join_request', { p_request_id: request.id, p_approve: true, p_reason: '' });
  expect(decided.error).toBeNull();

  // 首页: the 消息 entry counts the unread notice.
  const home = await app.openAs(applicant, HOME_PAGE);
  await home.waitFor(() => home.text().includes('1 条未读'), 'the unread count on 首页');
  await app.closeQuiet();

  const inbox = await app.openAs(applicant, INBOX_PAGE);
  await inbox.waitFor(() => inbox.text().includes('加入申请已通过'), 'the notice in the inbox');
  expect(inbox.text()).toContain('1 条未读');
  expect(inbox.text()).toContain('成员变动');
  await inbox.tap('加入申请已通过');
  await inbox.waitFor(() => inbox.text().includes('没有未读消息'), 'the notice marked read');
  // It opens its object: the enterprise list, where the new enterprise now is.
  const h = app.harness;
  await inbox.waitFor(() => h.bridge.navigations.find((n) => n.url && MINE_URL.test(n.url)), 'navigation to 我的企业');
  await app.closeQuiet();

  const [notice] = await sql<{ read_at: string | null }>(
    `select read_at from public.notifications where user_id = $1 and title = '加入申请已通过'`, [applicant.userId]);
  expect(notice.read_at).not.toBeNull();

  // Opened again (a fresh start of the app): the notice stays read.
  const again = await app.openAs(applicant, INBOX_PAGE);
  await again.waitFor(() => again.text().includes('加入申请已通过'), 'the notice listed again');
  expect(again.text()).toContain('没有未读消息');
  await app.closeQuiet();
});
