// 培训管理 end to end on the H5 build (issue 16): a training manager creates a course with a text
// lesson and an exam on the bank, publishes it and assigns it to a department (sub-departments
// included) with a deadline; a learner there learns, passes, saves the certificate picture (a PNG)
// and finds the points; the manager's report counts the completion and exports the CSV. Then the
// bank's XLSX import names a bad row by its sheet row and imports nothing. And a formatted lesson.
import type { BrowserContext, Download } from 'playwright-core';
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, type TrainingWorld } from '../integration/support-training/fixture';
import { xlsxOf } from '../integration/support-training/xlsx';
import { browserSuite } from './support/suite';
import { openTrainingAs } from './support/training-pages';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
let w: TrainingWorld;

beforeAll(async () => {
  w = await buildTrainingWorld();
});
afterAll(async () => {
  while (contexts.length) await contexts.pop()?.close();
  await dropTrainingWorld(w);
});

const openAs = (who: SignedInUser, route: string) => openTrainingAs(suite, contexts, who, route);

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

it('manager: course → lesson → exam → assign to a department; learner: learn → pass → certificate picture → points; manager: report and CSV', async () => {
  const manager = await openAs(w.admin, 'packages/training/index');
  await manager.page.getByTestId('training-manage-link').click();
  await manager.page.getByTestId('manage-courses').waitFor();
  const courseId = await manager.createCourse('数据保护必修课', '合规', '客户数据的收集、存储与销毁规范。');
  const lessonId = await manager.addTextLesson('第一章 数据分级', '什么是敏感数据', '身份证号、手机号和银行卡号都是敏感数据。\n离开座位要锁屏。');
  await manager.page.getByTestId('course-publish').click();
  await manager.page.getByTestId('course-editor-status').filter({ hasText: '已发布 · 1 个课时' }).waitFor();
  const paperId = await manager.addExam('数据保护考试', w.questionIds);
  await manager.page.getByTestId(`course-paper-${paperId}`).filter({ hasText: '已发布 · 及格 60/100 分' }).waitFor();
  // 研发部 and its 前端组: the learner and the sub-department's learner
  expect(await manager.assignToDepartment(w.childDept)).toContain('已指派给 2 人');

  const learner = await openAs(w.learner, 'packages/training/index');
  await learner.assignment(courseId).filter({ hasText: '数据保护必修课' }).filter({ hasText: '截止' }).waitFor();
  await learner.openCourse(courseId);
  await learner.finishTextLesson(lessonId);
  await learner.page.getByTestId('course-outline').filter({ hasText: '已学 1/1 课时 · 已完成' }).waitFor();
  await learner.startExam(paperId);
  await learner.choose('收到可疑邮件应当？', '报告安全团队');
  await learner.choose('哪些属于敏感信息？', '身份证号', '客户手机号', '银行卡号');
  await learner.choose('可以把工作密码写在便利贴上。', '错误');
  await learner.fillBlank('双因素认证', 'MFA');
  await learner.submitExam();
  await learner.page.getByTestId('exam-score').filter({ hasText: '100 分' }).waitFor();
  const serial = ((await learner.page.getByText(/证书已发放，编号/).textContent()) ?? '').replace(/.*编号\s*/, '').trim();

  await learner.open('packages/training/certificates/index');
  await learner.page.getByTestId(`certificate-${serial}`).click();
  await learner.page.getByLabel('证书图片').waitFor();
  const [picture] = await Promise.all([learner.page.waitForEvent('download'), learner.page.getByTestId(`certificate-save-${serial}`).click()]);
  expect(picture.suggestedFilename()).toBe(`证书-${serial}.png`);
  const png = await bytesOf(picture);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 850]);

  await learner.open('packages/training/leaderboard/index');
  // the lesson 1, the course 10, the exam 10 (the forms' defaults)
  await learner.page.getByTestId('leaderboard').filter({ hasText: '本月第 1 名，21 分' }).waitFor();

  await manager.page.getByTestId('course-report-link').click();
  await manager.page.getByTestId('report-completion').filter({ hasText: '已完成 1/2 人' }).waitFor();
  const [csv] = await Promise.all([manager.page.waitForEvent('download'), manager.page.getByTestId('report-export').click()]);
  const text = (await bytesOf(csv)).toString('utf8');
  expect(text).toMatch(/^\uFEFF姓名,/);
  expect(text).toContain('李学员');
  expect(text).toContain('王学员');
});

