// 企业微信一键登录 in the compiled WeCom build (dist/qywx, or ZX_QYWX_DIR): wx.qy.login codes
// programmed in the stack's fake WeCom API → the real wecom-login function. A first-time member
// signs in by SMS and the app links the WeCom member; the next time one tap signs them in and
// onboarding records the consents from the WeCom channel. Only the qywx build has this button and
// asks wx.qy.login (its platform files); the weapp build would ask wx.login and record 'weapp'.
import path from 'node:path';
import { LOCAL_WECOM_CORP_ID } from '../../tools/local-stack/local-wechat';
import { randomPhone, sql } from '../support/clients';
import { wecomCode } from '../support/fake-wechat';
import { openHarness, type Harness } from './support/harness';
import { freshLoopbackVerifyBudget, HOME_URL, LOGIN_PAGE, ONBOARDING_PAGE, ONBOARDING_URL, smsSignInOn, storedSession, waitForNavigation } from './support/sign-in-flow';

jest.setTimeout(120_000);

const qywxDir = () => path.resolve(process.env.ZX_QYWX_DIR ?? path.resolve(__dirname, '../../dist/qywx'));

describe('qywx WeCom sign-in', () => {
  let harness: Harness | undefined;

  beforeEach(() => freshLoopbackVerifyBudget());

  afterEach(() => {
    harness?.close();
    harness = undefined;
  });

  test('a first-time member signs in by SMS and is linked; next time 企业微信一键登录 signs them in, and onboarding records WeCom consents', async () => {
    const userid = `zx-member-${Date.now().toString(36)}`;
    const phone = randomPhone();
    const [first, link, later] = [await wecomCode(userid), await wecomCode(userid), await wecomCode(userid)];

    harness = openHarness({ distDir: qywxDir(), launchPath: LOGIN_PAGE });
    let h = harness;
    h.bridge.qyLoginCodes.push(first, link);
    let page = await h.openPage(LOGIN_PAGE);
    expect(page.text()).not.toMatch(/(^|[^业])微信一键登录/);

    await page.tap('企业微信一键登录');
    await page.waitFor(() => page.text().includes('首次使用请先用手机号验证码登录'), 'the first-time notice');
    expect(storedSession(h)).toBeUndefined();

    const session = await smsSignInOn(page, h, phone);
    await page.waitFor(
      () => h.bridge.requests.filter((r) => r.url.includes('/functions/v1/wecom-login') && r.statusCode === 200).length === 1,
      'the linking call',
    );
    expect(h.bridge.requests.filter((r) => r.url.includes('/functions/v1/wecom-login')).map((r) => r.statusCode)).toEqual([404, 200]);
    await page.waitFor(() => h.bridge.toasts.some((t) => t.title === '已绑定企业微信，下次可一键登录'), 'the linked toast');
    // The SMS session stays the one in use.
    expect(storedSession(h)?.user.id).toBe(session.user.id);
    h.close();

    const links = await sql<{ user_id: string }>(`select user_id from private.wechat_links where provider = 'wecom' and subject = $1`, [
      `${LOCAL_WECOM_CORP_ID}:${userid}`,
    ]);
    expect(links).toEqual([{ user_id: session.user.id }]);

    harness = openHarness({ distDir: qywxDir(), launchPath: LOGIN_PAGE });
    h = harness;
    h.bridge.qyLoginCodes.push(later);
    page = await h.openPage(LOGIN_PAGE);
    await page.tap('企业微信一键登录');
    const again = await page.waitFor(() => storedSession(h), 'a session in wx storage');
    expect(again.user.id).toBe(session.user.id);
    await waitForNavigation(page, h, ONBOARDING_URL, 'navigation to onboarding (not yet cleared)');
    // Every WeCom code was asked for with wx.qy.login; WeChat's wx.login never was.
    expect(h.bridge.qyLoginCodes).toEqual([]);
    expect(h.bridge.requests.filter((r) => r.url.includes('/functions/v1/wechat-login'))).toEqual([]);

    // Onboarding in the WeCom build: the consents are recorded from the qywx channel.
    const onboarding = await h.openPage(ONBOARDING_PAGE);
    await onboarding.waitFor(() => onboarding.text().includes('填写出生日期'), 'the birth-date step');
    const picker = onboarding.nodes().find((n) => n.tag === 'picker');
    if (!picker) throw new Error(`no date picker on the page: ${onboarding.text()}`);
    await onboarding.fire(picker, 'change', { value: '1990-05-20' });
    await onboarding.tap('下一步');
    await onboarding.waitFor(() => onboarding.text().includes('阅读并同意协议'), 'the agreements step');
    for (const title of ['知享服务协议', '知享隐私保护指引']) await onboarding.tap(`我已阅读并同意《${title}》`);
    await onboarding.tap('同意并继续');
    await waitForNavigation(onboarding, h, HOME_URL, 'navigation to home');
    h.close();
    const consents = await sql<{ slug: string; channel: string }>(
      `select d.slug, c.channel from public.consents c join public.agreement_documents d on d.id = c.document_id
        where c.user_id = $1 and c.withdrawn_at is null order by d.slug`, [session.user.id]);
    expect(consents).toEqual([{ slug: 'privacy', channel: 'qywx' }, { slug: 'service', channel: 'qywx' }]);
  });
});
