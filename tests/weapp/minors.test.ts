// Minors signing up in the compiled mini-program (the H5 build has its own suite in tests/e2e): a
// 16-year-old is held at 监护人确认 until a guardian confirms with the code sent to the guardian's
// phone; a 12-year-old also needs the guardian to accept the children's statement, and sends the
// guardian a link when the guardian is elsewhere (the guardian's page has its own suite,
// guardian-link.test.ts; here it is the next step of the minor's sign-up). New members are signed
// in through the API; onboarding, the guardian's confirmation and the minor's next start happen in
// simulated pages, then are checked in the database and at the API.
import { birthDateForAge, callApi, randomPhone, signInFresh, sql, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { openHarness } from './support/harness';
import type { PageDriver } from './support/page-driver';
import { HOME_URL, ONBOARDING_PAGE, ONBOARDING_URL, outboxPoller } from './support/sign-in-flow';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const HOME_PAGE = 'pages/index/index';
const LINK_PAGE = 'packages/onboarding/guardian-link/index';
const REQUIRED = ['知享服务协议', '知享隐私保护指引'];

const app = simulatedApp();

/** Birth date and the required agreements on the onboarding page, up to the guardian step. */
async function upToGuardianStep(minor: SignedInUser, age: number): Promise<PageDriver> {
  const page = await app.openAs(minor, ONBOARDING_PAGE);
  await page.waitFor(() => page.text().includes('填写出生日期'), 'the birth-date step');
  const picker = page.nodes().find((n) => n.tag === 'picker');
  if (!picker) throw new Error(`no date picker on the page: ${page.text()}`);
  await page.fire(picker, 'change', { value: birthDateForAge(age) });
  await page.tap('下一步');
  await page.waitFor(() => page.text().includes('阅读并同意协议'), 'the agreements step');
  for (const title of REQUIRED) await page.tap(`我已阅读并同意《${title}》`);
  await page.tap('同意并继续');
  await page.waitFor(() => page.inputByPlaceholder('监护人的真实姓名'), 'the guardian step');
  return page;
}

const gateOf = async (userId: string) =>
  (await sql<{ cleared: boolean }>('select private.is_cleared($1::uuid) as cleared', [userId]))[0].cleared;

test('a 16-year-old is held until the guardian confirms with the code sent to the guardian', async () => {
  const minor = await signInFresh();
  await upToGuardianStep(minor, 16);
  const h = await app.closeQuiet();
  // Not usable yet: 首页 sends the minor back to onboarding, and the API refuses.
  expect(h.bridge.navigations.some((n) => n.url && HOME_URL.test(n.url))).toBe(false);
  expect(await gateOf(minor.userId)).toBe(false);
  const rename = await callApi('/rest/v1/rpc/update_my_profile', { token: minor.token, body: { p_display_name: '未成年' } });
  expect(rename.status).toBe(403);
  expect(rename.body.message).toBe('guardian_required');

  const home = await app.openAs(minor, HOME_PAGE);
  const hh = app.harness;
  await home.waitFor(() => hh.bridge.navigations.find((n) => n.url && ONBOARDING_URL.test(n.url)), 'navigation back to onboarding');
  const page = await app.open(ONBOARDING_PAGE);
  await page.waitFor(() => page.inputByPlaceholder('监护人的真实姓名'), 'the guardian step again');
  expect(page.text()).not.toContain('儿童个人信息保护规则');
  const guardianPhone = randomPhone();
  await page.type('监护人的真实姓名', '王建国');
  await page.tap('父亲');
  await page.type('监护人的手机号', guardianPhone.replace(/^\+86/, ''));
  await page.tap('发送验证码');
  const code = await page.waitFor(outboxPoller(getStack().url, guardianPhone), 'the code sent to the guardian');
  await page.type('6 位验证码', code);
  await page.tap('监护人确认');
  await page.waitFor(() => hh.bridge.navigations.find((n) => n.url && HOME_URL.test(n.url)), 'navigation to home');
  await app.closeQuiet();

  const [guardian] = await sql<{ guardian_name: string; relationship: string; guardian_phone: string }>(
    'select guardian_name, relationship, guardian_phone from public.guardians where user_id = $1 and withdrawn_at is null', [minor.userId]);
  expect(guardian).toMatchObject({ guardian_name: '王建国', relationship: 'father' });
  expect(guardian.guardian_phone.replace(/^\+/, '')).toBe(guardianPhone.slice(1));
  expect(await gateOf(minor.userId)).toBe(true);
  const after = await callApi('/rest/v1/rpc/update_my_profile', { token: minor.token, body: { p_display_name: '小王' } });
  expect(after.status).toBe(200);
});

const activeConsents = (userId: string) =>
  sql<{ slug: string; channel: string; consented_by: string }>(
    `select d.slug, c.channel, c.consented_by from public.consents c join public.agreement_documents d on d.id = c.document_id
      where c.user_id = $1 and c.withdrawn_at is null order by d.slug`, [userId]);

test('a 12-year-old is held until the guardian also accepts the children’s statement', async () => {
  const minor = await signInFresh();
  const page = await upToGuardianStep(minor, 12);
  const h = app.harness;
  expect(page.text()).toContain('儿童个人信息保护规则');
  const guardianPhone = randomPhone();
  await page.type('监护人的真实姓名', '李秀英');
  await page.tap('母亲');
  await page.type('监护人的手机号', guardianPhone.replace(/^\+86/, ''));
  await page.tap('发送验证码');
  const code = await page.waitFor(outboxPoller(getStack().url, guardianPhone), 'the code sent to the guardian');
  await page.type('6 位验证码', code);
  // Code and all, but the statement not ticked: 监护人确认 sends nothing.
  const confirmCalls = () => h.bridge.requests.filter((r) => r.url.includes('/functions/v1/guardian')).length;
  const before = confirmCalls();
  await page.tap('监护人确认');
  expect(confirmCalls()).toBe(before);
  await page.tap('我是该用户的监护人，已阅读并同意《知享儿童个人信息保护规则》');
  await page.tap('监护人确认');
  await page.waitFor(() => h.bridge.navigations.find((n) => n.url && HOME_URL.test(n.url)), 'navigation to home');
  await app.closeQuiet();

  expect(await gateOf(minor.userId)).toBe(true);
  expect(await activeConsents(minor.userId)).toContainEqual({ slug: 'children-privacy', channel: 'weapp', consented_by: 'guardian' });
  const [guardian] = await sql<{ guardian_name: string; relationship: string }>(
    'select guardian_name, relationship from public.guardians where user_id = $1 and withdrawn_at is null', [minor.userId]);
  expect(guardian).toEqual({ guardian_name: '李秀英', relationship: 'mother' });
});

test('a 12-year-old whose guardian is not beside them sends a link; the guardian confirms on their phone and the minor is in', async () => {
  const minor = await signInFresh();
  const page = await upToGuardianStep(minor, 12);
  const h = app.harness;
  const guardianPhone = randomPhone();
  await page.tap('监护人不在身边？发送链接给监护人');
  await page.type('例如：王小明', '王小明');
  // Two fields ask for the guardian's phone now (the form above and the link's): the link's is the last.
  const linkPhone = page.nodes().filter((n) => n.tag === 'input' && n.attrs.placeholder === '监护人的手机号').pop();
  if (!linkPhone) throw new Error('no phone field in the link form');
  await page.type(linkPhone, guardianPhone.replace(/^\+86/, ''));
  await page.tap('生成链接');
  // The innermost element showing the link (the last match, depth first).
  const shown = await page.waitFor(() => page.nodes().map((n) => n.text).filter((t) => t.includes('guardian-link/index?t=')).pop(), 'the link on screen');
  // The H5 site's guardian page (TARO_APP_H5_URL), never the mini-program runtime's stand-in origin.
  const match = /^(https?:\/\/[^#\s]*)?#\/packages\/onboarding\/guardian-link\/index\?t=([A-Za-z0-9_-]+)$/.exec(shown);
  if (!match) throw new Error(`not a guardian link: ${shown}`);
  await page.tap('复制链接');
  await page.waitFor(() => page.text().includes('已复制'), 'the link copied');
  expect(h.bridge.clipboard).toEqual([shown]);
  await app.closeQuiet();
  expect(await gateOf(minor.userId)).toBe(false);

  // The guardian, on their own phone with no account, opens the link.
  const guardianApp = openHarness({ launchPath: LINK_PAGE });
  try {
    const link = await guardianApp.openPage(LINK_PAGE, { t: match[2] });
    await link.waitFor(() => link.text().includes('王*明'), 'the child named, masked');
    await link.type('你的真实姓名', '王建国');
    await link.tap('父亲');
    await link.tap('发送验证码');
    const code = await link.waitFor(outboxPoller(getStack().url, guardianPhone), 'the code in the outbox');
    await link.type('6 位验证码', code);
    await link.tap('我是该用户的监护人，已阅读并同意《知享儿童个人信息保护规则》');
    await link.tap('确认');
    await link.waitFor(() => link.text().includes('确认成功'), 'the confirmation');
    await guardianApp.settle();
    expect(guardianApp.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);
  } finally {
    guardianApp.close();
  }

  // The minor starts the app again: 首页, no onboarding.
  const home = await app.openAs(minor, HOME_PAGE);
  await home.waitFor(() => home.text().includes('你好'), 'the signed-in home');
  const after = await app.closeQuiet();
  expect(after.bridge.navigations.filter((n) => n.url && ONBOARDING_URL.test(n.url))).toEqual([]);

  expect(await gateOf(minor.userId)).toBe(true);
  expect((await activeConsents(minor.userId)).map((c) => [c.slug, c.consented_by])).toContainEqual(['children-privacy', 'guardian']);
  const [guardian] = await sql<{ guardian_name: string; relationship: string }>(
    'select guardian_name, relationship from public.guardians where user_id = $1 and withdrawn_at is null', [minor.userId]);
  expect(guardian).toEqual({ guardian_name: '王建国', relationship: 'father' });
});
