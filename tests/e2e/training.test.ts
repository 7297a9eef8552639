// 学习 end to end on the H5 build (issue 16): a learner with an assignment opens it from the home
// page, finishes the text lesson, takes the exam (answers saved as given, graded on the server),
// sees the score and certificate, opens the certificate, and finds their points on the leaderboard;
// anyone checks the certificate's code on the public page.
import type { BrowserContext } from 'playwright-core';
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, ok, publishPaper, type TrainingWorld } from '../integration/support-training/fixture';
import { mobileContext } from './support/browser';
import { browserSuite } from './support/suite';
import { openTrainingAs, TrainingPages } from './support/training-pages';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
let w: TrainingWorld;
let paperId: string;

beforeAll(async () => {
  w = await buildTrainingWorld();
  paperId = await publishPaper(w, { reviewAfterSubmit: 'answers', points: 20 });
  await ok(w.admin, 'training_assign_course', { p_course_id: w.courseId, p_target: 'everyone', p_due_at: new Date(Date.now() + 7 * 86400_000).toISOString() });
  // The video needs half an hour of real playing: arranged as already watched.
  await sql(`insert into public.training_lesson_progress (user_id, lesson_id, enterprise_id, course_id, position_seconds, watched_seconds, completed_at)
             values ($1, $2, $3, $4, 1800, 1800, now())`, [w.learner.userId, w.videoLessonId, w.enterpriseId, w.courseId]);
});
afterAll(async () => {
  while (contexts.length) await contexts.pop()?.close();
  await dropTrainingWorld(w);
});

const openAs = (who: SignedInUser, route: string) => openTrainingAs(suite, contexts, who, route);

it('assignment → lesson → exam → certificate → points, then the public check', async () => {
  const app = await openAs(w.learner, 'pages/index/index');
  await app.openTrainingFromHome();
  await app.assignment(w.courseId).filter({ hasText: '信息安全合规培训' }).filter({ hasText: '截止' }).waitFor();
  await app.openCourse(w.courseId);
  await app.finishTextLesson(w.textLessonId);
  await app.page.getByTestId('course-outline').filter({ hasText: '已学 2/2 课时 · 已完成' }).waitFor();

  await app.startExam(paperId);
  const saved = app.savedAnswers(4);
  await app.choose('收到可疑邮件应当？', '报告安全团队');
  await app.choose('哪些属于敏感信息？', '身份证号', '客户手机号', '银行卡号');
  await app.choose('可以把工作密码写在便利贴上。', '错误');
  await app.fillBlank('双因素认证', 'mfa');
  // answers are saved as they are given: after a reload (a closed app) the attempt comes back with them
  await saved;
  await app.page.reload();
  await app.page.getByTestId('exam-timer').filter({ hasText: '已答 4/4' }).waitFor();
  await app.submitExam();
  await app.page.getByTestId('exam-score').filter({ hasText: '100 分' }).waitFor();
  const serial = ((await app.page.getByText(/证书已发放，编号/).textContent()) ?? '').replace(/.*编号\s*/, '').trim();
  expect(serial).toMatch(/^ZX\d{8}-[A-Z2-9]{8}$/);

  await app.open('packages/training/certificates/index');
  await app.page.getByTestId(`certificate-${serial}`).click();
  await app.page.getByLabel('证书图片').waitFor();
  const code = ((await app.page.getByTestId(`certificate-${serial}`).getByText(/验证码/).textContent()) ?? '').replace(/验证码\s*/, '').trim();

  await app.open('packages/training/leaderboard/index');
  // the text lesson 1, the course 10, the exam 20 (the video was arranged in SQL: no points for it)
  await app.page.getByTestId('leaderboard').filter({ hasText: '本月第 1 名，31 分' }).waitFor();

  const anonContext = await mobileContext(suite.browser);
  contexts.push(anonContext);
  const visitor = new TrainingPages(await anonContext.newPage(), suite.server.url);
  await visitor.open(`packages/training/verify/index?code=${code}`);
  await visitor.page.getByTestId('verify-submit').click();
  await visitor.page.getByTestId('verify-result').filter({ hasText: '证书有效，持有人：李学员' }).waitFor();
});
