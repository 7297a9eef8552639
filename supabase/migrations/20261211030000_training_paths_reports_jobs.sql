-- =============================================================================
-- Training, second part (issue 16): learning paths, question import with an error per row,
-- paper reports (score distribution, question difficulty), a CSV of a course's learners, the
-- scheduled job (deadline reminders, overdue notices, late attempts graded), and closed
-- enterprises hiding their training rows.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Learning paths: courses in order
-- -----------------------------------------------------------------------------
create table public.training_paths (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  title text not null constraint training_paths_title_length check (char_length(btrim(title)) between 1 and 80),
  summary text not null default '' constraint training_paths_summary_length check (char_length(summary) <= 1000),
  status text not null default 'draft' constraint training_paths_status_valid check (status in ('draft', 'published')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.training_paths enable row level security;
create index training_paths_enterprise_idx on public.training_paths (enterprise_id, status);
create index training_paths_status_idx on public.training_paths (status, enterprise_id);

create table public.training_path_courses (
  path_id uuid not null references public.training_paths (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  position integer not null,
  primary key (path_id, course_id)
);
alter table public.training_path_courses enable row level security;
create index training_path_courses_course_idx on public.training_path_courses (course_id);
create index training_path_courses_enterprise_idx on public.training_path_courses (enterprise_id);

select private.refuse_writes_when_inactive('public.training_paths');

revoke all on public.training_paths, public.training_path_courses from anon, authenticated;
grant select on public.training_paths, public.training_path_courses to authenticated;

create policy "Members read published paths; training managers read all of theirs"
  on public.training_paths for select to authenticated
  using (enterprise_id in (select private.training_manager_ids())
         or (status = 'published' and enterprise_id in (select private.my_enterprise_ids())));

create policy "Members read the courses of published paths; training managers read all of theirs"
  on public.training_path_courses for select to authenticated
  using (enterprise_id in (select private.training_manager_ids())
         or (enterprise_id in (select private.my_enterprise_ids())
             and exists (select 1 from public.training_paths p where p.id = path_id and p.status = 'published')));

-- -----------------------------------------------------------------------------
-- Closed enterprises: nothing of their training is readable (as 20261206040000_platform_ops.sql
-- does for the directory tables); the RPCs refuse on their own (training_assert_learner).
-- -----------------------------------------------------------------------------
do $$
declare
  t text;
begin
  foreach t in array array['training_courses', 'training_chapters', 'training_lessons', 'training_assignments',
    'training_lesson_progress', 'training_course_completions', 'training_questions', 'training_papers',
    'training_paper_questions', 'training_paper_rules', 'training_attempts', 'training_certificates', 'training_points',
    'training_paths', 'training_path_courses'] loop
    execute format(
      'create policy "Nothing of a closed enterprise is readable but the enterprise itself" on public.%I as restrictive for select to authenticated '
      'using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]))', t);
  end loop;
end;
$$;

-- -----------------------------------------------------------------------------
-- Notices sent by the scheduled job
-- -----------------------------------------------------------------------------
insert into public.notification_kinds (kind, domain, mandatory, label, sort_order) values
  ('training_due_soon', 'training', false, '学习截止提醒', 220),
  ('training_overdue',  'training', false, '学习逾期提醒', 230);

create table private.training_reminders_sent (
  user_id uuid not null references auth.users (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  kind text not null,
  due_at timestamptz not null,
  sent_at timestamptz not null default now(),
  primary key (user_id, course_id, kind, due_at)
);
create index training_reminders_sent_course_idx on private.training_reminders_sent (course_id);

-- -----------------------------------------------------------------------------
-- Managers: paths
-- -----------------------------------------------------------------------------
create or replace function private.training_save_path(p_enterprise_id uuid, p_title text, p_course_ids uuid[], p_path_id uuid default null,
  p_summary text default '', p_publish boolean default false)
returns uuid language plpgsql security definer set search_path = ''
as $$
declare
  v_title text := private.clean_text(p_title, 1, 80);
  v_id uuid;
begin
  perform private.training_assert_manager(p_enterprise_id);
  perform private.assert_not_restricted();
  perform private.assert_enterprise_writable(p_enterprise_id);
  if v_title is null then
    raise exception using errcode = '22023', message = 'title_invalid', hint = '标题须为1到80个字';
  end if;
  if char_length(coalesce(p_summary, '')) > 1000 then
    raise exception using errcode = '22023', message = 'summary_too_long', hint = '简介不能超过1000字';
  end if;
  if coalesce(cardinality(p_course_ids), 0) not between 1 and 50
     or (select count(distinct c) from unnest(p_course_ids) c) <> cardinality(p_course_ids)
     or exists (select 1 from unnest(p_course_ids) c
                 where c is null or not exists (select 1 from public.training_courses tc where tc.id = c and tc.enterprise_id = p_enterprise_id)) then
    raise exception using errcode = '22023', message = 'courses_invalid', hint = '请按顺序选择1到50门本企业的课程，不能重复';
  end if;
  if p_path_id is null then
    insert into public.training_paths (enterprise_id, title, summary) values (p_enterprise_id, v_title, coalesce(p_summary, ''))
    returning id into v_id;
  else
    update public.training_paths p set title = v_title, summary = coalesce(p_summary, ''), updated_at = now()
     where p.id = p_path_id and p.enterprise_id = p_enterprise_id returning p.id into v_id;
    if v_id is null then
      perform private.training_not_found('path');
    end if;
  end if;
  if coalesce(p_publish, false) then
    update public.training_paths set status = 'published' where id = v_id;
  end if;
  delete from public.training_path_courses where path_id = v_id;
  insert into public.training_path_courses (path_id, course_id, enterprise_id, position)
  select v_id, c, p_enterprise_id, ord::integer from unnest(p_course_ids) with ordinality u(c, ord);
  return v_id;
end;
$$;

-- A path as its learner sees it: the published courses in order, each with its completion, and
-- the next one to take (the first not completed).
create or replace function private.training_path_outline(p_path_id uuid)
returns jsonb language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_path public.training_paths;
  v_courses jsonb;
begin
  perform private.assert_cleared();
  select * into v_path from public.training_paths p where p.id = p_path_id;
  if v_path.id is null or not private.is_member(v_path.enterprise_id)
     or (v_path.status <> 'published' and not private.has_scope(v_path.enterprise_id, 'training')) then
    perform private.training_not_found('path');
  end if;
  perform private.training_assert_learner(v_path.enterprise_id);
  select coalesce(jsonb_agg(jsonb_build_object('course_id', c.id, 'title', c.title, 'category', c.category, 'required', c.required,
                                               'completed', cc.completed_at is not null) order by pc.position), '[]'::jsonb)
    into v_courses
    from public.training_path_courses pc
    join public.training_courses c on c.id = pc.course_id and c.status = 'published'
    left join public.training_course_completions cc on cc.course_id = c.id and cc.user_id = v_uid
   where pc.path_id = p_path_id;
  return jsonb_build_object('id', v_path.id, 'title', v_path.title, 'summary', v_path.summary, 'courses', v_courses,
    'next_course_id', (select x ->> 'course_id' from jsonb_array_elements(v_courses) x where not (x ->> 'completed')::boolean limit 1));
end;
$$;

-- -----------------------------------------------------------------------------
-- Managers: question import (rows parsed from CSV/XLSX by the app). All or nothing: with any bad
-- row nothing is imported and every bad row is reported with its number and the reason.
-- Row: {kind: 单选|多选|判断|填空 (or single|multiple|true_false|fill), stem, options ("甲|乙|丙" or an
-- array), answer ("B" / "A,C" / 正确|错误 / "2FA|MFA"), category, difficulty, tags ("a|b"), explanation}
-- -----------------------------------------------------------------------------
create or replace function private.training_import_questions(p_enterprise_id uuid, p_rows jsonb)
returns jsonb language plpgsql security definer set search_path = ''
as $$
declare
  r jsonb;
  i integer := 0;
  v_kind text;
  v_options jsonb;
  v_answer jsonb;
  v_text text;
  v_errors jsonb := '[]'::jsonb;
  v_message text;
  v_hint text;
  v_count integer := 0;
begin
  perform private.training_assert_manager(p_enterprise_id);
  perform private.assert_enterprise_writable(p_enterprise_id);
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) not between 1 and 1000 then
    raise exception using errcode = '22023', message = 'rows_invalid', hint = '一次导入1到1000道题';
  end if;
  begin
    for r in select x from jsonb_array_elements(p_rows) x loop
      i := i + 1;
      begin
        if jsonb_typeof(r) <> 'object' then
          raise exception using errcode = '22023', message = 'row_invalid', hint = '这一行不是有效的题目';
        end if;
        v_kind := case btrim(coalesce(r ->> 'kind', ''))
          when '单选' then 'single' when '单选题' then 'single' when '多选' then 'multiple' when '多选题' then 'multiple'
          when '判断' then 'true_false' when '判断题' then 'true_false' when '填空' then 'fill' when '填空题' then 'fill'
          else lower(btrim(coalesce(r ->> 'kind', ''))) end;
        v_options := case jsonb_typeof(r -> 'options')
          when 'array' then r -> 'options'
          when 'string' then (select coalesce(jsonb_agg(btrim(o) order by ord), '[]'::jsonb)
                                from unnest(string_to_array(r ->> 'options', '|')) with ordinality u(o, ord) where btrim(o) <> '')
          else '[]'::jsonb end;
        v_text := btrim(coalesce(r ->> 'answer', ''));
        v_answer := case
          when v_kind = 'true_false' and jsonb_typeof(r -> 'answer') = 'boolean' then r -> 'answer'
          when v_kind = 'true_false' then to_jsonb(case when lower(v_text) in ('正确', '对', 'true', 't', '√', 'yes') then true
                                                         when lower(v_text) in ('错误', '错', 'false', 'f', '×', 'no') then false end)
          when jsonb_typeof(r -> 'answer') = 'array' then r -> 'answer'
          when v_kind = 'fill' then (select coalesce(jsonb_agg(btrim(a)), '[]'::jsonb) from unnest(string_to_array(v_text, '|')) a where btrim(a) <> '')
          else (select coalesce(jsonb_agg(upper(btrim(a))), '[]'::jsonb)
                  from unnest(regexp_split_to_array(v_text, '\s*[,，、|]\s*|(?<=[A-Za-z])(?=[A-Za-z])')) a where btrim(a) <> '') end;
        if (r ->> 'difficulty') is not null and (r ->> 'difficulty') !~ '^\s*[1-5]\s*$' then
          raise exception using errcode = '22023', message = 'difficulty_invalid', hint = '难度须为1到5';
        end if;
        perform private.training_save_question(p_enterprise_id, v_kind, r ->> 'stem', v_answer, v_options, null,
          btrim(coalesce(r ->> 'category', '')), coalesce(btrim(r ->> 'difficulty')::integer, 2),
          case when jsonb_typeof(r -> 'tags') = 'array' then array(select jsonb_array_elements_text(r -> 'tags'))
               else array(select btrim(t) from unnest(string_to_array(coalesce(r ->> 'tags', ''), '|')) t where btrim(t) <> '') end,
          coalesce(r ->> 'explanation', ''));
        v_count := v_count + 1;
      exception when others then
        get stacked diagnostics v_message = message_text, v_hint = pg_exception_hint;
        v_errors := v_errors || jsonb_build_object('row', i, 'code', v_message, 'message', coalesce(nullif(v_hint, ''), '这一行无法导入'));
      end;
    end loop;
    if jsonb_array_length(v_errors) > 0 then
      -- undo the good rows too: an import is all or nothing
      raise exception using errcode = 'ZXI01', message = 'import_rolled_back';
    end if;
  exception when sqlstate 'ZXI01' then
    v_count := 0;
  end;
  return jsonb_build_object('imported', v_count, 'errors', v_errors);
end;
$$;

-- -----------------------------------------------------------------------------
-- Managers: a paper's results (score distribution in tenths of the total, each question's
-- correct rate: the difficulty learners met) and a course's learners as CSV
-- -----------------------------------------------------------------------------
create or replace function private.training_paper_report(p_paper_id uuid)
returns jsonb language plpgsql stable security definer set search_path = ''
as $$
declare
  v_paper public.training_papers;
begin
  perform private.assert_cleared();
  select * into v_paper from public.training_papers p where p.id = p_paper_id;
  if v_paper.id is null or not private.has_scope(v_paper.enterprise_id, 'training') then
    perform private.training_not_found('paper');
  end if;
  perform private.training_assert_learner(v_paper.enterprise_id);
  return jsonb_build_object(
    'attempts', (select count(*) from public.training_attempts a where a.paper_id = p_paper_id and a.status = 'submitted'),
    'learners', (select count(distinct a.user_id) from public.training_attempts a where a.paper_id = p_paper_id and a.status = 'submitted'),
    'passed', (select count(distinct a.user_id) from public.training_attempts a where a.paper_id = p_paper_id and a.passed),
    'distribution', (
      select jsonb_agg(jsonb_build_object('from_percent', b * 10, 'to_percent', b * 10 + 10,
               'count', (select count(*) from public.training_attempts a
                          where a.paper_id = p_paper_id and a.status = 'submitted'
                            and least(9, floor(a.score * 10.0 / nullif(a.total_score, 0)))::integer = b)) order by b)
        from generate_series(0, 9) b),
    'questions', coalesce((
      select jsonb_agg(jsonb_build_object('question_id', x.question_id, 'stem', x.stem, 'answered', x.answered,
                                          'correct_rate', round(x.correct::numeric / nullif(x.answered, 0), 3)) order by x.correct::numeric / nullif(x.answered, 0) nulls last, x.stem)
        from (select i.question_id, min(i.stem) as stem, count(*) as answered, count(*) filter (where i.earned = i.score) as correct
                from private.training_attempt_items i
                join public.training_attempts a on a.id = i.attempt_id
               where a.paper_id = p_paper_id and a.status = 'submitted'
               group by i.question_id) x), '[]'::jsonb));
end;
$$;

create or replace function private.training_csv_field(p_value text)
returns text language sql immutable set search_path = ''
as $$
  -- quoted, quotes doubled; a leading = + - @ is neutralised so spreadsheets don't run it as a formula
  select '"' || replace(case when coalesce(p_value, '') ~ '^[=+\-@]' then '''' || p_value else coalesce(p_value, '') end, '"', '""') || '"';
$$;

create or replace function private.training_course_csv(p_course_id uuid)
returns text language plpgsql stable security definer set search_path = ''
as $$
declare
  v_course public.training_courses;
begin
  perform private.assert_cleared();
  select * into v_course from public.training_courses c where c.id = p_course_id;
  if v_course.id is null or not private.has_scope(v_course.enterprise_id, 'training') then
    perform private.training_not_found('course');
  end if;
  perform private.training_assert_learner(v_course.enterprise_id);
  return E'\uFEFF' || '姓名,工号,部门,截止时间,完成时间,状态,已学课时,最高分,是否通过' || E'\n' || coalesce((
    select string_agg(concat_ws(',',
             private.training_csv_field(coalesce(nullif(m.display_name, ''), '成员')),
             private.training_csv_field(m.employee_no),
             private.training_csv_field(dp.name),
             private.training_csv_field(to_char(d.due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')),
             private.training_csv_field(to_char(cc.completed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')),
             private.training_csv_field(case when cc.completed_at is not null then '已完成'
                                             when d.due_at < now() then '已逾期' else '学习中' end),
             (select count(*) from public.training_lesson_progress p
               where p.course_id = p_course_id and p.user_id = m.user_id and p.completed_at is not null)::text,
             coalesce((select max(a.score) from public.training_attempts a join public.training_papers pp on pp.id = a.paper_id
                        where pp.course_id = p_course_id and a.user_id = m.user_id and a.status = 'submitted')::text, ''),
             case when exists (select 1 from public.training_attempts a join public.training_papers pp on pp.id = a.paper_id
                                where pp.course_id = p_course_id and a.user_id = m.user_id and a.passed) then '是' else '否' end),
           E'\n' order by dp.name nulls last, m.display_name)
      from public.enterprise_members m
      cross join lateral private.training_my_course_deadlines(v_course.enterprise_id, m.user_id) d
      left join public.departments dp on dp.id = m.department_id
      left join public.training_course_completions cc on cc.course_id = p_course_id and cc.user_id = m.user_id
     where m.enterprise_id = v_course.enterprise_id and d.course_id = p_course_id), '') || E'\n';
end;
$$;

-- -----------------------------------------------------------------------------
-- The scheduled job (hosted: pg_cron every few minutes; locally tools/local-stack/jobs.ts):
-- reminders a day before a deadline, one overdue notice after it (each once per person, course and
-- deadline), and attempts past their deadline submitted and graded, so reports never wait for the
-- learner to come back.
-- -----------------------------------------------------------------------------
create or replace function private.training_run_jobs()
returns jsonb language plpgsql security definer set search_path = ''
as $$
declare
  v_graded integer := 0;
  v_soon integer;
  v_overdue integer;
  v_id uuid;
begin
  for v_id in
    select a.id from public.training_attempts a
      join public.enterprises e on e.id = a.enterprise_id and e.status = 'normal'
     where a.status = 'in_progress' and a.deadline_at <= now()
     order by a.deadline_at limit 500
       for update of a skip locked
  loop
    perform private.training_finish_attempt(v_id, 'deadline');
    v_graded := v_graded + 1;
  end loop;

  with due as (
    select m.enterprise_id, m.user_id, c.id as course_id, d.due_at, c.title
      from public.enterprise_members m
      -- no reminders where the edition has no training (a basic enterprise, or one moved down)
      join public.enterprises e on e.id = m.enterprise_id and e.status = 'normal' and private.has_feature(e.id, 'training')
     cross join lateral private.training_my_course_deadlines(m.enterprise_id, m.user_id) d
      join public.training_courses c on c.id = d.course_id and c.status = 'published'
     where m.enterprise_id in (select a.enterprise_id from public.training_assignments a
                                where a.due_at is not null and a.due_at < now() + interval '1 day' and a.due_at > now() - interval '30 days')
       and d.due_at is not null and d.due_at < now() + interval '1 day' and d.due_at > now() - interval '30 days'
       and not exists (select 1 from public.training_course_completions cc where cc.user_id = m.user_id and cc.course_id = c.id)
  ), fresh as (
    insert into private.training_reminders_sent (user_id, course_id, kind, due_at)
    select user_id, course_id, case when due_at > now() then 'due_soon' else 'overdue' end, due_at from due
    on conflict do nothing
    returning user_id, course_id, kind, due_at
  ), sent as (
    insert into public.notifications (user_id, kind, title, body, data)
    select f.user_id, 'training_' || f.kind,
           case f.kind when 'due_soon' then '学习任务即将截止' else '学习任务已逾期' end,
           '《' || z.title || '》' || case f.kind when 'due_soon' then '将于' else '已于' end
             || to_char(f.due_at at time zone 'Asia/Shanghai', 'MM月DD日 HH24:MI') || '截止，请尽快完成',
           jsonb_build_object('enterprise_id', z.enterprise_id, 'course_id', f.course_id)
      from fresh f join due z on z.user_id = f.user_id and z.course_id = f.course_id
    returning kind
  )
  select count(*) filter (where kind = 'training_due_soon'), count(*) filter (where kind = 'training_overdue')
    into v_soon, v_overdue from sent;
  return jsonb_build_object('graded', v_graded, 'due_soon', v_soon, 'overdue', v_overdue);
end;
$$;

-- -----------------------------------------------------------------------------
-- Privileges and the API
-- -----------------------------------------------------------------------------
revoke execute on function private.training_csv_field(text) from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['training_save_path', 'training_path_outline', 'training_import_questions',
  'training_paper_report', 'training_course_csv'], p_service => array['training_run_jobs']);
