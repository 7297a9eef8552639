// Page object of the 社区 subpackage (src/packages/community) for the H5 e2e tests.
import type { BrowserContext, Locator } from 'playwright-core';
import type { SignedInUser } from '../../support/clients';
import { getStack } from '../../support/stack';
import { AccountPages } from './app-pages';
import { mobileContext } from './browser';
import type { BrowserSuite } from './suite';

export class CommunityPages extends AccountPages {
  /** Fills a NutUI input, a Taro textarea host or the rich-text editor (Quill, once loaded) by test id. */
  async type(testId: string, value: string): Promise<void> {
    const host = this.page.getByTestId(testId).first();
    await host.waitFor();
    if ((await host.getAttribute('contenteditable')) === 'true') return this.write(host, value);
    const tag = await host.evaluate((el) => el.tagName.toLowerCase());
    // NutUI's input carries the test id itself; Taro's textarea host renders its <textarea> a moment later.
    const target = tag === 'input' || tag === 'textarea' ? host : host.locator('input, textarea').first();
    await target.fill(value);
  }

  /** Replaces a rich-text body by typing it, one paragraph per line (as a person would). */
  async write(body: Locator, text: string): Promise<void> {
    await body.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    for (const [i, line] of text.split('\n').entries()) {
      if (i > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.insertText(line);
    }
  }

  feedCard(title: string): Locator {
    return this.page.getByTestId('community-post-card').filter({ hasText: title });
  }

  async compose(section: string, title: string, body: string): Promise<void> {
    await this.page.getByTestId('community-compose-section').getByText(section, { exact: true }).click();
    await this.type('community-compose-title', title);
    await this.type('community-compose-body', body);
    await this.page.getByTestId('community-compose-submit').click();
    await this.page.getByTestId('community-post-title').filter({ hasText: title }).waitFor();
  }

  /** 发帖 › 图片: picks PNG files in the browser's picker and waits until every one is uploaded. */
  async addImages(files: Array<{ name: string; buffer: Buffer }>): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('community-image-add').click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'image/png', buffer: f.buffer })));
    await this.page.getByTestId('community-image-slot').nth(files.length - 1).waitFor();
    await this.page.getByTestId('community-image-progress').first().waitFor({ state: 'detached' });
  }

  async report(category: string, note: string): Promise<void> {
    await this.page.getByTestId(`community-report-${category}`).click();
    await this.type('community-report-note', note);
    await this.page.getByTestId('community-report-submit').click();
  }

  caseCard(title: string): Locator {
    return this.page.getByTestId('community-case').filter({ hasText: title });
  }

  /** 发帖 › 投票: options (two fields are there; more are added), then publish. */
  async composePoll(section: string, title: string, body: string, options: string[]): Promise<void> {
    await this.page.getByTestId('community-compose-type-poll').click();
    for (let i = 2; i < options.length; i++) await this.page.getByTestId('community-compose-option-add').click();
    for (const [i, option] of options.entries()) await this.type(`community-compose-option-${i}`, option);
    await this.compose(section, title, body);
  }
}

/** Opens `route` of the H5 build signed in as `who`, in a new mobile context kept in `contexts` (closed by the suite). */
export async function openCommunityAs(suite: BrowserSuite, contexts: BrowserContext[], who: SignedInUser, route: string): Promise<CommunityPages> {
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const app = new CommunityPages(await context.newPage(), suite.server.url);
  await app.openSignedIn(data.session, route, getStack().url);
  return app;
}
