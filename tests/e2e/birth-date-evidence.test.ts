// Issue 10 on the H5 build: a cleared adult asks for a birth-date correction from 我的 → 出生日期
// with an uploaded proof; the operator opens the proof from the ops page through a signed link.
import type { BrowserContext, Page } from 'playwright-core';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';
import { signInCleared, sql } from '../support/clients';
import { getStack } from '../support/stack';
import { AccountPages } from './support/app-pages';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';

const OPERATOR = { phone: '13800000003', password: 'Zhixiang2026' };
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

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

it('a cleared adult requests a correction with evidence from 我的; the operator opens it through a short-lived link', async () => {
  const member = await signInCleared();
  const { data } = await member.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  await app.openSignedIn(data.session, 'packages/account/profile/index', getStack().url);
  await page.getByTestId('profile-birth-date').click();
  await page.getByTestId('birth-settings').waitFor();
  expect(await page.getByTestId('birth-settings-state').textContent()).toContain('已成年');

  // the date picker starts at 2000-01-01 (not the member's date): confirm it
  await page.getByTestId('birth-correction-picker').click();
  await page.locator('.taro-picker__action').filter({ hasText: '确定' }).click();
  await page.getByTestId('birth-correction-reason').locator('textarea').fill('注册时年份选错了，附户口簿照片');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('birth-correction-evidence-choose').click();
  await (await chooser).setFiles({ name: 'hukou.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('birth-correction-evidence-name').waitFor();
  await page.getByTestId('birth-correction-submit').click();
  await page.getByTestId('birth-correction-pending').waitFor();
  await app.shot('30-birth-date-correction-requested');

  const [row] = await sql<{ id: string; evidence_path: string }>(
    'select id, evidence_path from private.birth_date_corrections where user_id = $1', [member.userId]);
  expect(row.evidence_path).toMatch(new RegExp(`^${member.userId}/evidence-\\d+\\.png$`));

  const client = clientFrom(randomLoopbackIp());
  const signedIn = await client.auth.signInWithPassword({ phone: `+86${OPERATOR.phone}`, password: OPERATOR.password });
  if (signedIn.error || !signedIn.data.session) throw signedIn.error ?? new Error('no session');
  const opsPage = await context.newPage();
  const ops = new AccountPages(opsPage, suite.server.url);
  await ops.openSignedIn(signedIn.data.session, 'packages/ops/birth-date-corrections/index', getStack().url);
  const item = `ops-birth-correction-${row.id}`;
  await opsPage.getByTestId(`${item}-evidence`).click();
  const image = opsPage.getByTestId(`${item}-evidence-image`);
  await image.waitFor();
  const src = await image.locator('img').first().getAttribute('src') ?? await image.getAttribute('src');
  expect(src).toContain('/storage/v1/object/sign/birth-date-evidence/');
  expect(Buffer.from(await (await fetch(src!)).arrayBuffer()).equals(PNG)).toBe(true);
  await ops.shot('31-birth-date-evidence-ops');
});
