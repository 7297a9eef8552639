// Page object of the 知识库 subpackage (src/packages/kb) for the H5 e2e tests.
import type { BrowserContext, Locator } from 'playwright-core';
import type { SignedInUser } from '../../support/clients';
import { getStack } from '../../support/stack';
import { mobileContext } from './browser';
import { CommunityPages } from './community-pages';
import type { BrowserSuite } from './suite';

/** A 1×1 PNG: what a person would pick as a page image (the bucket checks the type). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export class KbPages extends CommunityPages {
  /** On H5 the pages below the current one stay in the document, hidden: look at the visible ones only. */
  el(testId: string): Locator {
    return this.page.locator(`[data-testid="${testId}"]:visible`);
  }

  override async type(testId: string, value: string): Promise<void> {
    const host = this.el(testId).first();
    await host.waitFor();
    const tag = await host.evaluate((el) => el.tagName.toLowerCase());
    const target = tag === 'input' || tag === 'textarea' ? host : host.locator('input, textarea').first();
    await target.fill(value);
  }

  node(title: string): Locator {
    return this.el('kb-node').filter({ hasText: title });
  }

  /** On the knowledge-base home: 新建空间, then the space's own screen. */
  async createSpace(title: string, kind: 'team' | 'private' | 'enterprise'): Promise<void> {
    await this.el('kb-space-new').click();
    await this.type('kb-space-title', title);
    await this.el(`kb-space-kind-${kind}`).click();
    await this.el('kb-space-create').click();
    await this.el('kb-folder').filter({ hasText: title }).waitFor();
  }

  /** In a space or folder: a new folder (stays here) or page (opens its editor). */
  async createNode(kind: 'folder' | 'page', title: string): Promise<void> {
    await this.type('kb-create-title', title);
    await this.el(kind === 'page' ? 'kb-create-page' : 'kb-create-folder').click();
    if (kind === 'page') await this.el('kb-editor').waitFor();
    else await this.node(title).waitFor();
  }

  /** The editable area of the rich editor (Quill on H5), once it has loaded. */
  editorBody(): Locator {
    return this.el('kb-editor-body');
  }

  /** Replaces the editor's text by typing it, one paragraph per line (as a person would). */
  async writePage(text: string): Promise<void> {
    const body = this.editorBody();
    await body.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      await this.page.keyboard.insertText(line);
      if (i < lines.length - 1) await this.page.keyboard.press('Enter');
    }
  }

  /** 插入图片 with a file from the picker; waits until it shows in the editor. */
  async insertImage(name: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.el('kb-editor-tool-image').click();
    await (await chooser).setFiles({ name, mimeType: 'image/png', buffer });
    // shown in the editor by its signed link (stored as its kb/… reference)
    await this.editorBody().locator('img[src*="/sign/kb/"]').first().waitFor();
  }

  /** Saves; the editor closes (back to where it was opened from). */
  async savePage(): Promise<void> {
    await this.el('kb-editor-save').click();
    await this.page.getByTestId('kb-editor').waitFor({ state: 'detached' });
  }

  /** Search from the search page; returns the hits' texts (title, snippet, date) once the answer is in. */
  async search(query: string): Promise<string[]> {
    await this.type('kb-search-input', query);
    await this.el('kb-search-submit').click();
    await this.page.getByTestId('kb-search-state-loading').waitFor({ state: 'detached' });
    await this.page.waitForFunction(() => !!document.querySelector('[data-testid="kb-search-hit"], [data-testid="kb-search-state-empty"]'));
    return this.el('kb-search-hit').allTextContents();
  }
}

/** Opens a knowledge-base route signed in as someone, each in their own browser context (closed after each test). */
export function kbOpener(suite: BrowserSuite): (who: SignedInUser, route: string) => Promise<KbPages> {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    while (contexts.length) await contexts.pop()?.close();
  });
  return async (who, route) => {
    const { data } = await who.client.auth.getSession();
    if (!data.session) throw new Error('no session');
    const context = await mobileContext(suite.browser);
    contexts.push(context);
    const app = new KbPages(await context.newPage(), suite.server.url);
    await app.openSignedIn(data.session, route, getStack().url);
    return app;
  };
}
