-- =============================================================================
-- Training (issue 16): courses, assignments, progress, question bank, papers, attempts,
-- certificates and points. Tables, read policies and policy helpers; the rules (writes, grading)
-- are in 20261211020000_training_rpcs.sql.
--
-- Where the answer keys live: private.training_question_keys (the bank's keys) and
-- private.training_attempt_items (each attempt's frozen questions, option order, the learner's
-- answers and a frozen copy of the keys). Client roles have no privilege on schema private's
-- tables, so no route (table, view, RPC) reaches a key except the RPCs that check the review
-- policy (learners) or the training scope (managers).
--
-- Who manages: enterprise admins and members holding the 'training' scope where the edition has
-- manager roles (private.has_scope, the same rule as every other scope).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Policy helper: the enterprises where the caller manages training
-- -----------------------------------------------------------------------------
create or replace function private.training_manager_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
begin
  -- plpgsql, not sql: a policy's helper must not be re-planned on every statement (schema-lint)
  return query select private.my_scoped_enterprise_ids('training');
end $$;
revoke execute on function private.training_manager_ids() from public, anon;
grant execute on function private.training_manager_ids() to authenticated;

-- -----------------------------------------------------------------------------
-- Courses → chapters → lessons
-- -----------------------------------------------------------------------------
create table public.training_courses (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  title text not null constraint training_courses_title_length check (char_length(btrim(title)) between 1 and 80),
  summary text not null default '' constraint training_courses_summary_length check (char_length(summary) <= 1000),
  category text not null default '' constraint training_courses_category_length check (char_length(category) <= 30),
  cover_path text constraint training_courses_cover_length check (char_length(cover_path) <= 500),
  required boolean not null default false,
  status text not null default 'draft' constraint training_courses_status_valid check (status in ('draft', 'published', 'archived')),
  -- points for finishing the whole course
  points integer not null default 0 constraint training_courses_points_range check (points between 0 and 1000),
  -- video lessons: a learner may not seek past the furthest point watched (progress reports are
  -- clamped to it on the server); off lets them skip ahead, while completion still needs real time
  limit_seeking boolean not null default true,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
alter table public.training_courses enable row level security;
create index training_courses_enterprise_idx on public.training_courses (enterprise_id, status);
create index training_courses_status_idx on public.training_courses (status, enterprise_id);
create index training_courses_created_by_idx on public.training_courses (created_by);

create table public.training_chapters (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  title text not null constraint training_chapters_title_length check (char_length(btrim(title)) between 1 and 80),
  sort_order integer not null default 0,
  created_at timestamptz not null default now()
);
alter table public.training_chapters enable row level security;
create index training_chapters_course_idx on public.training_chapters (course_id, sort_order);
create index training_chapters_enterprise_idx on public.training_chapters (enterprise_id);

create table public.training_lessons (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  chapter_id uuid not null references public.training_chapters (id) on delete cascade,
  title text not null constraint training_lessons_title_length check (char_length(btrim(title)) between 1 and 80),
  kind text not null constraint training_lessons_kind_valid check (kind in ('text', 'video', 'document')),
  -- Rich text as a Quill Delta ({"ops": [...]}), the format both the weapp <editor> and Quill 2
  -- on H5 produce, plus its plain text (search, previews, reading without a renderer).
  body_delta jsonb constraint training_lessons_delta_shape check (body_delta is null or jsonb_typeof(body_delta -> 'ops') = 'array'),
  body_text text not null default '' constraint training_lessons_text_length check (char_length(body_text) <= 100000),
  video_path text constraint training_lessons_video_length check (char_length(video_path) <= 500),
  video_seconds integer constraint training_lessons_video_seconds check (video_seconds between 1 and 86400),
  document_path text constraint training_lessons_document_length check (char_length(document_path) <= 500),
  -- The objects of bucket `training` a text lesson's Delta shows as images (`<enterprise>/images/…`),
  -- written by training_save_lesson from the Delta's image inserts (`training/<object>` there): the
  -- list private.training_media_readable looks an image up in. Empty for video and document lessons.
  image_paths text[] not null default '{}',
  sort_order integer not null default 0,
  points integer not null default 1 constraint training_lessons_points_range check (points between 0 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint training_lessons_kind_content check (
    (kind = 'text' and body_delta is not null)
    or (kind = 'video' and video_path is not null and video_seconds is not null)
    or (kind = 'document' and document_path is not null))
);
alter table public.training_lessons enable row level security;
create index training_lessons_course_idx on public.training_lessons (course_id, sort_order);
create index training_lessons_chapter_idx on public.training_lessons (chapter_id, sort_order);
create index training_lessons_enterprise_idx on public.training_lessons (enterprise_id);

-- -----------------------------------------------------------------------------
-- Assignments: to members, a department (with its sub-departments) or everyone
-- -----------------------------------------------------------------------------
create table public.training_assignments (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  target text not null constraint training_assignments_target_valid check (target in ('everyone', 'department', 'member')),
  department_id uuid references public.departments (id) on delete cascade,
  user_id uuid references auth.users (id) on delete cascade,
  due_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint training_assignments_target_shape check (
    (target = 'everyone' and department_id is null and user_id is null)
    or (target = 'department' and department_id is not null and user_id is null)
    or (target = 'member' and user_id is not null and department_id is null))
);
alter table public.training_assignments enable row level security;
create index training_assignments_enterprise_idx on public.training_assignments (enterprise_id, course_id);
create index training_assignments_course_idx on public.training_assignments (course_id);
create index training_assignments_department_idx on public.training_assignments (department_id);
create index training_assignments_user_idx on public.training_assignments (user_id);
create index training_assignments_created_by_idx on public.training_assignments (created_by);

-- -----------------------------------------------------------------------------
-- Progress per lesson (resume position; video progress checked against wall time) and course
-- completions
-- -----------------------------------------------------------------------------
create table public.training_lesson_progress (
  user_id uuid not null references auth.users (id) on delete cascade,
  lesson_id uuid not null references public.training_lessons (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  -- where to resume (never past watched_seconds for a video)
  position_seconds integer not null default 0 constraint training_progress_position check (position_seconds >= 0),
  -- the furthest point reached at no more than real time
  watched_seconds integer not null default 0 constraint training_progress_watched check (watched_seconds >= 0),
  started_at timestamptz not null default now(),
  last_report_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (user_id, lesson_id)
);
alter table public.training_lesson_progress enable row level security;
create index training_progress_lesson_idx on public.training_lesson_progress (lesson_id);
create index training_progress_enterprise_idx on public.training_lesson_progress (enterprise_id, course_id);
create index training_progress_course_idx on public.training_lesson_progress (course_id, user_id);

create table public.training_course_completions (
  user_id uuid not null references auth.users (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  completed_at timestamptz not null default now(),
  primary key (user_id, course_id)
);
alter table public.training_course_completions enable row level security;
create index training_completions_course_idx on public.training_course_completions (course_id);
create index training_completions_enterprise_idx on public.training_course_completions (enterprise_id);

-- -----------------------------------------------------------------------------
-- Question bank (what a manager reads) and its keys (private)
-- -----------------------------------------------------------------------------
create table public.training_questions (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  kind text not null constraint training_questions_kind_valid check (kind in ('single', 'multiple', 'true_false', 'fill')),
  stem text not null constraint training_questions_stem_length check (char_length(btrim(stem)) between 1 and 1000),
  -- [{"id": "A", "text": "..."}]; true/false: T/F; fill-in: []
  options jsonb not null default '[]'::jsonb constraint training_questions_options_array check (jsonb_typeof(options) = 'array'),
  category text not null default '' constraint training_questions_category_length check (char_length(category) <= 30),
  difficulty smallint not null default 2 constraint training_questions_difficulty_range check (difficulty between 1 and 5),
  tags text[] not null default '{}' constraint training_questions_tags_count check (cardinality(tags) <= 10),
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.training_questions enable row level security;
create index training_questions_enterprise_idx on public.training_questions (enterprise_id, category, difficulty);

create table private.training_question_keys (
  question_id uuid primary key references public.training_questions (id) on delete cascade,
  -- choices: sorted option ids; fill-in: normalised accepted answers
  answer jsonb not null,
  explanation text not null default ''
);

-- -----------------------------------------------------------------------------
-- Papers: fixed questions or drawn by category/difficulty counts
-- -----------------------------------------------------------------------------
create table public.training_papers (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  course_id uuid references public.training_courses (id) on delete set null,
  title text not null constraint training_papers_title_length check (char_length(btrim(title)) between 1 and 80),
  mode text not null default 'fixed' constraint training_papers_mode_valid check (mode in ('fixed', 'random')),
  total_score integer not null default 0,
  pass_score integer not null constraint training_papers_pass_score check (pass_score between 0 and 10000),
  duration_minutes integer not null constraint training_papers_duration check (duration_minutes between 1 and 600),
  opens_at timestamptz,
  closes_at timestamptz,
  attempt_limit integer constraint training_papers_attempt_limit check (attempt_limit between 1 and 100),
  shuffle_questions boolean not null default false,
  shuffle_options boolean not null default false,
  -- submitted automatically at the N-th switch away from the exam
  leave_limit integer constraint training_papers_leave_limit check (leave_limit between 1 and 100),
  -- what a learner sees: after submitting, and after the window closes
  review_after_submit text not null default 'score' constraint training_papers_review_submit check (review_after_submit in ('none', 'score', 'answers')),
  review_after_close text not null default 'answers' constraint training_papers_review_close check (review_after_close in ('none', 'score', 'answers')),
  certificate boolean not null default true,
  points integer not null default 0 constraint training_papers_points_range check (points between 0 and 1000),
  status text not null default 'draft' constraint training_papers_status_valid check (status in ('draft', 'published', 'archived')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint training_papers_window check (opens_at is null or closes_at is null or opens_at < closes_at)
);
alter table public.training_papers enable row level security;
create index training_papers_enterprise_idx on public.training_papers (enterprise_id, status);
create index training_papers_status_idx on public.training_papers (status, enterprise_id);
create index training_papers_course_idx on public.training_papers (course_id);
create index training_papers_created_by_idx on public.training_papers (created_by);

create table public.training_paper_questions (
  paper_id uuid not null references public.training_papers (id) on delete cascade,
  question_id uuid not null references public.training_questions (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  score integer not null constraint training_paper_questions_score check (score between 1 and 100),
  position integer not null,
  primary key (paper_id, question_id)
);
alter table public.training_paper_questions enable row level security;
create index training_paper_questions_question_idx on public.training_paper_questions (question_id);
create index training_paper_questions_enterprise_idx on public.training_paper_questions (enterprise_id);

create table public.training_paper_rules (
  id uuid primary key default gen_random_uuid(),
  paper_id uuid not null references public.training_papers (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  category text not null default '' constraint training_paper_rules_category_length check (char_length(category) <= 30),
  -- null: any difficulty
  difficulty smallint constraint training_paper_rules_difficulty check (difficulty between 1 and 5),
  question_count integer not null constraint training_paper_rules_count check (question_count between 1 and 200),
  score integer not null constraint training_paper_rules_score check (score between 1 and 100),
  position integer not null default 0
);
alter table public.training_paper_rules enable row level security;
create index training_paper_rules_paper_idx on public.training_paper_rules (paper_id, position);
create index training_paper_rules_enterprise_idx on public.training_paper_rules (enterprise_id);

-- -----------------------------------------------------------------------------
-- Attempts (managers read them; learners through RPCs that apply the review policy) and their
-- frozen items (private: they hold the keys)
-- -----------------------------------------------------------------------------
create table public.training_attempts (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  paper_id uuid not null references public.training_papers (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  attempt_no integer not null,
  status text not null default 'in_progress' constraint training_attempts_status_valid check (status in ('in_progress', 'submitted')),
  started_at timestamptz not null default now(),
  -- server clock: started_at + duration, never past the paper's window
  deadline_at timestamptz not null,
  submitted_at timestamptz,
  submit_reason text constraint training_attempts_reason_valid check (submit_reason in ('learner', 'deadline', 'leave_limit')),
  leave_count integer not null default 0,
  score integer,
  total_score integer not null,
  pass_score integer not null,
  passed boolean,
  constraint training_attempts_number_unique unique (paper_id, user_id, attempt_no),
  constraint training_attempts_submitted_shape check ((status = 'submitted') = (submitted_at is not null and score is not null))
);
alter table public.training_attempts enable row level security;
create unique index training_attempts_one_open on public.training_attempts (paper_id, user_id) where status = 'in_progress';
create index training_attempts_enterprise_idx on public.training_attempts (enterprise_id, paper_id);
create index training_attempts_user_idx on public.training_attempts (user_id);

create table private.training_attempt_items (
  attempt_id uuid not null references public.training_attempts (id) on delete cascade,
  position integer not null,
  question_id uuid references public.training_questions (id) on delete set null,
  kind text not null,
  stem text not null,
  -- in the order this learner sees them
  options jsonb not null,
  score integer not null,
  key jsonb not null,
  explanation text not null default '',
  -- choices: sorted option ids; fill-in: ["what was typed"]
  answer jsonb,
  earned integer,
  primary key (attempt_id, position)
);
create index training_attempt_items_question_idx on private.training_attempt_items (question_id);

-- -----------------------------------------------------------------------------
-- Certificates and points
-- -----------------------------------------------------------------------------
create table public.training_certificates (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  attempt_id uuid not null unique references public.training_attempts (id) on delete cascade,
  paper_id uuid not null references public.training_papers (id) on delete cascade,
  course_id uuid references public.training_courses (id) on delete set null,
  serial text not null unique,
  verification_code text not null unique,
  holder_name text not null,
  title text not null,
  score integer not null,
  issued_at timestamptz not null default now(),
  revoked_at timestamptz
);
alter table public.training_certificates enable row level security;
create index training_certificates_enterprise_idx on public.training_certificates (enterprise_id);
create index training_certificates_user_idx on public.training_certificates (user_id);
create index training_certificates_paper_idx on public.training_certificates (paper_id);
create index training_certificates_course_idx on public.training_certificates (course_id);

-- Append-only: one row per (person, source); nothing is updated or deleted except by the cascade
-- of an enterprise or account being removed.
create table public.training_points (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  source_kind text not null constraint training_points_source_kind check (source_kind ~ '^[a-z][a-z_]{1,30}$'),
  source_id uuid not null,
  points integer not null constraint training_points_range check (points between -10000 and 10000),
  reason text not null default '' constraint training_points_reason_length check (char_length(reason) <= 100),
  created_at timestamptz not null default now(),
  constraint training_points_once_per_source unique (enterprise_id, user_id, source_kind, source_id)
);
alter table public.training_points enable row level security;
create index training_points_user_idx on public.training_points (user_id, created_at);
create index training_points_month_idx on public.training_points (enterprise_id, created_at);

create or replace function private.training_points_append_only()
returns trigger language plpgsql set search_path = '' as $$
begin
  -- a cascade (enterprise or account removed) runs inside the foreign key's own trigger
  if tg_op = 'DELETE' and pg_trigger_depth() > 1 then
    return old;
  end if;
  raise exception using errcode = '42501', message = 'points_append_only', hint = '积分记录只能追加，不能修改或删除';
end $$;
revoke execute on function private.training_points_append_only() from public, anon, authenticated;
create trigger training_points_append_only before update or delete on public.training_points
  for each row execute function private.training_points_append_only();

-- -----------------------------------------------------------------------------
-- Suspended / closed enterprises: nothing of theirs is written (20261206040000_platform_ops.sql)
-- -----------------------------------------------------------------------------
select private.refuse_writes_when_inactive(
  'public.training_courses', 'public.training_chapters', 'public.training_lessons',
  'public.training_assignments', 'public.training_questions', 'public.training_papers',
  'public.training_attempts'
);
create trigger training_progress_refuse_write_when_inactive before insert or update or delete on public.training_lesson_progress
  for each row execute function private.refuse_write_in_inactive_enterprise();

-- -----------------------------------------------------------------------------
-- Read policies (writes only through the RPCs)
-- -----------------------------------------------------------------------------
revoke all on public.training_courses, public.training_chapters, public.training_lessons, public.training_assignments,
  public.training_lesson_progress, public.training_course_completions, public.training_questions, public.training_papers,
  public.training_paper_questions, public.training_paper_rules, public.training_attempts, public.training_certificates,
  public.training_points
  from anon, authenticated;
revoke all on private.training_question_keys, private.training_attempt_items from public, anon, authenticated;
grant select on public.training_courses, public.training_chapters, public.training_lessons, public.training_assignments,
  public.training_lesson_progress, public.training_course_completions, public.training_questions, public.training_papers,
  public.training_paper_questions, public.training_paper_rules, public.training_attempts, public.training_certificates,
  public.training_points
  to authenticated;

-- One read policy per table, by rule:
--   managers   the enterprise's training managers only
--   own        the learner's own rows in their enterprises; every row of the enterprise for its managers
--   published  published rows for the enterprise's members; every row for its managers
--   in_course  rows of a published course for the enterprise's members; every row for its managers
do $$
declare
  p text[];
begin
  foreach p slice 1 in array array[
    ['training_courses', 'published', 'Members read published courses; training managers read all of theirs'],
    ['training_chapters', 'in_course', 'Members read chapters of published courses; training managers read all of theirs'],
    ['training_lessons', 'in_course', 'Members read lessons of published courses; training managers read all of theirs'],
    ['training_assignments', 'managers', 'Training managers read their enterprise''s assignments'],
    ['training_lesson_progress', 'own', 'Learners read their own progress; training managers read their enterprise''s'],
    ['training_course_completions', 'own', 'Learners read their own completions; training managers read their enterprise''s'],
    ['training_questions', 'managers', 'Training managers read their question bank'],
    ['training_papers', 'published', 'Members read published papers; training managers read all of theirs'],
    ['training_paper_questions', 'managers', 'Training managers read their papers'' questions'],
    ['training_paper_rules', 'managers', 'Training managers read their papers'' draw rules'],
    ['training_attempts', 'managers', 'Training managers read their enterprise''s attempts'],
    ['training_certificates', 'own', 'Holders read their certificates; training managers read their enterprise''s'],
    ['training_points', 'own', 'Members read their own points; training managers read their enterprise''s']] loop
    execute format('create policy %I on public.%I for select to authenticated using (%s)', p[3], p[1], case p[2]
      when 'managers' then 'enterprise_id in (select private.training_manager_ids())'
      when 'own' then '(user_id = (select auth.uid()) and enterprise_id in (select private.my_enterprise_ids()))'
                      || ' or enterprise_id in (select private.training_manager_ids())'
      when 'published' then 'enterprise_id in (select private.training_manager_ids())'
                            || ' or (status = ''published'' and enterprise_id in (select private.my_enterprise_ids()))'
      when 'in_course' then 'enterprise_id in (select private.training_manager_ids())'
                            || ' or (enterprise_id in (select private.my_enterprise_ids())'
                            || ' and exists (select 1 from public.training_courses c where c.id = course_id and c.status = ''published''))'
    end);
  end loop;
end $$;

-- -----------------------------------------------------------------------------
-- Notices
-- -----------------------------------------------------------------------------
insert into public.notification_kinds (kind, domain, mandatory, label, sort_order) values
  ('training_assigned',    'training', false, '学习任务', 200),
  ('training_certificate', 'training', false, '培训证书', 210);

/**
  * -------------------------------------------------------
  * Section - Training media (from 20261211040000_training_media)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Training media (issue 16): bucket `training` (private) for course covers, lesson videos and
-- documents and the images inside text lessons, under `<enterprise_id>/`. Training managers of that
-- enterprise upload, replace, remove and read. A member reads an object only while a course they can
-- read refers to it: the cover of a published course, or the video, document or one of the images
-- (`image_paths`) of a lesson in one. That is the course
-- rows' own rule (members read published courses), so a draft's media, an archived course's and a
-- file uploaded but never attached stay with the managers, and another enterprise's members get
-- nothing (the app plays and opens media through signed links the member's own session creates).
-- Courses are not restricted to their assignees (every member may open a published course); if
-- they ever are, private.training_media_readable is the one place to add it.
-- =============================================================================
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('training', 'training', false, 524288000, array[
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'application/pdf',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'])
on conflict (id) do nothing;

create policy "Training managers upload training media"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'training'
              and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m));

-- The references the read check looks objects up by.
create index training_courses_cover_idx on public.training_courses (cover_path) where cover_path is not null;
create index training_lessons_video_idx on public.training_lessons (video_path) where video_path is not null;
create index training_lessons_document_idx on public.training_lessons (document_path) where document_path is not null;
create index training_lessons_images_idx on public.training_lessons using gin (image_paths);

-- True when the caller may read the object `p_name` (`<enterprise_id>/<anything>`) of bucket `training`.
create or replace function private.training_media_readable(p_name text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise uuid := private.object_enterprise_id(p_name);
begin
  if v_enterprise in (select private.training_manager_ids()) then
    return true;
  end if;
  if v_enterprise is null or v_enterprise not in (select private.my_enterprise_ids()) then
    return false;
  end if;
  return exists (select 1 from public.training_courses c
                  where c.cover_path = p_name and c.enterprise_id = v_enterprise and c.status = 'published')
      or exists (select 1 from public.training_lessons l join public.training_courses c on c.id = l.course_id
                  where l.video_path = p_name and l.enterprise_id = v_enterprise and c.status = 'published')
      or exists (select 1 from public.training_lessons l join public.training_courses c on c.id = l.course_id
                  where l.document_path = p_name and l.enterprise_id = v_enterprise and c.status = 'published')
      or exists (select 1 from public.training_lessons l join public.training_courses c on c.id = l.course_id
                  where l.image_paths @> array[p_name] and l.enterprise_id = v_enterprise and c.status = 'published');
end $$;
revoke execute on function private.training_media_readable(text) from public, anon;
grant execute on function private.training_media_readable(text) to authenticated;

create policy "Members read the media of training courses they can read"
  on storage.objects for select to authenticated
  using (bucket_id = 'training' and (select private.training_media_readable(name)));

create policy "Training managers replace training media"
  on storage.objects for update to authenticated
  using (bucket_id = 'training'
         and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m))
  with check (bucket_id = 'training'
              and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m));

create policy "Training managers remove training media"
  on storage.objects for delete to authenticated
  using (bucket_id = 'training'
         and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m));
