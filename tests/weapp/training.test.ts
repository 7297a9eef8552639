// 学习 in the compiled mini-program (the H5 build has its own suite in tests/e2e): a learner reads a
// lesson and marks it learnt, then takes the exam (options tapped in this attempt's shuffled order,
// the fill-in typed), hands it in and sees the score the server graded. Arranged through the API;
// checked in the database.
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, publishPaper, type TrainingWorld } from '../integration/support-training/fixture';
import { openHarness, type Harness } from './support/harness';
import type { PageDriver } from './support/page-driver';
import { signedInStorage } from './support/signed-in';

jest.setTimeout(120_000);

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
