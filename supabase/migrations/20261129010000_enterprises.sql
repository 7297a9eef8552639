-- =============================================================================
-- Enterprises: the tenants. Tables, membership helpers and read policies.
--
-- Every tenant table carries `enterprise_id` (indexed). Reads go through RLS policies that compare
-- it with `private.my_enterprise_ids()` / `private.my_admin_enterprise_ids()`: set-returning
-- helpers evaluated once per statement (an InitPlan), not once per row. Those helpers return
-- nothing for a user who is not cleared by the identity gate, so an uncleared user reads no tenant
-- data at all.
--
-- Client roles write nothing directly: every change with a rule (create, invite, join, approve,
-- move, promote, leave, remove, review) is a SQL function in the membership / directory migrations
-- that follow this one. Errors follow the identity migration: 42501 → 403, 22023 / P0001 → 400,
-- `message` = stable English code, `hint` = Chinese text.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Editions and the features they include (LX 2.2.6). One table that SQL and the app both read.
-- -----------------------------------------------------------------------------
create table public.edition_features (
  edition text not null
    constraint edition_features_edition_valid check (edition in ('basic', 'professional', 'private')),
  feature text not null
    constraint edition_features_feature_format check (feature ~ '^[a-z][a-z0-9_]{1,40}$'),
  primary key (edition, feature)
);
alter table public.edition_features enable row level security;
comment on table public.edition_features is 'Which edition includes which feature. Written only by migrations.';

revoke all on public.edition_features from anon, authenticated;
grant select on public.edition_features to anon, authenticated;

create policy "Anyone can read edition features"
  on public.edition_features for select
  to anon, authenticated
  using (true);

insert into public.edition_features (edition, feature)
select e.edition, f.feature
  from (values ('basic', 1), ('professional', 2), ('private', 3)) as e(edition, rank)
  join (values
    ('knowledge_base', 1), ('community', 1), ('directory', 1), ('invitations', 1),
    ('training', 2), ('exams', 2), ('open_api', 2), ('customer_service', 2), ('manager_roles', 2),
    ('private_deployment', 3), ('custom_branding', 3)
  ) as f(feature, min_rank) on f.min_rank <= e.rank;

