// The guardian's link in the compiled mini-program (a parent opens it in WeChat on their own phone,
// with no account): what they approve, their name and relationship, the code sent to the guardian
// phone the minor named, and the children's statement — then the minor is cleared. The minor and
// the link are arranged through the API; the guardian's side runs in miniprogram-simulate.
import { acceptRequiredAgreements, birthDateForAge, callApi, randomPhone, signInFresh, sql } from '../support/clients';
import { getStack } from '../support/stack';
import { openHarness, type Harness } from './support/harness';
import { outboxPoller } from './support/sign-in-flow';

jest.setTimeout(120_000);

const LINK_PAGE = 'packages/onboarding/guardian-link/index';

describe('weapp guardian link', () => {
  let harness: Harness | undefined;

  afterEach(() => {
    harness?.close();
    harness = undefined;
  });

  test('a guardian with no account confirms a 12-year-old from the link; the spent link says so', async () => {
    const child = await signInFresh();
    await child.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(12) });
    await acceptRequiredAgreements(child.client, 'weapp');
    const guardianPhone = randomPhone();
    const link = await callApi('/functions/v1/guardian', {
      token: child.token,
      body: { action: 'create_link', guardian_phone: guardianPhone, child_name: '王小明' },
    });
    expect(link.status).toBe(200);

    harness = openHarness({ launchPath: LINK_PAGE });
    const page = await harness.openPage(LINK_PAGE, { t: link.body.token });
    await page.waitFor(() => page.text().includes('王*明'), 'the child named, masked');
    expect(page.text()).toContain('儿童个人信息保护规则');

    await page.type('你的真实姓名', '王建国');
    await page.tap('父亲');
    await page.tap('发送验证码');
    const code = await page.waitFor(outboxPoller(getStack().url, guardianPhone), 'the guardian code in the outbox');
    await page.type('6 位验证码', code);
    // the statement is never pre-accepted: 确认 sends nothing yet
    const calls = () => harness!.bridge.requests.filter((r) => r.url.includes('/functions/v1/guardian')).length;
    const before = calls();
    await page.tap('确认');
    expect(calls()).toBe(before);
    await page.tap('我是该用户的监护人，已阅读并同意《知享儿童个人信息保护规则》');
    await page.tap('确认');
    await page.waitFor(() => page.text().includes('确认成功'), 'the confirmation');
    await harness.settle();
    expect(harness.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);
    harness.close();
    harness = undefined;

    const [guardian] = await sql<{ name: string; relationship: string; cleared: boolean }>(
      `select g.guardian_name as name, g.relationship, private.is_cleared($1::uuid) as cleared
         from public.guardians g where g.user_id = $1 and g.withdrawn_at is null`, [child.userId]);
    expect(guardian).toEqual({ name: '王建国', relationship: 'father', cleared: true });

    harness = openHarness({ launchPath: LINK_PAGE });
    const again = await harness.openPage(LINK_PAGE, { t: link.body.token });
    await again.waitFor(() => again.text().includes('已使用'), 'the spent link refused');
  });
});
