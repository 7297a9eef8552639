// Account cancellation in the compiled mini-program (the H5 build has its own suite in tests/e2e):
// from 我的 › 注销账号, the warning, the SMS code sent to the member's own phone, an acknowledgement
// never pre-ticked; 确认注销 sends nothing until both are there, then the account is gone, the app
// is signed out on 首页 and the phone signs up again as a new person. Backing out before confirming
// keeps the account. Members are arranged as cleared through the API; checked in the database.
import { signInCleared, signInFresh, sql } from '../support/clients';
import { getStack } from '../support/stack';
import { outboxPoller, storedSession } from './support/sign-in-flow';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const MINE_PAGE = 'pages/mine/index';
const CANCEL_PAGE = 'packages/account/cancel/index';
const CANCEL_URL = /^\/?packages\/account\/cancel\/index(\?|$)/;
const HOME_URL = /^\/?pages\/index\/index(\?|$)/;
const ACK = '我已了解注销后数据不可恢复';

const app = simulatedApp();

const userExists = async (userId: string) => (await sql('select 1 from auth.users where id = $1', [userId])).length === 1;

test('a member cancels from 我的: code and acknowledgement required, then the account is gone and the phone is free', async () => {
  const member = await signInCleared();
  const name = `待注销${Math.floor(Math.random() * 1e6)}`;
  await sql('update public.profiles set display_name = $2 where id = $1', [member.userId, name]);

  const mine = await app.openAs(member, MINE_PAGE);
  await mine.tap('注销账号');
  const h = app.harness;
  await mine.waitFor(() => h.bridge.navigations.find((n) => n.url && CANCEL_URL.test(n.url)), 'navigation to the cancellation page');

  const page = await app.open(CANCEL_PAGE);
  await page.waitFor(() => page.text().includes('注销后无法恢复'), 'the warning');
  expect(page.text()).toContain('注销是不可逆的操作');
  // Sending the code and confirming both go to the account-cancel function.
  const cancelCalls = () => h.bridge.requests.filter((r) => r.url.includes('/functions/v1/account-cancel')).length;
  await page.tap('获取验证码');
  await page.waitFor(() => page.text().includes('验证码已发送至'), 'the code sent');
  expect(cancelCalls()).toBe(1);
  const code = await page.waitFor(outboxPoller(getStack().url, member.phone), 'the code in the outbox');
  await page.type('6 位验证码', code);
  // The acknowledgement is never pre-ticked: 确认注销 sends nothing yet.
  await page.tap('确认注销');
  expect(cancelCalls()).toBe(1);

  await page.tap(ACK);
  await page.tap('确认注销');
  await page.waitFor(() => h.bridge.navigations.find((n) => n.url && HOME_URL.test(n.url)), 'back on 首页');
  await page.waitFor(() => h.bridge.toasts.some((t) => t.title === '账号已注销'), 'the cancelled toast');
  // Signed out on this phone: no session left in wx storage.
  expect(storedSession(h)).toBeUndefined();
  await app.closeQuiet();

  expect(await userExists(member.userId)).toBe(false);
  expect(await sql('select 1 from public.profiles where id = $1', [member.userId])).toHaveLength(0);
  expect(await sql('select 1 from public.profiles where display_name = $1', [name])).toHaveLength(0);
  expect(await sql('select 1 from public.consents where user_id = $1', [member.userId])).toHaveLength(0);
  // The phone signs up again as a new, unrelated person.
  const again = await signInFresh(member.phone);
  expect(again.userId).not.toBe(member.userId);
});

test('a member who backs out before confirming keeps the account', async () => {
  const member = await signInCleared();
  const page = await app.openAs(member, CANCEL_PAGE);
  await page.waitFor(() => page.text().includes('注销后无法恢复'), 'the warning');
  await page.tap('获取验证码');
  const code = await page.waitFor(outboxPoller(getStack().url, member.phone), 'the code in the outbox');
  await page.type('6 位验证码', code);
  // Ticked, then changing their mind: unticked, 确认注销 sends nothing; they leave the page.
  await page.tap(ACK);
  await page.tap(ACK);
  await page.tap('确认注销');
  const h = await app.closeQuiet();
  expect(h.bridge.requests.filter((r) => r.url.includes('/functions/v1/account-cancel'))).toHaveLength(1);

  expect(await userExists(member.userId)).toBe(true);
  const [gate] = await sql<{ cleared: boolean }>('select private.is_cleared($1::uuid) as cleared', [member.userId]);
  expect(gate.cleared).toBe(true);
});
