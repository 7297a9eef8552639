// Learning paths and the filtered leaderboard on the H5 build (issue 16): a training manager puts
// two courses in order as a path and publishes it; a learner finds it in 学习, sees which course is
// next, and after finishing the first the path moves on. The leaderboard shows a month of one
// department (with its sub-departments) or of the whole enterprise.
import type { BrowserContext } from 'playwright-core';
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, ok, type TrainingWorld } from '../integration/support-training/fixture';
import { browserSuite } from './support/suite';
import { openTrainingAs } from './support/training-pages';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
let w: TrainingWorld;
let firstCourse: string;
let firstLesson: string;

beforeAll(async () => {
  w = await buildTrainingWorld();
  firstCourse = await ok<string>(w.admin, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '入职第一课', p_points: 5 });
  const chapter = await ok<string>(w.admin, 'training_save_chapter', { p_course_id: firstCourse, p_title: '公司介绍' });
  firstLesson = await ok<string>(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter, p_title: '我们是谁', p_kind: 'text', p_body_delta: { ops: [{ insert: '欢迎加入。\n' }] },
  });
  await ok(w.admin, 'training_publish_course', { p_course_id: firstCourse });
});
afterAll(async () => {
  while (contexts.length) await contexts.pop()?.close();
  await dropTrainingWorld(w);
});

const openAs = (who: SignedInUser, route: string) => openTrainingAs(suite, contexts, who, route);

it('manager: a path of two courses in order, published; learner: finds it, the next course moves on as courses are finished', async () => {
  const manager = await openAs(w.admin, 'packages/training/manage/index?tab=paths');
  await manager.page.getByTestId('manage-path-new').click();
  await manager.fillField('path-title', '新员工入职路径');
  await manager.page.getByTestId(`path-course-option-${firstCourse}`).click();
  await manager.page.getByTestId(`path-course-option-${w.courseId}`).click();
  await manager.page.getByTestId(`path-course-option-${w.courseId}`).filter({ hasText: '2' }).waitFor();
  await manager.page.getByTestId('path-publish').click();
  const row = manager.page.locator('[data-testid^="manage-path-"]').filter({ hasText: '新员工入职路径' });
  await row.filter({ hasText: '已发布 · 1. 入职第一课  2. 信息安全合规培训' }).waitFor();
  const [path] = await sql<{ id: string }>('select id from public.training_paths where enterprise_id = $1 and status = $2', [w.enterpriseId, 'published']);

  const learner = await openAs(w.learner, 'packages/training/index');
  await learner.page.getByTestId(`training-path-${path.id}`).filter({ hasText: '2 门课程' }).click();
  await learner.page.getByTestId('path-progress').filter({ hasText: '已完成 0/2 门' }).waitFor();
  await learner.page.getByTestId(`path-course-${firstCourse}`).filter({ hasText: '下一门' }).waitFor();

  await ok(w.learner, 'training_report_progress', { p_lesson_id: firstLesson, p_position_seconds: 0, p_completed: true });
  await learner.page.reload();
  await learner.page.getByTestId('path-progress').filter({ hasText: '已完成 1/2 门' }).waitFor();
  await learner.page.getByTestId(`path-course-${firstCourse}`).filter({ hasText: '已完成' }).waitFor();
  await learner.page.getByTestId(`path-course-${w.courseId}`).filter({ hasText: '下一门' }).click();
  await learner.page.getByTestId('course-outline').filter({ hasText: '信息安全合规培训' }).waitFor();
});

it('leaderboard: a department’s month includes its sub-departments; another department and an earlier month are empty', async () => {
  // this month: the learner (研发部) finished a lesson; the sub-department's learner (前端组) too
  await ok(w.learner, 'training_report_progress', { p_lesson_id: w.textLessonId, p_position_seconds: 0, p_completed: true });
  await ok(w.subLearner, 'training_report_progress', { p_lesson_id: w.textLessonId, p_position_seconds: 0, p_completed: true });
  const learner = await openAs(w.learner, 'packages/training/leaderboard/index');
  const board = learner.page.getByTestId('leaderboard');
  await board.filter({ hasText: '李学员' }).filter({ hasText: '王学员' }).waitFor();

  await learner.page.getByTestId(`leaderboard-department-${w.subDept}`).click();
  await board.filter({ hasText: '王学员' }).filter({ hasText: '本月还没有积分' }).waitFor();
  await expect(board.textContent()).resolves.not.toContain('李学员');

  await learner.page.getByTestId(`leaderboard-department-${w.childDept}`).click();
  await board.filter({ hasText: '李学员' }).filter({ hasText: '王学员' }).filter({ hasText: '本月第 ' }).waitFor();

  await learner.page.locator('[data-testid^="leaderboard-month-"]').nth(1).click();
  await board.filter({ hasText: '还没有人获得积分' }).waitFor();
});
