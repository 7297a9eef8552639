// Sign-up on the H5 build in Debian Chromium against the live local stack (issue 3): birth date,
// agreements (never pre-ticked), guardian confirmation for minors, re-consent after a new version.
// The server's records are checked with SQL; refusals are checked at the API, as an attacker would try.
import type { BrowserContext, Page } from 'playwright-core';
import { birthDateForAge, callApi, makePlatformOperator, markCleared, randomPhone, removeAgreementVersion, signInCleared, sql } from '../support/clients';
import { AppPages } from './support/app-pages';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';

const PRIVACY_DOC = 'a0000000-0000-4000-8000-000000000002';

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

/** Signs a phone in with an SMS code through the sign-in page; returns the user id. */
async function signInInBrowser(phone: string): Promise<string> {
  await app.open('pages/login/index');
  await app.requestCode(local(phone));
  await app.enterCode(await app.localCode());
  await app.submitLogin();
  const [user] = await sql<{ id: string }>('select id from auth.users where phone = $1', [phone.slice(1)]);
  return user.id;
}

async function activeConsents(userId: string) {
  return sql<{ slug: string; channel: string; consented_by: string; current: boolean }>(
    `select d.slug, c.channel, c.consented_by,
            c.version_id = (select cv.version_id from private.current_versions() cv where cv.document_id = d.id) as current
       from public.consents c join public.agreement_documents d on d.id = c.document_id
      where c.user_id = $1 and c.withdrawn_at is null order by d.slug`,
    [userId],
  );
}

it('signs an adult up: birth date, then agreements ticked by hand, recorded as h5 / self', async () => {
  const phone = randomPhone();
  const userId = await signInInBrowser(phone);
  await app.onboardingStep('birth');
  await app.shot('10-onboarding-birth');
  await app.pickBirthDate(birthDateForAge(30));
  await app.submitBirthDate();
  await app.onboardingStep('agreements');

  // Nothing is pre-ticked and 同意并继续 stays disabled until every required box is ticked.
  for (const slug of ['service', 'privacy', 'learning-recommendations']) {
    await expect(app.agreementCheckbox(slug).getAttribute('aria-checked')).resolves.toBe('false');
  }
  await expect(app.acceptAgreementsButton().getAttribute('aria-disabled')).resolves.toBe('true');
  // The full text is readable, key clauses emphasised.
  await page.getByTestId('agreement-read-service').click();
  await expect(page.getByTestId('agreement-body-service').getByTestId('md-strong').count()).resolves.toBeGreaterThan(0);
  await app.shot('11-onboarding-agreements');
  await app.agreementCheckbox('service').click();
  await expect(app.acceptAgreementsButton().getAttribute('aria-disabled')).resolves.toBe('true');
  await app.agreementCheckbox('privacy').click();
  await expect(app.acceptAgreementsButton().getAttribute('aria-disabled')).resolves.toBe('false');
  await app.acceptAgreementsButton().click();

  await expect(app.greeting().textContent()).resolves.toContain('你好');
  const consents = await activeConsents(userId);
  // Exactly what was ticked: the optional recommendations were left alone.
  expect(consents).toEqual([
    { slug: 'privacy', channel: 'h5', consented_by: 'self', current: true },
    { slug: 'service', channel: 'h5', consented_by: 'self', current: true },
  ]);
});

it('keeps a 16-year-old out until the guardian confirms with the code sent to the guardian', async () => {
  const phone = randomPhone();
  const userId = await signInInBrowser(phone);
  await app.onboardingStep('birth');
  await app.pickBirthDate(birthDateForAge(16));
  await app.submitBirthDate();
  await app.onboardingStep('agreements');
  await app.acceptAgreements(['service', 'privacy']);
  await app.onboardingStep('guardian');
  await app.shot('12-onboarding-guardian');

  // Not usable yet: the API refuses a rename, and the profile page sends the user back.
  const token = await app.accessToken();
  const rename = await callApi('/rest/v1/rpc/update_my_profile', { token, body: { p_display_name: '未成年' } });
  expect(rename.status).toBe(403);
  expect(rename.body.message).toBe('guardian_required');
  await app.open('packages/account/profile/index');
  await app.onboardingStep('guardian');

  const guardianPhone = randomPhone();
  const code = await app.requestGuardianCode({ name: '王建国', relationship: 'father', phone: local(guardianPhone) });
  await app.enterGuardianCode(code);
  await expect(page.getByTestId('children-statement').count()).resolves.toBe(0);
  await app.guardianConfirmButton().click();

  await expect(app.greeting().textContent()).resolves.toContain('你好');
  const [guardian] = await sql<{ guardian_name: string; relationship: string; guardian_phone: string }>(
    'select guardian_name, relationship, guardian_phone from public.guardians where user_id = $1 and withdrawn_at is null',
    [userId],
  );
  expect(guardian).toMatchObject({ guardian_name: '王建国', relationship: 'father' });
  expect(guardian.guardian_phone.replace(/^\+/, '')).toBe(guardianPhone.slice(1));
  const after = await callApi('/rest/v1/rpc/update_my_profile', { token, body: { p_display_name: '小王' } });
  expect(after.status).toBe(200);
});

