// Issue 16, the managers' side beyond the flow: learning paths, importing questions (an error per
// bad row, nothing half-imported), a paper's score distribution and question difficulty, the
// course's learners as CSV, and the scheduled job (reminders once, overdue once, late attempts graded).
import { sql } from '../support/clients';
import {
  ageAttempt, buildTrainingWorld, correctAnswer, dropTrainingWorld, ok, publishPaper, rpc, type AttemptView, trainingWorldPerFile,
} from './support-training/fixture';

const w = trainingWorldPerFile();

describe('learning paths', () => {
  it('courses in order, each with the learner’s completion, and the next one to take', async () => {
    const second = await ok<string>(w.admin, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '数据分级分类' });
    const ch = await ok<string>(w.admin, 'training_save_chapter', { p_course_id: second, p_title: '章' });
    await ok(w.admin, 'training_save_lesson', { p_chapter_id: ch, p_title: '课', p_kind: 'text', p_body_delta: { ops: [{ insert: '内容\n' }] } });
    await ok(w.admin, 'training_publish_course', { p_course_id: second });
    const path = await ok<string>(w.admin, 'training_save_path', {
      p_enterprise_id: w.enterpriseId, p_title: '新员工合规路径', p_course_ids: [w.courseId, second], p_publish: true });
    const before = await ok<{ courses: Array<{ course_id: string; completed: boolean }>; next_course_id: string }>(w.learner, 'training_path_outline', { p_path_id: path });
    expect(before.courses.map((c) => c.course_id)).toEqual([w.courseId, second]);
    expect(before.next_course_id).toBe(w.courseId);
    await sql(`insert into public.training_course_completions (user_id, course_id, enterprise_id) values ($1, $2, $3)`, [w.learner.userId, w.courseId, w.enterpriseId]);
    const after = await ok<{ courses: Array<{ completed: boolean }>; next_course_id: string }>(w.learner, 'training_path_outline', { p_path_id: path });
    expect(after.courses.map((c) => c.completed)).toEqual([true, false]);
    expect(after.next_course_id).toBe(second);
    const dup = await rpc(w.admin, 'training_save_path', { p_enterprise_id: w.enterpriseId, p_title: '重复', p_course_ids: [second, second] });
    expect(dup).toEqual({ status: 400, body: expect.objectContaining({ message: 'courses_invalid' }) });
  });
});

describe('importing questions', () => {
  const count = async () => (await sql<{ n: number }>('select count(*)::int as n from public.training_questions where enterprise_id = $1', [w.enterpriseId]))[0].n;

  it('a file with bad rows imports nothing and names every bad row with its reason', async () => {
    const before = await count();
    const res = await ok<{ imported: number; errors: Array<{ row: number; code: string; message: string }> }>(w.admin, 'training_import_questions', {
      p_enterprise_id: w.enterpriseId,
      p_rows: [
        { kind: '单选', stem: '好的一行', options: '甲|乙|丙', answer: 'B' },
        { kind: '问答', stem: '不支持的题型', answer: 'x' },
        { kind: '多选', stem: '答案不在选项里', options: '甲|乙', answer: 'A,E' },
        { kind: '判断', stem: '判断题答案写错', answer: '也许' },
        { kind: '填空', stem: '', answer: 'x' },
        { kind: '单选', stem: '难度不对', options: '甲|乙', answer: 'A', difficulty: '9' },
      ],
    });
    expect(res.imported).toBe(0);
    expect(res.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'question_kind_invalid'], [3, 'answer_invalid'], [4, 'answer_invalid'], [5, 'stem_invalid'], [6, 'difficulty_invalid'],
    ]);
    expect(res.errors[0].message).toBe('题型须为单选、多选、判断或填空');
    expect(await count()).toBe(before);
  });

  it('a clean file imports every row, in the shapes spreadsheets produce', async () => {
    const before = await count();
    const res = await ok<{ imported: number; errors: unknown[] }>(w.admin, 'training_import_questions', {
      p_enterprise_id: w.enterpriseId,
      p_rows: [
        { kind: '单选题', stem: '导入单选', options: '甲|乙|丙', answer: 'c', category: '导入', difficulty: '3', tags: '合规|安全' },
        { kind: '多选', stem: '导入多选', options: ['甲', '乙', '丙'], answer: 'AC' },
        { kind: '判断', stem: '导入判断', answer: '对' },
        { kind: 'fill', stem: '导入填空', answer: 'ＶＰＮ|虚拟专用网', explanation: '解析' },
      ],
    });
    expect(res).toEqual({ imported: 4, errors: [] });
    expect(await count()).toBe(before + 4);
    const [fill] = await sql<{ id: string }>(`select id from public.training_questions where enterprise_id = $1 and stem = '导入填空'`, [w.enterpriseId]);
    expect(await ok(w.admin, 'training_question_key', { p_question_id: fill.id })).toEqual({ answer: expect.arrayContaining(['vpn', '虚拟专用网']), explanation: '解析' });
  });

  it('only training managers import', async () => {
    const res = await rpc(w.learner, 'training_import_questions', { p_enterprise_id: w.enterpriseId, p_rows: [{ kind: '判断', stem: 'x', answer: '对' }] });
    expect(res.status).toBe(403);
  });
});

