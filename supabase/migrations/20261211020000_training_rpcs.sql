-- =============================================================================
-- Training RPCs (issue 16). Each API function is a thin SECURITY INVOKER wrapper in public over a
-- definer body in private (execute granted to authenticated only where a wrapper needs it).
--
--   managers (admins, 'training' scope): training_save_course, training_save_chapter,
--     training_save_lesson, training_publish_course, training_assign_course, training_save_question,
--     training_question_key, training_save_paper, training_course_report
--   learners: training_my_assignments, training_course_outline, training_report_progress,
--     training_start_attempt, training_attempt, training_save_answer, training_submit_attempt,
--     training_record_leave, training_leaderboard
--   anyone: training_verify_certificate (validity and holder name only)
--
-- Exams: an attempt freezes its questions, option order and keys when it starts
-- (private.training_attempt_items); grading is one UPDATE over those rows; the deadline is
-- started_at + duration (never past the window) on the server clock; an attempt touched after its
-- deadline is submitted and graded first, in the same transaction, and the call answers normally
-- (no error that would roll the grading back). Submitting locks the attempt row, so two submissions
-- grade once: the second finds it submitted and returns the same result.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------
-- Fill-in answers are compared after trim, full-width → half-width and lower case.
create or replace function private.training_normalize(p_text text)
returns text language sql immutable parallel safe set search_path = '' as $$
  select lower(btrim(translate(coalesce(p_text, ''),
    '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　',
    '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ')));
$$;

create or replace function private.training_assert_manager(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  perform private.raise_if(p_enterprise_id is null or not private.has_scope(p_enterprise_id, 'training'), '42501', 'not_training_manager', '仅企业管理员或培训管理员可以执行此操作');
  perform private.training_assert_learner(p_enterprise_id);
end $$;

-- A member of an open enterprise whose edition has training (professional, private): a basic
-- enterprise, or one moved down to basic, is refused after the caller's own rights were checked, so
-- a stranger still gets the not-found answer. Every training RPC passes here.
create or replace function private.training_assert_learner(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  perform private.assert_enterprise_open(p_enterprise_id);
  perform private.raise_if(not private.has_feature(p_enterprise_id, 'training'), 'P0001', 'feature_not_in_edition', '培训与考试是专业版和私有版的功能，请升级企业版本');
end $$;

-- The rules for a manager's write in an enterprise: the training scope (and the learner rules), an
-- account that is not restricted, the enterprise open for writes.
create or replace function private.training_assert_writer(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.training_assert_manager(p_enterprise_id);
  perform private.assert_not_restricted();
  perform private.assert_enterprise_writable(p_enterprise_id);
end $$;

-- A title cleaned (1 to 80 characters), or title_invalid.
create or replace function private.training_title(p_title text)
returns text language plpgsql stable set search_path = '' as $$
declare v_title text := private.clean_text(p_title, 1, 80);
begin
  perform private.raise_if(v_title is null, '22023', 'title_invalid', '标题须为1到80个字');
  return v_title;
end $$;

-- The start of saving a course or a path: the rules of a manager's write, then its title (answered
-- cleaned) and its summary (at most 1000 characters).
create or replace function private.training_named(p_enterprise_id uuid, p_title text, p_summary text)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_title text;
begin
  perform private.training_assert_writer(p_enterprise_id);
  v_title := private.training_title(p_title);
  perform private.raise_if(char_length(coalesce(p_summary, '')) > 1000, '22023', 'summary_too_long', '简介不能超过1000字');
  return v_title;
end $$;

create or replace function private.training_not_found(p_what text)
returns void language plpgsql immutable set search_path = '' as $$
begin
  raise exception using errcode = '22023', message = p_what || '_not_found',
    hint = case p_what when 'course' then '课程不存在' when 'chapter' then '章节不存在' when 'lesson' then '课时不存在'
                       when 'question' then '题目不存在' when 'paper' then '试卷不存在' when 'attempt' then '考试记录不存在'
                       when 'path' then '学习路径不存在'
                       else '内容不存在' end;
end $$;

-- The not-found answer when `p_missing` (an update that found no row of that id).
create or replace function private.training_not_found_if(p_missing boolean, p_what text)
returns void language plpgsql immutable set search_path = '' as $$
begin
  if p_missing then
    perform private.training_not_found(p_what);
  end if;
end $$;

-- The enterprise of a course, paper or bank question (`p_what`), null when there is none.
create or replace function private.training_enterprise_of(p_what text, p_id uuid)
returns uuid language sql stable security definer set search_path = '' as $$
  select case p_what
    when 'course' then (select c.enterprise_id from public.training_courses c where c.id = p_id)
    when 'paper' then (select p.enterprise_id from public.training_papers p where p.id = p_id)
    when 'question' then (select q.enterprise_id from public.training_questions q where q.id = p_id) end;
$$;

-- Someone without the training scope in the enterprise of a row (null: no such row) hears that
-- `p_what` doesn't exist, so managers' routes never confirm an id.
create or replace function private.training_assert_scope(p_enterprise_id uuid, p_what text)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  if p_enterprise_id is null or not private.has_scope(p_enterprise_id, 'training') then
    perform private.assert_cleared();
    perform private.training_not_found(p_what);
  end if;
end $$;

-- A learner's read of a course or path (`p_what`) of enterprise `p_enterprise_id` (null: none) in
-- state `p_status`: not found unless the caller is a member there and it is published (its training
-- managers read drafts too); then the learner rules.
create or replace function private.training_assert_reader(p_enterprise_id uuid, p_status text, p_what text)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  if p_enterprise_id is null or not private.is_member(p_enterprise_id)
     or (p_status <> 'published' and not private.has_scope(p_enterprise_id, 'training')) then
    perform private.training_not_found(p_what);
  end if;
  perform private.training_assert_learner(p_enterprise_id);
end $$;

-- Managers' reads of a course, paper or question (reports, a question's key): the scope rule above,
-- then the learner rules (open enterprise, edition). Answers the row's enterprise.
create or replace function private.training_assert_reporter(p_what text, p_id uuid)
returns uuid language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise uuid := private.training_enterprise_of(p_what, p_id);
begin
  perform private.assert_cleared();
  perform private.training_assert_scope(v_enterprise, p_what);
  perform private.training_assert_learner(v_enterprise);
  return v_enterprise;
end $$;

-- Random text from an alphabet without look-alikes.
create or replace function private.training_random_code(p_length integer)
returns text language sql volatile set search_path = '' as $$
  select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (get_byte(b.bytes, i) % 31) + 1, 1), '' order by i)
    from (select extensions.gen_random_bytes(p_length) as bytes) b
   cross join generate_series(0, p_length - 1) as i;
$$;

-- Plain text of a Quill Delta: the string inserts, in order (embeds such as images are skipped).
create or replace function private.training_delta_text(p_delta jsonb)
returns text language sql immutable set search_path = '' as $$
  select coalesce(string_agg(op ->> 'insert', '' order by ord), '')
    from jsonb_array_elements(case when jsonb_typeof(p_delta -> 'ops') = 'array' then p_delta -> 'ops' else '[]'::jsonb end)
         with ordinality as o(op, ord)
   where jsonb_typeof(op -> 'insert') = 'string';
$$;

