// A new member signs up in the compiled mini-program and goes through onboarding: birth date
// (adult), then the agreements with unticked boxes, then home — and the database holds consents
// recorded from the weapp channel. Runs the real build in miniprogram-simulate against the stack.
import { randomPhone, sql } from '../support/clients';
import { openHarness, type Harness } from './support/harness';
import { freshLoopbackVerifyBudget, HOME_URL, ONBOARDING_PAGE, ONBOARDING_URL, signInWithSms, waitForNavigation } from './support/sign-in-flow';

jest.setTimeout(120_000);

const REQUIRED = ['知享服务协议', '知享隐私保护指引'];
const OPTIONAL = '学习内容个性化推荐说明';

describe('weapp onboarding with consent', () => {
  let harness: Harness;

  beforeEach(async () => {
    await freshLoopbackVerifyBudget();
    harness = openHarness({ launchPath: 'pages/login/index' });
  });

  afterEach(() => {
    harness?.close();
  });

  test('a new member enters an adult birth date, ticks the required agreements and reaches home cleared', async () => {
    const phone = randomPhone();
    const { page: login, session } = await signInWithSms(harness, phone);
    await waitForNavigation(login, harness, ONBOARDING_URL, 'navigation to onboarding');

    const page = await harness.openPage(ONBOARDING_PAGE);
    await page.waitFor(() => page.text().includes('填写出生日期'), 'the birth-date step');
    // Nothing is chosen for the user: the picker shows its placeholder, 下一步 sends nothing.
    expect(page.text()).toContain('请选择出生日期');
    await page.tap('下一步');
    expect(harness.bridge.requests.some((r) => r.url.includes('/rpc/set_my_birth_date'))).toBe(false);

    const picker = page.nodes().find((n) => n.tag === 'picker');
    if (!picker) throw new Error(`no date picker on the page: ${page.text()}`);
    await page.fire(picker, 'change', { value: '1990-05-20' });
    await page.waitFor(() => page.text().includes('1990 年 5 月 20 日'), 'the chosen birth date');
    await page.tap('下一步');

    await page.waitFor(() => page.text().includes('阅读并同意协议'), 'the agreements step');
    // Never pre-ticked: no box shows a tick, and 同意并继续 sends nothing until the required ones are ticked.
    const ticked = () => page.nodes().filter((n) => /^✓我已阅读并同意/.test(n.text)).map((n) => n.text);
    expect(ticked()).toEqual([]);
    for (const title of [...REQUIRED, OPTIONAL]) expect(page.text()).toContain(`我已阅读并同意《${title}》`);
    await page.tap('同意并继续');
    await page.tap(`我已阅读并同意《${REQUIRED[0]}》`);
    await page.tap('同意并继续');
    expect(harness.bridge.requests.some((r) => r.url.includes('/rpc/accept_agreements'))).toBe(false);

    await page.tap(`我已阅读并同意《${REQUIRED[1]}》`);
    expect(ticked()).toEqual(REQUIRED.map((title) => `✓我已阅读并同意《${title}》`));
    await page.tap('同意并继续');
    await waitForNavigation(page, harness, HOME_URL, 'navigation to home');
    expect(harness.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);

    harness.close();
    const userId = session.user.id;
    const consents = await sql<{ slug: string; channel: string; consented_by: string; current: boolean }>(
      `select d.slug, c.channel, c.consented_by,
              c.version_id = (select v.id from public.agreement_versions v where v.document_id = d.id
                                and v.effective_at <= now() order by v.version desc limit 1) as current
         from public.consents c join public.agreement_documents d on d.id = c.document_id
        where c.user_id = $1 and c.withdrawn_at is null order by d.sort_order`,
      [userId],
    );
    // Exactly the two ticked documents, current versions, from the mini-program, by the member.
    expect(consents).toEqual([
      { slug: 'service', channel: 'weapp', consented_by: 'self', current: true },
      { slug: 'privacy', channel: 'weapp', consented_by: 'self', current: true },
    ]);
    const [gate] = await sql<{ cleared: boolean; birth_date: string }>(
      `select private.is_cleared($1::uuid) as cleared, (select birth_date::text from private.accounts where user_id = $1::uuid) as birth_date`,
      [userId],
    );
    expect(gate).toEqual({ cleared: true, birth_date: '1990-05-20' });
  });
});
