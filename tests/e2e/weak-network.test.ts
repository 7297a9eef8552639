// On a weak mobile network a script request can drop. The first request of every async chunk (each
// page's script and style, the app's lazy modules) is dropped here; the app must still show its
// pages. Files named in index.html are the browser's to load, not the app's, so they pass.
import type { BrowserContext } from 'playwright-core';
import { AppPages } from './support/app-pages';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';

const suite = browserSuite();
let context: BrowserContext;

afterEach(async () => {
  await context.close();
});

/** Drops the first request for each async chunk; returns the chunk files it dropped. */
async function dropFirstChunkRequests(ctx: BrowserContext, baseUrl: string): Promise<Set<string>> {
  const html = await (await fetch(`${baseUrl}/index.html`)).text();
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]));
  const dropped = new Set<string>();
  await ctx.route(/\/(?:js|css)\/[^/?#]+\.(?:js|css)$/, async (route) => {
    const file = new URL(route.request().url()).pathname.replace(/^\//, '');
    if (initial.has(file) || dropped.has(file)) return route.continue();
    dropped.add(file);
    return route.abort('connectionreset');
  });
  return dropped;
}

it('shows home and the sign-in page although each chunk’s first request drops', async () => {
  context = await mobileContext(suite.browser);
  const dropped = await dropFirstChunkRequests(context, suite.server.url);
  const page = await context.newPage();
  const app = new AppPages(page, suite.server.url);

  await app.open();
  await page.getByTestId('home-sign-in').click();
  await page.getByTestId('login-phone').waitFor();

  // The pages came from chunks whose first request failed: scripts and styles both.
  expect([...dropped].some((f) => f.endsWith('.js'))).toBe(true);
  expect([...dropped].some((f) => f.endsWith('.css'))).toBe(true);
});
