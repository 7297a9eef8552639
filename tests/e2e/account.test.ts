// Account settings on the H5 build, in Debian Chromium against the live local stack: cancellation,
// withdrawing an optional consent, an operator suspending a member, and a stolen-account report.
// Users are arranged as cleared (adult, consented) in the database: the onboarding flow has its own suite.
import type { BrowserContext, Page } from 'playwright-core';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';
import { callApi, serviceClient, signInCleared, signInFresh, sql } from '../support/clients';
import { getStack } from '../support/stack';
import { AccountPages } from './support/app-pages';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';

const OPERATOR = { phone: '13800000003', password: 'Zhixiang2026' };
const OPTIONAL_DOC = 'a0000000-0000-4000-8000-000000000004';

const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let app: AccountPages;

beforeEach(async () => {
  context = await mobileContext(suite.browser);
  page = await context.newPage();
  app = new AccountPages(page, suite.server.url);
});

afterEach(async () => {
  await context.close();
});

const local = (e164: string) => e164.replace('+86', '');

async function userIdOf(e164: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }>('select id from auth.users where phone = $1', [e164.slice(1)]);
  return row?.id;
}

/** The access token supabase-js keeps in the page's storage (key `sb-<host>-auth-token`). */
async function accessTokenIn(target: Page): Promise<string> {
  const token = await target.evaluate(() => {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i) ?? '';
      if (key.endsWith('-auth-token')) return (JSON.parse(localStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token;
    }
    return undefined;
  });
  if (!token) throw new Error('no session in the page');
  return token;
}

/** A new cleared member (signed in through the API from its own loopback address), opened in the app. */
async function openAsNewClearedMember(target: AccountPages, route: string): Promise<{ phone: string; userId: string; token: string }> {
  const member = await signInCleared();
  const { data } = await member.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  await target.openSignedIn(data.session, route, getStack().url);
  return { phone: member.phone, userId: member.userId, token: member.token };
}

/** The demo operator 王芳, signed in with her password through the API and opened on the ops page. */
async function openAsOperator(target: AccountPages): Promise<void> {
  const client = clientFrom(randomLoopbackIp());
  const { data, error } = await client.auth.signInWithPassword({ phone: `+86${OPERATOR.phone}`, password: OPERATOR.password });
  if (error || !data.session) throw error ?? new Error('no session');
  await target.openSignedIn(data.session, 'packages/ops/index', getStack().url);
  await target.page.getByTestId('ops-console').waitFor();
}

it('cancels an account: old password refused, profile removed, the phone signs up again as a new user', async () => {
  const { phone, userId } = await openAsNewClearedMember(app, 'packages/account/profile/index');
  const name = `待注销${Math.floor(Math.random() * 1e6)}`;
  await sql('update public.profiles set display_name = $2 where id = $1', [userId, name]);

  // Arranged through GoTrue's admin API: the password page has its own suite.
  const set = await serviceClient().auth.admin.updateUserById(userId, { password: 'Secret2026x' });
  expect(set.error).toBeNull();

  await page.getByTestId('profile-cancel-account').click();
  await page.getByTestId('cancel-warning').waitFor();
  await expect(page.getByTestId('cancel-confirm').getAttribute('aria-disabled')).resolves.toBe('true');
  await app.shot('20-cancel-account');
  await app.cancelAccount();
  // Signed out, back on the signed-out home.
  await page.getByTestId('home-sign-in').waitFor({ timeout: 20_000 });

  expect(await userIdOf(phone)).toBeUndefined();
  expect(await sql('select 1 from public.profiles where id = $1', [userId])).toHaveLength(0);
  expect(await sql('select 1 from public.profiles where display_name = $1', [name])).toHaveLength(0);
  expect(await sql('select 1 from public.consents where user_id = $1', [userId])).toHaveLength(0);

  await app.open('pages/login/index');
  await app.signInWithPassword(local(phone), 'Secret2026x');
  await page.getByTestId('login-error').filter({ hasText: '手机号或密码错误' }).waitFor();
  expect(await app.greeting().count()).toBe(0);

  // The phone is free again: signing up with it makes a new, unrelated user. (Through the API from its
  // own address: the browser's per-IP SMS budget is shared by every e2e suite.)
  const again = await signInFresh(phone);
  expect(again.userId).not.toBe(userId);
  const [profile] = await sql<{ display_name: string }>('select display_name from public.profiles where id = $1', [again.userId]);
  expect(profile.display_name).toBe('');
});

