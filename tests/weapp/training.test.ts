// 学习 in the compiled mini-program (the H5 build has its own suite in tests/e2e): a learner reads a
// lesson and marks it learnt, then takes the exam (options tapped in this attempt's shuffled order,
// the fill-in typed), hands it in and sees the score the server graded. Arranged through the API;
// checked in the database. Then 培训管理: a training manager creates a course, adds a chapter and a
// text lesson, publishes it, adds two questions to the bank, builds and publishes a paper from them,
// assigns the course to a department (sub-departments included) and reads the report; each page is
// opened as the mini-program opens it after a navigation, every step checked in the database.
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, publishPaper, type TrainingWorld } from '../integration/support-training/fixture';
import { openHarness, type Harness } from './support/harness';
import type { PageDriver } from './support/page-driver';
import { signedInStorage } from './support/signed-in';

jest.setTimeout(180_000);

let w: TrainingWorld;
let harness: Harness | undefined;

beforeAll(async () => {
  w = await buildTrainingWorld();
});
afterEach(() => {
  harness?.close();
  harness = undefined;
});
afterAll(async () => {
  await dropTrainingWorld(w);
});

async function openAs(who: SignedInUser, route: string, query: Record<string, string>): Promise<PageDriver> {
  harness?.close();
  harness = openHarness({ launchPath: route, storage: await signedInStorage(who) });
  return harness.openPage(route, query);
}

async function closeQuiet(): Promise<void> {
  const h = harness as Harness;
  await h.settle();
  h.close();
  harness = undefined;
  expect(h.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);
}

test('a learner finishes a lesson, then takes the exam and sees the server’s score', async () => {
  const lesson = await openAs(w.learner, 'packages/training/lesson/index', { id: w.textLessonId, course: w.courseId });
  await lesson.waitFor(() => lesson.text().includes('密码安全'), 'the lesson');
  // the body is a <rich-text> (its nodes are rendered natively, not as text of the view)
  const body = lesson.nodes().find((n) => n.tag === 'rich-text');
  expect(JSON.stringify(body?.attrs ?? {})).toContain('密码至少12位');
  await lesson.tap('我已学完');
  await lesson.waitFor(() => lesson.text().includes('已完成本课时'), 'the lesson done');
  await closeQuiet();
  const [progress] = await sql<{ completed: boolean }>(
    'select completed_at is not null as completed from public.training_lesson_progress where user_id = $1 and lesson_id = $2', [w.learner.userId, w.textLessonId]);
  expect(progress).toEqual({ completed: true });

  const paper = await publishPaper(w, { reviewAfterSubmit: 'score' });
  const exam = await openAs(w.learner, 'packages/training/exam/index', { paper });
  await exam.waitFor(() => exam.text().includes('剩余时间'), 'the exam timer');
  for (const option of ['报告安全团队', '身份证号', '客户手机号', '银行卡号', '错误']) await exam.tap(option);
  await exam.type('请输入答案', '２ＦＡ');
  await exam.tap('交卷');
  await exam.waitFor(() => exam.text().includes('100 分'), 'the score');
  expect(exam.text()).toContain('考试通过');
  await closeQuiet();
  const [attempt] = await sql<{ status: string; score: number }>(
    'select status, score from public.training_attempts where paper_id = $1 and user_id = $2', [paper, w.learner.userId]);
  expect(attempt).toEqual({ status: 'submitted', score: 100 });
});

async function openAsManager(route: string, query: Record<string, string> = {}): Promise<PageDriver> {
  harness?.close();
  harness = openHarness({ launchPath: route, storage: await signedInStorage(w.admin) });
  const page = await harness.openPage(route, query);
  await page.waitFor(() => !page.text().includes('加载中') && page.nodes().some((n) => n.tag === 'button'), 'the manager page');
  return page;
}

/**
 * Leaves the page once its requests have settled (none may have failed on the way) and closes the
 * simulator, which lends Node's globals back (the database checks need them); the navigations
 * the page asked for.
 */
async function leave(): Promise<Array<{ api: string; url?: string }>> {
  const h = harness as Harness;
  await h.settle();
  const failed = h.bridge.requests.filter((r) => r.errMsg !== 'request:ok');
  const navigations = [...h.bridge.navigations];
  h.close();
  harness = undefined;
  expect(failed).toEqual([]);
  return navigations;
}

/** 题库 › a new question of `kind` in category 消防 (`answer` fills its options and key); back to the bank. */
async function addQuestion(kind: string, stem: string, answer: (page: PageDriver) => Promise<void>): Promise<void> {
  const page = await openAsManager('packages/training/manage-question/index');
  await page.tap(page.byTextWithin('题型', kind));
  await page.type(page.inputAfter('题干'), stem);
  await answer(page);
  await page.type(page.inputAfter('分类'), '消防');
  await page.tap('保存题目');
  await page.waitFor(() => (harness as Harness).bridge.navigations.some((n) => n.api === 'navigateBack'), 'back to the bank');
  await leave();
}

