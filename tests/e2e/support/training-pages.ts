// Page objects for the 学习 screens (issue 16): tests speak in learner steps, selectors live here.
import type { Locator, Page } from 'playwright-core';
import { AccountPages } from './app-pages';

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
}
