// Issue 16: the learner's path end to end through the API — assigned a course (to their department,
// reaching sub-departments), learning it (video progress held to wall time), taking the exam
// (frozen, shuffled, graded in SQL), a certificate anyone can verify, and points counted once.
import { anonClient, callApi, sql } from '../support/clients';
import {
  ageProgress, correctAnswer, ok, publishPaper, rpc, type AttemptView, trainingWorldPerFile,
} from './support-training/fixture';

const w = trainingWorldPerFile();

interface Assignment { course_id: string; title: string; due_at: string | null; overdue: boolean; lessons_total: number; lessons_done: number; completed_at: string | null }
interface Progress { position_seconds: number; watched_seconds: number; completed: boolean; course_completed: boolean }

describe('assign → learn → exam → certificate → points', () => {
  let paperId: string;
  let attempt: AttemptView;

  it('a department assignment reaches its sub-departments, with the deadline, and notifies them', async () => {
    const due = new Date(Date.now() + 7 * 86400_000).toISOString();
    const res = await ok<{ learners: number }>(w.admin, 'training_assign_course', {
      p_course_id: w.courseId, p_target: 'department', p_department_id: w.childDept, p_due_at: due,
    });
    expect(res.learners).toBe(2);
    for (const u of [w.learner, w.subLearner]) {
      const mine = await ok<Assignment[]>(u, 'training_my_assignments', { p_enterprise_id: w.enterpriseId });
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ course_id: w.courseId, title: '信息安全合规培训', overdue: false, lessons_total: 2, lessons_done: 0 });
      expect(new Date(mine[0].due_at!).getTime()).toBe(new Date(due).getTime());
      const { data } = await u.client.from('notifications').select('kind, title, body').eq('kind', 'training_assigned');
      expect(data).toEqual([expect.objectContaining({ title: '新的学习任务' })]);
    }
    // the admin sits above the department: not assigned
    expect(await ok<Assignment[]>(w.admin, 'training_my_assignments', { p_enterprise_id: w.enterpriseId })).toEqual([]);
  });

  it('the lesson body is stored as the Delta plus its plain text, readable by members', async () => {
    const { data, error } = await w.learner.client.from('training_lessons').select('body_text, body_delta').eq('id', w.textLessonId).single();
    expect(error).toBeNull();
    expect(data!.body_text).toBe('密码至少12位，不要复用。\n');
    expect(data!.body_delta.ops).toHaveLength(3);
  });

  it('a 30-minute video cannot be completed in one go: watched time grows no faster than the server clock', async () => {
    const first = await ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.videoLessonId, p_position_seconds: 1800 });
    expect(first.completed).toBe(false);
    expect(first.watched_seconds).toBeLessThanOrEqual(2);
    expect(first.position_seconds).toBe(first.watched_seconds); // no resuming past what was watched
    const again = await ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.videoLessonId, p_position_seconds: 1800 });
    expect(again.completed).toBe(false);
    expect(again.watched_seconds).toBeLessThan(10);

    // 30 seconds pass on the server: at most 30 (+2) more seconds count
    await ageProgress(w.learner.userId, w.videoLessonId, 30);
    const later = await ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.videoLessonId, p_position_seconds: 35 });
    expect(later.watched_seconds).toBe(35);
    expect(later.position_seconds).toBe(35);
    // a paused player banks nothing: an hour later, one report credits at most a minute
    await ageProgress(w.learner.userId, w.videoLessonId, 3600);
    const jump = await ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.videoLessonId, p_position_seconds: 1800 });
    expect(jump.watched_seconds).toBeLessThanOrEqual(35 + 62);
    expect(jump.completed).toBe(false);
  });

  it('watching at real speed completes the video; the text lesson completes when read; the course completes once', async () => {
    // watched honestly: every report comes a minute after the last
    let p: Progress = { position_seconds: 0, watched_seconds: 0, completed: false, course_completed: false };
    for (let i = 0; i < 40 && !p.completed; i++) {
      await ageProgress(w.learner.userId, w.videoLessonId, 60);
      p = await ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.videoLessonId, p_position_seconds: Math.min(1800, p.watched_seconds + 60) });
    }
    expect(p).toMatchObject({ completed: true, watched_seconds: 1800, course_completed: false });
    const text = await ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.textLessonId, p_position_seconds: 0, p_completed: true });
    expect(text).toMatchObject({ completed: true, course_completed: true });
    const mine = await ok<Assignment[]>(w.learner, 'training_my_assignments', { p_enterprise_id: w.enterpriseId });
    expect(mine[0]).toMatchObject({ lessons_done: 2 });
    expect(mine[0].completed_at).not.toBeNull();
    // reporting again awards nothing twice
    await ok(w.learner, 'training_report_progress', { p_lesson_id: w.textLessonId, p_position_seconds: 0, p_completed: true });
    const { data } = await w.learner.client.from('training_points').select('source_kind, points').order('source_kind');
    expect(data).toEqual([
      { source_kind: 'course', points: 10 }, { source_kind: 'lesson', points: 1 }, { source_kind: 'lesson', points: 1 },
    ]);
  });

  it('the exam freezes shuffled questions without any key, and grading happens on the server', async () => {
    paperId = await publishPaper(w, { reviewAfterSubmit: 'answers', points: 20 });
    attempt = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paperId });
    expect(attempt.status).toBe('in_progress');
    expect(attempt.questions).toHaveLength(4);
    expect(JSON.stringify(attempt)).not.toMatch(/correct|"key"|explanation|报告安全团队"\]/);
    const deadline = new Date(attempt.deadline_at).getTime() - new Date(attempt.server_now).getTime();
    expect(Math.round(deadline / 60000)).toBe(30);
    // resuming returns the same frozen attempt (same order of questions and options)
    const again = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paperId });
    expect(again.id).toBe(attempt.id);
    expect(again.questions).toEqual(attempt.questions);

    for (const q of attempt.questions.filter((x) => x.kind !== 'fill')) {
      const saved = await ok<{ saved: boolean }>(w.learner, 'training_save_answer', { p_attempt_id: attempt.id, p_position: q.position, p_answer: correctAnswer(q) });
      expect(saved.saved).toBe(true);
    }
    const fill = attempt.questions.find((x) => x.kind === 'fill')!;
    const result = await ok<AttemptView>(w.learner, 'training_submit_attempt', {
      p_attempt_id: attempt.id, p_answers: { [fill.position]: correctAnswer(fill) },
    });
    expect(result.status).toBe('submitted');
    expect(result.result).toMatchObject({ review: 'answers', score: 100, passed: true });
    expect(result.result!.items!.every((i) => i.earned === 25)).toBe(true);
    expect(result.certificate?.serial).toMatch(/^ZX\d{8}-[A-Z2-9]{8}$/);
    attempt = result;
  });

  it('anyone verifies the certificate code and learns only validity and the holder name', async () => {
    const anon = anonClient();
    const { data, error } = await anon.rpc('training_verify_certificate', { p_code: attempt.certificate!.verification_code.toLowerCase() });
    expect(error).toBeNull();
    expect(data).toEqual({ valid: true, name: '李学员' });
    const bad = await anon.rpc('training_verify_certificate', { p_code: 'ABCDEFGHJKMN' });
    expect(bad.data).toEqual({ valid: false, name: null });
    const { data: mine } = await w.learner.client.from('training_certificates').select('serial, holder_name, title, score');
    expect(mine).toEqual([{ serial: attempt.certificate!.serial, holder_name: '李学员', title: '信息安全合规培训', score: 100 }]);
  });

  it('the certificate image (edge function): the holder and the managers get it, a colleague does not', async () => {
    const { data } = await w.learner.client.from('training_certificates').select('id');
    const cert = data![0] as { id: string };
    const call = (token: string) => callApi('/functions/v1/training-certificate', { token, body: { certificate_id: cert.id } });
    const mine = await call(w.learner.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(mine.body).toContain('李学员');
    expect(mine.body).toContain('《信息安全合规培训》');
    expect(mine.body).toContain(attempt.certificate!.serial);
    expect((await call(w.admin.token)).status).toBe(200);
    expect(await call(w.subLearner.token)).toMatchObject({ status: 404, body: { code: 'certificate_not_found' } });
    expect((await callApi('/functions/v1/training-certificate', { token: w.learner.token, body: { certificate_id: 'x' } })).status).toBe(400);
  });

  it('points: the exam counts once, and the month leaderboard ranks the learner', async () => {
    const second = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paperId });
    for (const q of second.questions) await ok(w.learner, 'training_save_answer', { p_attempt_id: second.id, p_position: q.position, p_answer: correctAnswer(q) });
    const graded = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: second.id });
    expect(graded.result).toMatchObject({ passed: true });
    expect(graded.certificate).toBeNull(); // one certificate per paper
    const board = await ok<{ rows: Array<{ rank: number; name: string; points: number }>; me: { rank: number; points: number }; my_total: number }>(
      w.subLearner, 'training_leaderboard', { p_enterprise_id: w.enterpriseId });
    expect(board.rows[0]).toMatchObject({ rank: 1, name: '李学员', points: 32 });
    expect(board.me).toBeNull();
    const mine = await ok<{ me: { rank: number; points: number }; my_total: number }>(w.learner, 'training_leaderboard', {
      p_enterprise_id: w.enterpriseId, p_department_id: w.childDept });
    expect(mine.me).toEqual({ rank: 1, points: 32 });
    expect(mine.my_total).toBe(32);
    const lastMonth = await ok<{ rows: unknown[] }>(w.learner, 'training_leaderboard', { p_enterprise_id: w.enterpriseId, p_month: '2020-01-01' });
    expect(lastMonth.rows).toEqual([]);
  });

  it('the points ledger is append-only, even for the database owner', async () => {
    await expect(sql('update public.training_points set points = 999 where user_id = $1', [w.learner.userId])).rejects.toThrow(/points_append_only/);
    await expect(sql('delete from public.training_points where user_id = $1', [w.learner.userId])).rejects.toThrow(/points_append_only/);
  });

  it('the manager report shows completion by department and exam scores', async () => {
    const report = await ok<{ assigned: number; completed: number; by_department: Array<{ department: string; assigned: number; completed: number }>; scores: Array<{ passed: number }> }>(
      w.admin, 'training_course_report', { p_course_id: w.courseId });
    expect(report).toMatchObject({ assigned: 2, completed: 1 });
    expect(report.by_department).toEqual(expect.arrayContaining([
      expect.objectContaining({ department: '研发部', assigned: 1, completed: 1 }),
      expect.objectContaining({ department: '前端组', assigned: 1, completed: 0 }),
    ]));
    expect(report.scores[0].passed).toBe(1);
    const refused = await rpc(w.learner, 'training_course_report', { p_course_id: w.courseId });
    expect(refused).toEqual({ status: 400, body: expect.objectContaining({ message: 'course_not_found' }) });
  });
});
