// 微信一键登录 in the compiled mini-program: wx.login (the bridge hands out codes programmed in the
// stack's fake WeChat API) → the real wechat-login function → setSession, with WeChat's privacy
// authorization answered through the app's own popup before the phone-number button proceeds.
import { callApi, randomPhone, sql } from '../support/clients';
import { loginCode, newOpenid, phoneCode } from '../support/fake-wechat';
import { openHarness, type Harness } from './support/harness';
import { freshLoopbackVerifyBudget, HOME_URL, LOGIN_PAGE, ONBOARDING_URL, storedSession, waitForNavigation } from './support/sign-in-flow';

jest.setTimeout(120_000);

describe('weapp WeChat sign-in', () => {
  let harness: Harness | undefined;

  beforeEach(() => freshLoopbackVerifyBudget());

  afterEach(() => {
    harness?.close();
    harness = undefined;
  });

  test('a new WeChat user agrees to the privacy prompt, authorises the phone and lands on onboarding', async () => {
    const openid = newOpenid();
    const phone = randomPhone();
    // Programmed while Node's fetch is still there; the harness removes it.
    const codes = [await loginCode(openid), await loginCode(openid)];
    const phoneGrant = await phoneCode(phone);

    harness = openHarness({ launchPath: LOGIN_PAGE });
    const h = harness;
    h.bridge.loginCodes.push(...codes);
    h.bridge.privacy.needAuthorization = true;
    const page = await h.openPage(LOGIN_PAGE);

    // Unlinked openid: the function answers wechat_not_linked and the page asks for the phone.
    await page.tap('微信一键登录');
    await page.waitFor(() => page.text().includes('授权手机号并登录'), 'the phone-number button');
    expect(h.bridge.loginCodes).toEqual([codes[1]]);
    expect(storedSession(h)).toBeUndefined();
    const phoneButton = page.nodes().find((n) => n.tag === 'button' && n.text === '授权手机号并登录');
    expect(phoneButton?.attrs.openType).toBe('getPhoneNumber');

    // Tapping a privacy component: WeChat first asks the app's listener, which shows the popup.
    const answer = h.bridge.privacy.request();
    await page.waitFor(() => page.text().includes('隐私保护提示'), 'the privacy popup');
    await page.tap('《知享小程序隐私保护指引》');
    expect(h.bridge.privacy.contractOpened).toBe(1);
    const agree = page.nodes().find((n) => n.tag === 'button' && n.text === '同意');
    expect(agree?.attrs.openType).toBe('agreePrivacyAuthorization');
    await page.fire(agree!, 'agreeprivacyauthorization', { errMsg: 'agreePrivacyAuthorization:ok' });
    await expect(answer).resolves.toBe('agree');
    // The popup told WeChat it was shown, then answered with the id of the button the user tapped.
    expect(h.bridge.privacy.resolutions).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: agree?.attrs.id }]);
    expect(agree?.attrs.id).toBe('zx-privacy-agree');
    await page.waitFor(() => !page.text().includes('隐私保护提示'), 'the popup to close');

    // WeChat hands the button's code to the app; a new wx.login code goes with it.
    await page.fire(phoneButton!, 'getphonenumber', { code: phoneGrant, errMsg: 'getPhoneNumber:ok' });
    const session = await page.waitFor(() => storedSession(h), 'a session in wx storage');
    expect(session.user.phone).toBe(phone.slice(1));
    await waitForNavigation(page, h, ONBOARDING_URL, 'navigation to onboarding');
    expect(h.bridge.navigations.some((n) => n.url && HOME_URL.test(n.url))).toBe(false);
    expect(h.bridge.loginCodes).toEqual([]);
    // wechat-login answered 404 once (not linked), then 200; everything else succeeded.
    const calls = h.bridge.requests.filter((r) => r.url.includes('/functions/v1/wechat-login'));
    expect(calls.map((r) => [r.method, r.statusCode])).toEqual([
      ['POST', 404],
      ['POST', 200],
    ]);

    h.close();
    const users = await sql<{ id: string }>('select id from auth.users where phone = $1', [phone.slice(1)]);
    expect(users).toEqual([{ id: session.user.id }]);
    const links = await sql<{ provider: string; user_id: string }>('select provider, user_id from private.wechat_links where subject = $1', [openid]);
    expect(links).toEqual([{ provider: 'wechat', user_id: session.user.id }]);
  });

  test('declining the phone number leaves the user signed out and points to SMS sign-in', async () => {
    const code = await loginCode(newOpenid());
    harness = openHarness({ launchPath: LOGIN_PAGE });
    const h = harness;
    h.bridge.loginCodes.push(code);
    const page = await h.openPage(LOGIN_PAGE);
    await page.tap('微信一键登录');
    await page.fire('授权手机号并登录', 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' });
    await page.waitFor(() => page.text().includes('未授权手机号'), 'the declined-phone notice');
    expect(page.text()).toContain('获取验证码');
    expect(storedSession(h)).toBeUndefined();
    expect(h.bridge.navigations).toEqual([]);
  });

  test('a linked WeChat user signs in with one tap as the linked account', async () => {
    const openid = newOpenid();
    const linked = await callApi('/functions/v1/wechat-login', { body: { code: await loginCode(openid), phone_code: await phoneCode(randomPhone()) } });
    expect(linked.status).toBe(200);
    const code = await loginCode(openid);

    harness = openHarness({ launchPath: LOGIN_PAGE });
    const h = harness;
    h.bridge.loginCodes.push(code);
    const page = await h.openPage(LOGIN_PAGE);
    await page.tap('微信一键登录');
    const session = await page.waitFor(() => storedSession(h), 'a session in wx storage');
    expect(session.user.id).toBe(linked.body.user_id);
    expect(page.text()).not.toContain('授权手机号并登录');
    // Not yet cleared (no birth date, no consent): the gate still applies after WeChat sign-in.
    await waitForNavigation(page, h, ONBOARDING_URL, 'navigation to onboarding');
  });
});
