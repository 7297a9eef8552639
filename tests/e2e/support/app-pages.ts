// Page objects for the H5 build: tests speak in user steps, selectors live here.
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from './browser';

/** Taro renders inputs as custom elements wrapping a native <input>; fill the native one. */
async function fill(page: Page, testId: string, value: string): Promise<void> {
  const host = page.getByTestId(testId);
  const inner = host.locator('input');
  const target: Locator = (await inner.count()) > 0 ? inner.first() : host;
  await target.fill(value);
}

export class AppPages {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /**
   * Opens the app at `route` as a fresh page load. Changing only the hash of an app already running
   * would navigate inside it instead, racing whatever it is doing (a redirect, a sign-in check).
   */
  async open(route = ''): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(`${this.baseUrl}/${route ? `#/${route}` : ''}`);
  }

  async shot(name: string): Promise<void> {
    const file = screenshotPath(name);
    if (!file) return;
    // Let Taro's page-slide transition finish so the picture shows the page, not the animation.
    await this.page.waitForTimeout(600);
    await this.page.screenshot({ path: file });
  }

  // ---- sign-in page
  async requestCode(phone: string): Promise<void> {
    await fill(this.page, 'login-phone', phone);
    await this.page.getByTestId('login-send-code').click();
  }

  /** The local-only outbox hint on the sign-in page; returns the code it shows. */
  async localCode(): Promise<string> {
    const hint = this.page.getByTestId('local-sms-code');
    await hint.waitFor();
    const text = (await hint.textContent()) ?? '';
    const code = /\d{6}/.exec(text)?.[0];
    if (!code) throw new Error(`no code in local hint: ${text}`);
    return code;
  }

  async enterCode(code: string): Promise<void> {
    await fill(this.page, 'login-code', code);
  }

  async submitLogin(): Promise<void> {
    await this.page.getByTestId('login-submit').click();
  }

  async signInWithPassword(phone: string, password: string): Promise<void> {
    await this.page.getByTestId('login-tab-password').click();
    await fill(this.page, 'login-phone', phone);
    await fill(this.page, 'login-password', password);
    await this.submitLogin();
  }

  greeting(): Locator {
    return this.page.getByTestId('home-greeting');
  }

  // ---- tab bar (AppTabBar: on H5 each tab page draws one; the visible one is the open page's)
  tab(key: string): Locator {
    return this.page.locator(`[data-testid="tab-bar"]:visible [data-testid="tab-${key}"]`);
  }