it('withdraws an optional consent from settings: shown in the history and recorded in the database', async () => {
  const { userId } = await openAsNewClearedMember(app, 'pages/index/index');
  await sql(
    `insert into public.consents (user_id, document_id, version_id, channel, consented_by)
     select $1, cv.document_id, cv.version_id, 'h5', 'self' from private.current_versions() cv where cv.document_id = $2`,
    [userId, OPTIONAL_DOC],
  );

  await app.open('packages/account/profile/index');
  await page.getByTestId('profile-agreements').click();
  await app.consentState('learning-recommendations').filter({ hasText: '已同意' }).waitFor();
  // Required documents cannot be withdrawn on their own.
  expect(await page.getByTestId('consent-service-withdraw').count()).toBe(0);
  expect(await page.getByTestId('consent-privacy-withdraw').count()).toBe(0);
  await app.shot('21-agreements');

  await app.withdrawConsent('learning-recommendations');
  await app.consentState('learning-recommendations').filter({ hasText: '未同意' }).waitFor();
  await app.historyItems().filter({ hasText: '已撤回' }).first().waitFor();

  const rows = await sql<{ withdrawn_at: Date | null; withdrawn_channel: string | null }>(
    'select withdrawn_at, withdrawn_channel from public.consents where user_id = $1 and document_id = $2',
    [userId, OPTIONAL_DOC],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].withdrawn_at).not.toBeNull();
  expect(rows[0].withdrawn_channel).toBe('h5');

  // Not an operator: the ops page says so.
  await app.open('packages/ops/index');
  await page.getByTestId('ops-denied').filter({ hasText: '无权限' }).waitFor();
});

it('an operator suspends a member from the ops page; the member is refused at the next request and sees the block', async () => {
  // The member uses the app in their own browser; the operator in another.
  const { userId, phone } = await openAsNewClearedMember(app, 'pages/index/index');
  const memberPage = page;
  await app.greeting().waitFor();
  const memberToken = await accessTokenIn(memberPage);
  const before = await callApi('/rest/v1/rpc/update_my_profile', { token: memberToken, body: { p_display_name: '正常员工' } });
  expect(before.status).toBe(200);

  const operatorContext = await mobileContext(suite.browser);
  try {
    const ops = new AccountPages(await operatorContext.newPage(), suite.server.url);
    await openAsOperator(ops);
    const result = await ops.actOnAccount(phone.replace(/^\+?86/, ''), 'suspend', '发布违规内容，暂停使用');
    expect(result).toContain('已暂停');
    await ops.shot('22-ops-action');
  } finally {
    await operatorContext.close();
  }

  // Same access token, next request: refused by the database (the token itself is still unexpired).
  const after = await callApi('/rest/v1/rpc/update_my_profile', { token: memberToken, body: { p_display_name: '还想改名' } });
  expect(after.status).toBe(403);
  expect(after.body.message).toBe('account_suspended');

  // The app, reopened, shows the blocked state (the gate routing of the onboarding feature).
  await memberPage.reload();
  await memberPage.getByTestId('account-blocked').filter({ hasText: '暂停' }).waitFor({ timeout: 20_000 });
  await app.shot('24-member-blocked');

  const [action] = await sql<{ action: string; reason: string; operator_id: string }>(
    'select action, reason, operator_id from public.account_actions where user_id = $1',
    [userId],
  );
  expect(action).toMatchObject({ action: 'suspend', reason: '发布违规内容，暂停使用', operator_id: await userIdOf(`+86${OPERATOR.phone}`) });
});

it('a stolen-account report submitted signed out reaches the operator, who confirms it and freezes the account', async () => {
  const victim = await signInCleared();

  await app.open('pages/login/index');
  await page.getByTestId('login-report-stolen').click();
  await page.getByTestId('report-form').waitFor();
  const caseId = await app.reportStolen({
    phone: local(victim.phone),
    name: '陈小明',
    evidence: '昨天开始无法登录，收到陌生设备登录提醒，可提供工牌和身份证照片。',
    contact: '13800001234', // issue 10: signed out, the outcome is texted to a mobile number
  });
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  await app.shot('23-report-done');
  const [report] = await sql<{ status: string; target_user_id: string }>('select status, target_user_id from public.account_reports where id = $1', [caseId]);
  expect(report).toEqual({ status: 'open', target_user_id: victim.userId });

  await openAsOperator(app);
  const result = await app.resolveReport(caseId, 'confirmed', '已电话核实为本人，冻结账号', true);
  expect(result).toContain('已核实');
  expect(result).toContain('账号已冻结');

  const [resolved] = await sql<{ status: string; froze_account: boolean }>('select status, froze_account from public.account_reports where id = $1', [caseId]);
  expect(resolved).toEqual({ status: 'confirmed', froze_account: true });
  const refused = await victim.client.rpc('update_my_profile', { p_display_name: '盗号者' });
  expect(refused.error?.message).toBe('account_suspended');
});
