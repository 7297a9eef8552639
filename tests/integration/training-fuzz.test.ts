// Issue 16: bad input (fast-check, bounded) to the training RPCs, from a manager and a learner who
// have the rights (so refusals come from input checks): a 4xx with a code, never a 5xx, and
// nothing of the enterprise's training written.
import fc from 'fast-check';
import { callApi, sql } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, ok, publishPaper, type AttemptView, type TrainingWorld } from './support-training/fixture';

const RUNS = 25;

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
  fc.constantFrom('', ' ', '\u0000', '9'.repeat(400), "'; drop table public.training_courses; --", '<script>', '00000000-0000-4000-8000-000000000000'),
);

let w: TrainingWorld;
let paperId: string;
let attempt: AttemptView;
let snapshot: () => Promise<unknown>;

beforeAll(async () => {
  w = await buildTrainingWorld();
  paperId = await publishPaper(w);
  attempt = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paperId });
  snapshot = async () => [
    await sql('select * from public.training_courses where enterprise_id = $1 order by id', [w.enterpriseId]),
    await sql('select * from public.training_lessons where enterprise_id = $1 order by id', [w.enterpriseId]),
    await sql('select * from public.training_questions where enterprise_id = $1 order by id', [w.enterpriseId]),
    await sql('select * from public.training_papers where enterprise_id = $1 order by id', [w.enterpriseId]),
    await sql('select * from public.training_assignments where enterprise_id = $1 order by id', [w.enterpriseId]),
    await sql('select id, status, leave_count, score from public.training_attempts where enterprise_id = $1 order by id', [w.enterpriseId]),
    await sql('select position, answer from private.training_attempt_items where attempt_id = $1 order by position', [attempt.id]),
  ];
});
afterAll(async () => {
  await dropTrainingWorld(w);
});

async function expect4xx(user: 'admin' | 'learner', fn: string, args: Record<string, unknown>): Promise<void> {
  const res = await callApi(`/rest/v1/rpc/${fn}`, { token: w[user].token, body: args });
  const ok4xx = res.status >= 400 && res.status < 500 && typeof (res.body?.message ?? res.body?.code) === 'string';
  expect({ fn, args, ok: ok4xx, status: res.status }).toEqual({ fn, args, ok: true, status: res.status });
}