  /** The tab names, left to right (a badge adds its count to the name a screen reader hears). */
  async tabLabels(): Promise<string[]> {
    const tabs = this.page.locator('[data-testid="tab-bar"]:visible [role="tab"]');
    return (await tabs.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map((label) => label.split('，')[0]);
  }

  /** The count on a tab, or null without one. */
  async tabBadge(key: string): Promise<string | null> {
    const badge = this.page.locator(`[data-testid="tab-bar"]:visible [data-testid="tab-${key}-badge"]`);
    return (await badge.count()) ? badge.textContent() : null;
  }

  async openTab(key: string): Promise<void> {
    await this.tab(key).click();
  }

  // ---- profile
  async renameTo(name: string): Promise<void> {
    await fill(this.page, 'profile-edit-name', name);
    await this.page.getByTestId('profile-save-name').click();
  }

  /** Issue 10: setting or changing a password needs an SMS code first. */
  async setPassword(password: string): Promise<void> {
    await this.page.getByTestId('password-send-code').click();
    await fillText(this.page, 'password-code', await this.localCode());
    await fill(this.page, 'password-new', password);
    await fill(this.page, 'password-confirm', password);
    await this.page.getByTestId('password-submit').click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
  }

  // ---- onboarding (birth date, agreements, guardian)
  /** Waits until onboarding shows the given step ('birth' | 'agreements' | 'guardian' | 'blocked'). */
  async onboardingStep(step: string): Promise<void> {
    await this.page.locator(`[data-testid="onboarding-page"][data-step="${step}"]`).waitFor();
  }

  /**
   * Picks a date in Taro's H5 date picker the way a person does: scroll each wheel (year, month,
   * day) until it shows the wanted value, then 确定.
   */
  async pickBirthDate(date: string): Promise<void> {
    const [year, month, day] = date.split('-').map(Number);
    await this.page.getByTestId('birth-date-picker').click();
    const wheels = this.page.locator('.taro-picker__group');
    // The sheet slides up and the wheels position themselves on the start value first.
    await wheels.first().locator('.taro-picker__item--selected').waitFor();
    await this.page.waitForTimeout(500);
    const targets = [year, month, day];
    const units = ['年', '月', '日'];
    for (let column = 0; column < 3; column += 1) {
      await this.scrollWheelTo(wheels.nth(column), targets[column], units[column]);
    }
    await this.page.locator('.taro-picker__action').filter({ hasText: '确定' }).click();
    await this.page.getByTestId('birth-date-value').filter({ hasText: `${year} 年 ${month} 月 ${day} 日` }).waitFor();
  }

  /** Scrolls one wheel (rows of 34 px, Taro's PICKER_LINE_HEIGHT) until `target` is selected. */
  private async scrollWheelTo(wheel: Locator, target: number, unit: string): Promise<void> {
    const ROW = 34;
    const label = `${String(target).padStart(2, '0')}${unit}`;
    const selected = wheel.locator('.taro-picker__item--selected');
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const current = Number(/\d+/.exec((await selected.textContent()) ?? '')?.[0]);
      if (current === target) break;
      const box = await wheel.boundingBox();
      if (!box) throw new Error('picker wheel not visible');
      // Above the centre: the selection indicator over the centre row does not scroll the wheel.
      await this.page.mouse.move(box.x + box.width / 2, box.y + 40);
      await this.page.mouse.wheel(0, (target - current) * ROW);
      await selected.filter({ hasText: label }).waitFor({ timeout: 2500 }).catch(() => undefined);
    }
    await selected.filter({ hasText: label }).waitFor({ timeout: 1000 });
    await this.page.waitForTimeout(600); // the smooth scroll ends, then the wheel snaps 100 ms later
  }

  async submitBirthDate(): Promise<void> {
    await this.page.getByTestId('birth-date-submit').click();
  }

  agreementCheckbox(slug: string): Locator {
    return this.page.getByTestId(`agreement-check-${slug}`);
  }

  acceptAgreementsButton(): Locator {
    return this.page.getByTestId('agreements-accept');
  }

  /** Ticks the given agreements (by slug) and presses 同意并继续. */
  async acceptAgreements(slugs: string[]): Promise<void> {
    for (const slug of slugs) await this.agreementCheckbox(slug).click();
    await this.acceptAgreementsButton().click();
  }

  /** The whole adult sign-up: birth date, then the required agreements. Ends on home. */
  async completeAdultOnboarding(birthDate: string): Promise<void> {
    await this.onboardingStep('birth');
    await this.pickBirthDate(birthDate);
    await this.submitBirthDate();
    await this.onboardingStep('agreements');
    await this.acceptAgreements(['service', 'privacy']);
  }

  /** Fills the guardian form and asks for the guardian's code; returns the code the outbox hint shows. */
  async requestGuardianCode(guardian: { name: string; relationship: 'father' | 'mother' | 'other_guardian'; phone: string }): Promise<string> {
    await fill(this.page, 'guardian-name', guardian.name);
    await this.page.getByTestId(`guardian-relationship-${guardian.relationship}`).click();
    await fill(this.page, 'guardian-phone', guardian.phone);
    await this.page.getByTestId('guardian-send-code').click();
    return this.localCode();
  }

  async enterGuardianCode(code: string): Promise<void> {
    await fill(this.page, 'guardian-code', code);
  }

  guardianConfirmButton(): Locator {
    return this.page.getByTestId('guardian-confirm');
  }

  /** Reads the signed-in user's access token from supabase-js' storage (for direct API calls). */
  async accessToken(): Promise<string> {
    const token = await this.page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i) ?? '';
        if (/^sb-.*-auth-token$/.test(key)) {
          const value = JSON.parse(localStorage.getItem(key) ?? '{}') as { access_token?: string };
          return value.access_token ?? '';
        }
      }
      return '';
    });
    if (!token) throw new Error('no stored session');
    return token;
  }
}