-- The objects of bucket `training` a text lesson shows as images, from its Delta's image inserts
-- (`{"insert": {"image": ref}}`). The lesson form stores `training/<enterprise>/images/<name>.<ext>`
-- (the bucket, then the object path); any other image is refused: another enterprise's object, one
-- outside `images/`, a web image (http/https) or a data URL. Learners read exactly these objects
-- while the course is published (private.training_media_readable), so nothing else may get in.
create or replace function private.training_lesson_image_paths(p_enterprise_id uuid, p_delta jsonb)
returns text[] language plpgsql stable set search_path = '' as $$
declare v_images jsonb[];
begin
  select coalesce(array_agg(op -> 'insert' -> 'image'), '{}') into v_images
    from jsonb_array_elements(p_delta -> 'ops') op
   where jsonb_typeof(op -> 'insert') = 'object' and op -> 'insert' ? 'image';
  perform private.raise_if(exists (select 1 from unnest(v_images) i(v)
                                    where jsonb_typeof(v) is distinct from 'string'
                                       or (v #>> '{}') !~ ('^training/' || p_enterprise_id::text || '/images/[A-Za-z0-9_-]{1,100}\.(jpg|jpeg|png|gif|webp)$')),
    '22023', 'lesson_image_invalid', '图片须在课时编辑器中上传到本企业的培训空间，不支持外部图片链接');
  return (select coalesce(array_agg(distinct substr(v #>> '{}', char_length('training/') + 1)), '{}') from unnest(v_images) i(v));
end $$;

-- The people an assignment reaches (members only; department assignments include sub-departments).
create or replace function private.training_assignment_people(p_assignment_id uuid)
returns setof uuid language sql stable security definer set search_path = '' as $$
  with recursive a as (
    select * from public.training_assignments where id = p_assignment_id
  ), sub as (
    select d.id from public.departments d join a on d.id = a.department_id
    union all
    select c.id from public.departments c join sub on c.parent_id = sub.id
  )
  select m.user_id from public.enterprise_members m join a on a.enterprise_id = m.enterprise_id
   where a.target = 'everyone'
      or (a.target = 'member' and m.user_id = a.user_id)
      or (a.target = 'department' and m.department_id in (select id from sub));
$$;

-- The courses assigned to a person in an enterprise, with the earliest deadline among the
-- assignments that reach them.
create or replace function private.training_my_course_deadlines(p_enterprise_id uuid, p_user_id uuid)
returns table (course_id uuid, due_at timestamptz) language sql stable security definer set search_path = '' as $$
  with recursive me as (
    select m.department_id from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id
  ), up as (
    -- the person's department and every department above it
    select d.id, d.parent_id from public.departments d join me on d.id = me.department_id
    union all
    select p.id, p.parent_id from public.departments p join up on p.id = up.parent_id
  )
  select a.course_id, min(a.due_at)
    from public.training_assignments a
   where a.enterprise_id = p_enterprise_id
     and exists (select 1 from me)
     and (a.target = 'everyone'
          or (a.target = 'member' and a.user_id = p_user_id)
          or (a.target = 'department' and a.department_id in (select id from up)))
   group by a.course_id;
$$;

-- -----------------------------------------------------------------------------
-- Managers: courses, chapters, lessons
-- -----------------------------------------------------------------------------
-- p_limit_seeking null keeps the current setting (on for a new course).
create or replace function private.training_save_course(p_enterprise_id uuid, p_course_id uuid default null, p_title text default null,
  p_summary text default '', p_category text default '', p_required boolean default false, p_cover_path text default null,
  p_points integer default 0, p_limit_seeking boolean default null)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_title text := private.training_named(p_enterprise_id, p_title, p_summary);
  v_id uuid;
begin
  perform private.raise_if(char_length(coalesce(p_category, '')) > 30, '22023', 'category_too_long', '分类不能超过30字');
  perform private.raise_if(p_cover_path is not null and (char_length(p_cover_path) > 500 or p_cover_path !~ ('^' || p_enterprise_id::text || '/')), '22023', 'cover_path_invalid', '封面图片无效');
  perform private.raise_if(coalesce(p_points, 0) not between 0 and 1000, '22023', 'points_invalid', '积分须在0到1000之间');
  if p_course_id is null then
    insert into public.training_courses (enterprise_id, title, summary, category, required, cover_path, points, limit_seeking, created_by)
    values (p_enterprise_id, v_title, coalesce(p_summary, ''), btrim(coalesce(p_category, '')), coalesce(p_required, false),
            p_cover_path, coalesce(p_points, 0), coalesce(p_limit_seeking, true), auth.uid())
    returning id into v_id;
  else
    update public.training_courses c
       set title = v_title, summary = coalesce(p_summary, ''), category = btrim(coalesce(p_category, '')),
           required = coalesce(p_required, false), cover_path = p_cover_path, points = coalesce(p_points, 0),
           limit_seeking = coalesce(p_limit_seeking, c.limit_seeking), updated_at = now()
     where c.id = p_course_id and c.enterprise_id = p_enterprise_id
    returning c.id into v_id;
    perform private.training_not_found_if(v_id is null, 'course');
  end if;
  return v_id;
end $$;

-- A manager's write on an existing row (`p_what`: course, paper, question…) of enterprise
-- `p_enterprise_id` (null: no such row): the scope rule (training_assert_scope), then the rules of
-- a write (training_assert_writer).
create or replace function private.training_assert_manages(p_enterprise_id uuid, p_what text)
returns uuid language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.training_assert_scope(p_enterprise_id, p_what);
  perform private.training_assert_writer(p_enterprise_id);
  return p_enterprise_id;
end $$;

create or replace function private.training_course_for_manager(p_course_id uuid)
returns uuid language sql stable security definer set search_path = '' as $$
  select private.training_assert_manages((select c.enterprise_id from public.training_courses c where c.id = p_course_id), 'course');
$$;

-- Archive (p_archived true) or restore a course, paper or bank question. An archived course leaves
-- learners' lists, paths and course pages (they read published courses only) and an archived paper
-- can't be started; completions, attempts, certificates and points stay, and so do reports. A
-- restored course or paper is a draft again (publish it to show it); a restored question may go
-- into new papers again. Answers the new state: draft | published | archived | active.
create or replace function private.training_set_archived(p_kind text, p_id uuid, p_archived boolean)
returns text language plpgsql security definer set search_path = '' as $$
declare v_state text;
begin
  perform private.assert_cleared();
  perform private.raise_if(p_kind is null or p_kind not in ('course', 'paper', 'question'), '22023', 'archive_kind_invalid', '只能归档课程、试卷或题目');
  perform private.raise_if(p_archived is null, '22023', 'archived_invalid', '请选择归档或恢复');
  perform private.training_assert_manages(private.training_enterprise_of(p_kind, p_id), p_kind);
  if p_kind = 'course' then
    update public.training_courses c
       set status = case when p_archived then 'archived' when c.status = 'archived' then 'draft' else c.status end, updated_at = now()
     where c.id = p_id returning c.status into v_state;
  elsif p_kind = 'paper' then
    update public.training_papers p
       set status = case when p_archived then 'archived' when p.status = 'archived' then 'draft' else p.status end, updated_at = now()
     where p.id = p_id returning p.status into v_state;
  else
    update public.training_questions q set archived = p_archived, updated_at = now()
     where q.id = p_id returning case when q.archived then 'archived' else 'active' end into v_state;
  end if;
  return v_state;
end $$;

create or replace function private.training_save_chapter(p_course_id uuid, p_chapter_id uuid default null, p_title text default null,
  p_sort_order integer default null)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_enterprise uuid := private.training_course_for_manager(p_course_id);
  v_title text := private.training_title(p_title);
  v_id uuid;
begin
  if p_chapter_id is null then
    insert into public.training_chapters (enterprise_id, course_id, title, sort_order)
    values (v_enterprise, p_course_id, v_title,
            coalesce(p_sort_order, (select coalesce(max(sort_order), 0) + 1 from public.training_chapters where course_id = p_course_id)))
    returning id into v_id;
  else
    update public.training_chapters c set title = v_title, sort_order = coalesce(p_sort_order, c.sort_order)
     where c.id = p_chapter_id and c.course_id = p_course_id
    returning c.id into v_id;
    perform private.training_not_found_if(v_id is null, 'chapter');
  end if;
  return v_id;
end $$;

create or replace function private.training_save_lesson(p_chapter_id uuid, p_lesson_id uuid default null, p_title text default null,
  p_kind text default 'text', p_body_delta jsonb default null, p_video_path text default null, p_video_seconds integer default null,
  p_document_path text default null, p_sort_order integer default null, p_points integer default 1)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_course uuid;
  v_enterprise uuid;
  v_title text;
  v_text text;
  v_images text[] := '{}';
  v_id uuid;
begin
  select c.course_id into v_course from public.training_chapters c where c.id = p_chapter_id;
  if v_course is null then
    perform private.assert_cleared();
    perform private.training_not_found('chapter');
  end if;
  v_enterprise := private.training_course_for_manager(v_course);
  v_title := private.training_title(p_title);
  perform private.raise_if(p_kind is null or p_kind not in ('text', 'video', 'document'), '22023', 'lesson_kind_invalid', '课时类型须为图文、视频或文档');
  if p_kind = 'text' and (p_body_delta is null or jsonb_typeof(p_body_delta -> 'ops') is distinct from 'array'
                          or exists (select 1 from jsonb_array_elements(p_body_delta -> 'ops') op
                                      where jsonb_typeof(op) <> 'object' or not op ? 'insert')) then
    raise exception using errcode = '22023', message = 'body_invalid', hint = '图文内容格式不正确';
  end if;
  if p_kind = 'text' then
    v_text := private.training_delta_text(p_body_delta);
    perform private.raise_if(char_length(v_text) > 100000 or octet_length(p_body_delta::text) > 1000000, '22023', 'body_too_long', '图文内容太长');
    v_images := private.training_lesson_image_paths(v_enterprise, p_body_delta);
  end if;
  if p_kind = 'video' and (p_video_path is null or p_video_path !~ ('^' || v_enterprise::text || '/') or char_length(p_video_path) > 500
                           or p_video_seconds is null or p_video_seconds not between 1 and 86400) then
    raise exception using errcode = '22023', message = 'video_invalid', hint = '请上传视频并填写时长';
  end if;
  perform private.raise_if(p_kind = 'document' and (p_document_path is null or p_document_path !~ ('^' || v_enterprise::text || '/') or char_length(p_document_path) > 500), '22023', 'document_invalid', '请上传文档');
  perform private.raise_if(coalesce(p_points, 1) not between 0 and 100, '22023', 'points_invalid', '积分须在0到100之间');
  if p_lesson_id is null then
    insert into public.training_lessons (enterprise_id, course_id, chapter_id, title, kind, body_delta, body_text, image_paths, video_path,
                                         video_seconds, document_path, sort_order, points)
    values (v_enterprise, v_course, p_chapter_id, v_title, p_kind,
            case when p_kind = 'text' then p_body_delta end, coalesce(v_text, ''), v_images,
            case when p_kind = 'video' then p_video_path end, case when p_kind = 'video' then p_video_seconds end,
            case when p_kind = 'document' then p_document_path end,
            coalesce(p_sort_order, (select coalesce(max(sort_order), 0) + 1 from public.training_lessons where chapter_id = p_chapter_id)),
            coalesce(p_points, 1))
    returning id into v_id;
  else
    update public.training_lessons l
       set title = v_title, kind = p_kind, body_delta = case when p_kind = 'text' then p_body_delta end, body_text = coalesce(v_text, ''),
           image_paths = v_images,
           video_path = case when p_kind = 'video' then p_video_path end,
           video_seconds = case when p_kind = 'video' then p_video_seconds end,
           document_path = case when p_kind = 'document' then p_document_path end,
           sort_order = coalesce(p_sort_order, l.sort_order), points = coalesce(p_points, l.points), updated_at = now()
     where l.id = p_lesson_id and l.chapter_id = p_chapter_id
    returning l.id into v_id;
    perform private.training_not_found_if(v_id is null, 'lesson');
  end if;
  return v_id;
end $$;

create or replace function private.training_publish_course(p_course_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform private.training_course_for_manager(p_course_id);
  perform private.raise_if(not exists (select 1 from public.training_lessons l where l.course_id = p_course_id), 'P0001', 'course_empty', '课程还没有课时，不能发布');
  update public.training_courses set status = 'published', published_at = coalesce(published_at, now()), updated_at = now()
   where id = p_course_id;
end $$;

-- -----------------------------------------------------------------------------
-- Managers: assignments
-- -----------------------------------------------------------------------------
create or replace function private.training_assign_course(p_course_id uuid, p_target text, p_user_ids uuid[] default null,
  p_department_id uuid default null, p_due_at timestamptz default null)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_enterprise uuid := private.training_course_for_manager(p_course_id);
  v_course public.training_courses;
  v_ids uuid[] := '{}';
  v_id uuid;
  v_user uuid;
  v_people uuid[];
begin
  select * into v_course from public.training_courses where id = p_course_id;
  perform private.raise_if(v_course.status <> 'published', 'P0001', 'course_not_published', '课程发布后才能指派');
  perform private.raise_if(p_due_at is not null and p_due_at <= now(), '22023', 'due_at_past', '截止时间须晚于现在');
  if p_target = 'everyone' then
    insert into public.training_assignments (enterprise_id, course_id, target, due_at, created_by)
    values (v_enterprise, p_course_id, 'everyone', p_due_at, auth.uid()) returning id into v_id;
    v_ids := array[v_id];
  elsif p_target = 'department' then
    perform private.raise_if(p_department_id is null or not exists (select 1 from public.departments d where d.id = p_department_id and d.enterprise_id = v_enterprise), '22023', 'department_invalid', '请选择本企业的部门');
    insert into public.training_assignments (enterprise_id, course_id, target, department_id, due_at, created_by)
    values (v_enterprise, p_course_id, 'department', p_department_id, p_due_at, auth.uid()) returning id into v_id;
    v_ids := array[v_id];
  elsif p_target = 'member' then
    perform private.raise_if(coalesce(cardinality(p_user_ids), 0) = 0 or cardinality(p_user_ids) > 500, '22023', 'members_invalid', '请选择1到500名成员');
    if exists (select 1 from unnest(p_user_ids) u
                where u is null or not exists (select 1 from public.enterprise_members m where m.enterprise_id = v_enterprise and m.user_id = u)) then
      raise exception using errcode = '22023', message = 'members_invalid', hint = '只能指派给本企业的成员';
    end if;
    foreach v_user in array (select array_agg(distinct u) from unnest(p_user_ids) u) loop
      insert into public.training_assignments (enterprise_id, course_id, target, user_id, due_at, created_by)
      values (v_enterprise, p_course_id, 'member', v_user, p_due_at, auth.uid()) returning id into v_id;
      v_ids := v_ids || v_id;
    end loop;
  else
    raise exception using errcode = '22023', message = 'target_invalid', hint = '指派对象须为成员、部门或全员';
  end if;

  select coalesce(array_agg(distinct p), '{}') into v_people
    from unnest(v_ids) a(id) cross join lateral private.training_assignment_people(a.id) p;
  insert into public.notifications (user_id, kind, title, body, data)
  select p, 'training_assigned', '新的学习任务', '《' || v_course.title || '》'
         || case when p_due_at is null then '' else '，请在' || to_char(p_due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '前完成' end,
         jsonb_build_object('enterprise_id', v_enterprise, 'course_id', p_course_id)
    from unnest(v_people) p;
  return jsonb_build_object('assignment_ids', to_jsonb(v_ids), 'learners', cardinality(v_people));
end $$;

-- -----------------------------------------------------------------------------
-- Managers: question bank
-- -----------------------------------------------------------------------------
create or replace function private.training_save_question(p_enterprise_id uuid, p_kind text, p_stem text, p_answer jsonb,
  p_options jsonb default '[]', p_question_id uuid default null, p_category text default '', p_difficulty integer default 2,
  p_tags text[] default '{}', p_explanation text default '')
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_stem text := private.clean_text(p_stem, 1, 1000);
  v_options jsonb := '[]'::jsonb;
  v_ids text[];
  v_answer jsonb;
  v_id uuid;
begin
  perform private.training_assert_manager(p_enterprise_id);
  perform private.assert_enterprise_writable(p_enterprise_id);
  perform private.raise_if(p_kind is null or p_kind not in ('single', 'multiple', 'true_false', 'fill'), '22023', 'question_kind_invalid', '题型须为单选、多选、判断或填空');
  perform private.raise_if(v_stem is null, '22023', 'stem_invalid', '题干须为1到1000个字');
  if char_length(coalesce(p_category, '')) > 30 or coalesce(p_difficulty, 2) not between 1 and 5
     or coalesce(cardinality(p_tags), 0) > 10 or char_length(coalesce(p_explanation, '')) > 2000 then
    raise exception using errcode = '22023', message = 'question_fields_invalid', hint = '分类不超过30字，难度1到5，标签不超过10个，解析不超过2000字';
  end if;
  if p_kind in ('single', 'multiple') then
    -- options: ["text", ...] → [{"id": "A", "text": ...}, ...]
    if jsonb_typeof(p_options) is distinct from 'array' or jsonb_array_length(p_options) not between 2 and 8
       or exists (select 1 from jsonb_array_elements(p_options) o
                   where jsonb_typeof(o) <> 'string' or private.clean_text(o #>> '{}', 1, 200) is null) then
      raise exception using errcode = '22023', message = 'options_invalid', hint = '选择题须有2到8个选项，每项1到200字';
    end if;
    select jsonb_agg(jsonb_build_object('id', chr(64 + ord::integer), 'text', btrim(o #>> '{}')) order by ord), array_agg(chr(64 + ord::integer))
      into v_options, v_ids
      from jsonb_array_elements(p_options) with ordinality x(o, ord);
    if jsonb_typeof(p_answer) = 'string' then
      p_answer := jsonb_build_array(p_answer);
    end if;
    if jsonb_typeof(p_answer) is distinct from 'array' or jsonb_array_length(p_answer) = 0
       or exists (select 1 from jsonb_array_elements(p_answer) a where jsonb_typeof(a) <> 'string' or not (a #>> '{}') = any (v_ids)) then
      raise exception using errcode = '22023', message = 'answer_invalid', hint = '请从选项中选择正确答案';
    end if;
    select jsonb_agg(distinct a order by a) into v_answer from jsonb_array_elements_text(p_answer) a;
    perform private.raise_if(p_kind = 'single' and jsonb_array_length(v_answer) <> 1, '22023', 'answer_invalid', '单选题只能有一个正确答案');
    perform private.raise_if(p_kind = 'multiple' and jsonb_array_length(v_answer) < 2, '22023', 'answer_invalid', '多选题至少要有两个正确答案');
  elsif p_kind = 'true_false' then
    v_options := '[{"id": "T", "text": "正确"}, {"id": "F", "text": "错误"}]'::jsonb;
    perform private.raise_if(jsonb_typeof(p_answer) is distinct from 'boolean', '22023', 'answer_invalid', '判断题的答案须为正确或错误');
    v_answer := jsonb_build_array(case when p_answer = 'true'::jsonb then 'T' else 'F' end);
  else
    if jsonb_typeof(p_answer) is distinct from 'array' or jsonb_array_length(p_answer) not between 1 and 20
       or exists (select 1 from jsonb_array_elements(p_answer) a where jsonb_typeof(a) <> 'string' or private.clean_text(a #>> '{}', 1, 200) is null) then
      raise exception using errcode = '22023', message = 'answer_invalid', hint = '填空题须有1到20个可接受的答案，每个1到200字';
    end if;
    select jsonb_agg(distinct private.training_normalize(a)) into v_answer from jsonb_array_elements_text(p_answer) a;
  end if;

  if p_question_id is null then
    insert into public.training_questions (enterprise_id, kind, stem, options, category, difficulty, tags)
    values (p_enterprise_id, p_kind, v_stem, v_options, btrim(coalesce(p_category, '')), coalesce(p_difficulty, 2), coalesce(p_tags, '{}'))
    returning id into v_id;
  else
    update public.training_questions q
       set kind = p_kind, stem = v_stem, options = v_options, category = btrim(coalesce(p_category, '')),
           difficulty = coalesce(p_difficulty, 2), tags = coalesce(p_tags, '{}'), updated_at = now()
     where q.id = p_question_id and q.enterprise_id = p_enterprise_id
    returning q.id into v_id;
    perform private.training_not_found_if(v_id is null, 'question');
  end if;
  insert into private.training_question_keys (question_id, answer, explanation)
  values (v_id, v_answer, coalesce(p_explanation, ''))
  on conflict (question_id) do update set answer = excluded.answer, explanation = excluded.explanation;
  return v_id;
end $$;

-- The key of a bank question, for the managers editing it.
create or replace function private.training_question_key(p_question_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_key private.training_question_keys;
begin
  perform private.training_assert_reporter('question', p_question_id);
  select * into v_key from private.training_question_keys k where k.question_id = p_question_id;
  return jsonb_build_object('answer', v_key.answer, 'explanation', v_key.explanation);
end $$;

-- -----------------------------------------------------------------------------
-- Managers: papers
-- -----------------------------------------------------------------------------
-- p_settings: title, course_id, mode (fixed|random), pass_score, duration_minutes, opens_at,
-- closes_at, attempt_limit, shuffle_questions, shuffle_options, leave_limit, review_after_submit,
-- review_after_close (none|score|answers), certificate, points, and
--   fixed:  questions [{question_id, score}]
--   random: rules [{category, difficulty, count, score}]
create or replace function private.training_save_paper(p_enterprise_id uuid, p_settings jsonb, p_paper_id uuid default null,
  p_publish boolean default false)
returns uuid language plpgsql security definer set search_path = '' as $$
declare s jsonb := p_settings;
  v_title text;
  v_mode text;
  v_total integer;
  v_pass integer;
  v_course uuid;
  v_id uuid;
  v_rule jsonb;
  v_available integer;
  v_pos integer := 0;
begin
  perform private.training_assert_writer(p_enterprise_id);
  perform private.raise_if(jsonb_typeof(s) is distinct from 'object', '22023', 'settings_invalid', '试卷设置格式不正确');
  v_title := private.training_title(s ->> 'title');
  v_mode := coalesce(s ->> 'mode', 'fixed');
  perform private.raise_if(v_mode not in ('fixed', 'random'), '22023', 'mode_invalid', '组卷方式须为固定或随机');
  begin
    v_course := (s ->> 'course_id')::uuid;
    perform (s ->> 'opens_at')::timestamptz, (s ->> 'closes_at')::timestamptz, (s ->> 'pass_score')::integer,
            (s ->> 'duration_minutes')::integer, (s ->> 'attempt_limit')::integer, (s ->> 'leave_limit')::integer,
            (s ->> 'points')::integer, (s ->> 'shuffle_questions')::boolean, (s ->> 'shuffle_options')::boolean,
            (s ->> 'certificate')::boolean;
  exception when others then
    raise exception using errcode = '22023', message = 'settings_invalid', hint = '试卷设置中有无法识别的值';
  end;
  perform private.raise_if(v_course is not null and not exists (select 1 from public.training_courses c where c.id = v_course and c.enterprise_id = p_enterprise_id), '22023', 'course_invalid', '请选择本企业的课程');
  if coalesce(s ->> 'review_after_submit', 'score') not in ('none', 'score', 'answers')
     or coalesce(s ->> 'review_after_close', 'answers') not in ('none', 'score', 'answers') then
    raise exception using errcode = '22023', message = 'review_policy_invalid', hint = '查看权限须为不可查看、仅分数或分数和答案';
  end if;
  if (s ->> 'duration_minutes') is null or (s ->> 'duration_minutes')::integer not between 1 and 600
     or (s ->> 'attempt_limit')::integer not between 1 and 100 or (s ->> 'leave_limit')::integer not between 1 and 100
     or coalesce((s ->> 'points')::integer, 0) not between 0 and 1000
     or ((s ->> 'opens_at') is not null and (s ->> 'closes_at') is not null and (s ->> 'opens_at')::timestamptz >= (s ->> 'closes_at')::timestamptz) then
    raise exception using errcode = '22023', message = 'settings_invalid', hint = '时长1到600分钟，考试次数和切屏次数1到100，开始时间须早于结束时间';
  end if;

  if v_mode = 'fixed' then
    if jsonb_typeof(s -> 'questions') is distinct from 'array' or jsonb_array_length(s -> 'questions') not between 1 and 300
       or exists (select 1 from jsonb_array_elements(s -> 'questions') x
                   where not case when jsonb_typeof(x) = 'object' and jsonb_typeof(x -> 'score') = 'number'
                                       and (x ->> 'score') ~ '^[0-9]{1,3}$'
                                       and (x ->> 'question_id') ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                                  then (x ->> 'score')::integer between 1 and 100
                                       and exists (select 1 from public.training_questions q
                                                    where q.id = (x ->> 'question_id')::uuid and q.enterprise_id = p_enterprise_id
                                                      and not q.archived)
                                  else false end)
       or (select count(distinct x ->> 'question_id') from jsonb_array_elements(s -> 'questions') x) <> jsonb_array_length(s -> 'questions') then
      raise exception using errcode = '22023', message = 'questions_invalid', hint = '请从本企业题库选择1到300道不重复的题目，每题1到100分';
    end if;
    select sum((x ->> 'score')::integer) into v_total from jsonb_array_elements(s -> 'questions') x;
  else
    if jsonb_typeof(s -> 'rules') is distinct from 'array' or jsonb_array_length(s -> 'rules') not between 1 and 20
       or exists (select 1 from jsonb_array_elements(s -> 'rules') x
                   where not case when jsonb_typeof(x) = 'object' and jsonb_typeof(x -> 'count') = 'number'
                                       and jsonb_typeof(x -> 'score') = 'number'
                                       and (x ->> 'count') ~ '^[0-9]{1,3}$' and (x ->> 'score') ~ '^[0-9]{1,3}$'
                                       and coalesce(jsonb_typeof(x -> 'category'), 'string') in ('string', 'null')
                                       and char_length(coalesce(x ->> 'category', '')) <= 30
                                       and (x ->> 'difficulty' is null or (x ->> 'difficulty') ~ '^[1-5]$')
                                  then (x ->> 'count')::integer between 1 and 200 and (x ->> 'score')::integer between 1 and 100
                                  else false end) then
      raise exception using errcode = '22023', message = 'rules_invalid', hint = '抽题规则：每条1到200题、每题1到100分，最多20条';
    end if;
    for v_rule in select x from jsonb_array_elements(s -> 'rules') x loop
      select count(*) into v_available from public.training_questions q
       where q.enterprise_id = p_enterprise_id and not q.archived
         and q.category = coalesce(v_rule ->> 'category', '')
         and (v_rule ->> 'difficulty' is null or q.difficulty = (v_rule ->> 'difficulty')::smallint);
      if v_available < (v_rule ->> 'count')::integer then
        raise exception using errcode = '22023', message = 'not_enough_questions',
          hint = '题库中「' || coalesce(nullif(v_rule ->> 'category', ''), '未分类') || '」的题目不足' || (v_rule ->> 'count') || '道';
      end if;
    end loop;
    select sum((x ->> 'count')::integer * (x ->> 'score')::integer) into v_total from jsonb_array_elements(s -> 'rules') x;
  end if;
  v_pass := (s ->> 'pass_score')::integer;
  if v_pass is null or v_pass < 0 or v_pass > v_total then
    raise exception using errcode = '22023', message = 'pass_score_invalid', hint = '及格分须在0到总分' || v_total || '之间';
  end if;

  if p_paper_id is null then
    insert into public.training_papers (enterprise_id, title, created_by, pass_score, duration_minutes)
    values (p_enterprise_id, v_title, auth.uid(), v_pass, (s ->> 'duration_minutes')::integer) returning id into v_id;
  else
    select p.id into v_id from public.training_papers p where p.id = p_paper_id and p.enterprise_id = p_enterprise_id for update;
    perform private.training_not_found_if(v_id is null, 'paper');
  end if;
  update public.training_papers p
     set title = v_title, course_id = v_course, mode = v_mode, total_score = v_total, pass_score = v_pass,
         duration_minutes = (s ->> 'duration_minutes')::integer, opens_at = (s ->> 'opens_at')::timestamptz,
         closes_at = (s ->> 'closes_at')::timestamptz, attempt_limit = (s ->> 'attempt_limit')::integer,
         shuffle_questions = coalesce((s ->> 'shuffle_questions')::boolean, false),
         shuffle_options = coalesce((s ->> 'shuffle_options')::boolean, false),
         leave_limit = (s ->> 'leave_limit')::integer,
         review_after_submit = coalesce(s ->> 'review_after_submit', 'score'),
         review_after_close = coalesce(s ->> 'review_after_close', 'answers'),
         certificate = coalesce((s ->> 'certificate')::boolean, true), points = coalesce((s ->> 'points')::integer, 0),
         status = case when coalesce(p_publish, false) then 'published' else p.status end, updated_at = now()
   where p.id = v_id;
  delete from public.training_paper_questions where paper_id = v_id;
  delete from public.training_paper_rules where paper_id = v_id;
  if v_mode = 'fixed' then
    insert into public.training_paper_questions (paper_id, question_id, enterprise_id, score, position)
    select v_id, (x ->> 'question_id')::uuid, p_enterprise_id, (x ->> 'score')::integer, ord::integer
      from jsonb_array_elements(s -> 'questions') with ordinality y(x, ord);
  else
    insert into public.training_paper_rules (paper_id, enterprise_id, category, difficulty, question_count, score, position)
    select v_id, p_enterprise_id, coalesce(x ->> 'category', ''), (x ->> 'difficulty')::smallint, (x ->> 'count')::integer,
           (x ->> 'score')::integer, ord::integer
      from jsonb_array_elements(s -> 'rules') with ordinality y(x, ord);
  end if;
  return v_id;
end $$;

-- -----------------------------------------------------------------------------
-- Learners: assignments, course outline, progress
-- -----------------------------------------------------------------------------
create or replace function private.training_my_assignments(p_enterprise_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
begin
  perform private.training_assert_learner(p_enterprise_id);
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'course_id', c.id, 'title', c.title, 'category', c.category, 'required', c.required, 'cover_path', c.cover_path,
             'due_at', d.due_at, 'overdue', d.due_at is not null and d.due_at < now() and cc.completed_at is null,
             'lessons_total', (select count(*) from public.training_lessons l where l.course_id = c.id),
             'lessons_done', (select count(*) from public.training_lesson_progress p
                               where p.course_id = c.id and p.user_id = v_uid and p.completed_at is not null),
             'completed_at', cc.completed_at)
           order by cc.completed_at is not null, d.due_at nulls last, c.title)
      from private.training_my_course_deadlines(p_enterprise_id, v_uid) d
      join public.training_courses c on c.id = d.course_id and c.status = 'published'
      left join public.training_course_completions cc on cc.course_id = c.id and cc.user_id = v_uid), '[]'::jsonb);
end $$;

create or replace function private.training_course_outline(p_course_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_course public.training_courses;
begin
  select * into v_course from public.training_courses c where c.id = p_course_id;
  perform private.training_assert_reader(v_course.enterprise_id, v_course.status, 'course');
  return jsonb_build_object(
    'id', v_course.id, 'enterprise_id', v_course.enterprise_id, 'title', v_course.title, 'summary', v_course.summary,
    'category', v_course.category, 'required', v_course.required, 'cover_path', v_course.cover_path, 'status', v_course.status,
    'limit_seeking', v_course.limit_seeking,
    'due_at', (select d.due_at from private.training_my_course_deadlines(v_course.enterprise_id, v_uid) d where d.course_id = p_course_id),
    'completed_at', (select cc.completed_at from public.training_course_completions cc where cc.course_id = p_course_id and cc.user_id = v_uid),
    'chapters', coalesce((
      select jsonb_agg(jsonb_build_object('id', ch.id, 'title', ch.title, 'lessons', coalesce((
               select jsonb_agg(jsonb_build_object(
                        'id', l.id, 'title', l.title, 'kind', l.kind, 'video_seconds', l.video_seconds,
                        'position_seconds', coalesce(p.position_seconds, 0), 'completed', p.completed_at is not null)
                      order by l.sort_order, l.created_at)
                 from public.training_lessons l
                 left join public.training_lesson_progress p on p.lesson_id = l.id and p.user_id = v_uid
                where l.chapter_id = ch.id), '[]'::jsonb))
             order by ch.sort_order, ch.created_at)
        from public.training_chapters ch where ch.course_id = p_course_id), '[]'::jsonb),
    'papers', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', pp.id, 'title', pp.title, 'duration_minutes', pp.duration_minutes, 'pass_score', pp.pass_score,
               'total_score', pp.total_score, 'opens_at', pp.opens_at, 'closes_at', pp.closes_at, 'attempt_limit', pp.attempt_limit,
               'attempts_used', (select count(*) from public.training_attempts a where a.paper_id = pp.id and a.user_id = v_uid),
               'open_attempt_id', (select a.id from public.training_attempts a
                                    where a.paper_id = pp.id and a.user_id = v_uid and a.status = 'in_progress'),
               'passed', exists (select 1 from public.training_attempts a where a.paper_id = pp.id and a.user_id = v_uid and a.passed))
             order by pp.created_at)
        from public.training_papers pp where pp.course_id = p_course_id and pp.status = 'published'), '[]'::jsonb));
end $$;

create or replace function private.training_award(p_enterprise_id uuid, p_user_id uuid, p_kind text, p_source uuid, p_points integer, p_reason text)
returns void language sql security definer set search_path = '' as $$
  insert into public.training_points (enterprise_id, user_id, source_kind, source_id, points, reason)
  select p_enterprise_id, p_user_id, p_kind, p_source, p_points, left(p_reason, 100)
   where p_points > 0
  on conflict on constraint training_points_once_per_source do nothing;
$$;

-- Video: watched seconds grow by at most the wall time since the last report (plus 2 s of slack,
-- and at most 60 s per report, so a paused player banks nothing); in a course that limits seeking
-- (the default) the resume position never runs past what was watched, otherwise it may run ahead
-- (up to the video's end) while watched seconds still grow at real time. Text and documents
-- complete when the learner says so.
create or replace function private.training_report_progress(p_lesson_id uuid, p_position_seconds integer, p_completed boolean default false)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_lesson public.training_lessons;
  v_course public.training_courses;
  v_row public.training_lesson_progress;
  v_credit integer;
  v_watched integer;
  v_done boolean;
  v_course_done boolean := false;
begin
  perform private.assert_cleared();
  select * into v_lesson from public.training_lessons l where l.id = p_lesson_id;
  select * into v_course from public.training_courses c where c.id = v_lesson.course_id;
  if v_lesson.id is null or v_course.status <> 'published' or not private.is_member(v_lesson.enterprise_id) then
    perform private.training_not_found('lesson');
  end if;
  perform private.training_assert_learner(v_lesson.enterprise_id);
  perform private.raise_if(p_position_seconds is null or p_position_seconds < 0 or p_position_seconds > 86400, '22023', 'position_invalid', '播放进度无效');

  insert into public.training_lesson_progress (user_id, lesson_id, enterprise_id, course_id)
  values (v_uid, p_lesson_id, v_lesson.enterprise_id, v_lesson.course_id)
  on conflict (user_id, lesson_id) do nothing;
  select * into v_row from public.training_lesson_progress p where p.user_id = v_uid and p.lesson_id = p_lesson_id for update;

  if v_lesson.kind = 'video' then
    v_credit := least(60, ceil(extract(epoch from (now() - v_row.last_report_at)))::integer + 2);
    v_watched := greatest(v_row.watched_seconds, least(p_position_seconds, v_row.watched_seconds + v_credit, v_lesson.video_seconds));
    v_done := v_watched >= v_lesson.video_seconds - 1;
    update public.training_lesson_progress p
       set watched_seconds = v_watched,
           position_seconds = case when v_course.limit_seeking then least(p_position_seconds, v_watched)
                                   else least(p_position_seconds, v_lesson.video_seconds) end,
           last_report_at = now(), completed_at = coalesce(p.completed_at, case when v_done then now() end)
     where p.user_id = v_uid and p.lesson_id = p_lesson_id
    returning * into v_row;
  else
    update public.training_lesson_progress p
       set position_seconds = p_position_seconds, last_report_at = now(),
           completed_at = coalesce(p.completed_at, case when coalesce(p_completed, false) then now() end)
     where p.user_id = v_uid and p.lesson_id = p_lesson_id
    returning * into v_row;
  end if;

  if v_row.completed_at is not null then
    perform private.training_award(v_lesson.enterprise_id, v_uid, 'lesson', p_lesson_id, v_lesson.points, '完成课时：' || v_lesson.title);
    if not exists (select 1 from public.training_course_completions cc where cc.user_id = v_uid and cc.course_id = v_course.id)
       and not exists (select 1 from public.training_lessons l
                        where l.course_id = v_course.id
                          and not exists (select 1 from public.training_lesson_progress p
                                           where p.lesson_id = l.id and p.user_id = v_uid and p.completed_at is not null)) then
      insert into public.training_course_completions (user_id, course_id, enterprise_id) values (v_uid, v_course.id, v_course.enterprise_id)
      on conflict do nothing;
      perform private.training_award(v_course.enterprise_id, v_uid, 'course', v_course.id, v_course.points, '完成课程：' || v_course.title);
    end if;
    v_course_done := exists (select 1 from public.training_course_completions cc where cc.user_id = v_uid and cc.course_id = v_course.id);
  end if;
  return jsonb_build_object('position_seconds', v_row.position_seconds, 'watched_seconds', v_row.watched_seconds,
                            'completed', v_row.completed_at is not null, 'course_completed', v_course_done);
end $$;

-- -----------------------------------------------------------------------------
-- Learners: exams
-- -----------------------------------------------------------------------------
-- Grades an attempt (caller holds its row lock): one UPDATE over its frozen items, then the
-- attempt's score; a pass earns the paper's points (once per paper) and a certificate.
create or replace function private.training_finish_attempt(p_attempt_id uuid, p_reason text)
returns void language plpgsql security definer set search_path = '' as $$
declare v_attempt public.training_attempts;
  v_paper public.training_papers;
  v_score integer;
  v_name text;
begin
  update private.training_attempt_items i
     set earned = case
       when i.answer is null then 0
       when i.kind = 'fill' then case when i.key ? private.training_normalize(i.answer ->> 0) then i.score else 0 end
       when i.answer = i.key then i.score
       else 0 end
   where i.attempt_id = p_attempt_id;
  select coalesce(sum(i.earned), 0) into v_score from private.training_attempt_items i where i.attempt_id = p_attempt_id;
  update public.training_attempts a
     set status = 'submitted', score = v_score, passed = v_score >= a.pass_score, submit_reason = p_reason,
         submitted_at = case when p_reason = 'deadline' then a.deadline_at else least(now(), a.deadline_at) end
   where a.id = p_attempt_id
  returning * into v_attempt;
  if not v_attempt.passed then
    return;
  end if;
  select * into v_paper from public.training_papers p where p.id = v_attempt.paper_id;
  perform private.training_award(v_attempt.enterprise_id, v_attempt.user_id, 'exam', v_paper.id, v_paper.points, '通过考试：' || v_paper.title);
  if v_paper.certificate and not exists (select 1 from public.training_certificates c
                                          where c.paper_id = v_paper.id and c.user_id = v_attempt.user_id and c.revoked_at is null) then
    select coalesce(nullif(m.display_name, ''), nullif(p.display_name, ''), '学员') into v_name
      from public.enterprise_members m left join public.profiles p on p.id = m.user_id
     where m.enterprise_id = v_attempt.enterprise_id and m.user_id = v_attempt.user_id;
    insert into public.training_certificates (enterprise_id, user_id, attempt_id, paper_id, course_id, serial, verification_code,
                                              holder_name, title, score)
    values (v_attempt.enterprise_id, v_attempt.user_id, v_attempt.id, v_paper.id, v_paper.course_id,
            'ZX' || to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || private.training_random_code(8),
            private.training_random_code(12), coalesce(v_name, '学员'),
            coalesce((select c.title from public.training_courses c where c.id = v_paper.course_id), v_paper.title), v_score);
    perform private.notify(v_attempt.user_id, 'training_certificate', '获得培训证书', '你已通过《' || v_paper.title || '》，证书已发放',
                           jsonb_build_object('enterprise_id', v_attempt.enterprise_id, 'paper_id', v_paper.id));
  end if;
end $$;

-- The caller's attempt, locked; an attempt past its deadline is submitted and graded first.
create or replace function private.training_my_attempt(p_attempt_id uuid)
returns public.training_attempts language plpgsql security definer set search_path = '' as $$
declare v_attempt public.training_attempts;
begin
  perform private.assert_cleared();
  select * into v_attempt from public.training_attempts a where a.id = p_attempt_id and a.user_id = auth.uid() for update;
  if v_attempt.id is null or not private.is_member(v_attempt.enterprise_id) then
    perform private.training_not_found('attempt');
  end if;
  if v_attempt.status = 'in_progress' and now() >= v_attempt.deadline_at then
    perform private.training_finish_attempt(v_attempt.id, 'deadline');
    select * into v_attempt from public.training_attempts a where a.id = p_attempt_id;
  end if;
  return v_attempt;
end $$;

-- What the learner sees of an attempt: the frozen questions (never a key) while it runs; after it,
-- the result as the paper's review policy allows (after the window closes, review_after_close).
create or replace function private.training_attempt_view(p_attempt public.training_attempts)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_paper public.training_papers;
  v_policy text;
  v_result jsonb;
begin
  select * into v_paper from public.training_papers p where p.id = p_attempt.paper_id;
  if p_attempt.status = 'submitted' then
    v_policy := case when v_paper.closes_at is not null and now() >= v_paper.closes_at then v_paper.review_after_close
                     else v_paper.review_after_submit end;
    v_result := jsonb_build_object('review', v_policy);
    if v_policy in ('score', 'answers') then
      v_result := v_result || jsonb_build_object('score', p_attempt.score, 'passed', p_attempt.passed);
    end if;
    if v_policy = 'answers' then
      v_result := v_result || jsonb_build_object('items', (
        select jsonb_agg(jsonb_build_object('position', i.position, 'earned', i.earned, 'correct_answer', i.key,
                                            'explanation', i.explanation) order by i.position)
          from private.training_attempt_items i where i.attempt_id = p_attempt.id));
    end if;
  end if;
  return jsonb_build_object(
    'id', p_attempt.id, 'paper_id', p_attempt.paper_id, 'title', v_paper.title, 'status', p_attempt.status,
    'attempt_no', p_attempt.attempt_no, 'started_at', p_attempt.started_at, 'deadline_at', p_attempt.deadline_at,
    'server_now', now(), 'submitted_at', p_attempt.submitted_at, 'submit_reason', p_attempt.submit_reason,
    'leave_count', p_attempt.leave_count, 'leave_limit', v_paper.leave_limit,
    'total_score', p_attempt.total_score, 'pass_score', p_attempt.pass_score,
    'questions', (select coalesce(jsonb_agg(jsonb_build_object('position', i.position, 'kind', i.kind, 'stem', i.stem,
                                                               'options', i.options, 'score', i.score, 'answer', i.answer)
                                            order by i.position), '[]'::jsonb)
                    from private.training_attempt_items i where i.attempt_id = p_attempt.id),
    'result', v_result,
    'certificate', (select jsonb_build_object('serial', c.serial, 'verification_code', c.verification_code)
                      from public.training_certificates c where c.attempt_id = p_attempt.id));
end $$;

create or replace function private.training_start_attempt(p_paper_id uuid)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_paper public.training_papers;
  v_open public.training_attempts;
  v_used integer;
  v_id uuid;
  v_rule public.training_paper_rules;
  v_picked uuid[] := '{}';
  v_scores integer[] := '{}';
  v_batch uuid[];
begin
  perform private.assert_cleared();
  select * into v_paper from public.training_papers p where p.id = p_paper_id;
  if v_paper.id is null or v_paper.status <> 'published' or not private.is_member(v_paper.enterprise_id) then
    perform private.training_not_found('paper');
  end if;
  perform private.training_assert_learner(v_paper.enterprise_id);
  -- one start at a time per person and paper
  perform pg_advisory_xact_lock(hashtextextended('training_attempt:' || p_paper_id::text || ':' || v_uid::text, 0));

  -- an open attempt is resumed (or, past its deadline, graded now and shown with its result)
  select a.id into v_id from public.training_attempts a
   where a.paper_id = p_paper_id and a.user_id = v_uid and a.status = 'in_progress';
  if v_id is not null then
    return private.training_attempt_view(private.training_my_attempt(v_id));
  end if;
  if v_paper.opens_at is not null and now() < v_paper.opens_at then
    raise exception using errcode = 'P0001', message = 'exam_not_open',
      hint = '考试将于' || to_char(v_paper.opens_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '开始';
  end if;
  perform private.raise_if(v_paper.closes_at is not null and now() >= v_paper.closes_at, 'P0001', 'exam_closed', '考试已结束');
  select count(*) into v_used from public.training_attempts a where a.paper_id = p_paper_id and a.user_id = v_uid;
  perform private.raise_if(v_paper.attempt_limit is not null and v_used >= v_paper.attempt_limit, 'P0001', 'attempts_exhausted', '考试次数已用完');

  -- the questions, frozen now
  if v_paper.mode = 'fixed' then
    select array_agg(pq.question_id order by pq.position), array_agg(pq.score order by pq.position)
      into v_picked, v_scores
      from public.training_paper_questions pq
      join public.training_questions q on q.id = pq.question_id
     where pq.paper_id = p_paper_id;
  else
    for v_rule in select * from public.training_paper_rules r where r.paper_id = p_paper_id order by r.position loop
      select array_agg(x.id) into v_batch from (
        select q.id from public.training_questions q
         where q.enterprise_id = v_paper.enterprise_id and not q.archived and q.category = v_rule.category
           and (v_rule.difficulty is null or q.difficulty = v_rule.difficulty)
           and q.id <> all (v_picked)
         order by random() limit v_rule.question_count) x;
      perform private.raise_if(coalesce(cardinality(v_batch), 0) < v_rule.question_count, 'P0001', 'not_enough_questions', '题库题目不足，请联系培训管理员');
      v_picked := v_picked || v_batch;
      v_scores := v_scores || array_fill(v_rule.score, array[v_rule.question_count]);
    end loop;
  end if;
  perform private.raise_if(coalesce(cardinality(v_picked), 0) = 0, 'P0001', 'paper_empty', '试卷没有题目，请联系培训管理员');

  insert into public.training_attempts (enterprise_id, paper_id, user_id, attempt_no, deadline_at, total_score, pass_score)
  values (v_paper.enterprise_id, p_paper_id, v_uid, v_used + 1,
          least(now() + make_interval(mins => v_paper.duration_minutes), coalesce(v_paper.closes_at, 'infinity')),
          (select sum(s) from unnest(v_scores) s), v_paper.pass_score)
  returning id into v_id;

  insert into private.training_attempt_items (attempt_id, position, question_id, kind, stem, options, score, key, explanation)
  select v_id, row_number() over (order by case when v_paper.shuffle_questions then random() else p.ord end),
         q.id, q.kind, q.stem,
         case when v_paper.shuffle_options and q.kind in ('single', 'multiple')
              then (select jsonb_agg(o order by random()) from jsonb_array_elements(q.options) o)
              else q.options end,
         p.score, k.answer, k.explanation
    from unnest(v_picked, v_scores) with ordinality p(question_id, score, ord)
    join public.training_questions q on q.id = p.question_id
    join private.training_question_keys k on k.question_id = q.id;

  select * into v_open from public.training_attempts a where a.id = v_id;
  return private.training_attempt_view(v_open);
end $$;

create or replace function private.training_attempt(p_attempt_id uuid)
returns jsonb language plpgsql security definer set search_path = '' as $$
begin
  return private.training_attempt_view(private.training_my_attempt(p_attempt_id));
end $$;

-- Checks one answer against its item's kind and options; returns it in stored form (choices
-- sorted, fill-in as a one-element array), or raises.
create or replace function private.training_clean_answer(p_kind text, p_options jsonb, p_answer jsonb)
returns jsonb language plpgsql immutable set search_path = '' as $$
declare v_out jsonb;
begin
  if p_answer is null or p_answer = 'null'::jsonb then
    return null;
  end if;
  if p_kind = 'fill' then
    if jsonb_typeof(p_answer) = 'array' and jsonb_array_length(p_answer) = 1 then
      p_answer := p_answer -> 0;
    end if;
    if jsonb_typeof(p_answer) <> 'string' or char_length(p_answer #>> '{}') > 200 then
      raise exception using errcode = '22023', message = 'answer_invalid', hint = '填空答案须为不超过200字的文字';
    end if;
    return jsonb_build_array(p_answer);
  end if;
  if jsonb_typeof(p_answer) = 'string' then
    p_answer := jsonb_build_array(p_answer);
  end if;
  if jsonb_typeof(p_answer) <> 'array' or jsonb_array_length(p_answer) > 8
     or exists (select 1 from jsonb_array_elements(p_answer) a
                 where jsonb_typeof(a) <> 'string'
                    or not exists (select 1 from jsonb_array_elements(p_options) o where o ->> 'id' = a #>> '{}')) then
    raise exception using errcode = '22023', message = 'answer_invalid', hint = '请从选项中选择答案';
  end if;
  select jsonb_agg(distinct a order by a) into v_out from jsonb_array_elements_text(p_answer) a;
  if p_kind in ('single', 'true_false') and jsonb_array_length(v_out) > 1 then
    raise exception using errcode = '22023', message = 'answer_invalid', hint = '这道题只能选一个答案';
  end if;
  return v_out;
end $$;

create or replace function private.training_save_answer(p_attempt_id uuid, p_position integer, p_answer jsonb)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_attempt public.training_attempts := private.training_my_attempt(p_attempt_id);
  v_item private.training_attempt_items;
begin
  if v_attempt.status <> 'in_progress' then
    -- past the deadline (just graded) or already submitted: nothing saved, and no error that would
    -- roll the grading back
    return jsonb_build_object('saved', false, 'status', v_attempt.status, 'deadline_at', v_attempt.deadline_at, 'server_now', now());
  end if;
  select * into v_item from private.training_attempt_items i where i.attempt_id = p_attempt_id and i.position = p_position;
  perform private.raise_if(v_item.attempt_id is null, '22023', 'position_invalid', '题号无效');
  update private.training_attempt_items i set answer = private.training_clean_answer(v_item.kind, v_item.options, p_answer)
   where i.attempt_id = p_attempt_id and i.position = p_position;
  return jsonb_build_object('saved', true, 'status', 'in_progress', 'deadline_at', v_attempt.deadline_at, 'server_now', now());
end $$;

-- p_answers (optional): {"<position>": answer, ...}, saved before grading. Submitting again (or
-- concurrently: the row lock serialises) returns the first grading's result.
create or replace function private.training_submit_attempt(p_attempt_id uuid, p_answers jsonb default null)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_attempt public.training_attempts := private.training_my_attempt(p_attempt_id);
begin
  if v_attempt.status = 'in_progress' then
    if p_answers is not null and p_answers <> 'null'::jsonb then
      if jsonb_typeof(p_answers) <> 'object'
         or exists (select 1 from jsonb_object_keys(p_answers) k
                     where k !~ '^[0-9]{1,4}$'
                        or not exists (select 1 from private.training_attempt_items i where i.attempt_id = p_attempt_id and i.position = k::integer)) then
        raise exception using errcode = '22023', message = 'answers_invalid', hint = '答案格式不正确';
      end if;
      update private.training_attempt_items i
         set answer = private.training_clean_answer(i.kind, i.options, p_answers -> i.position::text)
       where i.attempt_id = p_attempt_id and p_answers ? i.position::text;
    end if;
    perform private.training_finish_attempt(p_attempt_id, 'learner');
    select * into v_attempt from public.training_attempts a where a.id = p_attempt_id;
  end if;
  return private.training_attempt_view(v_attempt);
end $$;

create or replace function private.training_record_leave(p_attempt_id uuid)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_attempt public.training_attempts := private.training_my_attempt(p_attempt_id);
  v_limit integer;
begin
  if v_attempt.status = 'in_progress' then
    select p.leave_limit into v_limit from public.training_papers p where p.id = v_attempt.paper_id;
    update public.training_attempts a set leave_count = a.leave_count + 1 where a.id = p_attempt_id returning * into v_attempt;
    if v_limit is not null and v_attempt.leave_count >= v_limit then
      perform private.training_finish_attempt(p_attempt_id, 'leave_limit');
      select * into v_attempt from public.training_attempts a where a.id = p_attempt_id;
    end if;
  end if;
  return jsonb_build_object('leave_count', v_attempt.leave_count, 'leave_limit', v_limit, 'status', v_attempt.status);
end $$;

-- -----------------------------------------------------------------------------
-- Points leaderboard (per enterprise or department, by month in Shanghai time) and certificate
-- verification
-- -----------------------------------------------------------------------------
create or replace function private.training_leaderboard(p_enterprise_id uuid, p_month date default null, p_department_id uuid default null)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_month date := date_trunc('month', coalesce(p_month, (now() at time zone 'Asia/Shanghai')::date))::date;
  v_from timestamptz := v_month::timestamp at time zone 'Asia/Shanghai';
  v_to timestamptz := (v_month + interval '1 month')::timestamp at time zone 'Asia/Shanghai';
  v_rows jsonb;
begin
  perform private.training_assert_learner(p_enterprise_id);
  perform private.raise_if(p_department_id is not null and not exists (select 1 from public.departments d where d.id = p_department_id and d.enterprise_id = p_enterprise_id), '22023', 'department_invalid', '请选择本企业的部门');
  with recursive sub as (
    select d.id from public.departments d where d.id = p_department_id
    union all
    select c.id from public.departments c join sub on c.parent_id = sub.id
  ), totals as (
    select t.user_id, sum(t.points)::integer as points
      from public.training_points t
      join public.enterprise_members m on m.enterprise_id = t.enterprise_id and m.user_id = t.user_id
     where t.enterprise_id = p_enterprise_id and t.created_at >= v_from and t.created_at < v_to
       and (p_department_id is null or m.department_id in (select id from sub))
     group by t.user_id
  ), ranked as (
    select t.user_id, t.points, rank() over (order by t.points desc) as rnk,
           coalesce(nullif(m.display_name, ''), nullif(p.display_name, ''), '成员') as name
      from totals t
      join public.enterprise_members m on m.enterprise_id = p_enterprise_id and m.user_id = t.user_id
      left join public.profiles p on p.id = t.user_id
  )
  select jsonb_build_object(
           'rows', coalesce((select jsonb_agg(jsonb_build_object('rank', r.rnk, 'user_id', r.user_id, 'name', r.name, 'points', r.points)
                                              order by r.rnk, r.name) from (select * from ranked order by rnk, name limit 50) r), '[]'::jsonb),
           'me', (select jsonb_build_object('rank', r.rnk, 'points', r.points) from ranked r where r.user_id = auth.uid()))
    into v_rows;
  return jsonb_build_object('month', to_char(v_month, 'YYYY-MM')) || v_rows
         || jsonb_build_object('my_total', (select coalesce(sum(t.points), 0) from public.training_points t
                                             where t.enterprise_id = p_enterprise_id and t.user_id = auth.uid()));
end $$;

-- Public: validity and the holder's name, nothing else (no enterprise, no score).
create or replace function private.training_verify_certificate(p_code text)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_code text := upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g'));
  v_name text;
begin
  if v_code !~ '^[A-HJKMNP-Z2-9]{12}$' then
    return jsonb_build_object('valid', false, 'name', null);
  end if;
  select c.holder_name into v_name from public.training_certificates c
    join public.enterprises e on e.id = c.enterprise_id
   where c.verification_code = v_code and c.revoked_at is null and e.status <> 'closed';
  return jsonb_build_object('valid', v_name is not null, 'name', v_name);
end $$;

-- -----------------------------------------------------------------------------
-- Managers: a course's report (completion by department, overdue learners, exam scores)
-- -----------------------------------------------------------------------------
create or replace function private.training_course_report(p_course_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise uuid := private.training_assert_reporter('course', p_course_id);
begin
  return (
    with learners as (
      select distinct on (m.user_id) m.user_id, m.department_id, coalesce(nullif(m.display_name, ''), '成员') as name, d.due_at,
             cc.completed_at
        from public.enterprise_members m
        cross join lateral private.training_my_course_deadlines(v_enterprise, m.user_id) d
        left join public.training_course_completions cc on cc.course_id = p_course_id and cc.user_id = m.user_id
       where m.enterprise_id = v_enterprise and d.course_id = p_course_id
    )
    select jsonb_build_object(
      'assigned', (select count(*) from learners),
      'completed', (select count(*) from learners where completed_at is not null),
      'by_department', coalesce((select jsonb_agg(jsonb_build_object('department_id', x.department_id, 'department', x.dname,
                                                                     'assigned', x.assigned, 'completed', x.completed) order by x.dname)
                                   from (select l.department_id, coalesce(dp.name, '未分配部门') as dname, count(*) as assigned,
                                                count(l.completed_at) as completed
                                           from learners l left join public.departments dp on dp.id = l.department_id
                                          group by l.department_id, dp.name) x), '[]'::jsonb),
      'overdue', coalesce((select jsonb_agg(jsonb_build_object('user_id', l.user_id, 'name', l.name, 'due_at', l.due_at) order by l.due_at, l.name)
                             from learners l where l.completed_at is null and l.due_at < now()), '[]'::jsonb),
      'scores', coalesce((select jsonb_agg(jsonb_build_object('paper_id', p.id, 'title', p.title,
                                    'attempts', (select count(*) from public.training_attempts a where a.paper_id = p.id and a.status = 'submitted'),
                                    'passed', (select count(distinct a.user_id) from public.training_attempts a where a.paper_id = p.id and a.passed),
                                    'average', (select round(avg(a.score), 1) from public.training_attempts a where a.paper_id = p.id and a.status = 'submitted')))
                            from public.training_papers p where p.course_id = p_course_id), '[]'::jsonb)));
end $$;

-- -----------------------------------------------------------------------------
-- Privileges of the private bodies: the wrappers run as the caller, so the caller's role needs
-- execute on what its wrapper calls, and nothing else.
-- -----------------------------------------------------------------------------
do $$
declare
  f text;
begin
  foreach f in array array[
    'training_normalize(text)', 'training_assert_manager(uuid)', 'training_assert_learner(uuid)', 'training_not_found(text)', 'training_not_found_if(boolean, text)', 'training_assert_reporter(text, uuid)', 'training_enterprise_of(text, uuid)', 'training_assert_scope(uuid, text)', 'training_assert_reader(uuid, text, text)', 'training_assert_manages(uuid, text)', 'training_assert_writer(uuid)', 'training_title(text)', 'training_named(uuid, text, text)',
    'training_random_code(integer)', 'training_delta_text(jsonb)', 'training_lesson_image_paths(uuid, jsonb)', 'training_assignment_people(uuid)',
    'training_my_course_deadlines(uuid, uuid)', 'training_course_for_manager(uuid)', 'training_award(uuid, uuid, text, uuid, integer, text)',
    'training_finish_attempt(uuid, text)', 'training_my_attempt(uuid)', 'training_attempt_view(public.training_attempts)',
    'training_clean_answer(text, jsonb, jsonb)'] loop
    execute format('revoke execute on function private.%s from public, anon, authenticated', f);
  end loop;
end $$;

-- -----------------------------------------------------------------------------
-- The API
-- -----------------------------------------------------------------------------
-- anon verifies certificates; it reaches the body only through the wrapper (anon's usage on
-- schema private exists for report_stolen_account already; granted again so this file stands alone)
grant usage on schema private to anon;

/**
  * -------------------------------------------------------
  * Section - Paths, reports and jobs (from 20261211030000_training_paths_reports_jobs)
  * -------------------------------------------------------
  */

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
end $$;

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
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_title text := private.training_named(p_enterprise_id, p_title, p_summary);
  v_id uuid;
begin
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
    perform private.training_not_found_if(v_id is null, 'path');
  end if;
  if coalesce(p_publish, false) then
    update public.training_paths set status = 'published' where id = v_id;
  end if;
  delete from public.training_path_courses where path_id = v_id;
  insert into public.training_path_courses (path_id, course_id, enterprise_id, position)
  select v_id, c, p_enterprise_id, ord::integer from unnest(p_course_ids) with ordinality u(c, ord);
  return v_id;
end $$;

-- A path as its learner sees it: the published courses in order, each with its completion, and
-- the next one to take (the first not completed).
create or replace function private.training_path_outline(p_path_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_path public.training_paths;
  v_courses jsonb;
begin
  select * into v_path from public.training_paths p where p.id = p_path_id;
  perform private.training_assert_reader(v_path.enterprise_id, v_path.status, 'path');
  select coalesce(jsonb_agg(jsonb_build_object('course_id', c.id, 'title', c.title, 'category', c.category, 'required', c.required,
                                               'completed', cc.completed_at is not null) order by pc.position), '[]'::jsonb)
    into v_courses
    from public.training_path_courses pc
    join public.training_courses c on c.id = pc.course_id and c.status = 'published'
    left join public.training_course_completions cc on cc.course_id = c.id and cc.user_id = v_uid
   where pc.path_id = p_path_id;
  return jsonb_build_object('id', v_path.id, 'title', v_path.title, 'summary', v_path.summary, 'courses', v_courses,
    'next_course_id', (select x ->> 'course_id' from jsonb_array_elements(v_courses) x where not (x ->> 'completed')::boolean limit 1));
end $$;

-- -----------------------------------------------------------------------------
-- Managers: question import (rows parsed from CSV/XLSX by the app). All or nothing: with any bad
-- row nothing is imported and every bad row is reported with its number and the reason.
-- Row: {kind: 单选|多选|判断|填空 (or single|multiple|true_false|fill), stem, options ("甲|乙|丙" or an
-- array), answer ("B" / "A,C" / 正确|错误 / "2FA|MFA"), category, difficulty, tags ("a|b"), explanation}
-- -----------------------------------------------------------------------------
create or replace function private.training_import_questions(p_enterprise_id uuid, p_rows jsonb)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare r jsonb;
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
  perform private.raise_if(jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) not between 1 and 1000, '22023', 'rows_invalid', '一次导入1到1000道题');
  begin
    for r in select x from jsonb_array_elements(p_rows) x loop
      i := i + 1;
      begin
        perform private.raise_if(jsonb_typeof(r) <> 'object', '22023', 'row_invalid', '这一行不是有效的题目');
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
        perform private.raise_if((r ->> 'difficulty') is not null and (r ->> 'difficulty') !~ '^\s*[1-5]\s*$', '22023', 'difficulty_invalid', '难度须为1到5');
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
end $$;

-- -----------------------------------------------------------------------------
-- Managers: a paper's results (score distribution in tenths of the total, each question's
-- correct rate: the difficulty learners met) and a course's learners as CSV
-- -----------------------------------------------------------------------------
create or replace function private.training_paper_report(p_paper_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.training_assert_reporter('paper', p_paper_id);
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
end $$;

create or replace function private.training_csv_field(p_value text)
returns text language sql immutable set search_path = '' as $$
  -- quoted, quotes doubled; a leading = + - @ is neutralised so spreadsheets don't run it as a formula
  select '"' || replace(case when coalesce(p_value, '') ~ '^[=+\-@]' then '''' || p_value else coalesce(p_value, '') end, '"', '""') || '"';
$$;

create or replace function private.training_course_csv(p_course_id uuid)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise uuid := private.training_assert_reporter('course', p_course_id);
begin
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
      cross join lateral private.training_my_course_deadlines(v_enterprise, m.user_id) d
      left join public.departments dp on dp.id = m.department_id
      left join public.training_course_completions cc on cc.course_id = p_course_id and cc.user_id = m.user_id
     where m.enterprise_id = v_enterprise and d.course_id = p_course_id), '') || E'\n';
end $$;

-- -----------------------------------------------------------------------------
-- The scheduled job (hosted: pg_cron every few minutes; locally tools/local-stack/jobs.ts):
-- reminders a day before a deadline, one overdue notice after it (each once per person, course and
-- deadline), and attempts past their deadline submitted and graded, so reports never wait for the
-- learner to come back.
-- -----------------------------------------------------------------------------
create or replace function private.training_run_jobs()
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_graded integer := 0;
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
end $$;

-- -----------------------------------------------------------------------------
-- Privileges and the API
-- -----------------------------------------------------------------------------
revoke execute on function private.training_csv_field(text) from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['training_save_course', 'training_save_chapter', 'training_save_lesson',
  'training_publish_course', 'training_assign_course', 'training_save_question', 'training_question_key',
  'training_save_paper', 'training_my_assignments', 'training_course_outline', 'training_report_progress',
  'training_start_attempt', 'training_attempt', 'training_save_answer', 'training_submit_attempt',
  'training_record_leave', 'training_leaderboard', 'training_course_report', 'training_save_path',
  'training_path_outline', 'training_import_questions', 'training_paper_report', 'training_course_csv', 'training_set_archived'],
  p_anon => array['training_verify_certificate'], p_service => array['training_run_jobs']);
