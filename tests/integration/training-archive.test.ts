// Issue 16, archiving: a training manager archives a course, a paper or a bank question and restores
// it. An archived course leaves the learner's assignments, paths and course page, while what the
// learner earned stays (completion, certificate, points) and the manager's report still counts it;
// an archived paper can't be started; an archived question can't go into a new paper. Only the
// enterprise's training managers archive; anyone else hears that the object doesn't exist.
import { sql } from '../support/clients';
import { correctAnswer, ok, publishPaper, rpc, type AttemptView, trainingWorldPerFile } from './support-training/fixture';

const w = trainingWorldPerFile();

const archive = (kind: string, id: string, archived = true) => ok<string>(w.admin, 'training_set_archived', { p_kind: kind, p_id: id, p_archived: archived });
const assigned = async () => (await ok<Array<{ course_id: string }>>(w.learner, 'training_my_assignments', { p_enterprise_id: w.enterpriseId })).map((a) => a.course_id);

it('an archived course leaves the learner’s list and page but keeps the certificate, points and report; restored, it is a draft', async () => {
  await ok(w.admin, 'training_assign_course', { p_course_id: w.courseId, p_target: 'everyone' });
  const paper = await publishPaper(w);
  await ok(w.learner, 'training_report_progress', { p_lesson_id: w.textLessonId, p_position_seconds: 0, p_completed: true });
  const attempt = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
  const answers = Object.fromEntries(attempt.questions.map((q) => [String(q.position), correctAnswer(q)]));
  await ok(w.learner, 'training_submit_attempt', { p_attempt_id: attempt.id, p_answers: answers });
  expect(await assigned()).toEqual([w.courseId]);

  expect(await archive('course', w.courseId)).toBe('archived');
  expect(await assigned()).toEqual([]);
  expect(await rpc(w.learner, 'training_course_outline', { p_course_id: w.courseId }))
    .toEqual({ status: 400, body: expect.objectContaining({ message: 'course_not_found' }) });
  const { data: courses } = await w.learner.client.from('training_courses').select('id').eq('id', w.courseId);
  expect(courses).toEqual([]);
  // what the learner earned stays theirs
  const { data: certificates } = await w.learner.client.from('training_certificates').select('paper_id');
  expect(certificates).toEqual([{ paper_id: paper }]);
  const { data: points } = await w.learner.client.from('training_points').select('source_kind, points').order('points');
  expect(points).toEqual([{ source_kind: 'lesson', points: 1 }, { source_kind: 'exam', points: 20 }]);
  const report = await ok<{ scores: Array<{ paper_id: string; passed: number }> }>(w.admin, 'training_course_report', { p_course_id: w.courseId });
  expect(report.scores).toEqual([expect.objectContaining({ paper_id: paper, passed: 1 })]);

  // restored: a draft the learner still can't see, until it is published again
  expect(await archive('course', w.courseId, false)).toBe('draft');
  expect(await assigned()).toEqual([]);
  await ok(w.admin, 'training_publish_course', { p_course_id: w.courseId });
  expect(await assigned()).toEqual([w.courseId]);
});

it('an archived paper can’t be started and leaves the course page; restored, it is a draft', async () => {
  const paper = await publishPaper(w, { attemptLimit: null });
  expect(await archive('paper', paper)).toBe('archived');
  expect(await rpc(w.subLearner, 'training_start_attempt', { p_paper_id: paper }))
    .toEqual({ status: 400, body: expect.objectContaining({ message: 'paper_not_found' }) });
  const outline = await ok<{ papers: Array<{ id: string }> }>(w.subLearner, 'training_course_outline', { p_course_id: w.courseId });
  expect(outline.papers.map((p) => p.id)).not.toContain(paper);
  expect(await archive('paper', paper, false)).toBe('draft');
  expect(await sql('select status from public.training_papers where id = $1', [paper])).toEqual([{ status: 'draft' }]);
});

it('an archived question can’t go into a new paper; restored, it can', async () => {
  const [question] = w.questionIds;
  const settings = { title: '单题卷', mode: 'fixed', pass_score: 1, duration_minutes: 10, attempt_limit: 1, leave_limit: 3, questions: [{ question_id: question, score: 10 }] };
  expect(await archive('question', question)).toBe('archived');
  expect(await rpc(w.admin, 'training_save_paper', { p_enterprise_id: w.enterpriseId, p_settings: settings }))
    .toEqual({ status: 400, body: expect.objectContaining({ message: 'questions_invalid' }) });
  expect(await archive('question', question, false)).toBe('active');
  expect(typeof await ok<string>(w.admin, 'training_save_paper', { p_enterprise_id: w.enterpriseId, p_settings: settings })).toBe('string');
});

it('only the enterprise’s training managers archive; bad input is a 400 with its code', async () => {
  const paper = await publishPaper(w);
  for (const [kind, id] of [['course', w.courseId], ['paper', paper], ['question', w.questionIds[1]]]) {
    expect(await rpc(w.learner, 'training_set_archived', { p_kind: kind, p_id: id, p_archived: true }))
      .toEqual({ status: 400, body: expect.objectContaining({ message: `${kind}_not_found` }) });
  }
  expect(await sql('select status from public.training_papers where id = $1', [paper])).toEqual([{ status: 'published' }]);
  expect(await rpc(w.admin, 'training_set_archived', { p_kind: 'lesson', p_id: w.textLessonId, p_archived: true }))
    .toEqual({ status: 400, body: expect.objectContaining({ message: 'archive_kind_invalid' }) });
  expect(await rpc(w.admin, 'training_set_archived', { p_kind: 'course', p_id: w.courseId, p_archived: null }))
    .toEqual({ status: 400, body: expect.objectContaining({ message: 'archived_invalid' }) });
  expect(await rpc(w.admin, 'training_set_archived', { p_kind: 'course', p_id: '00000000-0000-0000-0000-000000000000', p_archived: true }))
    .toEqual({ status: 400, body: expect.objectContaining({ message: 'course_not_found' }) });
});
