// Issue 16: during an attempt, a learner reads everything they can reach — every table and view of
// the exposed schema and every function in public, enumerated from the catalog (not from a list
// someone keeps) — and finds no answer key: neither the fill-in answers nor the explanations
// (distinctive markers), nor any field carrying a key.
import { callApi, sql } from '../support/clients';
import { THROWAWAY_TABLE_LIKE } from '../support/throwaway';
import { buildTrainingWorld, dropTrainingWorld, ok, publishPaper, type AttemptView, type TrainingWorld } from './support-training/fixture';

let w: TrainingWorld;
let paperId: string;
let attempt: AttemptView;
let secretQuestion: string;

const FILL_MARKER = 'zxsecretfill';
const EXPLANATION_MARKER = '解析暗号七三九';

// Functions a learner's probe must not call: they end the attempt, or change the learner's account
// in ways that would stop the probe (the rest are called, writes included).
const SKIP = new Set(['training_submit_attempt', 'training_record_leave', 'leave_enterprise', 'withdraw_consent',
  'withdraw_guardian_consent', 'create_enterprise', 'switch_enterprise']);

beforeAll(async () => {
  w = await buildTrainingWorld();
  secretQuestion = await ok<string>(w.admin, 'training_save_question', {
    p_enterprise_id: w.enterpriseId, p_kind: 'fill', p_stem: '本题的暗号是？', p_answer: [FILL_MARKER, `${FILL_MARKER}2`],
    p_category: '合规', p_explanation: EXPLANATION_MARKER,
  });
  w.questionIds.push(secretQuestion);
  for (const id of w.questionIds.slice(0, 4)) {
    await ok(w.admin, 'training_save_question', {
      p_enterprise_id: w.enterpriseId, p_question_id: id, p_kind: 'true_false', p_stem: `改写后的判断题${id.slice(0, 4)}`, p_answer: true,
      p_explanation: EXPLANATION_MARKER,
    });
  }
  paperId = await publishPaper(w, { reviewAfterSubmit: 'answers' });
  attempt = await ok<AttemptView>(w.learner, 'training_start_attempt', { p_paper_id: paperId });
});
afterAll(async () => {
  await dropTrainingWorld(w);
});

/** A value for each argument name, from the ids of this world (null for anything else). */
function argFor(name: string): unknown {
  const known: Record<string, unknown> = {
    p_enterprise_id: w.enterpriseId, p_course_id: w.courseId, p_paper_id: paperId, p_attempt_id: attempt.id,
    p_question_id: secretQuestion, p_lesson_id: w.textLessonId, p_position: 1, p_position_seconds: 0, p_department_id: null,
  };
  return name in known ? known[name] : null;
}

function findKeys(text: string): string[] {
  const found: string[] = [];
  if (text.toLowerCase().includes(FILL_MARKER)) found.push('fill-in answer');
  if (text.includes(EXPLANATION_MARKER)) found.push('explanation');
  if (/"(correct_answer|key|answer_key|explanation)"\s*:/.test(text)) found.push('key field');
  return found;
}

describe('no answer key reaches a learner during an attempt', () => {
  it('the attempt itself carries the questions and nothing of the keys', async () => {
    expect(attempt.questions).toHaveLength(5);
    expect(findKeys(JSON.stringify(attempt))).toEqual([]);
  });

  it('every table and view in public', async () => {
    const rels = await sql<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname not like $1 order by 1`, [THROWAWAY_TABLE_LIKE]);
    expect(rels.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { name } of rels) {
      const res = await callApi(`/rest/v1/${name}?select=*`, { method: 'GET', token: w.learner.token });
      expect({ name, status: res.status < 500 }).toEqual({ name, status: true });
      for (const k of findKeys(JSON.stringify(res.body))) leaks.push(`${name}: ${k}`);
    }
    expect(leaks).toEqual([]);
  });

  it('every function in public, called with this attempt’s ids', async () => {
    const fns = await sql<{ name: string; args: string[] | null }>(
      `select p.proname as name, p.proargnames as args from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1`);
    expect(fns.length).toBeGreaterThan(80);
    const leaks: string[] = [];
    let called = 0;
    for (const f of fns) {
      if (SKIP.has(f.name)) continue;
      const body = Object.fromEntries((f.args ?? []).filter((a) => a.startsWith('p_')).map((a) => [a, argFor(a)]));
      const res = await callApi(`/rest/v1/rpc/${f.name}`, { token: w.learner.token, body });
      called++;
      for (const k of findKeys(JSON.stringify(res.body))) leaks.push(`${f.name}: ${k}`);
    }
    expect(called).toBeGreaterThan(70);
    expect(leaks).toEqual([]);
    // the probe left the attempt running
    expect((await ok<AttemptView>(w.learner, 'training_attempt', { p_attempt_id: attempt.id })).status).toBe('in_progress');
  });

  it('after submitting, the review policy ("answers") shows the keys: the probe would have seen them', async () => {
    const r = await ok<AttemptView>(w.learner, 'training_submit_attempt', { p_attempt_id: attempt.id });
    expect(findKeys(JSON.stringify(r))).toContain('key field');
  });
});
