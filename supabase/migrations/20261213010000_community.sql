-- =============================================================================
-- Community (社区, PRODUCT.md §5; LX 4.4, 4.5, 4.7.1, 5.1.5): sections, posts, threaded comments,
-- likes, favourites, reports, the moderation queue, actions, appeals and community sanctions.
--
-- Rich text: a post body is a Quill Delta (`{"ops": [...]}`, what the weapp <editor> and Quill 2
-- on H5 both produce) stored as jsonb, plus a plain-text copy derived from it in SQL
-- (private.community_delta_text) for search, excerpts and the publishing check.
--
-- Writes go only through the RPCs of 20261213020000_community_rpcs.sql (private definer bodies,
-- public invoker wrappers). Reads are RLS over the tables:
--   - members read the sections they can see (all members, or the section's departments) and the
--     published posts and comments in them; authors also read their own held/hidden items;
--   - moderators (enterprise admins and managers with the `community` scope) read everything of
--     their enterprise, reports and cases included;
--   - a member whose community membership is suspended reads nothing of the community until the
--     suspension ends; a restricted one reads everything and writes nothing.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. Tables
-- -----------------------------------------------------------------------------
create table public.community_sections (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  name text not null constraint community_sections_name_length check (char_length(btrim(name)) between 1 and 20),
  description text not null default '' constraint community_sections_description_length check (char_length(description) <= 200),
  -- empty: every member; otherwise members of these departments (and moderators)
  department_ids uuid[] not null default '{}'
    constraint community_sections_department_ids_size check (cardinality(department_ids) <= 50),
  sort_order integer not null default 0,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  archived_at timestamptz,
  constraint community_sections_enterprise_id_key unique (enterprise_id, id)
);
alter table public.community_sections enable row level security;
create index community_sections_created_by_idx on public.community_sections (created_by);
create unique index community_sections_name_key on public.community_sections (enterprise_id, lower(btrim(name))) where archived_at is null;

create table public.community_posts (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  section_id uuid not null,
  -- null once the author's account is deleted: the post is the enterprise's content (LX 2.1.2)
  author_id uuid references auth.users (id) on delete set null,
  -- the author's name in the enterprise when they posted (members can't read each other's profiles)
  author_name text not null default '',
  title text not null constraint community_posts_title_length check (char_length(btrim(title)) between 2 and 60),
  body jsonb not null,
  body_text text not null constraint community_posts_body_text_length check (char_length(body_text) <= 20000),
  images text[] not null default '{}' constraint community_posts_images_size check (cardinality(images) <= 9),
  -- published: everyone who sees the section; held: waiting for a moderator (publishing check said
  -- "review"); hidden: by reports past the threshold, a moderator, or until the required edit; deleted
  status text not null default 'published'
    constraint community_posts_status_valid check (status in ('published', 'held', 'hidden', 'deleted')),
  hidden_reason text constraint community_posts_hidden_reason_valid check (hidden_reason in ('reports', 'moderation', 'edit_required', 'author_left')),
  edit_required_at timestamptz,
  pinned_at timestamptz,
  featured_at timestamptz,
  like_count integer not null default 0,
  favorite_count integer not null default 0,
  comment_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint community_posts_enterprise_id_key unique (enterprise_id, id),
  constraint community_posts_section_fk foreign key (enterprise_id, section_id)
    references public.community_sections (enterprise_id, id) on delete cascade
);
alter table public.community_posts enable row level security;
-- The feed: latest in my enterprise / in a section, pinned first.
create index community_posts_enterprise_created_idx on public.community_posts (enterprise_id, created_at desc);
create index community_posts_section_created_idx on public.community_posts (section_id, enterprise_id, created_at desc);
create index community_posts_author_idx on public.community_posts (author_id, created_at desc);
-- Items that are not published (queue, "my held posts"): few, so a partial index.
create index community_posts_status_idx on public.community_posts (status, enterprise_id) where status <> 'published';

create table public.community_comments (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  -- copied from the post so the read policy checks the section without a join
  section_id uuid not null,
  post_id uuid not null,
  parent_id uuid references public.community_comments (id) on delete cascade,
  quote_id uuid references public.community_comments (id) on delete set null,
  author_id uuid references auth.users (id) on delete set null,
  author_name text not null default '',
  body_text text not null constraint community_comments_body_length check (char_length(btrim(body_text)) between 1 and 2000),
  status text not null default 'published'
    constraint community_comments_status_valid check (status in ('published', 'held', 'hidden', 'deleted')),
  hidden_reason text constraint community_comments_hidden_reason_valid check (hidden_reason in ('reports', 'moderation', 'edit_required', 'author_left')),
  created_at timestamptz not null default now(),
  constraint community_comments_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_comments enable row level security;
create index community_comments_post_created_idx on public.community_comments (post_id, created_at);
create index community_comments_enterprise_idx on public.community_comments (enterprise_id, post_id);
create index community_comments_section_idx on public.community_comments (section_id);
create index community_comments_parent_idx on public.community_comments (parent_id);
create index community_comments_quote_idx on public.community_comments (quote_id);
create index community_comments_author_idx on public.community_comments (author_id);
create index community_comments_status_idx on public.community_comments (status, enterprise_id) where status <> 'published';

-- A member's marks on a post, one row per member, post and kind: a like is counted on the post
-- (like_count) and readable by the enterprise's members; a favourite (favorite_count) is the
-- member's own list; a read receipt (read_count; announcements' required reading, see the content
-- types below) is the member's and the moderators'. `kind` leads the key: the policy reads it, and
-- every write names all three.
create table public.community_post_marks (
  kind text not null constraint community_post_marks_kind_valid check (kind in ('like', 'favorite', 'read')),
  post_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (kind, post_id, user_id),
  constraint community_post_marks_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_post_marks enable row level security;
create index community_post_marks_user_idx on public.community_post_marks (user_id, created_at desc);
create index community_post_marks_enterprise_idx on public.community_post_marks (enterprise_id, post_id);

-- The report categories, with the seed agreement's wording (LX 4.4.2.1 items 1–11, 4.4.2.2–4.4.2.5).
create table public.community_report_categories (
  code text primary key constraint community_report_categories_code_format check (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  clause text not null,
  label text not null,
  sort_order integer not null default 0
);
alter table public.community_report_categories enable row level security;
comment on table public.community_report_categories is 'Report categories and the clause each cites. Written only by migrations.';

insert into public.community_report_categories (code, clause, label, sort_order) values
  ('illegal_1',    'LX 4.4.2.1 第1项', '违反宪法确定的基本原则', 10),
  ('illegal_2',    'LX 4.4.2.1 第2项', '危害国家安全，泄露国家秘密，颠覆国家政权，破坏国家统一', 20),
  ('illegal_3',    'LX 4.4.2.1 第3项', '损害国家荣誉和利益', 30),
  ('illegal_4',    'LX 4.4.2.1 第4项', '煽动民族仇恨、民族歧视，破坏民族团结', 40),
  ('illegal_5',    'LX 4.4.2.1 第5项', '破坏国家宗教政策，宣扬邪教和封建迷信', 50),
  ('illegal_6',    'LX 4.4.2.1 第6项', '散布谣言，扰乱社会秩序，破坏社会稳定', 60),
  ('illegal_7',    'LX 4.4.2.1 第7项', '散布淫秽、色情、赌博、暴力、恐怖或者教唆犯罪', 70),
  ('illegal_8',    'LX 4.4.2.1 第8项', '侮辱或者诽谤他人，侵害他人合法权益', 80),
  ('illegal_9',    'LX 4.4.2.1 第9项', '煽动非法集会、结社、游行、示威、聚众扰乱社会秩序', 90),
  ('illegal_10',   'LX 4.4.2.1 第10项', '以非法民间组织名义活动', 100),
  ('illegal_11',   'LX 4.4.2.1 第11项', '含有法律、行政法规禁止的其他内容', 110),
  ('malware',      'LX 4.4.2.2', '计算机病毒等破坏性程序', 120),
  ('ads',          'LX 4.4.2.2', '广告信息', 130),
  ('harassment',   'LX 4.4.2.2', '骚扰信息', 140),
  ('sexual',       'LX 4.4.2.2', '含有性暗示的内容', 150),
  ('infringement', 'LX 4.4.2.3', '侵害他人名誉权、肖像权、知识产权、商业秘密等合法权利', 160),
  ('privacy',      'LX 4.4.2.4', '涉及他人个人隐私、个人信息或资料', 170),
  ('other',        'LX 4.4.2.5', '其他违反法律法规、公序良俗或侵犯他人合法权益的内容', 180);

-- A reviewable item (Discourse's model): one open case per reported or held item, with the
-- weighted score of its reports. Past the threshold the item is hidden until a moderator decides.
create table public.community_cases (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  target_type text not null constraint community_cases_target_type_valid check (target_type in ('post', 'comment')),
  target_id uuid not null,
  author_id uuid references auth.users (id) on delete set null,
  -- reports: members reported it; publish_check: the publishing check held it for review
  source text not null constraint community_cases_source_valid check (source in ('reports', 'publish_check')),
  check_label text not null default '',
  score numeric(8, 2) not null default 0,
  report_count integer not null default 0,
  -- open: waiting in the enterprise's queue; escalated: waiting for the platform; resolved
  status text not null default 'open' constraint community_cases_status_valid check (status in ('open', 'escalated', 'resolved')),
  hid_item boolean not null default false,
  opened_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null
);
alter table public.community_cases enable row level security;
create index community_cases_enterprise_status_idx on public.community_cases (enterprise_id, status, opened_at desc);
create unique index community_cases_open_target_key on public.community_cases (target_type, target_id) where status <> 'resolved';
create index community_cases_target_idx on public.community_cases (target_type, target_id);
create index community_cases_author_idx on public.community_cases (author_id);
create index community_cases_resolved_by_idx on public.community_cases (resolved_by);
create index community_cases_escalated_idx on public.community_cases (opened_at desc) where status = 'escalated';

create table public.community_reports (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  case_id uuid not null references public.community_cases (id) on delete cascade,
  target_type text not null constraint community_reports_target_type_valid check (target_type in ('post', 'comment')),
  target_id uuid not null,
  reporter_id uuid references auth.users (id) on delete set null,
  category text not null references public.community_report_categories (code),
  note text not null default '' constraint community_reports_note_length check (char_length(note) <= 500),
  -- the reporter's accuracy when they reported (private.community_reporter_weight)
  weight numeric(4, 2) not null,
  outcome text not null default 'open' constraint community_reports_outcome_valid check (outcome in ('open', 'upheld', 'dismissed')),
  created_at timestamptz not null default now()
);
alter table public.community_reports enable row level security;
create unique index community_reports_one_per_reporter_key on public.community_reports (target_type, target_id, reporter_id);
create index community_reports_case_idx on public.community_reports (case_id);
create index community_reports_reporter_idx on public.community_reports (reporter_id, enterprise_id);
create index community_reports_enterprise_idx on public.community_reports (enterprise_id, created_at desc);
create index community_reports_category_idx on public.community_reports (category);

-- Every moderation action (the audit): who, on what, which clause, why; and its one appeal.
create table public.community_actions (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  case_id uuid references public.community_cases (id) on delete set null,
  target_type text constraint community_actions_target_type_valid check (target_type in ('post', 'comment')),
  target_id uuid,
  -- the person the action concerns (the content's author); plain value so the record survives them
  author_id uuid,
  actor_id uuid,
  actor_role text not null constraint community_actions_actor_role_valid check (actor_role in ('moderator', 'operator')),
  action text not null constraint community_actions_action_valid
    check (action in ('hide', 'delete', 'dismiss', 'require_edit', 'warn', 'restrict', 'suspend', 'escalate')),
  clause text not null default '' constraint community_actions_clause_length check (char_length(clause) <= 40),
  reason text not null constraint community_actions_reason_length check (char_length(btrim(reason)) between 2 and 500),
  days integer constraint community_actions_days_range check (days between 1 and 365),
  created_at timestamptz not null default now(),
  appeal_text text constraint community_actions_appeal_length check (char_length(btrim(appeal_text)) between 5 and 1000),
  appealed_at timestamptz,
  appeal_status text constraint community_actions_appeal_status_valid check (appeal_status in ('pending', 'upheld', 'overturned')),
  appeal_decided_by uuid,
  appeal_decided_at timestamptz,
  appeal_note text constraint community_actions_appeal_note_length check (char_length(appeal_note) <= 500)
);
alter table public.community_actions enable row level security;
create index community_actions_enterprise_created_idx on public.community_actions (enterprise_id, created_at desc);
create index community_actions_case_idx on public.community_actions (case_id);
create index community_actions_author_idx on public.community_actions (author_id, created_at desc);
create index community_actions_appeals_idx on public.community_actions (enterprise_id, appealed_at) where appeal_status = 'pending';

-- Community-level sanctions of a member (the membership-level counterpart of a restricted account):
-- restricted = reads, writes nothing; suspended = no access to the community at all.
create table public.community_sanctions (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null constraint community_sanctions_kind_valid check (kind in ('restricted', 'suspended')),
  starts_at timestamptz not null default now(),
  ends_at timestamptz not null,
  action_id uuid references public.community_actions (id) on delete set null,
  lifted_at timestamptz,
  constraint community_sanctions_period_valid check (ends_at > starts_at)
);
alter table public.community_sanctions enable row level security;
create index community_sanctions_user_idx on public.community_sanctions (user_id, enterprise_id, ends_at desc);
create index community_sanctions_enterprise_idx on public.community_sanctions (enterprise_id, ends_at desc);
create index community_sanctions_action_idx on public.community_sanctions (action_id);
-- a sanction decided in this request changes what the caller's community context says
create trigger forget_request_context_on_community_sanctions
  after insert or update or delete on public.community_sanctions
  for each statement execute function private.forget_request_context();

-- The enterprise's own word list (the platform's list lives in private.community_platform_words).
create table public.community_blocked_words (
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  word text not null constraint community_blocked_words_word_length check (char_length(word) between 1 and 30),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, word)
);
alter table public.community_blocked_words enable row level security;
create index community_blocked_words_created_by_idx on public.community_blocked_words (created_by);

-- The enterprise's community rules: how many report points hide an item until review, and what
-- happens to a member's posts and comments when they leave (LX 2.1.2: the enterprise decides who
-- owns what its members produced): kept under their name, or hidden.
create table public.community_settings (
  enterprise_id uuid primary key references public.enterprises (id) on delete cascade,
  hide_threshold numeric(4, 1) not null default 3.0 constraint community_settings_threshold_range check (hide_threshold between 1 and 20),
  on_leave text not null default 'keep' constraint community_settings_on_leave_valid check (on_leave in ('keep', 'hide')),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
alter table public.community_settings enable row level security;
create index community_settings_updated_by_idx on public.community_settings (updated_by);

-- Not exposed: the platform's word list, and the publishing check's verdicts (tickets) that the
-- publish RPCs consume. A ticket is written by the community-publish edge function (service role)
-- after the word lists and WeChat's check; it binds the caller, the enterprise and the exact text.
create table private.community_platform_words (
  word text primary key constraint community_platform_words_word_length check (char_length(word) between 1 and 30),
  category text not null default 'other' references public.community_report_categories (code),
  created_at timestamptz not null default now()
);
create index community_platform_words_category_idx on private.community_platform_words (category);

create table private.community_publish_tickets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  digest text not null,
  verdict text not null check (verdict in ('pass', 'review')),
  label text not null default '',
  expires_at timestamptz not null default now() + interval '10 minutes'
);
create index community_publish_tickets_lookup_idx on private.community_publish_tickets (user_id, digest);
create index community_publish_tickets_enterprise_idx on private.community_publish_tickets (enterprise_id);

-- The actions table is the audit: rows are never deleted by anyone but a cascade of the enterprise,
-- and only the appeal columns ever change after the insert.
create or replace function private.community_actions_guard()
returns trigger language plpgsql set search_path = '' as $$
declare
  -- what an appeal writes after the insert
  v_appeal text[] := array['appeal_text', 'appealed_at', 'appeal_status', 'appeal_decided_by', 'appeal_decided_at', 'appeal_note', 'case_id'];
  v_refused boolean;
begin
  if tg_op = 'DELETE' then
    v_refused := exists (select 1 from public.enterprises e where e.id = old.enterprise_id);
  else
    v_refused := (to_jsonb(new) - v_appeal) is distinct from (to_jsonb(old) - v_appeal);
  end if;
  if v_refused then
    raise exception using errcode = '42501', message = 'audit_log_append_only', hint = '处理记录只能追加，不能修改或删除';
  end if;
  return coalesce(new, old);
end $$;
create trigger community_actions_append_only before update or delete on public.community_actions
  for each row execute function private.community_actions_guard();

-- Suspended and closed enterprises: nothing of the community is written (platform_ops rule).
select private.refuse_writes_when_inactive(
  'public.community_sections', 'public.community_posts', 'public.community_comments',
  'public.community_post_marks', 'public.community_reports'
);

-- Notices this module sends.
insert into public.notification_kinds (kind, domain, mandatory, label, sort_order) values
  ('community_moderation', 'community', true,  '社区内容处理', 200),
  ('community_report',     'community', false, '社区举报结果', 210),
  ('community_appeal',     'community', false, '社区申诉',     220),
  ('community_reply',      'community', false, '社区回复',     230),
  ('community_mention',    'community', false, '社区提及',     240);

-- -----------------------------------------------------------------------------
-- 2. Helpers (PL/pgSQL: plans cached per connection; see 20261130010000)
-- -----------------------------------------------------------------------------
-- One list of the caller's community request context ('sections' or 'moderated'), or null when this
-- request has none for the caller (see private.community_request_context).
create or replace function private.community_context(p_key text)
returns uuid[] language plpgsql stable set search_path = '' as $$
declare v_uid text := auth.uid()::text;
begin
  if current_setting('zx.ctx_community_uid', true) = v_uid and current_setting('zx.ctx_uid', true) = v_uid then
    return current_setting('zx.ctx_community_' || p_key)::uuid[];
  end if;
  return null;
end $$;

-- Enterprises where the caller moderates the community: admins, and managers with the
-- `community` scope where the edition has manager roles. Empty when the gate does not clear.
-- As an array for the posts policy, where it is one InitPlan (the set form below costs a hashed
-- SubPlan over a ProjectSet in every feed statement that meets a hidden post: bench/README.md (6)).
create or replace function private.my_community_moderated_array()
returns uuid[] language plpgsql stable security definer set search_path = '' as $$
begin
  -- computed once for this request by private.community_request_context (below); none signed out:
  -- private.my_scoped_enterprise_ids is empty then
  return coalesce(private.community_context('moderated'),
                  array(select e.id
                          from private.my_scoped_enterprise_ids('community') x(id)
                          join public.enterprises e on e.id = x.id
                         where e.status <> 'closed'));
end $$;

-- The same enterprises as a set, for `enterprise_id in (select …)` in the other policies.
create or replace function private.my_community_moderated_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
begin
  return query select unnest(private.my_community_moderated_array());
end $$;

-- Enterprises whose community the caller may read: member, enterprise not closed, and no
-- community suspension in force.
create or replace function private.my_community_enterprise_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
begin
  return query
    select e.id
      from private.my_enterprise_ids() x(id)
      join public.enterprises e on e.id = x.id
     where e.status <> 'closed'
       and not exists (select 1 from public.community_sanctions s
                        where s.user_id = v_uid and s.enterprise_id = e.id and s.kind = 'suspended'
                          and s.lifted_at is null and now() >= s.starts_at and now() < s.ends_at);
end $$;

-- Sections the caller can read: open to all members, or to the caller's department; moderators
-- read every section of their enterprise. One statement (the feed's policy pays for it once per
-- statement): the caller's enterprises come from the request context when PostgREST's pre-request
-- hook made one (20261130010000_policy_helpers_plpgsql.sql), else from private.my_enterprise_ids().
create or replace function private.my_community_section_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid(); -- a plain expression: PL/pgSQL evaluates it without the executor
  -- computed once for this request by private.community_request_context (below); none signed out
  v_ids uuid[] := private.community_context('sections');
begin
  if v_ids is not null or v_uid is null then
    return query select unnest(v_ids);
    return;
  end if;
  if current_setting('zx.ctx_uid', true) = v_uid::text then
    v_ids := current_setting('zx.ctx_enterprise_ids')::uuid[];
  else
    v_ids := array(select private.my_enterprise_ids());
  end if;
  if cardinality(v_ids) = 0 then
    return;
  end if;
  return query
    select s.id
      from public.community_sections s
      join public.enterprise_members m on m.enterprise_id = s.enterprise_id and m.user_id = v_uid
      join public.enterprises e on e.id = s.enterprise_id
     where s.enterprise_id = any (v_ids) and e.status <> 'closed'
       and (s.department_ids = '{}' or m.department_id = any (s.department_ids) or m.role = 'admin' or 'community' = any (m.scopes))
       and not exists (select 1 from public.community_sanctions x
                        where x.user_id = v_uid and x.enterprise_id = s.enterprise_id and x.kind = 'suspended'
                          and x.lifted_at is null and now() >= x.starts_at and now() < x.ends_at);
end $$;

-- The same sections as one array, for the posts policy: an InitPlan evaluated once per statement
-- (the set-returning form costs a hashed SubPlan over a ProjectSet in every feed statement, which
-- kept the feed's RLS overhead over its budget: bench/notes/full-1m-quiet). The policy hides the
-- array test from the planner inside coalesce(): as a plain `section_id = any (…)` the planner takes
-- it for an index condition on community_posts_section_created_idx and reads every post of the
-- member's sections to sort them (420 ms at 1M posts, bench/notes/full-1m.md (5)).
create or replace function private.my_community_section_array()
returns uuid[] language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce(private.community_context('sections'), array(select private.my_community_section_ids()));
end $$;

-- The caller's community context, made once per API request by PostgREST's pre-request hook
-- (hooks.begin_request calls this for community requests and direct SQL): the sections they can read
-- and the enterprises whose community they moderate. The two helpers above then answer from it
-- instead of resolving the caller at every statement (the feed's policy cost, bench/README.md).
-- It is valid while zx.ctx_uid is: the statement triggers that forget the request context on
-- membership, gate and account changes forget it too, and so do changes of sections and sanctions.
create or replace function private.community_request_context()
returns void language plpgsql volatile security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
begin
  perform set_config('zx.ctx_community_uid', '', true);
  if v_uid is null or current_setting('zx.ctx_uid', true) is distinct from v_uid::text then
    return;
  end if;
  perform set_config('zx.ctx_community_sections', array(select private.my_community_section_ids())::text, true);
  perform set_config('zx.ctx_community_moderated', private.my_community_moderated_array()::text, true);
  perform set_config('zx.ctx_community_uid', v_uid::text, true);
end $$;

create trigger forget_request_context_on_community_sections
  after insert or update or delete on public.community_sections
  for each statement execute function private.forget_request_context();

create or replace function private.is_community_moderator(p_enterprise_id uuid)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return p_enterprise_id = any (private.my_community_moderated_array());
end $$;

-- The membership-level counterpart of private.assert_not_restricted(): a restricted or suspended
-- community membership writes nothing in that enterprise's community.
create or replace function private.assert_member_not_restricted(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
declare v_kind text;
  v_until timestamptz;
begin
  select s.kind, s.ends_at into v_kind, v_until
    from public.community_sanctions s
   where s.user_id = auth.uid() and s.enterprise_id = p_enterprise_id
     and s.lifted_at is null and now() >= s.starts_at and now() < s.ends_at
   order by (s.kind = 'suspended') desc, s.ends_at desc
   limit 1;
  if v_kind = 'suspended' then
    raise exception using errcode = '42501', message = 'community_suspended',
      hint = format('你在本企业社区的成员资格已被暂停，至 %s 恢复', to_char(v_until at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'));
  elsif v_kind = 'restricted' then
    raise exception using errcode = '42501', message = 'community_restricted',
      hint = format('你在本企业社区的发布功能已被限制，至 %s 恢复；期间只能浏览', to_char(v_until at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'));
  end if;
end $$;

-- Plain text of a Quill Delta: the string inserts in order. Refuses anything that is not
-- `{"ops": [ {insert: ...}, ... ]}`, and embeds (images, video, formulas): a post's pictures are its
-- image grid, which WeChat's media check clears before colleagues see them; an image in the body
-- would skip that check (docs/api.md › Community › Images).
create or replace function private.community_delta_text(p_body jsonb)
returns text language plpgsql immutable set search_path = '' as $$
declare v_op jsonb;
  v_text text := '';
begin
  if p_body is null or jsonb_typeof(p_body) <> 'object' or jsonb_typeof(p_body -> 'ops') <> 'array'
     or jsonb_array_length(p_body -> 'ops') > 2000 then
    raise exception using errcode = '22023', message = 'body_invalid', hint = '正文格式不正确';
  end if;
  for v_op in select * from jsonb_array_elements(p_body -> 'ops') loop
    if jsonb_typeof(v_op) <> 'object' or not (v_op ? 'insert')
       or jsonb_typeof(v_op -> 'insert') not in ('string', 'object')
       or (v_op ? 'attributes' and jsonb_typeof(v_op -> 'attributes') <> 'object') then
      raise exception using errcode = '22023', message = 'body_invalid', hint = '正文格式不正确';
    end if;
    if jsonb_typeof(v_op -> 'insert') = 'object' then
      raise exception using errcode = '22023', message = 'body_media_not_allowed', hint = '正文只能包含文字；图片请用“＋ 图片”添加，审核通过后显示';
    end if;
    v_text := v_text || (v_op ->> 'insert');
  end loop;
  return v_text;
end $$;

-- What a publishing-check ticket binds: the enterprise and the exact text (title + plain body).
create or replace function private.community_digest(p_enterprise_id uuid, p_title text, p_text text)
returns text language sql immutable set search_path = '' as $$
  select encode(sha256(convert_to(p_enterprise_id::text || E'\x1f' || coalesce(p_title, '') || E'\x1f' || coalesce(p_text, ''), 'UTF8')), 'hex');
$$;

-- A reporter's weight from their past accuracy in this enterprise: (upheld + 1) / (decided + 2),
-- doubled, so a new reporter weighs 1.0, a reliable one up to 2.0, a careless one down to 0.2.
create or replace function private.community_reporter_weight(p_enterprise_id uuid, p_user_id uuid)
returns numeric language plpgsql stable security definer set search_path = '' as $$
declare v_up integer;
  v_down integer;
begin
  select count(*) filter (where r.outcome = 'upheld'), count(*) filter (where r.outcome = 'dismissed')
    into v_up, v_down
    from public.community_reports r
   where r.enterprise_id = p_enterprise_id and r.reporter_id = p_user_id;
  return greatest(0.2, least(2.0, round(2.0 * (v_up + 1) / (v_up + v_down + 2), 2)));
end $$;

-- The weighted score past which a reported item is hidden until reviewed: the enterprise's setting,
-- else 3.0 (three new reporters).
create or replace function private.community_hide_threshold(p_enterprise_id uuid)
returns numeric language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce((select c.hide_threshold from public.community_settings c where c.enterprise_id = p_enterprise_id), 3.0);
end $$;

-- A member leaves (or is removed): where the enterprise's rule says so, their published posts and
-- comments are hidden (not deleted: moderators still see them, and an admin may restore the rule).
create or replace function private.community_member_left()
returns trigger language plpgsql security definer set search_path = '' as $$
declare v_status_change text := current_setting('zx.enterprise_status_change', true);
begin
  if exists (select 1 from public.community_settings c where c.enterprise_id = old.enterprise_id and c.on_leave = 'hide') then
    -- Leaving is allowed in a suspended enterprise, and so is what leaving winds down: the
    -- inactive-enterprise triggers let this statement through (20261206040000_platform_ops.sql).
    perform set_config('zx.enterprise_status_change', 'on', true);
    update public.community_posts set status = 'hidden', hidden_reason = 'author_left', updated_at = now()
     where enterprise_id = old.enterprise_id and author_id = old.user_id and status = 'published';
    update public.community_comments set status = 'hidden', hidden_reason = 'author_left'
     where enterprise_id = old.enterprise_id and author_id = old.user_id and status = 'published';
    perform set_config('zx.enterprise_status_change', coalesce(v_status_change, ''), true);
  end if;
  return old;
end $$;
create trigger community_member_left after delete on public.enterprise_members
  for each row execute function private.community_member_left();

-- called by the definer helpers above, as their owner
revoke all on function private.community_context(text) from public, anon, authenticated;
-- only the pre-request hook (a definer function) calls it
revoke all on function private.community_request_context() from public, anon, authenticated, service_role;
revoke all on function private.my_community_moderated_ids(), private.my_community_moderated_array(), private.my_community_enterprise_ids(),
  private.my_community_section_ids(), private.my_community_section_array(), private.is_community_moderator(uuid), private.assert_member_not_restricted(uuid),
  private.community_delta_text(jsonb), private.community_digest(uuid, text, text),
  private.community_reporter_weight(uuid, uuid), private.community_hide_threshold(uuid), private.community_actions_guard(),
  private.community_member_left()
  from public, anon, authenticated;
-- Policy helpers run as the querying role.
grant execute on function private.my_community_moderated_ids(), private.my_community_moderated_array(), private.my_community_enterprise_ids(),
  private.my_community_section_ids(), private.my_community_section_array() to authenticated;

-- -----------------------------------------------------------------------------
-- 3. Read policies (no client role writes these tables directly)
-- -----------------------------------------------------------------------------
revoke all on public.community_sections, public.community_posts, public.community_comments,
  public.community_post_marks, public.community_report_categories, public.community_cases, public.community_reports,
  public.community_actions, public.community_sanctions, public.community_blocked_words, public.community_settings
  from anon, authenticated;
grant select on public.community_sections, public.community_posts, public.community_comments,
  public.community_post_marks, public.community_report_categories, public.community_cases, public.community_reports,
  public.community_actions, public.community_sanctions, public.community_blocked_words, public.community_settings
  to authenticated;

create policy "Members read the sections they can see"
  on public.community_sections for select to authenticated
  using (id in (select private.my_community_section_ids()));

create policy "Members read published posts of their sections; authors and moderators read the rest"
  on public.community_posts for select to authenticated
  using (coalesce(section_id = any ((select private.my_community_section_array())::uuid[]), false)
         and (status = 'published'
              or author_id = (select auth.uid())
              or enterprise_id = any ((select private.my_community_moderated_array())::uuid[])));

create policy "Members read published comments of their sections; authors and moderators read the rest"
  on public.community_comments for select to authenticated
  using (section_id in (select private.my_community_section_ids())
         and (status = 'published'
              or author_id = (select auth.uid())
              or enterprise_id in (select private.my_community_moderated_ids())));

create policy "Members read the likes in their enterprise's community, their own favourites and receipts; moderators all receipts"
  on public.community_post_marks for select to authenticated
  using (case kind when 'like' then enterprise_id in (select private.my_community_enterprise_ids())
                   when 'read' then user_id = (select auth.uid()) or enterprise_id in (select private.my_community_moderated_ids())
                   else user_id = (select auth.uid()) end);

create policy "Signed-in users read the report categories"
  on public.community_report_categories for select to authenticated
  using (true);

select private.readable_by_owner('public.community_cases', 'Moderators read their enterprise''s cases', null, 'private.my_community_moderated_ids');

select private.readable_by_owner('public.community_reports', 'Reporters read their reports; moderators read their enterprise''s', 'reporter_id', 'private.my_community_moderated_ids');

select private.readable_by_owner('public.community_actions', 'Authors read actions about them; moderators read their enterprise''s', 'author_id', 'private.my_community_moderated_ids');

select private.readable_by_owner('public.community_sanctions', 'Members read their own sanctions; moderators read their enterprise''s', 'user_id', 'private.my_community_moderated_ids');

select private.readable_by_owner('public.community_blocked_words', 'Moderators read their enterprise''s word list', null, 'private.my_community_moderated_ids');

select private.readable_by_owner('public.community_settings', 'Members read their enterprise''s community rules', null, 'private.my_enterprise_ids');
