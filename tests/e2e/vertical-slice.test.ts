// A member's first minutes on the H5 build, in Debian Chromium against the live local stack:
// SMS sign-in (code from the local outbox), profile, rename, password, sign-out, password sign-in.
import type { BrowserContext, Page } from 'playwright-core';
import { birthDateForAge, randomPhone, sql } from '../support/clients';
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

const local = (e164: string) => e164.replace('+86', '');

it('signs in with an SMS code, renames, sets a password, signs out and back in with it', async () => {
  const phone = randomPhone();
  await app.open();
  // Signed out, home offers sign-in.
  await app.shot('00-welcome');
  await page.getByTestId('home-sign-in').click();
  await page.getByTestId('login-phone').waitFor();
  await app.shot('01-sign-in');

  await app.requestCode(local(phone));
  const code = await app.localCode();
  await app.shot('02-sign-in-local-code');
  await app.enterCode(code);
  await app.submitLogin();
  // A new member passes onboarding first (birth date, agreements): see onboarding.test.ts.
  await app.completeAdultOnboarding(birthDateForAge(30));
  await expect(app.greeting().textContent()).resolves.toContain('你好');

  const [user] = await sql<{ id: string }>('select id from auth.users where phone = $1', [phone.slice(1)]);
  expect(user).toBeDefined();

  await app.open('packages/account/profile/index');
  const digits = local(phone);
  // The profile has loaded once the masked phone shows (the name editor starts from it).
  await page.getByTestId('profile-phone').filter({ hasText: `${digits.slice(0, 3)}****${digits.slice(7)}` }).waitFor();
  await app.renameTo('测试员工');
  await page.getByTestId('profile-name').filter({ hasText: '测试员工' }).waitFor();
  await app.shot('03-profile');
  const [profile] = await sql<{ display_name: string }>('select display_name from public.profiles where id = $1', [user.id]);
  expect(profile.display_name).toBe('测试员工');

  await page.getByTestId('profile-set-password').click();
  await page.getByTestId('password-new').waitFor();
  await app.shot('04-set-password');
  await app.setPassword('Secret2026x');
  await page.getByTestId('profile-phone').waitFor();

  await app.signOut();
  await page.getByTestId('login-phone').waitFor();

  await app.signInWithPassword(digits, 'Secret2026x');
  // Home first renders while the profile loads; wait for the greeting with the name.
  await app.greeting().filter({ hasText: '测试员工' }).waitFor();
  await app.shot('05-home');
});

it('refuses a wrong code, says how many tries are left, and keeps the member signed out', async () => {
  const phone = randomPhone();
  await app.open('pages/login/index');
  await app.requestCode(local(phone));
  const code = await app.localCode();
  await app.enterCode(code === '000000' ? '111111' : '000000');
  await app.submitLogin();
  await page.getByText('验证码错误，还可再试 4 次').first().waitFor();
  expect(await app.greeting().count()).toBe(0);
});

it('refuses a malformed phone number before sending anything', async () => {
  await app.open('pages/login/index');
  await app.requestCode('12345');
  await page.getByText(/手机号/).first().waitFor();
  const sent = await sql('select 1 from auth.users where phone = $1', ['12345']);
  expect(sent).toHaveLength(0);
});