test('a manager builds a course with a lesson, a question bank and a paper, assigns a department and reads the report', async () => {
  // 新建课程
  const create = await openAsManager('packages/training/manage-course/index');
  await create.type(create.inputAfter('课程名称'), '消防安全必修课');
  await create.type(create.inputAfter('分类'), '安全');
  await create.tap('创建课程');
  await create.waitFor(() => (harness as Harness).bridge.navigations.some((n) => n.url?.includes('course=')), 'the new course’s editor');
  const navigation = (await leave()).find((n) => n.url?.includes('course='));
  const courseId = /course=([0-9a-f-]{36})/.exec(navigation?.url ?? '')?.[1] ?? '';
  expect(await sql('select title, category, status from public.training_courses where id = $1', [courseId]))
    .toEqual([{ title: '消防安全必修课', category: '安全', status: 'draft' }]);

  // a chapter, a text lesson, 发布课程
  const editor = await openAsManager('packages/training/manage-course/index', { course: courseId });
  await editor.type(editor.inputAfter('新章节'), '第一章 消防常识');
  await editor.tap('添加章节');
  await editor.tap('添加课时');
  await editor.type(editor.inputAfter('课时名称'), '灭火器的使用');
  await editor.type(editor.inputAfter('正文'), '提、拔、握、压：对准火焰根部喷射。');
  await editor.tap('保存课时');
  await editor.waitFor(() => editor.text().includes('图文 · 灭火器的使用'), 'the saved lesson');
  await editor.tap('发布课程');
  await editor.waitFor(() => editor.text().includes('已发布 · 1 个课时'), 'the published course');
  await leave();
  expect(await sql('select l.title, l.body_text from public.training_lessons l where l.course_id = $1', [courseId]))
    .toEqual([{ title: '灭火器的使用', body_text: '提、拔、握、压：对准火焰根部喷射。\n' }]);

  // two questions for the bank: single choice and true/false
  await addQuestion('单选', '电器起火时首先应当？', async (page) => {
    await page.type(page.inputAfter('选项 A'), '用水浇灭');
    await page.type(page.inputAfter('选项 B'), '切断电源');
    await page.tap(page.byTextWithin('正确答案', 'B'));
  });
  await addQuestion('判断', '安全出口可以堆放杂物。', (page) => page.tap(page.byTextWithin('正确答案', '错误')));
  const bank = await sql<{ id: string; kind: string }>(
    "select id, kind from public.training_questions where enterprise_id = $1 and category = '消防' order by kind", [w.enterpriseId]);
  expect(bank.map((q) => q.kind)).toEqual(['single', 'true_false']);

  // a fixed paper of both questions, 50 points each, published for the course
  const paper = await openAsManager('packages/training/manage-paper/index', { course: courseId });
  await paper.type(paper.inputAfter('试卷名称'), '消防安全考试');
  await paper.tap('电器起火时首先应当？');
  await paper.tap('安全出口可以堆放杂物。');
  await paper.type(paper.inputAfter('每题分数'), '50');
  await paper.waitFor(() => paper.text().includes('总分 100 分'), 'the total');
  await paper.tap('保存并发布');
  await paper.waitFor(() => (harness as Harness).bridge.navigations.some((n) => n.api === 'navigateBack'), 'back to the course');
  await leave();
  expect(await sql('select title, status, course_id::text from public.training_papers where course_id = $1', [courseId]))
    .toEqual([{ title: '消防安全考试', status: 'published', course_id: courseId }]);

  // 指派 to 研发部 (with its 前端组), due in 7 days
  const assign = await openAsManager('packages/training/manage-course/index', { course: courseId });
  await assign.waitFor(() => assign.text().includes('研发部'), 'the departments');
  await assign.tap('研发部'); // the chip's indent (a full-width space per level) is not part of its text
  await assign.tap('7 天后');
  await assign.tap(assign.byTextWithin('7 天后', '指派'));
  await assign.waitFor(() => assign.text().includes('已指派给 2 人'), 'the assignment');
  await leave();
  expect(await sql('select target, department_id::text, due_at is not null as due from public.training_assignments where course_id = $1', [courseId]))
    .toEqual([{ target: 'department', department_id: w.childDept, due: true }]);

  // the report: nobody has finished yet, both learners of the department are counted
  const report = await openAsManager('packages/training/manage-report/index', { course: courseId });
  await report.waitFor(() => report.text().includes('已完成 0/2 人'), 'the report');
  expect(report.text()).toContain('消防安全考试');
  await leave();
});