// ---------------------------------------------------------------------------------------------
// Account settings, cancellation, stolen-account reports and ops (issue 3).
// ---------------------------------------------------------------------------------------------

/** Like fill(), for hosts wrapping an <input> or a <textarea>. */
export async function fillText(page: Page, testId: string, value: string): Promise<void> {
  const host = page.getByTestId(testId);
  const inner = host.locator('input, textarea');
  const target: Locator = (await inner.count()) > 0 ? inner.first() : host;
  await target.fill(value);
}

export class AccountPages extends AppPages {
  /**
   * Starts the app already signed in with a session obtained through the API (supabase-js's own
   * storage entry), so arranging users does not spend the browser's per-IP sign-in/SMS budget.
   */
  async openSignedIn(session: object, route: string, supabaseUrl: string): Promise<void> {
    // supabase-js's default storage key: sb-<first label of the API host>-auth-token.
    const key = `sb-${new URL(supabaseUrl).hostname.split('.')[0]}-auth-token`;
    await this.page.goto(this.baseUrl);
    await this.page.evaluate(([k, value]) => localStorage.setItem(k, value), [key, JSON.stringify(session)]);
    // A fresh load at the route, so the app starts with the session (see open()).
    await this.open(route);
  }

  // ---- 协议与隐私
  consentState(slug: string): Locator {
    return this.page.getByTestId(`consent-${slug}-state`);
  }

  async withdrawConsent(slug: string): Promise<void> {
    await this.page.getByTestId(`consent-${slug}-withdraw`).click();
    await this.page.getByTestId(`consent-${slug}-withdraw-confirm`).click();
  }

  historyItems(): Locator {
    return this.page.getByTestId('consent-history-item');
  }

  // ---- 注销账号
  async cancelAccount(): Promise<void> {
    await this.page.getByTestId('cancel-send-code').click();
    const code = await this.localCode();
    await fillText(this.page, 'cancel-code', code);
    await this.page.getByTestId('cancel-ack').click();
    await this.page.getByTestId('cancel-confirm').click();
  }

  // ---- 账号被盗申诉 (signed out)
  async reportStolen(input: { phone: string; name: string; evidence: string; contact: string }): Promise<string> {
    await fillText(this.page, 'report-phone', input.phone);
    await fillText(this.page, 'report-name', input.name);
    await fillText(this.page, 'report-evidence', input.evidence);
    await fillText(this.page, 'report-contact', input.contact);
    await this.page.getByTestId('report-submit').click();
    const caseId = this.page.getByTestId('report-case-id');
    await caseId.waitFor();
    return ((await caseId.textContent()) ?? '').trim();
  }

  // ---- ops
  /** The ops console's 账号处置 (phone layout: its tab). */
  async openOpsAccounts(): Promise<void> {
    await this.page.getByTestId('ops-tab-action').click();
  }

  /** Finds the account by its phone (national digits) and acts on it. */
  async actOnAccount(phone: string, action: 'warn' | 'restrict' | 'suspend' | 'terminate' | 'restore', reason: string): Promise<string> {
    await this.openOpsAccounts();
    await fillText(this.page, 'ops-action-phone', phone);
    await this.page.getByTestId('ops-action-find').click();
    await this.page.getByTestId('ops-action-account').waitFor();
    await this.page.getByTestId(`ops-action-kind-${action}`).click();
    await fillText(this.page, 'ops-action-reason', reason);
    await this.page.getByTestId('ops-action-submit').click();
    await this.page.getByTestId('ops-action-submit-confirm').click();
    const result = this.page.getByTestId('ops-action-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  async resolveReport(reportId: string, outcome: 'confirmed' | 'rejected', note: string, freeze = false): Promise<string> {
    const prefix = `ops-report-${reportId}`;
    await this.page.getByTestId(prefix).waitFor();
    await this.page.getByTestId(`${prefix}-outcome-${outcome}`).click();
    if (freeze) await this.page.getByTestId(`${prefix}-freeze`).click();
    await fillText(this.page, `${prefix}-note`, note);
    await this.page.getByTestId(`${prefix}-resolve`).click();
    await this.page.getByTestId(`${prefix}-resolve-confirm`).click();
    const result = this.page.getByTestId('ops-reports-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

}
