// What every browser suite starts with: the built H5 app served locally and one Debian Chromium.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic, type StaticServer } from './static-server';

const H5_DIR = process.env.ZX_H5_DIR ?? path.resolve(__dirname, '../../../dist/h5');

export interface BrowserSuite {
  readonly browser: Browser;
  /** the app's static server; `.url` is its base */
  readonly server: StaticServer;
}

/** Registers the suite's beforeAll/afterAll; read the fields inside tests and hooks. */
export function browserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(H5_DIR);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('browserSuite: read only inside tests and hooks');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get server() {
      return started(server);
    },
  };
}