it('keeps a 12-year-old out until the guardian consents to the children’s statement', async () => {
  const phone = randomPhone();
  const userId = await signInInBrowser(phone);
  await app.onboardingStep('birth');
  await app.pickBirthDate(birthDateForAge(12));
  await app.submitBirthDate();
  await app.onboardingStep('agreements');
  await app.acceptAgreements(['service', 'privacy']);
  await app.onboardingStep('guardian');

  const statement = page.getByTestId('children-statement');
  await statement.waitFor();
  await expect(statement.textContent()).resolves.toContain('儿童个人信息保护规则');
  const code = await app.requestGuardianCode({ name: '李秀英', relationship: 'mother', phone: local(randomPhone()) });
  await app.enterGuardianCode(code);
  // The guardian has not ticked the statement: confirming is not possible yet.
  await expect(app.guardianConfirmButton().getAttribute('aria-disabled')).resolves.toBe('true');
  await expect(page.getByTestId('guardian-accept-statement').getAttribute('aria-checked')).resolves.toBe('false');
  await app.shot('13-onboarding-children-statement');
  const blocked = await callApi('/rest/v1/rpc/my_consent_status', { token: await app.accessToken() });
  expect(blocked.body.gate).toBe('guardian_required');

  await page.getByTestId('guardian-accept-statement').click();
  await app.guardianConfirmButton().click();
  await expect(app.greeting().textContent()).resolves.toContain('你好');

  const consents = await activeConsents(userId);
  expect(consents).toContainEqual({ slug: 'children-privacy', channel: 'h5', consented_by: 'guardian', current: true });
});

/** Version ids this suite published; withdrawn again afterwards (see afterEach). */
let publishedVersionId: string | null = null;

// A new required version unclears everyone on the shared stack, the seeded demo users included
// (other suites sign in as the demo operator). Remove the test's version again so the stack is
// as the seed left it.
afterEach(async () => {
  if (!publishedVersionId) return;
  const id = publishedVersionId;
  publishedVersionId = null;
  await removeAgreementVersion(id);
});

it('sends a signed-in member back to the agreements after a new required version is published', async () => {
  // A member signed in on the H5 app, arranged as cleared (adult, current versions accepted).
  const userId = await signInInBrowser(randomPhone());
  await app.onboardingStep('birth');
  await markCleared(userId);
  await page.reload();
  await expect(app.greeting().textContent()).resolves.toContain('你好');

  // An operator publishes a new privacy version, effective now.
  const operator = await signInCleared();
  await makePlatformOperator(operator.userId);
  const [current] = await sql<{ body_md: string }>(
    `select v.body_md from public.agreement_versions v
       join private.current_versions() cv on cv.version_id = v.id where cv.document_id = $1`,
    [PRIVACY_DOC],
  );
  const published = await operator.client.rpc('publish_agreement_version', {
    p_document_id: PRIVACY_DOC,
    p_title: `知享隐私保护指引（e2e ${Date.now()}）`,
    p_body_md: `${current.body_md}\n\n## 更新说明\n\n**本次更新补充了个人信息的保存期限。**\n`,
  });
  expect(published.error).toBeNull();
  publishedVersionId = (published.data as { id: string }).id;

  // Next show of the app: straight to step (b), only the updated document, no birth date again.
  await page.reload();
  await app.onboardingStep('agreements');
  await page.getByTestId('agreements-updated').waitFor();
  await expect(app.agreementCheckbox('privacy').getAttribute('aria-checked')).resolves.toBe('false');
  await expect(app.agreementCheckbox('service').count()).resolves.toBe(0);
  await app.shot('14-onboarding-reconsent');
  await app.acceptAgreements(['privacy']);
  await expect(app.greeting().textContent()).resolves.toContain('你好');

  const consents = await activeConsents(userId);
  expect(consents.filter((c) => c.slug === 'privacy' && c.current)).toHaveLength(1);
});

it('offers a clear way out to a member who declines the agreements', async () => {
  await signInInBrowser(randomPhone());
  await app.onboardingStep('birth');
  await app.pickBirthDate(birthDateForAge(25));
  await app.submitBirthDate();
  await app.onboardingStep('agreements');
  await page.getByTestId('agreements-decline').click();
  const dialog = page.getByTestId('exit-dialog');
  await dialog.waitFor();
  await expect(dialog.getByTestId('exit-cancel-account').textContent()).resolves.toContain('注销账号');
  await app.shot('15-onboarding-decline');
  await page.getByTestId('exit-sign-out').click();
  await page.getByTestId('login-phone').waitFor();
});

it('shows a suspended member a blocked notice with a way to sign out, not the product', async () => {
  const userId = await signInInBrowser(randomPhone());
  await app.onboardingStep('birth');
  await markCleared(userId);
  await page.reload();
  await expect(app.greeting().textContent()).resolves.toContain('你好');

  const operator = await signInCleared();
  await makePlatformOperator(operator.userId);
  const acted = await operator.client.rpc('platform_act_on_account', { p_user_id: userId, p_action: 'suspend', p_reason: 'e2e：冒用他人身份' });
  expect(acted.error).toBeNull();

  // The access token in the browser is still unexpired; the server's gate decides.
  await page.reload();
  await app.onboardingStep('blocked');
  await expect(page.getByTestId('account-blocked').textContent()).resolves.toContain('账号已被暂停使用');
  expect(await app.greeting().count()).toBe(0);
  await app.shot('16-account-blocked');
  await page.getByTestId('blocked-sign-out').click();
  await page.getByTestId('login-phone').waitFor();
});
