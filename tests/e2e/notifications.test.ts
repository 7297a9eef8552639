// The notification center on the H5 build, in Debian Chromium against the live local stack: a join
// decision made by an admin shows on the applicant's home as unread, the inbox lists it, tapping it
// marks it read and opens the enterprise list; 通知设置 shows mandatory kinds locked and saves a
// switch. Users and the decision are arranged through the API; what the test is about happens in
// the browser and is then checked in the database.
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

it('a join decision shows as unread on home; the inbox opens it, marks it read, and links to the enterprise', async () => {
  const [admin, applicant] = await Promise.all([signInCleared(), signInCleared()]);
  await sql(`update public.profiles set display_name = '周通知' where id = $1`, [applicant.userId]);
  const enterpriseId = await rpc<string>(admin, 'create_enterprise', {
    p_name: `消息测试${Math.floor(Math.random() * 1e5)}`, p_industry: '互联网', p_size_band: '1-49', p_contact_name: '吴管理', p_contact_phone: admin.phone,
  });
  await rpc(admin, 'update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: { join_rule: 'approval' } });
  const [invitation] = await rpc<{ code: string }[]>(admin, 'create_invitation', { p_enterprise_id: enterpriseId });
  await rpc(applicant, 'accept_invitation', { p_code: invitation.code });
  const [request] = await sql<{ id: string }>('select id from public.join_requests where user_id = $1 and enterprise_id = $2', [applicant.userId, enterpriseId]);
  await rpc(admin, 'decide_join_request', { p_request_id: request.id, p_approve: true, p_reason: '' });

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
