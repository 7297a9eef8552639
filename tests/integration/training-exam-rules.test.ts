// Issue 16: the exam rules a learner (or a cheater) runs into — the server clock's deadline,
// double and concurrent submission, attempt and leave-the-page limits, review policies, random
// papers, and who may manage training.
import { sql } from '../support/clients';
import { newMember } from './support-tenancy/fixture';
import {
  ageAttempt, buildTrainingWorld, correctAnswer, dropTrainingWorld, ok, publishPaper, rpc, type AttemptView, trainingWorldPerFile,
} from './support-training/fixture';

const w = trainingWorldPerFile();

const answerAll = async (a: AttemptView) => {
  for (const q of a.questions) await ok(w.learner, 'training_save_answer', { p_attempt_id: a.id, p_position: q.position, p_answer: correctAnswer(q) });
};

describe('deadlines follow the server clock', () => {
  it('an attempt past its deadline is submitted and graded when next touched, with what was saved', async () => {
    const paper = await publishPaper(w, { durationMinutes: 10, attemptLimit: null });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    await answerAll(a);
    await ageAttempt(a.id, 11 * 60); // eleven minutes pass on the server
    const late = await ok<{ saved: boolean; status: string }>(w.learner, 'training_save_answer', {
      p_attempt_id: a.id, p_position: 1, p_answer: 'A' });
    expect(late).toMatchObject({ saved: false, status: 'submitted' });
    const seen = await ok<AttemptView>(w.learner, 'training_attempt', { p_attempt_id: a.id });
    expect(seen).toMatchObject({ status: 'submitted', submit_reason: 'deadline', result: { score: 100, passed: true } });
    const [row] = await sql<{ submitted_at: Date; deadline_at: Date }>('select submitted_at, deadline_at from public.training_attempts where id = $1', [a.id]);
    expect(row.submitted_at.getTime()).toBe(row.deadline_at.getTime());
    // a late submission with other answers changes nothing
    const after = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: a.id, p_answers: { 1: 'A', 2: ['A'] } });
    expect(after.result).toMatchObject({ score: 100 });
  });

  it('the deadline never runs past the paper window', async () => {
    const closesAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const paper = await publishPaper(w, { durationMinutes: 60, closesAt });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    expect(new Date(a.deadline_at).getTime()).toBe(new Date(closesAt).getTime());
    await sql(`update public.training_papers set closes_at = now() - interval '1 minute' where id = $1`, [paper]);
    await sql(`update public.training_attempts set deadline_at = now() - interval '1 minute' where id = $1`, [a.id]);
    const closed = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper }); // resumes → graded
    expect(closed).toMatchObject({ id: a.id, status: 'submitted', submit_reason: 'deadline', result: { review: 'answers', score: 0 } });
    const again = await rpc(w.learner, 'training_start_attempt', { p_paper_id: paper });
    expect(again).toEqual({ status: 400, body: expect.objectContaining({ message: 'exam_closed', hint: '考试已结束' }) });
  });
});

