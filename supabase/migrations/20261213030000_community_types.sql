-- =============================================================================
-- Community content types (issue 15): announcements, Q&A, polls and events are posts of a section
-- with a `post_type`, so each goes through the publishing check, the feed, reports, the moderation
-- queue and appeals like any post. What a type adds lives beside the post:
--   - announcement (moderators only): optionally pinned, optionally required reading for chosen
--     departments (or everyone), with read receipts (community_post_reads) the moderators see;
--   - question: the answers are its top-level comments; the asker accepts one
--     (community_posts.accepted_comment_id);
--   - poll: options, single or multiple choice, deadline, anonymous or named, and when results show
--     (always / after voting / after the deadline); votes are readable only by the voter, results
--     only through community_poll, which applies those rules;
--   - event: time, place, capacity with a waiting list, sign-up deadline, sign-up and cancellation
--     (the first on the waiting list moves up and is told), a reminder notice before the start
--     (community_run_jobs, the scheduled job), check-in with the organiser's six-digit code.
-- The create path is private.community_create_post (20261213020000_community_rpcs.sql), which takes
-- p_type and p_extra; the publishing check's ticket covers the extra text too (poll options, place).
-- =============================================================================
set check_function_bodies = off;

-- -----------------------------------------------------------------------------
-- 1. Tables
-- -----------------------------------------------------------------------------
alter table public.community_posts
  add column post_type text not null default 'post'
    constraint community_posts_post_type_valid check (post_type in ('post', 'announcement', 'question', 'poll', 'event')),
  -- question: the answer the asker accepted (a top-level comment of the post)
  add column accepted_comment_id uuid references public.community_comments (id) on delete set null,
  -- announcement: null = not required reading; '{}' = required for every member; else these departments
  add column required_department_ids uuid[]
    constraint community_posts_required_departments_size check (cardinality(required_department_ids) <= 50),
  add column read_count integer not null default 0;
create index community_posts_accepted_comment_idx on public.community_posts (accepted_comment_id);

