// The notification center in the compiled mini-program (the H5 build has its own suite in tests/e2e):
// 通知设置 asks WeChat for subscribe messages from a tap and records what the member accepted; the
// inbox lists a notice and tapping it marks it read. Users and notices are arranged through the API
// and the database; what a test is about happens in the simulated pages, then is checked in the database.
import crypto from 'node:crypto';
import { signInCleared, sql, type SignedInUser } from '../support/clients';
import { openHarness, type Harness } from './support/harness';
import type { PageDriver } from './support/page-driver';
import { signedInStorage } from './support/signed-in';

jest.setTimeout(120_000);

const SETTINGS_PAGE = 'packages/notifications/settings/index';
const INBOX_PAGE = 'packages/notifications/inbox/index';
const TODO_TPL = 'zxLocalTplTodo00000000000000000000000002';
const ACCOUNT_TPL = 'zxLocalTplAccount0000000000000000000001';

describe('weapp notification center', () => {
  let harness: Harness | undefined;

  afterEach(() => {
    harness?.close();
    harness = undefined;
  });

  async function openAs(who: SignedInUser, route: string, query: Record<string, string> = {}): Promise<PageDriver> {
    harness?.close();
    harness = openHarness({ launchPath: route, storage: await signedInStorage(who) });
    return harness.openPage(route, query);
  }

  async function closeQuiet() {
    const h = harness as Harness;
    await h.settle();
    h.close();
    harness = undefined;
    expect(h.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);
  }

  test('通知设置 asks for WeChat reminders from a tap and records the accepted template', async () => {
    const member = await signInCleared();
    // signed in with WeChat once: subscribe messages can reach them
    await sql(`insert into private.wechat_links (provider, subject, user_id) values ('wechat', $1, $2)`,
      [`o${crypto.randomBytes(12).toString('base64url')}`, member.userId]);
    const page = await openAs(member, SETTINGS_PAGE);
    await page.waitFor(() => page.text().includes('不可关闭'), 'the locked mandatory kinds');
    const h = harness as Harness;
    h.bridge.subscribeAnswers[TODO_TPL] = 'accept';
    await page.tap('订阅微信提醒');
    await page.waitFor(() => page.text().includes('已订阅 1 项微信提醒'), 'the subscription result');
    expect(h.bridge.subscribeRequests).toHaveLength(1);
    expect([...h.bridge.subscribeRequests[0]].sort()).toEqual([ACCOUNT_TPL, TODO_TPL].sort());
    await closeQuiet();
    const grants = await sql<{ template_id: string; remaining: number }>(
      'select template_id, remaining from private.wechat_subscribe_grants where user_id = $1', [member.userId]);
    expect(grants).toEqual([{ template_id: TODO_TPL, remaining: 1 }]);
  });

  test('the inbox lists a notice; tapping it marks it read', async () => {
    const member = await signInCleared();
    await sql(`select private.notify($1, 'enterprise_qualification', '企业认证已通过', '营业执照审核通过', '{}'::jsonb)`, [member.userId]);
    const page = await openAs(member, INBOX_PAGE);
    await page.waitFor(() => page.text().includes('1 条未读'), 'the unread count');
    await page.tap('企业认证已通过');
    await page.waitFor(() => page.text().includes('没有未读消息'), 'the notice marked read');
    await closeQuiet();
    const [row] = await sql<{ read_at: string | null }>(
      `select read_at from public.notifications where user_id = $1 and title = '企业认证已通过'`, [member.userId]);
    expect(row.read_at).not.toBeNull();
  });
});
