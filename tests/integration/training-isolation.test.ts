// Issue 16: training across tenants with real ids (the matrix can only pass unknown ids to the
// id-taking RPCs): the admin of another enterprise and its members get nothing of A's courses,
// papers, questions or attempts, and change nothing; drafts stay with A's managers.
import { sql } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, ok, publishPaper, rpc, type AttemptView, type TrainingWorld } from './support-training/fixture';

let a: TrainingWorld;
let b: TrainingWorld;
let paperA: string;
let attemptA: AttemptView;

beforeAll(async () => {
  [a, b] = await Promise.all([buildTrainingWorld(), buildTrainingWorld()]);
  paperA = await publishPaper(a);
  attemptA = await ok<AttemptView>(a.learner, 'training_start_attempt', { p_paper_id: paperA });
});
afterAll(async () => {
  await Promise.all([dropTrainingWorld(a), dropTrainingWorld(b)]);
});

const snapshotA = async () => [
  await sql('select * from public.training_courses where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.training_chapters where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.training_lessons where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.training_questions where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.training_papers where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.training_assignments where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.training_lesson_progress where enterprise_id = $1 order by user_id, lesson_id', [a.enterpriseId]),
  await sql('select * from public.training_attempts where enterprise_id = $1 order by id', [a.enterpriseId]),
  await sql('select * from public.notifications where user_id = $1 order by id', [a.learner.userId]),
];

describe('another enterprise reaches nothing of A’s training', () => {
  it('B’s admin and B’s learner are refused on every A id, and A is unchanged', async () => {
    const before = await snapshotA();
    const chapterA = (await sql<{ id: string }>('select id from public.training_chapters where course_id = $1', [a.courseId]))[0].id;
    const calls: Array<[string, Record<string, unknown>]> = [
      ['training_save_course', { p_enterprise_id: a.enterpriseId, p_course_id: a.courseId, p_title: '改掉' }],
      ['training_save_chapter', { p_course_id: a.courseId, p_title: '插入' }],
      ['training_save_lesson', { p_chapter_id: chapterA, p_title: '插入', p_kind: 'text', p_body_delta: { ops: [{ insert: 'x' }] } }],
      ['training_publish_course', { p_course_id: a.courseId }],
      ['training_assign_course', { p_course_id: a.courseId, p_target: 'everyone' }],
      ['training_save_question', { p_enterprise_id: a.enterpriseId, p_question_id: a.questionIds[0], p_kind: 'true_false', p_stem: '改', p_answer: true }],
      ['training_question_key', { p_question_id: a.questionIds[0] }],
      ['training_save_paper', { p_enterprise_id: a.enterpriseId, p_paper_id: paperA, p_settings: { title: '改' } }],
      ['training_course_report', { p_course_id: a.courseId }],
      ['training_my_assignments', { p_enterprise_id: a.enterpriseId }],
      ['training_course_outline', { p_course_id: a.courseId }],
      ['training_report_progress', { p_lesson_id: a.textLessonId, p_position_seconds: 0, p_completed: true }],
      ['training_start_attempt', { p_paper_id: paperA }],
      ['training_attempt', { p_attempt_id: attemptA.id }],
      ['training_save_answer', { p_attempt_id: attemptA.id, p_position: 1, p_answer: 'A' }],
      ['training_submit_attempt', { p_attempt_id: attemptA.id }],
      ['training_record_leave', { p_attempt_id: attemptA.id }],
      ['training_leaderboard', { p_enterprise_id: a.enterpriseId }],
    ];
    for (const user of [b.admin, b.learner]) {
      for (const [fn, args] of calls) {
        const res = await rpc(user, fn, args);
        expect({ fn, refused: res.status >= 400 && res.status < 500 }).toEqual({ fn, refused: true });
      }
    }
    expect(await snapshotA()).toEqual(before);
  });

  it('B’s people read none of A’s rows through the tables', async () => {
    for (const user of [b.admin, b.learner]) {
      for (const table of ['training_courses', 'training_lessons', 'training_papers', 'training_questions', 'training_attempts', 'training_assignments']) {
        const { data, error } = await user.client.from(table).select('id').eq('enterprise_id', a.enterpriseId);
        expect({ table, error, data }).toEqual({ table, error: null, data: [] });
      }
    }
  });

  it('a draft course is seen by A’s managers only, and its lessons cannot be studied', async () => {
    const draft = await ok<string>(a.admin, 'training_save_course', { p_enterprise_id: a.enterpriseId, p_title: '草稿课程' });
    const chapter = await ok<string>(a.admin, 'training_save_chapter', { p_course_id: draft, p_title: '章' });
    const lesson = await ok<string>(a.admin, 'training_save_lesson', { p_chapter_id: chapter, p_title: '课', p_kind: 'text', p_body_delta: { ops: [{ insert: '草稿' }] } });
    expect((await a.learner.client.from('training_courses').select('id').eq('id', draft)).data).toEqual([]);
    expect((await a.learner.client.from('training_lessons').select('id').eq('id', lesson)).data).toEqual([]);
    expect((await a.admin.client.from('training_lessons').select('id').eq('id', lesson)).data).toEqual([{ id: lesson }]);
    expect((await rpc(a.learner, 'training_report_progress', { p_lesson_id: lesson, p_position_seconds: 0, p_completed: true })).status).toBe(400);
    expect((await rpc(a.learner, 'training_assign_course', { p_course_id: draft, p_target: 'everyone' })).body).toMatchObject({ message: 'course_not_found' });
    expect((await rpc(a.admin, 'training_assign_course', { p_course_id: draft, p_target: 'everyone' })).body).toMatchObject({ message: 'course_not_published' });
  });
});
