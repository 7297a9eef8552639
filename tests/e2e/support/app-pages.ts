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

  async open(route = ''): Promise<void> {
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

  // ---- profile
  async renameTo(name: string): Promise<void> {
    await fill(this.page, 'profile-edit-name', name);
    await this.page.getByTestId('profile-save-name').click();
  }

  async setPassword(password: string): Promise<void> {
    await fill(this.page, 'password-new', password);
    await fill(this.page, 'password-confirm', password);
    await this.page.getByTestId('password-submit').click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
  }
}
