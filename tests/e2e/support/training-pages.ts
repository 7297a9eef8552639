// Page objects for the 学习 screens (issue 16): tests speak in learner steps, selectors live here.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { SignedInUser } from '../../support/clients';
import { getStack } from '../../support/stack';
import { AccountPages } from './app-pages';
import { mobileContext } from './browser';
import type { BrowserSuite } from './suite';

/** The app at `route`, signed in as `who`, in a fresh phone-sized context (kept in `contexts` to close). */
export async function openTrainingAs(suite: BrowserSuite, contexts: BrowserContext[], who: SignedInUser, route: string): Promise<TrainingPages> {
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const app = new TrainingPages(await context.newPage(), suite.server.url);
  await app.openSignedIn(data.session, route, getStack().url);
  return app;
}

export class TrainingPages extends AccountPages {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl);
  }

  async openTrainingFromHome(): Promise<void> {
    await this.page.getByTestId('home-training-link').click();
    await this.page.getByTestId('training-page').waitFor();
  }

  assignment(courseId: string): Locator {
    return this.page.getByTestId(`assignment-${courseId}`);
  }

  async openCourse(courseId: string): Promise<void> {
    await this.assignment(courseId).click();
    await this.page.getByTestId('course-outline').waitFor();
  }

  async finishTextLesson(lessonId: string): Promise<void> {
    await this.page.getByTestId(`lesson-${lessonId}`).click();
    await this.page.getByTestId('lesson-reader').waitFor();
    await this.page.getByTestId('lesson-finish').click();
    await this.page.getByText('已完成本课时').waitFor();
    await this.page.goBack();
    await this.page.getByTestId('course-outline').waitFor();
  }

  async startExam(paperId: string): Promise<void> {
    await this.page.getByTestId(`paper-${paperId}`).getByText('开始考试').click();
    await this.page.getByTestId('exam-runner').waitFor();
  }

  /** Picks options by their text inside a question (the order is this attempt's). */
  async choose(stem: string, ...optionTexts: string[]): Promise<void> {
    const card = this.page.locator('[data-testid^="question-"]').filter({ hasText: stem });
    for (const text of optionTexts) {
      await card.locator('[role="radio"], [role="checkbox"]').filter({ hasText: text }).click();
    }
  }

  async fillBlank(stem: string, value: string): Promise<void> {
    const card = this.page.locator('[data-testid^="question-"]').filter({ hasText: stem });
    await card.locator('input').fill(value);
  }

  /** Resolves once the server has answered `n` answer saves. */
  savedAnswers(n: number): Promise<void> {
    return new Promise((resolve) => {
      let count = 0;
      this.page.on('response', (res) => {
        if (res.url().includes('/rpc/training_save_answer') && res.ok() && ++count === n) resolve();
      });
    });
  }

  async submitExam(): Promise<void> {
    await this.page.getByTestId('exam-submit').click();
    await this.page.getByTestId('exam-result').waitFor();
  }

  // ---- 培训管理 (managers)
  /** Taro wraps inputs and textareas in custom elements; fill the native control inside. */
  async fillField(testId: string, value: string): Promise<void> {
    const host = this.page.getByTestId(testId);
    const inner = host.locator('input, textarea');
    await ((await inner.count()) > 0 ? inner.first() : host).fill(value);
  }

  /** What a field (Taro input or textarea, or its wrapper) holds now. */
  async fieldValue(testId: string): Promise<string> {
    const host = this.page.getByTestId(testId);
    const inner = host.locator('input, textarea');
    return ((await inner.count()) > 0 ? inner.first() : host).inputValue();
  }

  /** The id a test id carries after `prefix` (e.g. manage-lesson-<id>) of the first match. */
  async idOf(prefix: string, within = this.page.locator('body')): Promise<string> {
    const el = within.locator(`[data-testid^="${prefix}"]`).first();
    await el.waitFor();
    return ((await el.getAttribute('data-testid')) ?? '').slice(prefix.length);
  }

  /** 新建课程 → the course editor of the new course; returns its id. */
  async createCourse(title: string, category: string, summary: string): Promise<string> {
    await this.page.getByTestId('manage-course-new').click();
    await this.page.getByTestId('course-form').waitFor();
    await this.fillField('course-title', title);
    await this.fillField('course-category', category);
    await this.fillField('course-summary', summary);
    await this.page.getByTestId('course-save').click();
    await this.page.getByTestId('course-editor').waitFor();
    return /[?&]course=([0-9a-f-]{36})/.exec(this.page.url())?.[1] ?? '';
  }

  /** Presses a media field's pick button and gives the browser's file picker `file`. */
  async pickMedia(field: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByTestId(`${field}-pick`).click()]);
    await chooser.setFiles(file);
  }

  /** Adds a chapter and a text lesson in it; returns the lesson's id. */
  async addTextLesson(chapter: string, title: string, text: string): Promise<string> {
    await this.fillField('chapter-title', chapter);
    await this.page.getByTestId('chapter-add').click();
    const chapterId = await this.idOf('manage-chapter-');
    await this.page.getByTestId(`chapter-add-lesson-${chapterId}`).click();
    await this.fillField('lesson-title', title);
    await this.fillField('lesson-text', text);
    await this.page.getByTestId('lesson-save').click();
    return this.idOf('manage-lesson-', this.page.getByTestId(`manage-chapter-${chapterId}`));
  }

  /**
   * 添加课时 in chapter `chapterId` (default: the course's first): the title, then `fill` completes the
   * form; saved once the form closes and the chapter lists it. Resolves with the lesson's id.
   */
  async addLesson(title: string, fill: () => Promise<void>, chapterId?: string): Promise<string> {
    const chapter = chapterId ?? (await this.idOf('manage-chapter-'));
    await this.page.getByTestId(`chapter-add-lesson-${chapter}`).click();
    await this.fillField('lesson-title', title);
    await fill();
    await this.page.getByTestId('lesson-save').click();
    await this.page.getByTestId('lesson-form').waitFor({ state: 'detached' });
    const row = this.page.getByTestId(`manage-chapter-${chapter}`).locator('[data-testid^="manage-lesson-"]').filter({ hasText: title });
    await row.waitFor();
    return ((await row.getAttribute('data-testid')) ?? '').slice('manage-lesson-'.length);
  }

  /**
   * A text lesson written in the lesson form's rich-text editor, one paragraph per line, each typed
   * after pressing its toolbar button (h1; bold, pressed again after); returns the lesson's id.
   */
  addRichLesson(chapterId: string, title: string, lines: Array<{ tool?: string; text: string }>): Promise<string> {
    return this.addLesson(title, async () => {
      await this.page.getByTestId('lesson-text').click();
      for (const [i, line] of lines.entries()) {
        if (i > 0) await this.page.keyboard.press('Enter');
        if (line.tool) await this.page.getByTestId(`lesson-editor-tool-${line.tool}`).click();
        await this.page.keyboard.insertText(line.text);
        if (line.tool && line.tool !== 'h1') await this.page.getByTestId(`lesson-editor-tool-${line.tool}`).click();
      }
    }, chapterId);
  }

  /** 新建本课程的考试: a fixed paper of the given bank questions, published; back in the course editor, its id. */
  async addExam(title: string, questionIds: string[]): Promise<string> {
    await this.page.getByTestId('course-paper-new').click();
    await this.page.getByTestId('paper-form').waitFor();
    await this.fillField('paper-title', title);
    for (const id of questionIds) await this.page.getByTestId(`paper-question-${id}`).click();
    await this.page.getByTestId('paper-publish').click();
    await this.page.getByTestId('course-editor').waitFor();
    return this.idOf('course-paper-');
  }

  /** 指派 to a department (with its sub-departments), due in 7 days; the status line it answers. */
  async assignToDepartment(departmentId: string): Promise<string> {
    await this.page.getByTestId('assign-target-department').click();
    await this.page.getByTestId(`assign-department-${departmentId}`).click();
    await this.page.getByTestId('assign-due-quick').getByText('7 天后').click();
    await this.page.getByTestId('assign-submit').click();
    const status = this.page.getByTestId('assign-status');
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }
}