describe('fuzz: training RPCs answer bad input with 4xx and write nothing', () => {
  it('managers: courses, chapters, lessons, questions, papers, assignments', async () => {
    const before = await snapshot();
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.record({ fn: fc.constant('training_save_course'), args: fc.record({ p_enterprise_id: fc.constant(w.enterpriseId), p_title: fc.constantFrom(null, '', '   ', 'x'.repeat(81), '\u0001', '课'.repeat(81)), p_points: junk }) }),
        fc.record({ fn: fc.constant('training_save_course'), args: fc.record({ p_enterprise_id: fc.constant(w.enterpriseId), p_title: fc.constant('课程'), p_points: fc.oneof(fc.constant(-1), fc.constant(1001)) }) }),
        fc.record({ fn: fc.constant('training_save_lesson'), args: fc.record({ p_chapter_id: fc.oneof(junk, fc.uuid()), p_title: fc.constant('课时'), p_kind: junk, p_body_delta: junk }) }),
        // a number is no bad stem: PostgREST hands it to the text parameter as '123'
        fc.record({ fn: fc.constant('training_save_question'), args: fc.record({
          p_enterprise_id: fc.constant(w.enterpriseId), p_kind: fc.constantFrom('single', 'multiple', 'true_false', 'fill', 'essay'),
          p_stem: fc.constantFrom(null, '', '   ', 'x'.repeat(1001), '\u0001'), p_options: junk, p_answer: junk,
        }) }),
        fc.record({ fn: fc.constant('training_save_question'), args: fc.record({
          p_enterprise_id: fc.constant(w.enterpriseId), p_kind: fc.constantFrom('single', 'multiple'), p_stem: fc.constant('题干'),
          p_options: fc.constant(['甲', '乙', '丙']), p_answer: fc.oneof(fc.constant([]), fc.constant(['D']), fc.constant(['A', 'B', 'Z']), fc.integer(), fc.constant(null)),
        }) }),
        fc.record({ fn: fc.constant('training_save_paper'), args: fc.record({ p_enterprise_id: fc.constant(w.enterpriseId), p_settings: junk }) }),
        fc.record({ fn: fc.constant('training_save_paper'), args: fc.record({ p_enterprise_id: fc.constant(w.enterpriseId), p_settings: fc.record({
          title: fc.constant('卷'), mode: fc.constantFrom('fixed', 'random'), pass_score: junk, duration_minutes: junk, questions: junk, rules: junk,
          review_after_submit: junk,
        }) }) }),
        fc.record({ fn: fc.constant('training_assign_course'), args: fc.record({
          p_course_id: fc.constant(w.courseId), p_target: fc.oneof(junk, fc.constantFrom('member', 'department')), p_user_ids: fc.constant(null), p_department_id: fc.constant(null),
        }) }),
        fc.record({ fn: fc.constant('training_assign_course'), args: fc.record({
          p_course_id: fc.constant(w.courseId), p_target: fc.constant('everyone'), p_due_at: fc.constantFrom('2000-01-01T00:00:00Z', 'yesterday', 'x'),
        }) }),
        // archive: an unknown kind on a real course, or a real kind on an id that is none (p_archived stays a
        // real boolean: 0/1/'t' would be booleans to Postgres)
        fc.record({ fn: fc.constant('training_set_archived'), args: fc.record({
          p_kind: junk.filter((k) => typeof k !== 'string' || !['course', 'paper', 'question'].includes(k)), p_id: fc.constant(w.courseId), p_archived: fc.constant(true),
        }) }),
        fc.record({ fn: fc.constant('training_set_archived'), args: fc.record({
          p_kind: fc.constantFrom('course', 'paper', 'question'), p_id: fc.oneof(junk, fc.uuid()), p_archived: fc.constant(true),
        }) }),
      ),
      async ({ fn, args }) => expect4xx('admin', fn, args as Record<string, unknown>),
    ), { numRuns: RUNS * 4 });
    expect(await snapshot()).toEqual(before);
  });

  it('learners: progress, answers, submissions, leaderboard', async () => {
    const before = await snapshot();
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.record({ fn: fc.constant('training_report_progress'), args: fc.record({ p_lesson_id: fc.oneof(junk, fc.uuid()), p_position_seconds: junk }) }),
        fc.record({ fn: fc.constant('training_report_progress'), args: fc.record({ p_lesson_id: fc.constant(w.videoLessonId), p_position_seconds: fc.oneof(fc.constant(-1), fc.constant(86401), fc.double().filter((d) => !Number.isInteger(d)), fc.string().filter((t) => !/^\s*[+-]?[0-9]+\s*$/.test(t))) }) }),
        fc.record({ fn: fc.constant('training_save_answer'), args: fc.record({ p_attempt_id: fc.constant(attempt.id), p_position: fc.oneof(junk, fc.integer({ min: 6, max: 10_000 })), p_answer: fc.constant('A') }) }),
        fc.record({ fn: fc.constant('training_save_answer'), args: fc.record({
          p_attempt_id: fc.constant(attempt.id), p_position: fc.constantFrom(...attempt.questions.filter((q) => q.kind !== 'fill').map((q) => q.position)),
          p_answer: fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant(['Z']), fc.constant('x'.repeat(201)), fc.constant([['A']])),
        }) }),
        fc.record({ fn: fc.constant('training_submit_attempt'), args: fc.record({ p_attempt_id: fc.constant(attempt.id), p_answers: fc.oneof(
          fc.constant([1, 2]), fc.constant('x'), fc.constant({ 99: 'A' }), fc.constant({ '-1': 'A' }), fc.constant({ x: 'A' }), fc.constant({ [attempt.questions.find((q) => q.kind !== 'fill')!.position]: ['Z'] }),
        ) }) }),
        fc.record({ fn: fc.constantFrom('training_attempt', 'training_record_leave', 'training_submit_attempt'), args: fc.record({ p_attempt_id: fc.oneof(junk, fc.uuid()) }) }),
        fc.record({ fn: fc.constant('training_start_attempt'), args: fc.record({ p_paper_id: fc.oneof(junk, fc.uuid()) }) }),
        fc.record({ fn: fc.constant('training_leaderboard'), args: fc.record({ p_enterprise_id: fc.constant(w.enterpriseId), p_month: fc.constantFrom('2026-13-01', 'x', ''), p_department_id: fc.constant(null) }) }),
        fc.record({ fn: fc.constant('training_course_outline'), args: fc.record({ p_course_id: fc.oneof(junk, fc.uuid()) }) }),
      ),
      async ({ fn, args }) => expect4xx('learner', fn, args as Record<string, unknown>),
    ), { numRuns: RUNS * 4 });
    expect(await snapshot()).toEqual(before);
  });
});