create table public.community_polls (
  post_id uuid primary key,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  options text[] not null constraint community_polls_options_size check (cardinality(options) between 2 and 10),
  -- most options a voter may choose (1: single choice)
  max_choices integer not null default 1 constraint community_polls_max_choices_range check (max_choices between 1 and 10),
  -- anonymous: nobody sees who voted what; named: the voters' names show with the results
  anonymous boolean not null default true,
  show_results text not null default 'after_vote'
    constraint community_polls_show_results_valid check (show_results in ('always', 'after_vote', 'after_close')),
  closes_at timestamptz not null,
  voter_count integer not null default 0,
  constraint community_polls_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_polls enable row level security;
create index community_polls_enterprise_idx on public.community_polls (enterprise_id, post_id);

create table public.community_poll_votes (
  post_id uuid not null references public.community_polls (post_id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  -- positions in community_polls.options (0-based)
  choices smallint[] not null constraint community_poll_votes_choices_size check (cardinality(choices) between 1 and 10),
  voted_at timestamptz not null default now(),
  primary key (post_id, user_id)
);
alter table public.community_poll_votes enable row level security;
create index community_poll_votes_user_idx on public.community_poll_votes (user_id);
create index community_poll_votes_enterprise_idx on public.community_poll_votes (enterprise_id);

create table public.community_events (
  post_id uuid primary key,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz,
  place text not null constraint community_events_place_length check (char_length(btrim(place)) between 1 and 60),
  -- null: no limit
  capacity integer constraint community_events_capacity_range check (capacity between 1 and 10000),
  -- sign-up closes then (null: at the start)
  signup_closes_at timestamptz,
  going_count integer not null default 0,
  waitlist_count integer not null default 0,
  reminded_at timestamptz,
  constraint community_events_period_valid check (ends_at is null or ends_at > starts_at),
  constraint community_events_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_events enable row level security;
create index community_events_enterprise_idx on public.community_events (enterprise_id, post_id);
create index community_events_reminder_idx on public.community_events (starts_at) where reminded_at is null;

create table public.community_event_signups (
  post_id uuid not null references public.community_events (post_id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  status text not null constraint community_event_signups_status_valid check (status in ('going', 'waitlist', 'cancelled')),
  signed_up_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- checked in at the event with the organiser's code
  checked_in_at timestamptz,
  primary key (post_id, user_id)
);
alter table public.community_event_signups enable row level security;
create index community_event_signups_user_idx on public.community_event_signups (user_id, enterprise_id);
create index community_event_signups_enterprise_idx on public.community_event_signups (enterprise_id, post_id);
create index community_event_signups_queue_idx on public.community_event_signups (post_id, status, signed_up_at);

-- The event's check-in code: the organiser shows it at the door; not readable by members.
create table private.community_event_codes (
  post_id uuid primary key references public.community_events (post_id) on delete cascade,
  code text not null constraint community_event_codes_code_format check (code ~ '^[0-9]{6}$')
);

-- Read receipts (announcements; any post may be marked read, only announcements show the count).
create table public.community_post_reads (
  post_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  read_at timestamptz not null default now(),
  primary key (post_id, user_id),
  constraint community_post_reads_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_post_reads enable row level security;
create index community_post_reads_user_idx on public.community_post_reads (user_id);
create index community_post_reads_enterprise_idx on public.community_post_reads (enterprise_id, post_id);

select private.refuse_writes_when_inactive(
  'public.community_polls', 'public.community_poll_votes', 'public.community_events',
  'public.community_event_signups', 'public.community_post_reads'
);

insert into public.notification_kinds (kind, domain, mandatory, label, sort_order, target_kind, target_key) values
  ('community_announcement', 'community', true,  '社区必读公告', 250, 'community_post', 'post_id'),
  ('community_event',        'community', false, '社区活动提醒', 260, 'community_post', 'post_id'),
  ('community_answer',       'community', false, '社区问答',     270, 'community_post', 'post_id');
update public.notification_kinds set target_kind = 'community_post', target_key = 'post_id'
 where kind in ('community_reply', 'community_mention');

-- -----------------------------------------------------------------------------
-- 2. Read policies (writes only through the RPCs below)
-- -----------------------------------------------------------------------------
revoke all on public.community_polls, public.community_poll_votes, public.community_events,
  public.community_event_signups, public.community_post_reads from anon, authenticated;
grant select on public.community_polls, public.community_poll_votes, public.community_events,
  public.community_event_signups, public.community_post_reads to authenticated;

-- A poll's or event's details are readable by whoever reads its post (the posts' policy decides).
create policy "Readers of the post read its poll"
  on public.community_polls for select to authenticated
  using (post_id in (select p.id from public.community_posts p));

create policy "Voters read their own votes"
  on public.community_poll_votes for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Readers of the post read its event"
  on public.community_events for select to authenticated
  using (post_id in (select p.id from public.community_posts p));

create policy "Members read their sign-ups; moderators read their enterprise's"
  on public.community_event_signups for select to authenticated
  using (user_id = (select auth.uid()) or enterprise_id in (select private.my_community_moderated_ids()));

create policy "Members read their read receipts; moderators read their enterprise's"
  on public.community_post_reads for select to authenticated
  using (user_id = (select auth.uid()) or enterprise_id in (select private.my_community_moderated_ids()));

-- -----------------------------------------------------------------------------
-- 3. Helpers
-- -----------------------------------------------------------------------------
-- The human text a type adds (poll options, event place), checked with the title and body: the
-- publishing check's ticket covers it. Tolerant of any shape (the create path validates).
create or replace function private.community_extra_text(p_type text, p_extra jsonb)
returns text language plpgsql immutable set search_path = ''
as $$
begin
  if p_extra is null or jsonb_typeof(p_extra) <> 'object' then
    return '';
  end if;
  if p_type = 'poll' and jsonb_typeof(p_extra -> 'options') = 'array' then
    return coalesce((select string_agg(o #>> '{}', E'\n' order by n) from jsonb_array_elements(p_extra -> 'options') with ordinality x(o, n)
                      where jsonb_typeof(o) = 'string'), '');
  elsif p_type = 'event' and jsonb_typeof(p_extra -> 'place') = 'string' then
    return p_extra ->> 'place';
  end if;
  return '';
end;
$$;

-- A timestamptz from a jsonb value, or a 400 naming the field.
create or replace function private.community_json_time(p_value jsonb, p_code text, p_hint text)
returns timestamptz language plpgsql stable set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    return null;
  end if;
  if jsonb_typeof(p_value) <> 'string' or (p_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' then
    raise exception using errcode = '22023', message = p_code, hint = p_hint;
  end if;
  begin
    return (p_value #>> '{}')::timestamptz;
  exception when others then
    raise exception using errcode = '22023', message = p_code, hint = p_hint;
  end;
end;
$$;

-- The type's own rows, written by private.community_create_post after the post row (same
-- transaction). Validates p_extra first: the caller learns every problem before anything is kept.
create or replace function private.community_save_type(p_post public.community_posts, p_extra jsonb)
returns void language plpgsql security definer set search_path = ''
as $$
declare
  v_extra jsonb := coalesce(p_extra, '{}'::jsonb);
  v_options text[];
  v_max integer;
  v_closes timestamptz;
  v_show text;
  v_starts timestamptz;
  v_ends timestamptz;
  v_signup timestamptz;
  v_capacity integer;
  v_place text;
  v_required uuid[];
begin
  if jsonb_typeof(v_extra) <> 'object' then
    raise exception using errcode = '22023', message = 'extra_invalid', hint = '内容设置格式不正确';
  end if;
  if p_post.post_type = 'poll' then
    if jsonb_typeof(v_extra -> 'options') is distinct from 'array'
       or exists (select 1 from jsonb_array_elements(v_extra -> 'options') o where jsonb_typeof(o) <> 'string') then
      raise exception using errcode = '22023', message = 'poll_options_invalid', hint = '投票须有 2–10 个选项，每项 1–40 个字且不重复';
    end if;
    select array_agg(btrim(o #>> '{}') order by n) into v_options from jsonb_array_elements(v_extra -> 'options') with ordinality x(o, n);
    if cardinality(v_options) not between 2 and 10
       or exists (select 1 from unnest(v_options) o where char_length(o) not between 1 and 40)
       or (select count(distinct o) from unnest(v_options) o) <> cardinality(v_options) then
      raise exception using errcode = '22023', message = 'poll_options_invalid', hint = '投票须有 2–10 个选项，每项 1–40 个字且不重复';
    end if;
    if v_extra ? 'max_choices' and (jsonb_typeof(v_extra -> 'max_choices') <> 'number'
       or (v_extra ->> 'max_choices') !~ '^\d{1,2}$' or (v_extra ->> 'max_choices')::integer not between 1 and cardinality(v_options)) then
      raise exception using errcode = '22023', message = 'poll_max_choices_invalid', hint = '最多可选项数须在 1 与选项数之间';
    end if;
    v_max := coalesce((v_extra ->> 'max_choices')::integer, 1);
    if (v_extra ? 'anonymous' and jsonb_typeof(v_extra -> 'anonymous') <> 'boolean') then
      raise exception using errcode = '22023', message = 'poll_anonymous_invalid', hint = '请选择匿名或实名投票';
    end if;
    v_show := coalesce(v_extra ->> 'show_results', 'after_vote');
    if jsonb_typeof(coalesce(v_extra -> 'show_results', '"after_vote"')) <> 'string' or v_show not in ('always', 'after_vote', 'after_close') then
      raise exception using errcode = '22023', message = 'poll_show_results_invalid', hint = '请选择何时公布结果';
    end if;
    v_closes := private.community_json_time(v_extra -> 'closes_at', 'poll_deadline_invalid', '截止时间须在现在之后的一年内');
    if v_closes is null or v_closes <= now() or v_closes > now() + interval '365 days' then
      raise exception using errcode = '22023', message = 'poll_deadline_invalid', hint = '截止时间须在现在之后的一年内';
    end if;
    insert into public.community_polls (post_id, enterprise_id, options, max_choices, anonymous, show_results, closes_at)
    values (p_post.id, p_post.enterprise_id, v_options, v_max, coalesce((v_extra ->> 'anonymous')::boolean, true), v_show, v_closes);
  elsif p_post.post_type = 'event' then
    v_starts := private.community_json_time(v_extra -> 'starts_at', 'event_time_invalid', '活动时间须在现在之后的一年内');
    v_ends := private.community_json_time(v_extra -> 'ends_at', 'event_time_invalid', '结束时间须晚于开始时间');
    if v_starts is null or v_starts <= now() or v_starts > now() + interval '365 days' or (v_ends is not null and v_ends <= v_starts) then
      raise exception using errcode = '22023', message = 'event_time_invalid', hint = '活动时间须在现在之后的一年内，结束时间须晚于开始时间';
    end if;
    v_signup := private.community_json_time(v_extra -> 'signup_closes_at', 'event_signup_deadline_invalid', '报名截止时间须在活动开始之前');
    if v_signup is not null and (v_signup <= now() or v_signup > v_starts) then
      raise exception using errcode = '22023', message = 'event_signup_deadline_invalid', hint = '报名截止时间须在现在之后、活动开始之前';
    end if;
    v_place := btrim(coalesce(case when jsonb_typeof(v_extra -> 'place') = 'string' then v_extra ->> 'place' end, ''));
    if char_length(v_place) not between 1 and 60 then
      raise exception using errcode = '22023', message = 'event_place_invalid', hint = '活动地点须为 1–60 个字';
    end if;
    if v_extra ? 'capacity' and jsonb_typeof(v_extra -> 'capacity') <> 'null' then
      if jsonb_typeof(v_extra -> 'capacity') <> 'number' or (v_extra ->> 'capacity') !~ '^\d{1,5}$'
         or (v_extra ->> 'capacity')::integer not between 1 and 10000 then
        raise exception using errcode = '22023', message = 'event_capacity_invalid', hint = '人数上限须为 1–10000，不限请留空';
      end if;
      v_capacity := (v_extra ->> 'capacity')::integer;
    end if;
    insert into public.community_events (post_id, enterprise_id, starts_at, ends_at, place, capacity, signup_closes_at)
    values (p_post.id, p_post.enterprise_id, v_starts, v_ends, v_place, v_capacity, v_signup);
    insert into private.community_event_codes (post_id, code)
    values (p_post.id, lpad((floor(random() * 1000000))::integer::text, 6, '0'));
  elsif p_post.post_type = 'announcement' then
    if not private.is_community_moderator(p_post.enterprise_id) then
      raise exception using errcode = '42501', message = 'announcement_moderators_only', hint = '仅企业管理员或社区管理员可以发布公告';
    end if;
    if v_extra ? 'pinned' and jsonb_typeof(v_extra -> 'pinned') <> 'boolean' then
      raise exception using errcode = '22023', message = 'extra_invalid', hint = '内容设置格式不正确';
    end if;
    if v_extra ? 'required_department_ids' and jsonb_typeof(v_extra -> 'required_department_ids') <> 'null' then
      if jsonb_typeof(v_extra -> 'required_department_ids') <> 'array' or jsonb_array_length(v_extra -> 'required_department_ids') > 50
         or exists (select 1 from jsonb_array_elements(v_extra -> 'required_department_ids') d
                     where jsonb_typeof(d) <> 'string'
                        or not exists (select 1 from public.departments x
                                        where x.id::text = d #>> '{}' and x.enterprise_id = p_post.enterprise_id)) then
        raise exception using errcode = '22023', message = 'department_not_found', hint = '所选部门不存在';
      end if;
      select coalesce(array_agg(distinct (d #>> '{}')::uuid), '{}') into v_required
        from jsonb_array_elements(v_extra -> 'required_department_ids') d;
    end if;
    update public.community_posts
       set pinned_at = case when coalesce((v_extra ->> 'pinned')::boolean, false) then now() end,
           required_department_ids = v_required
     where id = p_post.id;
  end if;
end;
$$;

-- Members who must read an announcement (required for everyone or for its departments), among
-- those who can read its section.
create or replace function private.community_required_readers(p_post_id uuid)
returns setof uuid language sql stable security definer set search_path = ''
as $$
  select m.user_id
    from public.community_posts p
    join public.community_sections s on s.id = p.section_id
    join public.enterprise_members m on m.enterprise_id = p.enterprise_id
   where p.id = p_post_id and p.required_department_ids is not null
     and (p.required_department_ids = '{}' or m.department_id = any (p.required_department_ids))
     and (s.department_ids = '{}' or m.department_id = any (s.department_ids) or m.role = 'admin' or 'community' = any (m.scopes));
$$;

-- After an announcement is published (at once, or when a moderator releases it): the members who
-- must read it are told.
create or replace function private.community_announce(p_post_id uuid)
returns void language plpgsql security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
begin
  select * into v_post from public.community_posts p where p.id = p_post_id;
  if v_post.post_type <> 'announcement' or v_post.status <> 'published' or v_post.required_department_ids is null then
    return;
  end if;
  insert into public.notifications (user_id, kind, title, body, data)
  select r, 'community_announcement', '必读公告：' || left(v_post.title, 40), left(v_post.body_text, 80),
         jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', v_post.id)
    from private.community_required_readers(p_post_id) r
   where r is distinct from v_post.author_id;
end;
$$;

-- The post the caller reads, of the given type, with its enterprise; 400 otherwise. Every RPC on a
-- post starts here, so the consent gate is checked first (403 before any argument check).
create or replace function private.community_typed_post(p_post_id uuid, p_type text)
returns public.community_posts language plpgsql stable security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
begin
  perform private.assert_cleared();
  select * into v_post from public.community_posts p
   where p.id = p_post_id and p.section_id in (select private.my_community_section_ids()) and p.status = 'published'
     and (p_type is null or p.post_type = p_type);
  if v_post.id is null then
    raise exception using errcode = '22023', message = 'post_not_found', hint = '帖子不存在';
  end if;
  return v_post;
end;
$$;

-- -----------------------------------------------------------------------------
-- 4. RPC bodies
-- -----------------------------------------------------------------------------
-- A poll as the caller may see it: the options, their counts and (named polls) the voters' names
-- when the results show for them, their own choices, and whether it is closed.
create or replace function private.community_poll(p_post_id uuid)
returns json language plpgsql stable security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
  v_poll public.community_polls;
  v_mine smallint[];
  v_closed boolean;
  v_visible boolean;
  v_moderator boolean;
begin
  v_post := private.community_typed_post(p_post_id, 'poll');
  select * into v_poll from public.community_polls x where x.post_id = p_post_id;
  select v.choices into v_mine from public.community_poll_votes v where v.post_id = p_post_id and v.user_id = auth.uid();
  v_closed := now() >= v_poll.closes_at;
  v_moderator := private.is_community_moderator(v_post.enterprise_id);
  v_visible := v_poll.show_results = 'always' or v_closed
               or (v_poll.show_results = 'after_vote' and v_mine is not null)
               or v_moderator or v_post.author_id = auth.uid();
  return json_build_object(
    'post_id', p_post_id, 'max_choices', v_poll.max_choices, 'anonymous', v_poll.anonymous,
    'show_results', v_poll.show_results, 'closes_at', v_poll.closes_at, 'closed', v_closed,
    'voter_count', v_poll.voter_count, 'my_choices', coalesce(to_json(v_mine), '[]'::json), 'results_visible', v_visible,
    'options', (select json_agg(json_build_object(
                   'index', o.n - 1, 'label', o.label,
                   'votes', case when v_visible then (select count(*) from public.community_poll_votes v
                                                       where v.post_id = p_post_id and (o.n - 1)::smallint = any (v.choices)) end,
                   'voters', case when v_visible and not v_poll.anonymous then
                                (select coalesce(json_agg(private.community_author_name(v.enterprise_id, v.user_id) order by v.voted_at), '[]'::json)
                                   from (select * from public.community_poll_votes v where v.post_id = p_post_id
                                           and (o.n - 1)::smallint = any (v.choices) order by v.voted_at limit 50) v) end)
                 order by o.n)
                  from unnest(v_poll.options) with ordinality o(label, n)));
end;
$$;

-- Vote, or change one's vote, until the deadline.
create or replace function private.community_vote(p_post_id uuid, p_choices integer[])
returns json language plpgsql security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
  v_poll public.community_polls;
  v_choices smallint[];
  v_new boolean;
begin
  v_post := private.community_typed_post(p_post_id, 'poll');
  perform private.community_assert_writer(v_post.enterprise_id);
  select * into v_poll from public.community_polls x where x.post_id = p_post_id for update;
  if now() >= v_poll.closes_at then
    raise exception using errcode = '22023', message = 'poll_closed', hint = '投票已截止';
  end if;
  if p_choices is null or cardinality(p_choices) = 0
     or exists (select 1 from unnest(p_choices) c where c is null or c < 0 or c >= cardinality(v_poll.options))
     or (select count(distinct c) from unnest(p_choices) c) <> cardinality(p_choices) then
    raise exception using errcode = '22023', message = 'poll_choice_invalid', hint = '请选择有效的选项';
  end if;
  if cardinality(p_choices) > v_poll.max_choices then
    raise exception using errcode = '22023', message = 'poll_too_many_choices',
      hint = format('最多可选 %s 项', v_poll.max_choices);
  end if;
  select array_agg(c::smallint order by c) into v_choices from unnest(p_choices) c;
  v_new := not exists (select 1 from public.community_poll_votes v where v.post_id = p_post_id and v.user_id = auth.uid());
  insert into public.community_poll_votes (post_id, user_id, enterprise_id, choices)
  values (p_post_id, auth.uid(), v_post.enterprise_id, v_choices)
  on conflict (post_id, user_id) do update set choices = excluded.choices, voted_at = now();
  if v_new then
    update public.community_polls set voter_count = voter_count + 1 where post_id = p_post_id;
  end if;
  return private.community_poll(p_post_id);
end;
$$;

-- Sign up for an event (going, or on the waiting list when full) or cancel; a cancellation moves the
-- first on the waiting list up, and they are told.
create or replace function private.community_event_signup(p_post_id uuid, p_on boolean)
returns json language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_post public.community_posts;
  v_event public.community_events;
  v_current text;
  v_status text;
  v_next uuid;
begin
  v_post := private.community_typed_post(p_post_id, 'event');
  if p_on is null then
    raise exception using errcode = '22023', message = 'flag_required', hint = '请选择报名或取消';
  end if;
  if p_on then
    perform private.community_assert_writer(v_post.enterprise_id);
  else
    -- cancelling is never harmful: allowed while restricted
    perform private.assert_member(v_post.enterprise_id);
    perform private.assert_enterprise_writable(v_post.enterprise_id);
  end if;
  select * into v_event from public.community_events e where e.post_id = p_post_id for update;
  select s.status into v_current from public.community_event_signups s where s.post_id = p_post_id and s.user_id = v_uid;
  if now() >= v_event.starts_at then
    raise exception using errcode = '22023', message = 'event_started', hint = '活动已开始，不能再报名或取消';
  end if;
  if p_on then
    if v_current in ('going', 'waitlist') then
      v_status := v_current;
    else
      if now() >= coalesce(v_event.signup_closes_at, v_event.starts_at) then
        raise exception using errcode = '22023', message = 'event_signup_closed', hint = '报名已截止';
      end if;
      v_status := case when v_event.capacity is null or v_event.going_count < v_event.capacity then 'going' else 'waitlist' end;
      insert into public.community_event_signups (post_id, user_id, enterprise_id, status)
      values (p_post_id, v_uid, v_post.enterprise_id, v_status)
      on conflict (post_id, user_id) do update set status = excluded.status, signed_up_at = now(), updated_at = now();
      update public.community_events
         set going_count = going_count + (v_status = 'going')::integer, waitlist_count = waitlist_count + (v_status = 'waitlist')::integer
       where post_id = p_post_id;
    end if;
  else
    v_status := 'cancelled';
    if v_current in ('going', 'waitlist') then
      update public.community_event_signups set status = 'cancelled', updated_at = now() where post_id = p_post_id and user_id = v_uid;
      update public.community_events
         set going_count = going_count - (v_current = 'going')::integer, waitlist_count = waitlist_count - (v_current = 'waitlist')::integer
       where post_id = p_post_id;
      if v_current = 'going' then
        select s.user_id into v_next from public.community_event_signups s
         where s.post_id = p_post_id and s.status = 'waitlist' order by s.signed_up_at, s.user_id limit 1;
        if v_next is not null then
          update public.community_event_signups set status = 'going', updated_at = now() where post_id = p_post_id and user_id = v_next;
          update public.community_events set going_count = going_count + 1, waitlist_count = waitlist_count - 1 where post_id = p_post_id;
          perform private.notify(v_next, 'community_event', '活动有空位，你已报名成功',
            format('%s（%s，%s）', left(v_post.title, 40), to_char(v_event.starts_at at time zone 'Asia/Shanghai', 'MM-DD HH24:MI'), v_event.place),
            jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', p_post_id));
        end if;
      end if;
    end if;
  end if;
  select * into v_event from public.community_events e where e.post_id = p_post_id;
  return json_build_object('status', v_status, 'going_count', v_event.going_count, 'waitlist_count', v_event.waitlist_count);
end;
$$;

-- The event, for its organiser (its author) or a moderator; 403 for anyone else.
create or replace function private.community_organised_event(p_post_id uuid)
returns public.community_posts language plpgsql stable security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
begin
  v_post := private.community_typed_post(p_post_id, 'event');
  if v_post.author_id is distinct from auth.uid() and not private.is_community_moderator(v_post.enterprise_id) then
    raise exception using errcode = '42501', message = 'not_event_organiser', hint = '仅活动发起人或社区管理员可以执行此操作';
  end if;
  return v_post;
end;
$$;

-- The organiser's list (the event's author and the moderators): who is going, who waits, who came.
create or replace function private.community_event_attendees(p_post_id uuid)
returns json language plpgsql stable security definer set search_path = ''
as $$
declare
  v_post public.community_posts := private.community_organised_event(p_post_id);
begin
  return coalesce((select json_agg(json_build_object('name', private.community_author_name(s.enterprise_id, s.user_id),
                                                     'status', s.status, 'signed_up_at', s.signed_up_at, 'checked_in_at', s.checked_in_at)
                                   order by s.status, s.signed_up_at)
                     from public.community_event_signups s where s.post_id = p_post_id and s.status <> 'cancelled'), '[]'::json);
end;
$$;

-- The check-in code the organiser shows at the event.
create or replace function private.community_event_checkin_code(p_post_id uuid)
returns text language plpgsql stable security definer set search_path = ''
as $$
declare
  v_post public.community_posts := private.community_organised_event(p_post_id);
begin
  return (select c.code from private.community_event_codes c where c.post_id = v_post.id);
end;
$$;

-- A member who is going checks in with the organiser's code, from an hour before the start until
-- the end (or 12 hours after the start). Returns when they checked in (once; later calls keep it).
create or replace function private.community_event_check_in(p_post_id uuid, p_code text)
returns timestamptz language plpgsql security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
  v_event public.community_events;
  v_signup public.community_event_signups;
begin
  v_post := private.community_typed_post(p_post_id, 'event');
  perform private.assert_member(v_post.enterprise_id);
  perform private.assert_enterprise_writable(v_post.enterprise_id);
  select * into v_event from public.community_events e where e.post_id = p_post_id;
  select * into v_signup from public.community_event_signups s where s.post_id = p_post_id and s.user_id = auth.uid() for update;
  if v_signup.status is distinct from 'going' then
    raise exception using errcode = '22023', message = 'not_signed_up', hint = '你没有报名该活动（或仍在候补中），不能签到';
  end if;
  if now() < v_event.starts_at - interval '1 hour' or now() > coalesce(v_event.ends_at, v_event.starts_at + interval '12 hours') then
    raise exception using errcode = '22023', message = 'checkin_closed', hint = '活动开始前 1 小时至活动结束前可以签到';
  end if;
  if p_code is null or not exists (select 1 from private.community_event_codes c where c.post_id = p_post_id and c.code = btrim(p_code)) then
    raise exception using errcode = '22023', message = 'checkin_code_invalid', hint = '签到码不正确';
  end if;
  update public.community_event_signups set checked_in_at = coalesce(checked_in_at, now()), updated_at = now()
   where post_id = p_post_id and user_id = auth.uid()
  returning checked_in_at into v_signup.checked_in_at;
  return v_signup.checked_in_at;
end;
$$;

-- The asker accepts one answer (a top-level published comment by someone else), or none (null).
create or replace function private.community_accept_answer(p_post_id uuid, p_comment_id uuid)
returns void language plpgsql security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
  v_answer public.community_comments;
begin
  v_post := private.community_typed_post(p_post_id, 'question');
  if v_post.author_id is distinct from auth.uid() then
    raise exception using errcode = '42501', message = 'not_question_author', hint = '只有提问者可以采纳回答';
  end if;
  perform private.community_assert_writer(v_post.enterprise_id);
  if p_comment_id is not null then
    select * into v_answer from public.community_comments c
     where c.id = p_comment_id and c.post_id = p_post_id and c.parent_id is null and c.status = 'published';
    if v_answer.id is null then
      raise exception using errcode = '22023', message = 'answer_not_found', hint = '回答不存在';
    end if;
    if v_answer.author_id = auth.uid() then
      raise exception using errcode = '22023', message = 'own_answer', hint = '不能采纳自己的回答';
    end if;
  end if;
  update public.community_posts set accepted_comment_id = p_comment_id where id = p_post_id;
  if v_answer.author_id is not null and v_answer.id is distinct from v_post.accepted_comment_id then
    perform private.notify(v_answer.author_id, 'community_answer', '你的回答被采纳了', left(v_post.title, 80),
      jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', p_post_id, 'comment_id', p_comment_id));
  end if;
end;
$$;

-- "已读": the caller has read the post (once; later calls change nothing). Returns the read count.
create or replace function private.community_mark_read(p_post_id uuid)
returns integer language plpgsql security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
  v_count integer;
begin
  v_post := private.community_typed_post(p_post_id, null);
  insert into public.community_post_reads (post_id, user_id, enterprise_id)
  values (p_post_id, auth.uid(), v_post.enterprise_id) on conflict do nothing;
  if found then
    update public.community_posts set read_count = read_count + 1 where id = p_post_id returning read_count into v_count;
    return v_count;
  end if;
  return v_post.read_count;
end;
$$;

-- Read receipts of an announcement (moderators): how many read it, how many must, and who hasn't.
create or replace function private.community_read_receipts(p_post_id uuid)
returns json language plpgsql stable security definer set search_path = ''
as $$
declare
  v_post public.community_posts;
begin
  v_post := private.community_typed_post(p_post_id, 'announcement');
  if not private.is_community_moderator(v_post.enterprise_id) then
    raise exception using errcode = '42501', message = 'not_community_moderator', hint = '仅企业管理员或社区管理员可以执行此操作';
  end if;
  return json_build_object(
    'read_count', v_post.read_count,
    'required', v_post.required_department_ids is not null,
    'required_count', (select count(*) from private.community_required_readers(p_post_id)),
    'required_read', (select count(*) from private.community_required_readers(p_post_id) r
                       where exists (select 1 from public.community_post_reads x where x.post_id = p_post_id and x.user_id = r)),
    'unread', coalesce((select json_agg(n order by n) from (
                 select private.community_author_name(v_post.enterprise_id, r) as n
                   from private.community_required_readers(p_post_id) r
                  where not exists (select 1 from public.community_post_reads x where x.post_id = p_post_id and x.user_id = r)
                  limit 200) u), '[]'::json));
end;
$$;

-- The scheduled job (hosted: pg_cron every few minutes; locally tools/local-stack/jobs.ts): a
-- reminder to everyone going, once, within 24 hours of an event's start.
create or replace function private.community_run_jobs()
returns jsonb language plpgsql security definer set search_path = ''
as $$
declare
  v_events integer;
begin
  with due as (
    update public.community_events e set reminded_at = now()
      from public.community_posts p, public.enterprises x
     where p.id = e.post_id and x.id = e.enterprise_id and x.status = 'normal' and p.status = 'published'
       and e.reminded_at is null and e.starts_at > now() and e.starts_at <= now() + interval '24 hours'
    returning e.post_id, e.enterprise_id, e.starts_at, e.place, p.title
  ), sent as (
    insert into public.notifications (user_id, kind, title, body, data)
    select s.user_id, 'community_event', '活动提醒：' || left(d.title, 40),
           format('%s 开始，地点：%s', to_char(d.starts_at at time zone 'Asia/Shanghai', 'MM-DD HH24:MI'), d.place),
           jsonb_build_object('enterprise_id', d.enterprise_id, 'post_id', d.post_id)
      from due d join public.community_event_signups s on s.post_id = d.post_id and s.status = 'going'
    returning 1
  )
  select count(*) into v_events from due;
  return jsonb_build_object('event_reminders', v_events);
end;
$$;

revoke all on function
  private.community_extra_text(text, jsonb), private.community_json_time(jsonb, text, text),
  private.community_save_type(public.community_posts, jsonb), private.community_required_readers(uuid),
  private.community_announce(uuid), private.community_typed_post(uuid, text),
  private.community_organised_event(uuid)
from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- 5. Public API
-- -----------------------------------------------------------------------------
-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['community_poll', 'community_vote', 'community_event_signup',
  'community_event_attendees', 'community_event_checkin_code', 'community_event_check_in',
  'community_accept_answer', 'community_mark_read', 'community_read_receipts'], p_service =>
  array['community_run_jobs']);