it('the question bank: an XLSX file with a bad row imports nothing and names the row as the sheet numbers it', async () => {
  const before = await sql<{ n: number }>('select count(*)::int as n from public.training_questions where enterprise_id = $1', [w.enterpriseId]);
  const manager = await openAs(w.admin, 'packages/training/manage/index?tab=questions');
  await manager.page.getByTestId('manage-question-import').click();
  const file = xlsxOf([
    ['题型', '题干', '选项', '答案', '分类', '难度'],
    ['单选', '导入的好题', '甲|乙|丙', 'B', '导入', '2'],
    ['多选', '答案不在选项里', '甲|乙', 'A,E', '导入', '2'],
  ]);
  const [chooser] = await Promise.all([manager.page.waitForEvent('filechooser'), manager.page.getByTestId('question-import-pick').click()]);
  await chooser.setFiles({ name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await manager.page.getByTestId('question-import-rows').filter({ hasText: '第 3 行：' }).waitFor();
  await expect(manager.page.getByTestId('question-import-rows').textContent()).resolves.not.toContain('第 2 行');
  expect(await sql('select count(*)::int as n from public.training_questions where enterprise_id = $1', [w.enterpriseId])).toEqual(before);
});

// A text lesson in the knowledge base's rich-text format: a heading and bold text written in the
// lesson form's editor (Quill) are stored as a Quill Delta and shown formatted to the learner by the
// shared renderer; a lesson saved through the API reads the same way.
it('a manager writes a heading and bold text in a lesson; the learner reads them formatted', async () => {
  const [{ id: chapterId }] = await sql<{ id: string }>('select id from public.training_chapters where course_id = $1', [w.courseId]);
  const manager = await openAs(w.admin, `packages/training/manage-course/index?course=${w.courseId}`);
  const lessonId = await manager.addRichLesson(chapterId, '灭火器的使用', [
    { tool: 'h1', text: '使用步骤' },
    { text: '提、拔、握、压：' },
    { tool: 'bold', text: '对准火焰根部喷射' },
  ]);
  const [stored] = await sql<{ body_delta: { ops: unknown[] }; body_text: string }>(
    'select body_delta, body_text from public.training_lessons where id = $1', [lessonId]);
  expect(stored.body_delta.ops).toEqual(expect.arrayContaining([
    { insert: '使用步骤' }, { insert: '\n', attributes: { header: 1 } }, { insert: '对准火焰根部喷射', attributes: { bold: true } },
  ]));
  expect(stored.body_text).toBe('使用步骤\n提、拔、握、压：\n对准火焰根部喷射\n');

  const learner = await openAs(w.learner, `packages/training/lesson/index?id=${lessonId}&course=${w.courseId}`);
  const body = learner.page.getByTestId('lesson-body');
  await body.getByRole('heading', { level: 1, name: '使用步骤' }).waitFor();
  expect(await body.locator('.rt-run--bold').allTextContents()).toEqual(['对准火焰根部喷射']);

  // the fixture's lesson, saved through the API: its bold run too, and its text
  await learner.open(`packages/training/lesson/index?id=${w.textLessonId}&course=${w.courseId}`);
  await learner.page.getByTestId('lesson-body').getByText('密码至少12位，').waitFor();
  expect(await learner.page.getByTestId('lesson-body').locator('.rt-run--bold').allTextContents()).toEqual(['不要复用。']);
});

// 归档 and 恢复 from the course editor: the learner's course page no longer opens the archived course;
// restored, it is a draft the manager publishes again.
it('a manager archives a course (the learner can no longer open it) and restores it as a draft', async () => {
  const manager = await openAs(w.admin, `packages/training/manage-course/index?course=${w.courseId}`);
  await manager.page.getByTestId('course-archive').click();
  await manager.page.getByText('已有的学习记录、证书、积分和报表都保留').waitFor();
  await manager.page.getByTestId('course-archive-confirm').click();
  await manager.page.getByTestId('course-editor-status').filter({ hasText: '已归档' }).waitFor();
  expect(await sql('select status from public.training_courses where id = $1', [w.courseId])).toEqual([{ status: 'archived' }]);

  const learner = await openAs(w.learner, `packages/training/course/index?id=${w.courseId}`);
  await learner.page.getByTestId('training-course-error').filter({ hasText: '课程不存在' }).waitFor();

  await manager.page.getByTestId('course-restore').click();
  await manager.page.getByTestId('course-restore-confirm').click();
  await manager.page.getByTestId('course-editor-status').filter({ hasText: '草稿' }).waitFor();
  await manager.page.getByTestId('course-publish').click();
  await manager.page.getByTestId('course-editor-status').filter({ hasText: '已发布' }).waitFor();
  expect(await sql('select status from public.training_courses where id = $1', [w.courseId])).toEqual([{ status: 'published' }]);
});
