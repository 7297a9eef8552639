// Consent after sign-up in the compiled mini-program (the H5 build has its own suites in tests/e2e):
// a new required version sends a signed-in member back to the agreements before the app is usable
// again, and an optional consent is withdrawn from 协议与隐私. Members are arranged as cleared through
// the API; the version is published through the operator's RPC; what the test is about happens in
// the simulated pages and is then checked in the database.
import { makePlatformOperator, removeAgreementVersion, signInCleared, sql } from '../support/clients';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const HOME_PAGE = 'pages/index/index';
const ONBOARDING_PAGE = 'packages/onboarding/index';
const AGREEMENTS_PAGE = 'packages/account/agreements/index';
const ONBOARDING_URL = /^\/?packages\/onboarding\/index(\?|$)/;
const HOME_URL = /^\/?pages\/index\/index(\?|$)/;
const PRIVACY_DOC = 'a0000000-0000-4000-8000-000000000002';
const OPTIONAL_DOC = 'a0000000-0000-4000-8000-000000000004';

const app = simulatedApp();

const activeConsents = (userId: string) =>
  sql<{ slug: string; channel: string; consented_by: string; current: boolean }>(
    `select d.slug, c.channel, c.consented_by,
            c.version_id = (select cv.version_id from private.current_versions() cv where cv.document_id = d.id) as current
       from public.consents c join public.agreement_documents d on d.id = c.document_id
      where c.user_id = $1 and c.withdrawn_at is null order by d.slug, c.consented_at`,
    [userId],
  );

describe('a new required version', () => {
  let publishedVersionId: string | null = null;

  // A new required version unclears everyone on the shared stack: remove it again.
  afterEach(async () => {
    if (!publishedVersionId) return;
    const id = publishedVersionId;
    publishedVersionId = null;
    await removeAgreementVersion(id);
  });

  test('sends a signed-in member back to the agreements; only the updated one is asked, then home again', async () => {
    const [member, operator] = await Promise.all([signInCleared(), signInCleared()]);
    await makePlatformOperator(operator.userId);

    // Before: 首页 works.
    const before = await app.openAs(member, HOME_PAGE);
    await before.waitFor(() => before.text().includes('你好'), 'the signed-in home');
    await app.closeQuiet();

    const [current] = await sql<{ body_md: string }>(
      `select v.body_md from public.agreement_versions v
         join private.current_versions() cv on cv.version_id = v.id where cv.document_id = $1`, [PRIVACY_DOC]);
    const published = await operator.client.rpc('publish_agreement_version', {
      p_document_id: PRIVACY_DOC,
      p_title: `知享隐私保护指引（weapp ${Date.now()}）`,
      p_body_md: `${current.body_md}\n\n## 更新说明\n\n**本次更新补充了个人信息的保存期限。**\n`,
    });
    expect(published.error).toBeNull();
    publishedVersionId = (published.data as { id: string }).id;

    // Next start of the app: 首页 sends the member to the agreements, not the product.
    const home = await app.openAs(member, HOME_PAGE);
    const h = app.harness;
    await home.waitFor(() => h.bridge.navigations.find((n) => n.url && ONBOARDING_URL.test(n.url)), 'navigation to onboarding');
    expect(home.text()).not.toContain('你好');
    const page = await app.open(ONBOARDING_PAGE);
    await page.waitFor(() => page.text().includes('协议已更新'), 'the updated-agreements step');
    // Only the updated document, never pre-ticked; no birth date again.
    expect(page.text()).toContain('我已阅读并同意《知享隐私保护指引》');
    expect(page.text()).not.toContain('知享服务协议');
    expect(page.text()).not.toContain('填写出生日期');
    expect(page.nodes().filter((n) => /^✓我已阅读并同意/.test(n.text))).toEqual([]);
    await page.tap('同意并继续');
    expect(h.bridge.requests.some((r) => r.url.includes('/rpc/accept_agreements'))).toBe(false);
    await page.tap('我已阅读并同意《知享隐私保护指引》');
    await page.tap('同意并继续');
    await page.waitFor(() => h.bridge.navigations.find((n) => n.url && HOME_URL.test(n.url)), 'navigation back to home');
    await app.closeQuiet();

    const consents = await activeConsents(member.userId);
    expect(consents.filter((c) => c.slug === 'privacy' && c.current)).toEqual([{ slug: 'privacy', channel: 'weapp', consented_by: 'self', current: true }]);
    const [gate] = await sql<{ cleared: boolean }>('select private.is_cleared($1::uuid) as cleared', [member.userId]);
    expect(gate.cleared).toBe(true);

    // And 首页 works again.
    const after = await app.openAs(member, HOME_PAGE);
    await after.waitFor(() => after.text().includes('你好'), 'the signed-in home again');
    await app.closeQuiet();
  });
});

test('withdraws an optional consent from 协议与隐私; the required ones cannot be withdrawn on their own', async () => {
  const member = await signInCleared();
  await sql(
    `insert into public.consents (user_id, document_id, version_id, channel, consented_by)
     select $1, cv.document_id, cv.version_id, 'weapp', 'self' from private.current_versions() cv where cv.document_id = $2`,
    [member.userId, OPTIONAL_DOC],
  );

  const page = await app.openAs(member, AGREEMENTS_PAGE);
  await page.waitFor(() => page.text().includes('撤回同意'), 'the optional consent with its withdrawal');
  // One withdrawal on the page: the optional document's; the required ones explain the way out.
  expect(page.nodes().filter((n) => n.tag === 'button' && n.text === '撤回同意')).toHaveLength(1);
  expect(page.text()).toContain('使用知享所必需，不能单独撤回');
  await page.tap('撤回同意');
  await page.waitFor(() => page.text().includes('撤回后，我们将停止基于'), 'the consequence, before the second tap');
  await page.tap('确认撤回');
  await page.waitFor(() => page.text().includes('已撤回'), 'the withdrawal in the history');
  expect(page.nodes().filter((n) => n.tag === 'button' && n.text === '撤回同意')).toHaveLength(0);
  await app.closeQuiet();

  const rows = await sql<{ withdrawn_at: Date | null; withdrawn_channel: string | null }>(
    'select withdrawn_at, withdrawn_channel from public.consents where user_id = $1 and document_id = $2', [member.userId, OPTIONAL_DOC]);
  expect(rows).toHaveLength(1);
  expect(rows[0].withdrawn_at).not.toBeNull();
  expect(rows[0].withdrawn_channel).toBe('weapp');
  // Withdrawing an optional consent leaves the member cleared.
  const [gate] = await sql<{ cleared: boolean }>('select private.is_cleared($1::uuid) as cleared', [member.userId]);
  expect(gate.cleared).toBe(true);
});