describe('submitting', () => {
  it('two (or ten) concurrent submissions grade once: one result, one certificate, points once', async () => {
    const paper = await publishPaper(w, { points: 15 });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    await answerAll(a);
    const results = await Promise.all(Array.from({ length: 10 }, () => rpc<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: a.id })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => JSON.stringify([r.body.result, r.body.certificate, r.body.submit_reason]))).size).toBe(1);
    expect(results[0].body.result).toMatchObject({ score: 100, passed: true });
    const [counts] = await sql<{ certs: number; points: number }>(
      `select (select count(*)::int from public.training_certificates where attempt_id = $1) as certs,
              (select count(*)::int from public.training_points where source_kind = 'exam' and source_id = $2) as points`, [a.id, paper]);
    expect(counts).toEqual({ certs: 1, points: 1 });
  });

  it('wrong answers score nothing, fail, and earn neither certificate nor points', async () => {
    const paper = await publishPaper(w, { reviewAfterSubmit: 'answers' });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    const wrong: Record<string, unknown> = {};
    for (const q of a.questions) {
      const right = correctAnswer(q);
      wrong[q.position] = q.kind === 'fill' ? '2FB' : q.options.map((o) => o.id).find((id) => id !== right && !(Array.isArray(right) && right.includes(id)));
    }
    const r = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: a.id, p_answers: wrong });
    expect(r.result).toMatchObject({ score: 0, passed: false });
    expect(r.result!.items!.map((i) => i.earned)).toEqual([0, 0, 0, 0]);
    expect(r.certificate).toBeNull();
  });

  it('a multiple-choice answer must match the key exactly (no partial credit)', async () => {
    const paper = await publishPaper(w, { reviewAfterSubmit: 'answers', shuffle: false });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    const multiple = a.questions.find((q) => q.kind === 'multiple')!;
    const r = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: a.id, p_answers: { [multiple.position]: ['A', 'C'] } });
    expect(r.result!.items!.find((i) => i.position === multiple.position)!.earned).toBe(0);
  });

  it('starting twice at once (a double tap) opens one attempt', async () => {
    const paper = await publishPaper(w, { attemptLimit: 1 });
    const starts = await Promise.all(Array.from({ length: 5 }, () => rpc<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper })));
    expect(starts.map((s) => s.status)).toEqual(Array(5).fill(200));
    expect(new Set(starts.map((s) => s.body.id)).size).toBe(1);
    const [n] = await sql<{ n: number }>('select count(*)::int as n from public.training_attempts where paper_id = $1', [paper]);
    expect(n.n).toBe(1);
  });

  it('attempt limit: the learner cannot start more attempts than the paper allows', async () => {
    const paper = await publishPaper(w, { attemptLimit: 1 });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    await ok(w.learner, 'training_submit_attempt', { p_attempt_id: a.id });
    const again = await rpc(w.learner, 'training_start_attempt', { p_paper_id: paper });
    expect(again).toEqual({ status: 400, body: expect.objectContaining({ message: 'attempts_exhausted', hint: '考试次数已用完' }) });
  });

  it('leaving the page too often submits the attempt automatically', async () => {
    const paper = await publishPaper(w, { leaveLimit: 2 });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    expect(await ok(w.learner, 'training_record_leave', { p_attempt_id: a.id })).toEqual({ leave_count: 1, leave_limit: 2, status: 'in_progress' });
    expect(await ok(w.learner, 'training_record_leave', { p_attempt_id: a.id })).toEqual({ leave_count: 2, leave_limit: 2, status: 'submitted' });
    const seen = await ok<AttemptView>(w.learner, 'training_attempt', { p_attempt_id: a.id });
    expect(seen.submit_reason).toBe('leave_limit');
  });

  it('someone else cannot read, answer or submit the attempt', async () => {
    const paper = await publishPaper(w);
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    for (const [fn, args] of [
      ['training_attempt', { p_attempt_id: a.id }], ['training_save_answer', { p_attempt_id: a.id, p_position: 1, p_answer: 'A' }],
      ['training_submit_attempt', { p_attempt_id: a.id }], ['training_record_leave', { p_attempt_id: a.id }],
    ] as const) {
      for (const other of [w.subLearner, w.admin]) {
        const res = await rpc(other, fn, args);
        expect({ fn, status: res.status, message: (res.body as { message: string }).message }).toEqual({ fn, status: 400, message: 'attempt_not_found' });
      }
    }
    const [row] = await sql<{ status: string; leave_count: number }>('select status, leave_count from public.training_attempts where id = $1', [a.id]);
    expect(row).toEqual({ status: 'in_progress', leave_count: 0 });
  });
});

describe('review policy', () => {
  it('"none" after submitting shows no score; after the window closes the close policy applies', async () => {
    const paper = await publishPaper(w, { reviewAfterSubmit: 'none', reviewAfterClose: 'answers', closesAt: new Date(Date.now() + 3600_000).toISOString() });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    await answerAll(a);
    const r = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: a.id });
    expect(r.result).toEqual({ review: 'none' });
    expect(JSON.stringify(r)).not.toMatch(/correct_answer|explanation|"score":100/);
    await sql(`update public.training_papers set closes_at = now() - interval '1 second', opens_at = null where id = $1`, [paper]);
    const later = await ok<AttemptView>(w.learner, 'training_attempt', { p_attempt_id: a.id });
    expect(later.result).toMatchObject({ review: 'answers', score: 100 });
    expect(later.result!.items).toHaveLength(4);
  });

  it('"score" shows the score and pass, not the answers', async () => {
    const paper = await publishPaper(w, { reviewAfterSubmit: 'score' });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    const r = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: a.id });
    expect(r.result).toEqual({ review: 'score', score: 0, passed: false });
  });
});

describe('papers drawn at random', () => {
  it('draws the counts per category and difficulty, each attempt frozen on its own', async () => {
    for (let i = 0; i < 6; i++) {
      await ok(w.admin, 'training_save_question', {
        p_enterprise_id: w.enterpriseId, p_kind: 'true_false', p_stem: `随机题${i}`, p_answer: i % 2 === 0, p_category: '随机', p_difficulty: i < 3 ? 1 : 3,
      });
    }
    const paper = await ok<string>(w.admin, 'training_save_paper', {
      p_enterprise_id: w.enterpriseId, p_publish: true,
      p_settings: { title: '随机卷', mode: 'random', pass_score: 10, duration_minutes: 10,
        rules: [{ category: '随机', difficulty: 1, count: 2, score: 5 }, { category: '随机', difficulty: 3, count: 1, score: 10 }] },
    });
    const a = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paper });
    expect(a.questions.map((q) => q.score).sort()).toEqual([10, 5, 5]);
    expect(new Set(a.questions.map((q) => q.stem)).size).toBe(3);
    const tooMany = await rpc(w.admin, 'training_save_paper', {
      p_enterprise_id: w.enterpriseId, p_settings: { title: '题不够', mode: 'random', pass_score: 1, duration_minutes: 10, rules: [{ category: '随机', count: 7, score: 1 }] },
    });
    expect(tooMany).toEqual({ status: 400, body: expect.objectContaining({ message: 'not_enough_questions' }) });
  });
});

