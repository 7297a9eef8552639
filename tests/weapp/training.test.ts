// 学习 in the compiled mini-program (the H5 build has its own suite in tests/e2e): a learner reads a
// lesson and marks it learnt, then takes the exam (options tapped in this attempt's shuffled order,
// the fill-in typed), hands it in and sees the score the server graded, then finds the certificate
// (serial, code, its picture) and the points on the leaderboard. Arranged through the API;
// checked in the database. Then 培训管理: a training manager creates a course, adds a chapter and a
// text lesson (bold text in the native rich-text editor) and a document lesson (a PDF from a chat),
// with a cover from the album (both uploaded to Storage), publishes it, adds two questions to the bank, builds and publishes a paper from them,
// assigns the course to a department (sub-departments included) and reads the report; each page is
// opened as the mini-program opens it after a navigation, every step checked in the database.
import crypto from 'node:crypto';
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, publishPaper, type TrainingWorld } from '../integration/support-training/fixture';
import { openHarness, type Harness } from './support/harness';
import { readyEditor, typeInEditor } from './support/native-editor';
import type { PageDriver } from './support/page-driver';
import { signedInStorage } from './support/signed-in';

jest.setTimeout(180_000);

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

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

test('a learner finishes a lesson, takes the exam and sees the server’s score, then finds the certificate and the points', async () => {
  const lesson = await openAs(w.learner, 'packages/training/lesson/index', { id: w.textLessonId, course: w.courseId });
  await lesson.waitFor(() => lesson.text().includes('密码至少12位'), 'the lesson');
  // the knowledge base's renderer: the bold run of the stored Delta is bold on screen
  const bold = lesson.nodes().filter((n) => String(n.attrs.class ?? '').includes('rt-run--bold')).map((n) => n.text);
  expect(bold).toEqual(['不要复用。']);
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

  // the certificate: in 我的证书 with its serial and code; tapped, its picture
  const [cert] = await sql<{ serial: string; verification_code: string }>(
    'select serial, verification_code from public.training_certificates where paper_id = $1 and user_id = $2', [paper, w.learner.userId]);
  const certificates = await openAs(w.learner, 'packages/training/certificates/index', {});
  await certificates.waitFor(() => certificates.text().includes(`编号 ${cert.serial}`), 'the certificate');
  expect(certificates.text()).toContain(`验证码 ${cert.verification_code}`);
  await certificates.tap(`验证码 ${cert.verification_code}`);
  const picture = await certificates.waitFor(() => certificates.nodes().find((n) => n.tag === 'image'), 'the picture');
  const svg = Buffer.from(String(picture.attrs.src).replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
  expect(svg).toContain(cert.serial);
  await closeQuiet();

  // the points: the lesson 1 and the exam 20 (the course needs its video too), on the leaderboard
  const board = await openAs(w.learner, 'packages/training/leaderboard/index', {});
  await board.waitFor(() => board.text().includes('本月第 1 名，21 分'), 'the leaderboard');
  await closeQuiet();
  const points = await sql<{ source_kind: string; points: number }>(
    'select source_kind, points from public.training_points where user_id = $1 order by points', [w.learner.userId]);
  expect(points).toEqual([{ source_kind: 'lesson', points: 1 }, { source_kind: 'exam', points: 20 }]);
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
  // 封面: a picture from the album (wx.chooseMedia), uploaded to Storage (wx.uploadFile) with the form
  const h = harness as Harness;
  h.bridge.chosenMedia.push([{ path: `http://tmp/${crypto.randomBytes(4).toString('hex')}.png`, bytes: PNG, contentType: 'image/png' }]);
  await create.tap('选择封面图片');
  await create.waitFor(() => h.bridge.uploads.length === 1 && create.text().includes('重新上传'), 'the cover uploaded');
  expect(h.bridge.uploads.map((u) => u.statusCode)).toEqual([200]);
  await create.tap('创建课程');
  await create.waitFor(() => (harness as Harness).bridge.navigations.some((n) => n.url?.includes('course=')), 'the new course’s editor');
  const navigation = (await leave()).find((n) => n.url?.includes('course='));
  const courseId = /course=([0-9a-f-]{36})/.exec(navigation?.url ?? '')?.[1] ?? '';
  expect(await sql('select title, category, status, cover_path from public.training_courses where id = $1', [courseId]))
    .toEqual([{ title: '消防安全必修课', category: '安全', status: 'draft', cover_path: expect.stringMatching(new RegExp(`^${w.enterpriseId}/covers/\\d+-\\w+\\.png$`)) }]);

  // a chapter, a text lesson, 发布课程
  const editor = await openAsManager('packages/training/manage-course/index', { course: courseId });
  await editor.type(editor.inputAfter('新章节'), '第一章 消防常识');
  await editor.tap('添加章节');
  await editor.tap('添加课时');
  await editor.type(editor.inputAfter('课时名称'), '灭火器的使用');
  // the native <editor>: the simulator has no editing surface, so the test fires what WeChat would
  const page = harness as Harness; // this page's simulator (each page opened gets its own)
  const body = await readyEditor(editor);
  const text = [{ insert: '提、拔、握、压：' }, { insert: '对准火焰根部喷射。', attributes: { bold: true } }, { insert: '\n' }];
  await typeInEditor(editor, body, { ops: text });
  // the editor's context (the page asks for it on ready): the image goes in through it
  await editor.waitFor(() => page.bridge.editorCalls.some((c) => c.method === 'setContents'), 'the editor context');
  // 图片: a picture from the album, uploaded, put into the editor by the manager's signed link
  page.bridge.chosenMedia.push([{ path: `http://tmp/${crypto.randomBytes(4).toString('hex')}.png`, bytes: PNG, contentType: 'image/png' }]);
  await editor.tap('图片');
  const inserted = await editor.waitFor(() => page.bridge.editorCalls.find((c) => c.method === 'insertImage'), 'the image in the editor');
  const signedUrl = String(inserted.args);
  expect(signedUrl).toContain(`/storage/v1/object/sign/training/${w.enterpriseId}/images/`);
  await typeInEditor(editor, body, { ops: [...text, { insert: { image: signedUrl } }, { insert: '\n' }] });
  await editor.tap('保存课时');
  await editor.waitFor(() => editor.text().includes('图文 · 灭火器的使用'), 'the saved lesson');
  // a document lesson: a PDF from a chat (wx.chooseMessageFile), uploaded
  await editor.tap('添加课时');
  await editor.type(editor.inputAfter('课时名称'), '消防安全手册');
  await editor.tap(editor.byTextWithin('类型', '文档'));
  const uploadsBefore = (harness as Harness).bridge.uploads.length;
  (harness as Harness).bridge.chosenMedia.push([{ path: 'http://tmp/消防手册.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), contentType: 'application/pdf' }]);
  await editor.tap('选择文档');
  await editor.waitFor(() => (harness as Harness).bridge.uploads.length === uploadsBefore + 1 && editor.text().includes('重新上传'), 'the document uploaded');
  await editor.tap('保存课时');
  await editor.waitFor(() => editor.text().includes('文档 · 消防安全手册'), 'the saved document lesson');
  await editor.tap('发布课程');
  await editor.waitFor(() => editor.text().includes('已发布 · 2 个课时'), 'the published course');
  await leave();
  // the image is stored by its reference (not the signed link), and listed for the learners' read rule
  const imagePath = expect.stringMatching(new RegExp(`^${w.enterpriseId}/images/\\d+-\\w+\\.png$`));
  const imageRef = expect.stringMatching(new RegExp(`^training/${w.enterpriseId}/images/\\d+-\\w+\\.png$`));
  expect(await sql('select l.title, l.kind, l.body_text, l.body_delta, l.image_paths, l.document_path from public.training_lessons l where l.course_id = $1 order by l.sort_order', [courseId]))
    .toEqual([{ title: '灭火器的使用', kind: 'text', body_text: expect.stringContaining('提、拔、握、压：对准火焰根部喷射。\n'), document_path: null, image_paths: [imagePath], body_delta: {
      ops: [{ insert: '提、拔、握、压：' }, { insert: '对准火焰根部喷射。', attributes: { bold: true } }, { insert: '\n' }, { insert: { image: imageRef } }, { insert: '\n' }] } },
    { title: '消防安全手册', kind: 'document', body_text: '', body_delta: null, image_paths: [], document_path: expect.stringMatching(new RegExp(`^${w.enterpriseId}/documents/\\d+-\\w+\\.pdf$`)) }]);

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