-- -----------------------------------------------------------------------------
-- Enterprises
-- Phones are stored as GoTrue stores them: E.164 digits without '+', e.g. 8613800000001.
-- -----------------------------------------------------------------------------
create table public.enterprises (
  id uuid primary key default gen_random_uuid(),
  name text not null constraint enterprises_name_length check (char_length(btrim(name)) between 2 and 60),
  industry text not null constraint enterprises_industry_length check (char_length(btrim(industry)) between 1 and 40),
  size_band text not null
    constraint enterprises_size_band_valid check (size_band in ('1-49', '50-199', '200-999', '1000+')),
  edition text not null default 'basic'
    constraint enterprises_edition_valid check (edition in ('basic', 'professional', 'private')),
  contact_name text not null constraint enterprises_contact_name_length check (char_length(btrim(contact_name)) between 1 and 40),
  contact_phone text not null constraint enterprises_contact_phone_format check (contact_phone ~ '^861[3-9][0-9]{9}$'),
  -- LX 3.1.4: the enterprise sets the joining conditions.
  join_rule text not null default 'invite'
    constraint enterprises_join_rule_valid check (join_rule in ('invite', 'approval', 'allowlist')),
  members_can_invite boolean not null default false,
  -- Directory (通讯录) visibility for members; admins always see everything.
  directory_scope text not null default 'all'
    constraint enterprises_directory_scope_valid check (directory_scope in ('all', 'department')),
  directory_hidden_fields text[] not null default '{}'
    constraint enterprises_directory_hidden_fields_valid
      check (directory_hidden_fields <@ array['phone', 'email', 'title', 'employee_no']::text[]),
  -- Summary of the qualification review (DS 2.6(1), 3.3); details in qualification_documents.
  qualification_status text not null default 'none'
    constraint enterprises_qualification_status_valid check (qualification_status in ('none', 'pending', 'approved', 'rejected')),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.enterprises enable row level security;
comment on table public.enterprises is 'Tenants. Created and changed only through SQL functions.';
create index enterprises_created_by_idx on public.enterprises (created_by);

-- -----------------------------------------------------------------------------
-- Departments: a tree of at most 15 levels inside one enterprise.
-- The composite keys make a parent, a head's department or a member's department belong to the
-- same enterprise by construction.
-- -----------------------------------------------------------------------------
create table public.departments (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  parent_id uuid,
  name text not null constraint departments_name_length check (char_length(btrim(name)) between 1 and 40),
  depth smallint not null default 1 constraint departments_depth_range check (depth between 1 and 15),
  head_user_id uuid references auth.users (id) on delete set null,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  constraint departments_enterprise_id_unique unique (enterprise_id, id),
  constraint departments_parent_fk foreign key (enterprise_id, parent_id)
    references public.departments (enterprise_id, id) on delete restrict,
  constraint departments_root_depth check ((parent_id is null) = (depth = 1)),
  constraint departments_sibling_name_unique unique nulls not distinct (enterprise_id, parent_id, name)
);
alter table public.departments enable row level security;
create index departments_parent_idx on public.departments (enterprise_id, parent_id);
create index departments_head_user_idx on public.departments (head_user_id);

-- -----------------------------------------------------------------------------
-- Members: one row per person per enterprise. A person may belong to several (LX 3.2.2).
-- The profile fields here are the person's profile inside this enterprise.
-- -----------------------------------------------------------------------------
create table public.enterprise_members (
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member' constraint enterprise_members_role_valid check (role in ('admin', 'member')),
  -- Manager scopes granted by an admin (content, training, community, customer service).
  scopes text[] not null default '{}'
    constraint enterprise_members_scopes_valid check (scopes <@ array['content', 'training', 'community', 'service']::text[]),
  department_id uuid,
  display_name text not null default '' constraint enterprise_members_display_name_length check (char_length(display_name) <= 40),
  title text not null default '' constraint enterprise_members_title_length check (char_length(title) <= 40),
  employee_no text not null default '' constraint enterprise_members_employee_no_length check (char_length(employee_no) <= 32),
  email text not null default ''
    constraint enterprise_members_email_format check (email = '' or (char_length(email) <= 120 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
  invited_by uuid references auth.users (id) on delete set null,
  joined_at timestamptz not null default now(),
  primary key (enterprise_id, user_id),
  constraint enterprise_members_department_fk foreign key (enterprise_id, department_id)
    references public.departments (enterprise_id, id) on delete set null (department_id)
);
alter table public.enterprise_members enable row level security;
create index enterprise_members_user_idx on public.enterprise_members (user_id);
create index enterprise_members_department_idx on public.enterprise_members (enterprise_id, department_id);
create index enterprise_members_invited_by_idx on public.enterprise_members (invited_by);

-- The enterprise the app shows; switching is an RPC. Cleared when the membership ends.
alter table public.profiles
  add column current_enterprise_id uuid references public.enterprises (id) on delete set null;
create index profiles_current_enterprise_idx on public.profiles (current_enterprise_id);

-- -----------------------------------------------------------------------------
-- Invitations: link / QR (mini-program scene) / short code — all carry the same code.
-- Invitees never read this table: `get_invitation(code)` shows them what they need.
-- -----------------------------------------------------------------------------
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  -- 8 characters without look-alikes (no 0/O, 1/I/L): easy to read aloud and type.
  code text not null unique constraint invitations_code_format check (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  role text not null default 'member' constraint invitations_role_valid check (role in ('admin', 'member')),
  department_id uuid,
  created_by uuid not null references auth.users (id) on delete cascade,
  expires_at timestamptz not null,
  max_uses integer constraint invitations_max_uses_range check (max_uses is null or max_uses between 1 and 10000),
  use_count integer not null default 0 constraint invitations_use_count_nonnegative check (use_count >= 0),
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  constraint invitations_department_fk foreign key (enterprise_id, department_id)
    references public.departments (enterprise_id, id) on delete set null (department_id),
  constraint invitations_expiry_after_creation check (expires_at > created_at)
);
alter table public.invitations enable row level security;
create index invitations_enterprise_idx on public.invitations (enterprise_id, created_at desc);
create index invitations_created_by_idx on public.invitations (created_by);
create index invitations_department_idx on public.invitations (enterprise_id, department_id);

-- -----------------------------------------------------------------------------
-- Join requests: an invitee who accepted where the enterprise requires approval or an allow-list
-- miss, and the invitee's decision to decline (kept so the inviter sees it).
-- -----------------------------------------------------------------------------
create table public.join_requests (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  invitation_id uuid references public.invitations (id) on delete set null,
  status text not null default 'pending'
    constraint join_requests_status_valid check (status in ('pending', 'approved', 'rejected', 'declined', 'withdrawn')),
  reason text not null default '' constraint join_requests_reason_length check (char_length(reason) <= 200),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
alter table public.join_requests enable row level security;
create unique index join_requests_one_pending_idx on public.join_requests (enterprise_id, user_id) where status = 'pending';
create index join_requests_enterprise_idx on public.join_requests (enterprise_id, status, created_at desc);
create index join_requests_user_idx on public.join_requests (user_id);
create index join_requests_invitation_idx on public.join_requests (invitation_id);
create index join_requests_decided_by_idx on public.join_requests (decided_by);

-- -----------------------------------------------------------------------------
-- Phone allow-list (join rule 'allowlist'): phones admitted without approval.
-- -----------------------------------------------------------------------------
create table public.enterprise_phone_allowlist (
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  phone text not null constraint enterprise_phone_allowlist_phone_format check (phone ~ '^861[3-9][0-9]{9}$'),
  added_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (enterprise_id, phone)
);
alter table public.enterprise_phone_allowlist enable row level security;
create index enterprise_phone_allowlist_added_by_idx on public.enterprise_phone_allowlist (added_by);

-- -----------------------------------------------------------------------------
-- Qualification materials (DS 2.6(1), 3.3, 4.1): files in the private bucket `qualifications`
-- under `<enterprise_id>/…`, reviewed by platform operators.
-- -----------------------------------------------------------------------------
create table public.qualification_documents (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  kind text not null constraint qualification_documents_kind_valid check (kind in ('business_licence', 'legal_rep_id')),
  object_path text not null constraint qualification_documents_object_path_format check (object_path ~ '^[0-9a-f-]{36}/[^/]{1,200}$'),
  file_name text not null default '' constraint qualification_documents_file_name_length check (char_length(file_name) <= 200),
  status text not null default 'pending'
    constraint qualification_documents_status_valid check (status in ('pending', 'approved', 'rejected')),
  review_reason text not null default '' constraint qualification_documents_review_reason_length check (char_length(review_reason) <= 500),
  submitted_by uuid references auth.users (id) on delete set null,
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint qualification_documents_path_in_enterprise check (object_path like enterprise_id::text || '/%')
);
alter table public.qualification_documents enable row level security;
create index qualification_documents_enterprise_idx on public.qualification_documents (enterprise_id, created_at desc);
create index qualification_documents_status_idx on public.qualification_documents (status, created_at);
create index qualification_documents_submitted_by_idx on public.qualification_documents (submitted_by);
create index qualification_documents_reviewed_by_idx on public.qualification_documents (reviewed_by);

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('qualifications', 'qualifications', false, 10485760, array['image/jpeg', 'image/png', 'application/pdf'])
on conflict (id) do nothing;

-- =============================================================================
-- Membership helpers (private; callable from policies and RPCs)
-- =============================================================================

-- The enterprises the caller belongs to — empty when the identity gate does not clear the caller.
create or replace function private.my_enterprise_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.enterprise_id
    from public.enterprise_members m
   where m.user_id = (select auth.uid())
     and private.is_cleared();
$$;

create or replace function private.my_admin_enterprise_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.enterprise_id
    from public.enterprise_members m
   where m.user_id = (select auth.uid())
     and m.role = 'admin'
     and private.is_cleared();
$$;

create or replace function private.is_member(p_enterprise_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid())
  ) and private.is_cleared();
$$;

create or replace function private.is_admin(p_enterprise_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid()) and m.role = 'admin'
  ) and private.is_cleared();
$$;

-- Admins hold every scope; a manager holds the scopes an admin granted, where the edition has
-- manager roles.
create or replace function private.has_scope(p_enterprise_id uuid, p_scope text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.enterprise_members m
      join public.enterprises e on e.id = m.enterprise_id
     where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid())
       and (m.role = 'admin'
            or (p_scope = any (m.scopes)
                and exists (select 1 from public.edition_features f
                             where f.edition = e.edition and f.feature = 'manager_roles')))
  ) and private.is_cleared();
$$;

create or replace function private.has_feature(p_enterprise_id uuid, p_feature text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.enterprises e
      join public.edition_features f on f.edition = e.edition
     where e.id = p_enterprise_id and f.feature = p_feature
  );
$$;

-- Raising variants for RPCs.
create or replace function private.assert_member(p_enterprise_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_cleared();
  if not private.is_member(p_enterprise_id) then
    raise exception using errcode = '42501', message = 'not_enterprise_member', hint = '你不是该企业的成员';
  end if;
end;
$$;

create or replace function private.assert_admin(p_enterprise_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_cleared();
  if not private.is_admin(p_enterprise_id) then
    raise exception using errcode = '42501', message = 'not_enterprise_admin', hint = '仅企业管理员可以执行此操作';
  end if;
end;
$$;

-- =============================================================================
-- Read policies (one per table and command; writes only through SQL functions)
-- =============================================================================
revoke all on public.enterprises, public.departments, public.enterprise_members, public.invitations,
  public.join_requests, public.enterprise_phone_allowlist, public.qualification_documents
  from anon, authenticated;
grant select on public.enterprises, public.departments, public.enterprise_members, public.invitations,
  public.join_requests, public.enterprise_phone_allowlist, public.qualification_documents
  to authenticated;

create policy "Members and platform operators can read their enterprises"
  on public.enterprises for select
  to authenticated
  using (id in (select private.my_enterprise_ids()) or (select private.is_platform_operator()));

create policy "Members can read their enterprise's departments"
  on public.departments for select
  to authenticated
  using (enterprise_id in (select private.my_enterprise_ids()));

-- Members see colleagues through the directory function, which applies the enterprise's
-- visibility settings; the raw rows are for the person and the enterprise's admins.
create policy "Members read their own membership; admins read their enterprise's members"
  on public.enterprise_members for select
  to authenticated
  using (
    (user_id = (select auth.uid()) and enterprise_id in (select private.my_enterprise_ids()))
    or enterprise_id in (select private.my_admin_enterprise_ids())
  );

create policy "Admins read their enterprise's invitations; members read their own"
  on public.invitations for select
  to authenticated
  using (
    enterprise_id in (select private.my_admin_enterprise_ids())
    or (created_by = (select auth.uid()) and enterprise_id in (select private.my_enterprise_ids()))
  );

create policy "People read their own join requests; admins read their enterprise's"
  on public.join_requests for select
  to authenticated
  using (user_id = (select auth.uid()) or enterprise_id in (select private.my_admin_enterprise_ids()));

create policy "Admins read their enterprise's phone allow-list"
  on public.enterprise_phone_allowlist for select
  to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()));

create policy "Admins and platform operators read qualification documents"
  on public.qualification_documents for select
  to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()) or (select private.is_platform_operator()));

-- Helpers: callable by the roles whose policies use them, nobody else.
revoke execute on function
  private.my_enterprise_ids(), private.my_admin_enterprise_ids(), private.is_member(uuid), private.is_admin(uuid),
  private.has_scope(uuid, text), private.has_feature(uuid, text), private.assert_member(uuid), private.assert_admin(uuid)
  from public, anon;
grant execute on function private.my_enterprise_ids(), private.my_admin_enterprise_ids() to authenticated;
