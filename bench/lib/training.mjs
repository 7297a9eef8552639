// Training figures (issue 16): grading a 100-question attempt in the database, progress reports
// from many learners, and concurrent submissions through the API (0 errors, each graded once).
// Arranged as the superuser in a throwaway enterprise (removed at the end); measured as the
// learners, in transactions opened the way PostgREST opens them (role, JWT claims, pre-request).
import { memberJwt } from './api.mjs';
import { msSince, percentile } from './stats.mjs';

const ENT = 'b7a10000-0000-4000-8000-000000000001';
const uid = (i) => `b7a1${String(i).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;

async function asLearner(client, userId, fn) {
  await client.query('begin');
  try {
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' })]);
    await client.query('select hooks.begin_request()');
    return await fn();
  } finally {
    await client.query('commit');
  }
}

async function arrange(client, learners) {
  await client.query('delete from public.enterprises where id = $1', [ENT]);
  await client.query(`delete from auth.users where id::text like 'b7a1%'`);
  await client.query(
    `insert into public.enterprises (id, name, industry, size_band, edition, contact_name, contact_phone, join_rule)
     values ($1, '培训压测企业', '软件', '200-999', 'professional', '压测', '8613800000001', 'invite')`, [ENT]);
  await client.query(
    `insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', ('b7a1' || lpad(g::text, 4, '0') || '-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
            'authenticated', 'authenticated', '8616' || lpad(g::text, 9, '0'), now(), '{"provider":"phone","providers":["phone"]}'::jsonb,
            jsonb_build_object('display_name', '学员' || g), now(), now()
       from generate_series(0, $1) g`, [learners]);
  await client.query(`update private.accounts set birth_date = date '1990-01-01', birth_date_set_at = now() where user_id::text like 'b7a1%'`);
  await client.query(
    `insert into public.consents (user_id, document_id, version_id, channel, consented_by)
     select u.id, cv.document_id, cv.version_id, 'h5', 'self'
       from auth.users u cross join private.current_versions() cv
       join public.agreement_documents d on d.id = cv.document_id and d.required and d.audience = 'everyone'
      where u.id::text like 'b7a1%'`);
  await client.query(
    `insert into public.enterprise_members (enterprise_id, user_id, role, display_name)
     select $1, u.id, case when u.id = $2::uuid then 'admin' else 'member' end::public.member_role, '学员' from auth.users u where u.id::text like 'b7a1%'`, [ENT, uid(0)]);
  // 100 questions (25 of each kind), their keys, a fixed paper of all of them; a course with a video
  await client.query(
    `with q as (
       insert into public.training_questions (enterprise_id, kind, stem, options, category)
       select $1, k.kind, '压测题' || g, case k.kind when 'fill' then '[]'::jsonb when 'true_false' then '[{"id":"T","text":"正确"},{"id":"F","text":"错误"}]'
                                           else '[{"id":"A","text":"甲"},{"id":"B","text":"乙"},{"id":"C","text":"丙"},{"id":"D","text":"丁"}]' end, '压测'
         from generate_series(1, 100) g cross join lateral (select (array['single','multiple','true_false','fill'])[1 + g % 4] as kind) k
       returning id, kind)
     insert into private.training_question_keys (question_id, answer)
     select id, case kind when 'single' then '["B"]' when 'multiple' then '["A","C"]' when 'true_false' then '["T"]' else '["2fa","mfa"]' end::jsonb from q`, [ENT]);
  const paper = await client.query(
    `insert into public.training_papers (enterprise_id, title, total_score, pass_score, duration_minutes, shuffle_questions, shuffle_options, status)
     values ($1, '压测试卷', 100, 60, 120, true, true, 'published') returning id`, [ENT]);
  const paperId = paper.rows[0].id;
  await client.query(
    `insert into public.training_paper_questions (paper_id, question_id, enterprise_id, score, position)
     select $1, id, $2, 1, row_number() over (order by stem) from public.training_questions where enterprise_id = $2`, [paperId, ENT]);
  const lesson = await client.query(
    `with c as (insert into public.training_courses (enterprise_id, title, status) values ($1, '压测课程', 'published') returning id),
          ch as (insert into public.training_chapters (enterprise_id, course_id, title) select $1, id, '章' from c returning id, course_id)
     insert into public.training_lessons (enterprise_id, course_id, chapter_id, title, kind, video_path, video_seconds)
     select $1, course_id, id, '视频', 'video', $1 || '/v.mp4', 1800 from ch returning id`, [ENT]);
  await client.query('analyze public.training_questions, public.training_attempts, public.training_lesson_progress, private.training_attempt_items');
  return { paperId, lessonId: lesson.rows[0].id };
}

/** Answers every item of an attempt (about three in four right), as the learner's saves would. */
async function answerAll(client, attemptId) {
  await client.query(
    `update private.training_attempt_items set answer = case when position % 4 = 0 then '["D"]'::jsonb
       when kind = 'fill' then '["２ＦＡ"]'::jsonb else key end where attempt_id = $1`, [attemptId]);
}

async function startAttempt(client, userId, paperId) {
  return asLearner(client, userId, async () => (await client.query('select public.training_start_attempt($1) ->> $2 as id', [paperId, 'id'])).rows[0].id);
}

export async function trainingFigures({ client, env, iterations, learners, concurrent, add, note }) {
  const section = 'Training: exams and progress';
  const { paperId, lessonId } = await arrange(client, Math.max(learners, concurrent));
  try {
    // --- grading a 100-question attempt (the submit call, row lock and grading included) ---------
    const grade = [];
    const warmup = 5;
    for (let i = 0; i < warmup + iterations; i++) {
      const id = await startAttempt(client, uid(1), paperId);
      await answerAll(client, id);
      const ms = await asLearner(client, uid(1), async () => {
        const t = process.hrtime.bigint();
        await client.query('select public.training_submit_attempt($1)', [id]);
        return msSince(t);
      });
      if (i >= warmup) grade.push(ms);
    }
    const { rows: check } = await client.query(
      `select count(*)::int as n, min(score) as lo, max(score) as hi from public.training_attempts where paper_id = $1 and user_id = $2`, [paperId, uid(1)]);
    add({
      section, name: 'training.grade_100.p95', value: percentile(grade, 95), unit: 'ms', budget: 30,
      source: `public.training_submit_attempt on a 100-question attempt (25 of each kind, answers saved), as the learner in a PostgREST-shaped transaction; ${iterations} runs after ${warmup} warm-up, client-side statement time`,
      note: `p50 ${percentile(grade, 50).toFixed(2)} ms; ${check[0].n} attempts graded, scores ${check[0].lo}–${check[0].hi} of 100`,
    });

    // --- progress reports from many learners --------------------------------------------------
    const progress = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= learners; i++) {
        const ms = await asLearner(client, uid(i), async () => {
          const t = process.hrtime.bigint();
          await client.query('select public.training_report_progress($1, $2)', [lessonId, 10 + round * 10]);
          return msSince(t);
        });
        progress.push(ms);
      }
    }
    add({
      section, name: 'training.progress_report.p95', value: percentile(progress, 95), unit: 'ms', budget: 20,
      source: `public.training_report_progress (video, wall-time check) from ${learners} learners, two reports each (first creates the row), as each learner`,
      note: `p50 ${percentile(progress, 50).toFixed(2)} ms; ${learners} learners a minute need ${(learners / 60).toFixed(1)} reports/s, one connection sustains ${(1000 / percentile(progress, 50)).toFixed(0)}/s`,
    });

    // --- concurrent submissions through the API ---------------------------------------------------
    const ids = [];
    for (let i = 1; i <= concurrent; i++) {
      const id = await startAttempt(client, uid(i), paperId);
      await answerAll(client, id);
      ids.push([i, id]);
    }
    const url = `${env.SUPABASE_URL}/rest/v1/rpc/training_submit_attempt`;
    const t = process.hrtime.bigint();
    // every attempt submitted twice at once (a double tap): 2 × concurrent requests in flight
    const results = await Promise.all(ids.flatMap(([i, id]) => [0, 1].map(async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { apikey: env.SUPABASE_ANON_KEY, authorization: `Bearer ${memberJwt(uid(i), env.STACK_JWT_SECRET)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ p_attempt_id: id }),
      });
      const body = await res.json().catch(() => null);
      return { id, status: res.status, result: JSON.stringify(body?.result ?? null) };
    })));
    const wallMs = msSince(t);
    const errors = results.filter((r) => r.status !== 200).length;
    const differing = ids.filter(([, id]) => new Set(results.filter((r) => r.id === id).map((r) => r.result)).size !== 1).length;
    const { rows: graded } = await client.query(
      `select count(*) filter (where status = 'submitted')::int as submitted, count(*)::int as n from public.training_attempts where id = any($1::uuid[])`,
      [ids.map(([, id]) => id)]);
    add({
      section, name: 'training.submit_concurrent.errors', value: errors + differing, unit: 'count', budget: 0, digits: 0,
      source: `${concurrent} attempts, each submitted twice at once through the gateway (${results.length} requests in flight), each learner with their own JWT`,
      note: `${errors} non-200 answers; ${differing} attempts whose two answers differed; ${graded[0].submitted}/${graded[0].n} graded; wall ${(wallMs / 1000).toFixed(2)} s`,
    });
    note(section, 'Arranged in a throwaway enterprise (100 questions, 25 of each kind; a 30-minute video lesson), removed afterwards.');
  } finally {
    await client.query('delete from public.enterprises where id = $1', [ENT]);
    await client.query(`delete from auth.users where id::text like 'b7a1%'`);
  }
}
