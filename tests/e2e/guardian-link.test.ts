// The guardian confirms from their own phone (PRODUCT.md §1, issue 10): a minor sends a link; the
// guardian opens it in a browser with no session, reads what they approve, and confirms with the
// code sent to the guardian phone the minor named. H5 build in Chromium against the live stack.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { acceptRequiredAgreements, birthDateForAge, callApi, latestSmsCode, randomPhone, signInFresh } from '../support/clients';
import { AppPages } from './support/app-pages';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';

const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let app: AppPages;

beforeEach(async () => {
  context = await mobileContext(suite.browser);
  page = await context.newPage();
  app = new AppPages(page, suite.server.url);
});

afterEach(async () => {
  await context.close();
});

async function fill(testId: string, value: string): Promise<void> {
  const host = page.getByTestId(testId);
  const inner = host.locator('input');
  const target: Locator = (await inner.count()) > 0 ? inner.first() : host;
  await target.fill(value);
}

it('a guardian with no account confirms a 12-year-old from the link, on their own phone', async () => {
  const child = await signInFresh();
  await child.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(12) });
  await acceptRequiredAgreements(child.client);
  const guardianPhone = randomPhone();
  const link = await callApi('/functions/v1/guardian', {
    token: child.token,
    body: { action: 'create_link', guardian_phone: guardianPhone, child_name: '王小明' },
  });
  expect(link.status).toBe(200);

  await app.open(`packages/onboarding/guardian-link/index?t=${link.body.token}`);
  const summary = page.getByTestId('guardian-link-summary');
  await summary.waitFor();
  await expect(summary.textContent()).resolves.toContain('王*明');
  await expect(page.getByTestId('children-statement').textContent()).resolves.toContain('儿童个人信息保护规则');
  await app.shot('14-guardian-link');

  await fill('guardian-link-name', '王建国');
  await page.getByTestId('guardian-relationship-father').click();
  await page.getByTestId('guardian-link-send-code').click();
  await page.getByText('已发送至').waitFor();
  const code = await latestSmsCode(guardianPhone);
  expect(code).toMatch(/^\d{6}$/);
  await fill('guardian-link-code', code!);
  await expect(page.getByTestId('guardian-link-confirm').getAttribute('aria-disabled')).resolves.toBe('true');
  await page.getByTestId('guardian-link-accept-statement').click();
  await page.getByTestId('guardian-link-confirm').click();
  await page.getByTestId('guardian-link-done').waitFor();

  const status = await child.client.rpc('my_consent_status');
  expect(status.data).toMatchObject({ cleared: true, guardian: { status: 'confirmed', name: '王建国', relationship: 'father' } });

  // the link is spent: opening it again says so
  await app.open(`packages/onboarding/guardian-link/index?t=${link.body.token}`);
  await expect(page.getByTestId('guardian-link-invalid').textContent()).resolves.toContain('已使用');
});