describe('reports', () => {
  it('a paper’s score distribution and each question’s correct rate; the course CSV', async () => {
    const paper = await publishPaper(w, { attemptLimit: null, shuffle: false });
    for (const [user, right] of [[w.learner, true], [w.subLearner, false]] as const) {
      const a = await ok<AttemptView>(user, 'training_start_attempt', { p_paper_id: paper });
      const answers = Object.fromEntries(a.questions.map((q) => [q.position, right || q.kind === 'true_false' ? correctAnswer(q) : null]));
      await ok(user, 'training_submit_attempt', { p_attempt_id: a.id, p_answers: answers });
    }
    const report = await ok<{ attempts: number; passed: number; distribution: Array<{ from_percent: number; count: number }>; questions: Array<{ stem: string; correct_rate: number }> }>(
      w.admin, 'training_paper_report', { p_paper_id: paper });
    expect(report).toMatchObject({ attempts: 2, passed: 1 });
    expect(report.distribution.filter((d) => d.count > 0).map((d) => [d.from_percent, d.count])).toEqual([[20, 1], [90, 1]]);
    const rates = Object.fromEntries(report.questions.map((q) => [q.stem, q.correct_rate]));
    expect(rates).toEqual({ '可以把工作密码写在便利贴上。': 1, '收到可疑邮件应当？': 0.5, '哪些属于敏感信息？': 0.5, '双因素认证的英文缩写是＿＿。': 0.5 });
    expect((await rpc(w.learner, 'training_paper_report', { p_paper_id: paper })).status).toBe(400);

    await ok(w.admin, 'training_assign_course', { p_course_id: w.courseId, p_target: 'member', p_user_ids: [w.learner.userId] });
    await sql(`update public.enterprise_members set display_name = '=HYPERLINK("x")' where enterprise_id = $1 and user_id = $2`, [w.enterpriseId, w.learner.userId]);
    const csv = await ok<string>(w.admin, 'training_course_csv', { p_course_id: w.courseId });
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('姓名,工号,部门,截止时间,完成时间,状态,已学课时,最高分,是否通过');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)","","研发部","",".*","(已完成|学习中)",\d,100,是$/);
  });
});

describe('the scheduled job', () => {
  it('reminds a day before the deadline, notices once when overdue, and grades attempts left past their deadline', async () => {
    const due = new Date(Date.now() + 3600_000).toISOString();
    await ok(w.admin, 'training_assign_course', { p_course_id: w.courseId, p_target: 'member', p_user_ids: [w.subLearner.userId], p_due_at: due });
    const paper = await publishPaper(w, { attemptLimit: null });
    const a = await ok<AttemptView>(w.subLearner, 'training_start_attempt', { p_paper_id: paper });
    await ageAttempt(a.id, 31 * 60);

    const kinds = async () => (await sql<{ kind: string }>(
      `select kind from public.notifications where user_id = $1 and kind in ('training_due_soon', 'training_overdue') order by created_at`, [w.subLearner.userId])).map((r) => r.kind);
    await sql('select public.training_run_jobs()');
    await sql('select public.training_run_jobs()');
    expect(await kinds()).toEqual(['training_due_soon']);
    const [row] = await sql<{ status: string; submit_reason: string }>('select status, submit_reason from public.training_attempts where id = $1', [a.id]);
    expect(row).toEqual({ status: 'submitted', submit_reason: 'deadline' });

    // the deadline passes
    await sql(`update public.training_assignments set due_at = now() - interval '1 hour' where course_id = $1 and user_id = $2`, [w.courseId, w.subLearner.userId]);
    await sql('select public.training_run_jobs()');
    await sql('select public.training_run_jobs()');
    expect(await kinds()).toEqual(['training_due_soon', 'training_overdue']);
    const mine = await ok<Array<{ overdue: boolean }>>(w.subLearner, 'training_my_assignments', { p_enterprise_id: w.enterpriseId });
    expect(mine[0].overdue).toBe(true);
    const refused = await rpc(w.admin, 'training_run_jobs', {});
    expect(refused.status).toBe(403);
  });

  it('sends no reminder where the edition has no training', async () => {
    const other = await buildTrainingWorld();
    try {
      await ok(other.admin, 'training_assign_course', {
        p_course_id: other.courseId, p_target: 'member', p_user_ids: [other.learner.userId], p_due_at: new Date(Date.now() + 3600_000).toISOString() });
      await sql(`update public.enterprises set edition = 'basic' where id = $1`, [other.enterpriseId]);
      await sql('select public.training_run_jobs()');
      expect(await sql(`select kind from public.notifications where user_id = $1 and kind like 'training_%'`, [other.learner.userId]))
        .toEqual([{ kind: 'training_assigned' }]);
    } finally {
      await dropTrainingWorld(other);
    }
  });
});
