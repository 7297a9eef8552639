// Debian Chromium driven by playwright-core (never Playwright's own browser download).
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A phone-sized context, as members use the H5 app. */
export async function mobileContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Screenshots for the README land here when ZX_SCREENSHOTS is set. */
export function screenshotPath(name: string): string | undefined {
  const dir = process.env.ZX_SCREENSHOTS;
  if (!dir) return undefined;
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

export const tmpDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A desk-sized context (1280×800), as admins and operators use the H5 consoles on a computer. */
export async function deskContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}
