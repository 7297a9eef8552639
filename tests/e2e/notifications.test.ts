// The notification center on the H5 build, in Debian Chromium against the live local stack: a join
// decision made by an admin shows on the applicant's home as unread, the inbox lists it, tapping it
// marks it read and opens the enterprise list; 通知设置 shows mandatory kinds locked and saves a
// switch. Users and the decision are arranged through the API; what the test is about happens in
// the browser and is then checked in the database.
import { signInCleared, sql } from '../support/clients';
import { pendingJoinRequest, rpc, signedInPages } from './support/signed-in';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const openAs = signedInPages(suite);

it('a join decision shows as unread on home; the inbox opens it, marks it read, and links to the enterprise', async () => {
  const [admin, applicant] = await Promise.all([signInCleared(), signInCleared()]);
  await sql(`update public.profiles set display_name = '周通知' where id = $1`, [applicant.userId]);
  const { requestId } = await pendingJoinRequest(admin, applicant, '消息测试');
  await rpc(admin, 'decide_join_request', { p_request_id: requestId, p_approve: true, p_reason: '' });

  const app = await openAs(applicant, 'pages/index/index');
  const entry = app.page.getByTestId('home-inbox-link');
  await entry.filter({ hasText: '1 条未读' }).waitFor();
  await entry.click();

  const [notice] = await sql<{ id: string }>(`select id from public.notifications where user_id = $1 and title = '加入申请已通过'`, [applicant.userId]);
  const item = app.page.getByTestId(`notice-${notice.id}`);
  await item.waitFor();
  expect(await item.getAttribute('data-unread')).toBe('true');
  expect(await item.textContent()).toContain('成员变动');
  await app.page.getByTestId('inbox-unread').filter({ hasText: '1 条未读' }).waitFor();
  await app.shot('70-inbox');

  await item.click();
  await app.page.waitForURL(/packages\/enterprise\/mine\/index/);
  const [read] = await sql<{ read_at: string | null }>('select read_at from public.notifications where id = $1', [notice.id]);
  expect(read.read_at).not.toBeNull();

  // opened again (a fresh load): the notice stays read
  await app.open('packages/notifications/inbox/index');
  await app.page.getByTestId('inbox-unread').filter({ hasText: '没有未读消息' }).waitFor();
  expect(await app.page.getByTestId(`notice-${notice.id}`).getAttribute('data-unread')).toBe('false');
});

it('通知设置: mandatory kinds are locked on (不可关闭); a switch saves the member\'s choice', async () => {
  const member = await signInCleared();
  const app = await openAs(member, 'packages/notifications/settings/index');
  await app.page.getByTestId('prefs-account_action-locked').filter({ hasText: '不可关闭' }).waitFor();
  const locked = app.page.getByTestId('prefs-account_action-sms');
  expect(await locked.getAttribute('aria-disabled')).toBe('true');
  await locked.click({ force: true });
  expect(await locked.getAttribute('aria-checked')).toBe('true');

  const sms = app.page.getByTestId('prefs-enterprise_membership-sms');
  expect(await sms.getAttribute('aria-checked')).toBe('false');
  await sms.click();
  await app.page.locator('[data-testid="prefs-enterprise_membership-sms"][aria-checked="true"]').waitFor();
  await app.shot('71-notification-settings');
  const rows = await sql<{ enabled: boolean }>(
    `select enabled from public.notification_preferences where user_id = $1 and kind = 'enterprise_membership' and channel = 'sms'`, [member.userId]);
  expect(rows).toEqual([{ enabled: true }]);
  expect(await sql(`select 1 from public.notification_preferences where user_id = $1 and kind = 'account_action'`, [member.userId])).toEqual([]);
});