describe('who manages training', () => {
  it('a member with the training scope manages (professional edition); a plain member and another scope do not', async () => {
    const trainer = await newMember(w.enterpriseId, { displayName: '培训专员' });
    await sql(`update public.enterprise_members set scopes = '{training}' where enterprise_id = $1 and user_id = $2`, [w.enterpriseId, trainer.userId]);
    const content = await newMember(w.enterpriseId, { displayName: '内容专员' });
    await sql(`update public.enterprise_members set scopes = '{content}' where enterprise_id = $1 and user_id = $2`, [w.enterpriseId, content.userId]);
    expect((await rpc(trainer, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '新课程' })).status).toBe(200);
    for (const u of [w.learner, content]) {
      const res = await rpc(u, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '新课程' });
      expect(res).toEqual({ status: 403, body: expect.objectContaining({ message: 'not_training_manager' }) });
    }
    // the bank is the managers'; the key too
    const { data: bank } = await trainer.client.from('training_questions').select('id').eq('enterprise_id', w.enterpriseId);
    expect(bank!.length).toBeGreaterThan(3);
    expect((await w.learner.client.from('training_questions').select('id')).data).toEqual([]);
    expect(await ok(trainer, 'training_question_key', { p_question_id: w.questionIds[0] })).toEqual({ answer: ['B'], explanation: '可疑邮件应报告安全团队' });
    expect((await rpc(w.learner, 'training_question_key', { p_question_id: w.questionIds[0] })).status).toBe(400);
  });

  it('in the basic edition the training scope grants nothing (manager roles are a professional feature)', async () => {
    await sql(`update public.enterprises set edition = 'basic' where id = $1`, [w.enterpriseId]);
    try {
      const trainer = await newMember(w.enterpriseId);
      await sql(`update public.enterprise_members set scopes = '{training}' where enterprise_id = $1 and user_id = $2`, [w.enterpriseId, trainer.userId]);
      expect((await rpc(trainer, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '新课程' })).status).toBe(403);
    } finally {
      await sql(`update public.enterprises set edition = 'professional' where id = $1`, [w.enterpriseId]);
    }
  });

  it('a basic-edition enterprise is refused every training RPC (a professional feature), strangers still learn nothing', async () => {
    const paper = await publishPaper(w, {});
    await sql(`update public.enterprises set edition = 'basic' where id = $1`, [w.enterpriseId]);
    try {
      const refused = { status: 400, body: expect.objectContaining({ message: 'feature_not_in_edition', hint: expect.stringContaining('专业版') }) };
      expect(await rpc(w.admin, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '新课程' })).toEqual(refused);
      expect(await rpc(w.admin, 'training_course_report', { p_course_id: w.courseId })).toEqual(refused);
      expect(await rpc(w.admin, 'training_question_key', { p_question_id: w.questionIds[0] })).toEqual(refused);
      expect(await rpc(w.learner, 'training_my_assignments', { p_enterprise_id: w.enterpriseId })).toEqual(refused);
      expect(await rpc(w.learner, 'training_course_outline', { p_course_id: w.courseId })).toEqual(refused);
      expect(await rpc(w.learner, 'training_start_attempt', { p_paper_id: paper })).toEqual(refused);
      expect(await rpc(w.learner, 'training_report_progress', { p_lesson_id: w.textLessonId, p_position_seconds: 0, p_completed: true })).toEqual(refused);
      expect(await rpc(w.learner, 'training_leaderboard', { p_enterprise_id: w.enterpriseId })).toEqual(refused);
      // someone from outside still gets the answer a missing object gets, not the edition
      const stranger = await buildTrainingWorld();
      try {
        const res = await rpc(stranger.learner, 'training_course_outline', { p_course_id: w.courseId });
        expect(res).toEqual({ status: 400, body: expect.objectContaining({ message: 'course_not_found' }) });
      } finally {
        await dropTrainingWorld(stranger);
      }
    } finally {
      await sql(`update public.enterprises set edition = 'professional' where id = $1`, [w.enterpriseId]);
    }
    // back on professional, the same calls work again
    expect((await rpc(w.learner, 'training_my_assignments', { p_enterprise_id: w.enterpriseId })).status).toBe(200);
  });
});
