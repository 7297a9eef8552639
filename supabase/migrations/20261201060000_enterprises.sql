-- Enterprises: tenants, members, policy helpers, status, cancellation.
-- Squashed from the migrations of 2026-11-22 … 2026-12-06 (see docs/database.md): every object is
-- defined once, in its final form. Change a deployed function in a new <timestamp>_<domain>_<change>.sql.

-- Files run in domain order, and a function body may name a table of a later domain file: bodies
-- are checked when they run, not when they are created (as pg_dump does).
set check_function_bodies = off;

/**
  * -------------------------------------------------------
  * Section - Enterprises (from 20261129010000)
  * -------------------------------------------------------
  */

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
-- Value lists as enums: the generated client types carry them as unions, and PostgREST takes the
-- same strings. Functions taking these values as text parameters check them (with their own
-- Chinese message) and cast when they write; a RETURN QUERY casts back to its declared text column.
-- -----------------------------------------------------------------------------
create type public.enterprise_edition as enum ('basic', 'professional', 'private');
create type public.enterprise_size_band as enum ('1-49', '50-199', '200-999', '1000+');
create type public.enterprise_join_rule as enum ('invite', 'approval', 'allowlist');
create type public.directory_scope as enum ('all', 'department');
create type public.member_role as enum ('admin', 'member');
create type public.review_status as enum ('pending', 'approved', 'rejected');

-- -----------------------------------------------------------------------------
-- Editions and the features they include (LX 2.2.6). One table that SQL and the app both read.
-- -----------------------------------------------------------------------------
create table public.edition_features (
  edition public.enterprise_edition not null,
  feature text not null
    constraint edition_features_feature_format check (feature ~ '^[a-z][a-z0-9_]{1,40}$'),
  primary key (edition, feature)
);

alter table public.edition_features enable row level security;

comment on table public.edition_features is 'Which edition includes which feature. Written only by migrations.';

select private.readable_by_anyone('public.edition_features', 'Anyone can read edition features');

insert into public.edition_features (edition, feature)
select e.edition::public.enterprise_edition, f.feature
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
  size_band public.enterprise_size_band not null,
  edition public.enterprise_edition not null default 'basic',
  contact_name text not null constraint enterprises_contact_name_length check (char_length(btrim(contact_name)) between 1 and 40),
  contact_phone text not null constraint enterprises_contact_phone_format check (contact_phone ~ '^861[3-9][0-9]{9}$'),
  -- LX 3.1.4: the enterprise sets the joining conditions.
  join_rule public.enterprise_join_rule not null default 'invite',
  members_can_invite boolean not null default false,
  -- Directory (通讯录) visibility for members; admins always see everything.
  directory_scope public.directory_scope not null default 'all',
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
  role public.member_role not null default 'member',
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
-- Qualification materials (DS 2.6(1), 3.3, 4.1): files in the private bucket `qualifications`
-- under `<enterprise_id>/…`, reviewed by platform operators.
-- -----------------------------------------------------------------------------
create table public.qualification_documents (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  kind text not null constraint qualification_documents_kind_valid check (kind in ('business_licence', 'legal_rep_id')),
  object_path text not null constraint qualification_documents_object_path_format check (object_path ~ '^[0-9a-f-]{36}/[^/]{1,200}$'),
  file_name text not null default '' constraint qualification_documents_file_name_length check (char_length(file_name) <= 200),
  status public.review_status not null default 'pending',
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

-- The membership helpers, answering from the context when it is there. Two functions, not one
-- taking the setting's name: a policy pays one helper call per statement, never a nested one.
create or replace function private.my_enterprise_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid(); -- a plain expression: PL/pgSQL evaluates it without the executor
  v_id uuid;
begin
  if v_uid is not null and current_setting('zx.ctx_uid', true) = v_uid::text then
    foreach v_id in array current_setting('zx.ctx_enterprise_ids')::uuid[] loop
      return next v_id;
    end loop;
    return;
  end if;
  if private.gate_code(v_uid) is not null then
    return;
  end if;
  return query select m.enterprise_id from public.enterprise_members m where m.user_id = v_uid;
end $$;

create or replace function private.my_admin_enterprise_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid(); -- a plain expression: PL/pgSQL evaluates it without the executor
  v_id uuid;
begin
  if v_uid is not null and current_setting('zx.ctx_uid', true) = v_uid::text then
    foreach v_id in array current_setting('zx.ctx_admin_enterprise_ids')::uuid[] loop
      return next v_id;
    end loop;
    return;
  end if;
  if private.gate_code(v_uid) is not null then
    return;
  end if;
  return query
    select m.enterprise_id from public.enterprise_members m where m.user_id = v_uid and m.role = 'admin';
end $$;

-- -----------------------------------------------------------------------------
-- Membership (nothing for a user the gate refuses)
-- -----------------------------------------------------------------------------
-- The caller's role in the enterprise; null for a non-member and for a user the gate refuses.
create or replace function private.my_member_role(p_enterprise_id uuid)
returns public.member_role language plpgsql stable security definer set search_path = '' as $$
begin
  return (select m.role from public.enterprise_members m
           where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid())
             and private.gate_code(null) is null);
end $$;

create or replace function private.is_member(p_enterprise_id uuid)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin return private.my_member_role(p_enterprise_id) is not null; end $$;

create or replace function private.is_admin(p_enterprise_id uuid)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin return coalesce(private.my_member_role(p_enterprise_id) = 'admin', false); end $$;

-- Admins hold every scope; a manager holds the scopes an admin granted, where the edition has
-- manager roles. The set form answers for every enterprise at once (the modules' policy helpers:
-- training managers, community moderators); empty when the gate does not clear.
create or replace function private.my_scoped_enterprise_ids(p_scope text)
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
begin
  if v_uid is null or private.gate_code(v_uid) is not null then
    return;
  end if;
  return query
    select m.enterprise_id
      from public.enterprise_members m
      join public.enterprises e on e.id = m.enterprise_id
     where m.user_id = v_uid
       and (m.role = 'admin'
            or (p_scope = any (m.scopes)
                and exists (select 1 from public.edition_features f
                             where f.edition = e.edition and f.feature = 'manager_roles')));
end $$;

create or replace function private.has_scope(p_enterprise_id uuid, p_scope text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return p_enterprise_id in (select private.my_scoped_enterprise_ids(p_scope));
end $$;

create or replace function private.has_feature(p_enterprise_id uuid, p_feature text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (
    select 1 from public.enterprises e
      join public.edition_features f on f.edition = e.edition
     where e.id = p_enterprise_id and f.feature = p_feature
  );
end $$;

-- The enterprise a storage object belongs to: the `<enterprise_id>/` its name starts with (the
-- canonical lower-case form the app writes), when the whole name also matches the bucket's
-- `p_pattern`; null otherwise, and the bucket's check refuses.
create or replace function private.object_enterprise_id(p_name text, p_pattern text default '')
returns uuid language sql immutable set search_path = '' as $$
  select case when p_name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/' and p_name ~ p_pattern
              then substr(p_name, 1, 36)::uuid end;
$$;
revoke all on function private.object_enterprise_id(text, text) from public, anon, authenticated, service_role;

-- Raising variants for RPCs.
create or replace function private.assert_member(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  perform private.raise_if(not private.is_member(p_enterprise_id), '42501', 'not_enterprise_member', '你不是该企业的成员');
end $$;

create or replace function private.assert_admin(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  perform private.raise_if(not private.is_admin(p_enterprise_id), '42501', 'not_enterprise_admin', '仅企业管理员可以执行此操作');
end $$;

create policy "Members and platform operators can read their enterprises"
  on public.enterprises for select to authenticated
  using (id in (select private.my_enterprise_ids()) or (select private.is_platform_operator()));

create policy "Members can read their enterprise's departments"
  on public.departments for select to authenticated
  using (enterprise_id in (select private.my_enterprise_ids()));

-- Members see colleagues through the directory function, which applies the enterprise's
-- visibility settings; the raw rows are for the person and the enterprise's admins.
create policy "Members read their own membership; admins read their enterprise's members"
  on public.enterprise_members for select to authenticated
  using (
    (user_id = (select auth.uid()) and enterprise_id in (select private.my_enterprise_ids()))
    or enterprise_id in (select private.my_admin_enterprise_ids())
  );

create policy "Admins and platform operators read qualification documents"
  on public.qualification_documents for select to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()) or (select private.is_platform_operator()));

-- Helpers: callable by the roles whose policies use them, nobody else.
revoke execute on function private.my_enterprise_ids() from public, anon;
revoke execute on function private.my_admin_enterprise_ids() from public, anon;
revoke execute on function private.my_member_role(uuid) from public, anon;
revoke execute on function private.is_member(uuid) from public, anon;
revoke execute on function private.is_admin(uuid) from public, anon;
revoke execute on function private.my_scoped_enterprise_ids(text) from public, anon;
revoke execute on function private.has_scope(uuid, text) from public, anon;
revoke execute on function private.has_feature(uuid, text) from public, anon;
revoke execute on function private.assert_member(uuid) from public, anon;
revoke execute on function private.assert_admin(uuid) from public, anon;
grant execute on function private.my_enterprise_ids() to authenticated;
grant execute on function private.my_admin_enterprise_ids() to authenticated;

/**
  * -------------------------------------------------------
  * Section - Membership (from 20261129020000)
  * -------------------------------------------------------
  */

create or replace function private.admin_count(p_enterprise_id uuid)
returns integer language sql stable security definer set search_path = '' as $$
  select count(*)::integer from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.role = 'admin';
$$;

-- A membership ends (leave / remove): what the person held in the enterprise goes with it.
-- Their unused invitations are revoked — otherwise a removed admin could rejoin through a link
-- they created beforehand.
create or replace function private.end_membership(p_enterprise_id uuid, p_user_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  update public.departments d set head_user_id = null
   where d.enterprise_id = p_enterprise_id and d.head_user_id = p_user_id;
  update public.invitations i set revoked_at = now()
   where i.enterprise_id = p_enterprise_id and i.created_by = p_user_id and i.revoked_at is null;
  update public.profiles p set current_enterprise_id = null, updated_at = now()
   where p.id = p_user_id and p.current_enterprise_id = p_enterprise_id;
end $$;

-- Adds a member (accepting an invitation, or an approved request). Joining by oneself makes it the
-- current enterprise; an admin's approval does so only for someone without one, so a member working
-- in another enterprise does not find the app switched under them.
create or replace function private.add_member(p_enterprise_id uuid, p_user_id uuid, p_role text, p_department_id uuid, p_invited_by uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  insert into public.enterprise_members (enterprise_id, user_id, role, department_id, display_name, invited_by)
  select p_enterprise_id, p_user_id, coalesce(p_role, 'member')::public.member_role,
         (select d.id from public.departments d where d.enterprise_id = p_enterprise_id and d.id = p_department_id),
         coalesce((select left(p.display_name, 40) from public.profiles p where p.id = p_user_id), ''),
         (select u.id from auth.users u where u.id = p_invited_by)
  on conflict (enterprise_id, user_id) do nothing;
  update public.profiles p set current_enterprise_id = p_enterprise_id, updated_at = now()
   where p.id = p_user_id and (p.current_enterprise_id is null or p_user_id = (select auth.uid()));
end $$;

create or replace function private.assert_enterprise_id(p_enterprise_id uuid)
returns void language plpgsql stable set search_path = '' as $$
begin
  if p_enterprise_id is null then
    raise exception using errcode = '22023', message = 'enterprise_id_required', hint = '请选择企业';
  end if;
end $$;

-- -----------------------------------------------------------------------------
-- Membership RPCs refused to restricted accounts and inside inactive enterprises (bodies as in
-- 20261129020000_membership.sql, plus the two checks after the gate).
-- -----------------------------------------------------------------------------
create or replace function private.create_enterprise(
  p_name text, p_industry text, p_size_band text, p_contact_name text, p_contact_phone text
)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_name text := private.clean_text(p_name, 2, 60);
  v_industry text := private.clean_text(p_industry, 1, 40);
  v_contact text := private.clean_text(p_contact_name, 1, 40);
  v_phone text := private.normalize_cn_mobile(btrim(p_contact_phone));
  v_id uuid;
begin
  perform private.assert_cleared();
  perform private.assert_not_restricted();
  perform private.raise_if(v_name is null, '22023', 'enterprise_name_invalid', '企业名称须为 2–60 个字符');
  perform private.raise_if(v_industry is null, '22023', 'industry_invalid', '请填写行业（1–40 个字符）');
  perform private.raise_if(p_size_band is null or p_size_band not in ('1-49', '50-199', '200-999', '1000+'), '22023', 'size_band_invalid', '请选择人员规模');
  perform private.raise_if(v_contact is null, '22023', 'contact_name_invalid', '请填写联系人姓名（1–40 个字符）');
  perform private.raise_if(v_phone is null, '22023', 'contact_phone_invalid', '请填写联系人的中国大陆手机号');
  if (select count(*) from public.enterprises e
       where e.created_by = v_uid and e.created_at > now() - interval '1 day') >= 10 then
    raise exception using errcode = 'P0001', message = 'enterprise_create_rate_limited', hint = '今天创建的企业已达上限，请明天再试';
  end if;

  insert into public.enterprises (name, industry, size_band, edition, contact_name, contact_phone, created_by)
  values (v_name, v_industry, p_size_band::public.enterprise_size_band, 'basic', v_contact, v_phone, v_uid)
  returning id into v_id;
  perform private.add_member(v_id, v_uid, 'admin', null, null);
  return v_id;
end $$;

create or replace function private.switch_enterprise(p_enterprise_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  update public.profiles p set current_enterprise_id = p_enterprise_id, updated_at = now()
   where p.id = (select auth.uid());
end $$;

-- -----------------------------------------------------------------------------
-- 2. Member reads refuse a closed enterprise (bodies as in 20261129020000_membership.sql and
--    20261129030000_directory.sql, plus private.assert_enterprise_open after the membership check).
-- -----------------------------------------------------------------------------
create or replace function private.enterprise_features(p_enterprise_id uuid)
returns text[] language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  perform private.assert_enterprise_open(p_enterprise_id);
  return coalesce((select array_agg(f.feature order by f.feature)
                     from public.enterprises e
                     join public.edition_features f on f.edition = e.edition
                    where e.id = p_enterprise_id), '{}');
end $$;

create or replace function private.update_enterprise_settings(p_enterprise_id uuid, p_settings jsonb)
returns void language plpgsql security definer set search_path = '' as $$
declare v_e public.enterprises;
  v_key text;
  v_val jsonb;
  v_text text;
  v_fields text[];
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform private.raise_if(p_settings is null or jsonb_typeof(p_settings) <> 'object' or p_settings = '{}'::jsonb, '22023', 'settings_invalid', '请提供要修改的设置');
  select * into v_e from public.enterprises e where e.id = p_enterprise_id for update;

  for v_key, v_val in select s.key, s.value from jsonb_each(p_settings) s loop
    v_text := case when jsonb_typeof(v_val) = 'string' then v_val #>> '{}' end;
    case v_key
      when 'name' then
        v_e.name := private.clean_text(v_text, 2, 60);
        perform private.raise_if(v_e.name is null, '22023', 'enterprise_name_invalid', '企业名称须为 2–60 个字符');
      when 'industry' then
        v_e.industry := private.clean_text(v_text, 1, 40);
        perform private.raise_if(v_e.industry is null, '22023', 'industry_invalid', '请填写行业（1–40 个字符）');
      when 'size_band' then
        perform private.raise_if(v_text is null or v_text not in ('1-49', '50-199', '200-999', '1000+'), '22023', 'size_band_invalid', '请选择人员规模');
        v_e.size_band := v_text;
      when 'contact_name' then
        v_e.contact_name := private.clean_text(v_text, 1, 40);
        perform private.raise_if(v_e.contact_name is null, '22023', 'contact_name_invalid', '请填写联系人姓名（1–40 个字符）');
      when 'contact_phone' then
        v_e.contact_phone := private.normalize_cn_mobile(btrim(v_text));
        perform private.raise_if(v_e.contact_phone is null, '22023', 'contact_phone_invalid', '请填写联系人的中国大陆手机号');
      when 'join_rule' then
        perform private.raise_if(v_text is null or v_text not in ('invite', 'approval', 'allowlist'), '22023', 'join_rule_invalid', '加入方式须为邀请直接加入、管理员审批或手机号白名单');
        v_e.join_rule := v_text;
      when 'members_can_invite' then
        perform private.raise_if(jsonb_typeof(v_val) <> 'boolean', '22023', 'members_can_invite_invalid', '“成员可邀请”须为是或否');
        v_e.members_can_invite := (v_val #>> '{}')::boolean;
      when 'directory_scope' then
        perform private.raise_if(v_text is null or v_text not in ('all', 'department'), '22023', 'directory_scope_invalid', '通讯录可见范围须为全部成员或本部门');
        v_e.directory_scope := v_text;
      when 'directory_hidden_fields' then
        if jsonb_typeof(v_val) <> 'array'
           or exists (select 1 from jsonb_array_elements(v_val) x
                       where jsonb_typeof(x) <> 'string'
                          or (x #>> '{}') not in ('phone', 'email', 'title', 'employee_no')) then
          raise exception using errcode = '22023', message = 'directory_hidden_fields_invalid',
            hint = '隐藏字段只能是手机号、邮箱、职务或工号';
        end if;
        select coalesce(array_agg(distinct x order by x), '{}') into v_fields from jsonb_array_elements_text(v_val) x;
        v_e.directory_hidden_fields := v_fields;
      else
        raise exception using errcode = '22023', message = 'unknown_setting', hint = '不支持的设置项：' || left(v_key, 40);
    end case;
  end loop;

  update public.enterprises e
     set name = v_e.name, industry = v_e.industry, size_band = v_e.size_band, contact_name = v_e.contact_name,
         contact_phone = v_e.contact_phone, join_rule = v_e.join_rule, members_can_invite = v_e.members_can_invite,
         directory_scope = v_e.directory_scope, directory_hidden_fields = v_e.directory_hidden_fields,
         updated_at = now()
   where e.id = p_enterprise_id;
end $$;

-- =============================================================================
-- Roles
-- =============================================================================
create or replace function private.set_member_role(p_enterprise_id uuid, p_user_id uuid, p_role text, p_scopes text[] default '{}')
returns void language plpgsql security definer set search_path = '' as $$
declare v_member public.enterprise_members;
  v_scopes text[];
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform private.raise_if(p_role is null or p_role not in ('admin', 'member'), '22023', 'role_invalid', '角色须为管理员或成员');
  if cardinality(coalesce(p_scopes, '{}')) > 10
     or exists (select 1 from unnest(coalesce(p_scopes, '{}')) s
                 where s is null or s not in ('content', 'training', 'community', 'service')) then
    raise exception using errcode = '22023', message = 'scopes_invalid', hint = '管理范围只能是内容、培训、社区或客服';
  end if;
  select coalesce(array_agg(distinct s order by s), '{}') into v_scopes from unnest(coalesce(p_scopes, '{}')) s;
  perform private.raise_if(cardinality(v_scopes) > 0 and not private.has_feature(p_enterprise_id, 'manager_roles'), 'P0001', 'feature_not_in_edition', '当前版本不支持分级管理员，请升级到专业版');

  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.assert_admin(p_enterprise_id); -- again: another admin may have demoted the caller meanwhile
  select * into v_member from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id for update;
  perform private.raise_if(not found, '22023', 'member_not_found', '该用户不是本企业成员');
  perform private.raise_if(v_member.role = 'admin' and p_role <> 'admin' and private.admin_count(p_enterprise_id) <= 1, 'P0001', 'last_admin', '企业至少需要一名管理员，请先指定其他管理员');

  update public.enterprise_members m set role = p_role::public.member_role, scopes = v_scopes
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  if v_member.role::text <> p_role then
    perform private.notify(p_user_id, 'enterprise_membership',
      case p_role when 'admin' then '你已成为企业管理员' else '你的企业管理员权限已取消' end,
      (select e.name from public.enterprises e where e.id = p_enterprise_id),
      jsonb_build_object('enterprise_id', p_enterprise_id, 'role', p_role));
  end if;
end $$;

-- =============================================================================
-- Leaving and removal
-- =============================================================================
create or replace function private.leave_enterprise(p_enterprise_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.assert_member(p_enterprise_id); -- again, now that concurrent changes are settled
  perform private.raise_if(private.is_admin(p_enterprise_id) and private.admin_count(p_enterprise_id) <= 1, 'P0001', 'last_admin', '你是唯一的管理员，请先指定其他管理员再退出');
  perform private.end_membership(p_enterprise_id, v_uid);
end $$;

create or replace function private.remove_member(p_enterprise_id uuid, p_user_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_member public.enterprise_members;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.assert_admin(p_enterprise_id); -- again, now that concurrent role changes are settled
  select * into v_member from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  perform private.raise_if(not found, '22023', 'member_not_found', '该用户不是本企业成员');
  perform private.raise_if(v_member.role = 'admin' and private.admin_count(p_enterprise_id) <= 1, 'P0001', 'last_admin', '企业至少需要一名管理员');
  perform private.end_membership(p_enterprise_id, p_user_id);
  perform private.notify(p_user_id, 'enterprise_membership', '你已被移出企业',
    (select e.name from public.enterprises e where e.id = p_enterprise_id),
    jsonb_build_object('enterprise_id', p_enterprise_id, 'status', 'removed'));
end $$;

-- =============================================================================
-- Qualification documents (files in bucket `qualifications` under `<enterprise_id>/`)
-- =============================================================================
create or replace function private.submit_qualification(p_enterprise_id uuid, p_kind text, p_object_path text, p_file_name text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_path text := btrim(coalesce(p_object_path, ''));
  v_file text := btrim(coalesce(p_file_name, ''));
  v_id uuid;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform private.raise_if(p_kind is null or p_kind not in ('business_licence', 'legal_rep_id'), '22023', 'qualification_kind_invalid', '材料类型须为营业执照或法定代表人身份证');
  if char_length(v_path) > 240 or v_path not like p_enterprise_id::text || '/%'
     or v_path !~ '^[0-9a-f-]{36}/[^/]{1,200}$' or v_path ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'object_path_invalid', hint = '文件路径须在本企业的资质目录下';
  end if;
  perform private.raise_if(char_length(v_file) > 200 or v_file ~ '[[:cntrl:]]', '22023', 'file_name_invalid', '文件名不超过 200 个字符');
  perform private.raise_if(not exists (select 1 from storage.objects o where o.bucket_id = 'qualifications' and o.name = v_path), 'P0001', 'qualification_file_not_found', '请先上传文件');
  if (select count(*) from public.qualification_documents q
       where q.enterprise_id = p_enterprise_id and q.created_at > now() - interval '1 day') >= 50 then
    raise exception using errcode = 'P0001', message = 'qualification_rate_limited', hint = '今天提交的材料已达上限，请明天再试';
  end if;

  insert into public.qualification_documents (enterprise_id, kind, object_path, file_name, submitted_by)
  values (p_enterprise_id, p_kind, v_path, v_file, (select auth.uid()))
  returning id into v_id;
  update public.enterprises e set qualification_status = 'pending', updated_at = now() where e.id = p_enterprise_id;
  return v_id;
end $$;

-- An operator's decision on a pending row (a qualification document, an enterprise cancellation
-- request), in the order both reviews check: the operator (the gate first), the id, the reason
-- (private.decision_reason: required to reject), the row, locked, and still pending; then it records
-- the decision (status, review_reason, reviewed_by, reviewed_at). Returns the row as it was
-- (`jsonb_populate_record` gives it its type back) and the cleaned reason. The errors are
-- `<p_code>_id_required` (请选择<p_label>), `<p_code>_not_found` (找不到该<p_label>) and
-- `<p_code>_already_reviewed` (p_reviewed_hint).
create or replace function private.review_pending(p_table regclass, p_id uuid, p_approve boolean, p_reason text,
  p_code text, p_label text, p_reviewed_hint text, out o_before jsonb, out o_reason text)
returns record language plpgsql security definer set search_path = '' as $$
begin
  perform private.assert_platform_operator();
  perform private.raise_if(p_id is null, '22023', p_code || '_id_required', '请选择' || p_label);
  o_reason := private.decision_reason(p_approve, p_reason, 500, '通过', '驳回');
  execute format('select to_jsonb(t) from %s t where t.id = $1 for update', p_table) into o_before using p_id;
  perform private.raise_if(o_before is null, '22023', p_code || '_not_found', '找不到该' || p_label);
  perform private.raise_if(o_before ->> 'status' <> 'pending', 'P0001', p_code || '_already_reviewed', p_reviewed_hint);
  execute format('update %s t set status = %L, review_reason = $1, reviewed_by = (select auth.uid()), reviewed_at = now() '
                 'where t.id = $2', p_table, case when p_approve then 'approved' else 'rejected' end)
    using o_reason, p_id;
end $$;
revoke execute on function private.review_pending(regclass, uuid, boolean, text, text, text, text) from public, anon, authenticated;

-- Qualification review, as in 20261129020000_membership.sql, now audited with before/after.
create or replace function private.platform_review_qualification(p_document_id uuid, p_approve boolean, p_reason text default '')
returns void language plpgsql security definer set search_path = '' as $$
declare v_doc public.qualification_documents;
  v_before jsonb;
  v_reason text;
  v_status text;
  v_before_status text;
begin
  select r.o_before, r.o_reason into v_before, v_reason
    from private.review_pending('public.qualification_documents', p_document_id, p_approve, p_reason,
                                'qualification', '资质材料', '该材料已审核') r;
  v_doc := jsonb_populate_record(null::public.qualification_documents, v_before);
  select e.qualification_status into v_before_status from public.enterprises e where e.id = v_doc.enterprise_id for update;

  -- The enterprise's summary from the latest document of each kind.
  with latest as (
    select distinct on (q.kind) q.kind, q.status
      from public.qualification_documents q
     where q.enterprise_id = v_doc.enterprise_id
     order by q.kind, q.created_at desc, q.id desc
  )
  select case when exists (select 1 from latest where latest.status = 'rejected') then 'rejected'
              when (select count(*) from latest where latest.status = 'approved') = 2 then 'approved'
              else 'pending' end
    into v_status;
  update public.enterprises e set qualification_status = v_status, updated_at = now() where e.id = v_doc.enterprise_id;

  perform private.audit(case when p_approve then 'qualification.approve' else 'qualification.reject' end,
    'qualification_document', v_doc.id::text, v_reason,
    jsonb_build_object('status', v_doc.status, 'enterprise_id', v_doc.enterprise_id, 'kind', v_doc.kind,
                       'qualification_status', v_before_status),
    jsonb_build_object('status', case when p_approve then 'approved' else 'rejected' end, 'enterprise_id', v_doc.enterprise_id,
                       'kind', v_doc.kind, 'qualification_status', v_status));

  perform private.notify_admins(v_doc.enterprise_id, 'enterprise_qualification',
    case when p_approve then '资质材料审核通过' else '资质材料被驳回' end,
    case when p_approve then '企业资质状态：' || case v_status when 'approved' then '已认证' when 'rejected' then '未通过' else '审核中' end
         else '驳回理由：' || v_reason end,
    jsonb_build_object('document_id', v_doc.id, 'kind', v_doc.kind, 'status', case when p_approve then 'approved' else 'rejected' end,
                       'qualification_status', v_status));
end $$;

-- -----------------------------------------------------------------------------
-- Storage: bucket `qualifications`. Admins of the enterprise named by the first path segment
-- upload and read; platform operators read; nobody updates or deletes through the API.
-- -----------------------------------------------------------------------------
create policy "Enterprise admins upload qualification files"
  on storage.objects for insert to authenticated
  with check (
    bucket_id = 'qualifications'
    and (storage.foldername(name))[1] in (select a::text from private.my_admin_enterprise_ids() a)
  );
revoke execute on function private.admin_count(uuid) from public, anon, authenticated;
revoke execute on function private.end_membership(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.add_member(uuid, uuid, text, uuid, uuid) from public, anon, authenticated;
revoke execute on function private.assert_enterprise_id(uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Policy helpers plpgsql (from 20261130010000)
  * -------------------------------------------------------
  */

create trigger forget_request_context_on_membership after insert or update or delete on public.enterprise_members
  for each statement execute function private.forget_request_context();

/**
  * -------------------------------------------------------
  * Section - Platform ops (from 20261206040000)
  * -------------------------------------------------------
  */

-- -----------------------------------------------------------------------------
-- 5a. Enterprise status (LX 3.2.5): normal / suspended / closed
-- -----------------------------------------------------------------------------
--   suspended: members keep reading; nothing in it can be written (no joins, invitations, settings,
--              departments, documents) except leaving it.
--   closed:    members read only the enterprise row (its name and that it is closed); everything else
--              of it is hidden from them. Final: a closed enterprise is never reopened.
alter table public.enterprises
  add column status text not null default 'normal'
    constraint enterprises_status_valid check (status in ('normal', 'suspended', 'closed')),
  add column status_reason text not null default '',
  add column status_changed_at timestamptz;

create index enterprises_inactive_idx on public.enterprises (id) where status <> 'normal';

-- The closed enterprises, for the restrictive read policies below: one call per statement.
create or replace function private.closed_enterprise_ids()
returns uuid[] language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce((select array_agg(e.id) from public.enterprises e where e.status = 'closed'), '{}');
end $$;

create or replace function private.enterprise_status_error(p_status text)
returns void language plpgsql immutable set search_path = '' as $$
begin
  if p_status = 'suspended' then
    raise exception using errcode = '42501', message = 'enterprise_suspended', hint = '该企业已被暂停，暂时只能查看，不能修改或加入';
  elsif p_status = 'closed' then
    raise exception using errcode = '42501', message = 'enterprise_closed', hint = '该企业已注销';
  end if;
end $$;

-- For RPCs that want the clear error before any other check.
create or replace function private.assert_enterprise_writable(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.enterprise_status_error((select e.status from public.enterprises e where e.id = p_enterprise_id));
end $$;

-- Enforced on the tables, so every RPC (present and future) that writes tenant rows obeys it without
-- knowing about it. Allowed in an enterprise that is not normal:
--   - the platform itself: operators, the service role / direct SQL (auth.uid() is null, e.g. the
--     cascade of an account deletion), and this file's status functions (zx.enterprise_status_change);
--   - leaving: deleting one's own membership, and what private.end_membership() then winds down
--     (the leaver's invitations revoked, their department headships cleared).
create or replace function private.refuse_write_in_inactive_enterprise()
returns trigger language plpgsql security definer set search_path = '' as $$
declare -- As jsonb: one function serves tables with different columns.
  v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  v_status text;
begin
  select e.status into v_status from public.enterprises e
   where e.id = (coalesce(v_new, v_old) ->> 'enterprise_id')::uuid;
  if v_status is null or v_status = 'normal'
     or auth.uid() is null
     or current_setting('zx.enterprise_status_change', true) = 'on'
     or private.is_platform_operator()
     or (tg_table_name = 'enterprise_members' and tg_op = 'DELETE' and v_old ->> 'user_id' = auth.uid()::text)
     or (tg_table_name = 'invitations' and tg_op = 'UPDATE' and v_old ->> 'revoked_at' is null
         and v_new ->> 'revoked_at' is not null and v_new - 'revoked_at' = v_old - 'revoked_at')
     or (tg_table_name = 'departments' and tg_op = 'UPDATE' and v_new ->> 'head_user_id' is null
         and v_new - 'head_user_id' - 'updated_at' = v_old - 'head_user_id' - 'updated_at')
  then
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end if;
  perform private.enterprise_status_error(v_status);
  return null;
end $$;

create or replace function private.refuse_enterprise_update_when_inactive()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if old.status = 'normal' or auth.uid() is null
     or current_setting('zx.enterprise_status_change', true) = 'on'
     or private.is_platform_operator() then
    return new;
  end if;
  perform private.enterprise_status_error(old.status);
  return null;
end $$;

create trigger enterprises_refuse_update_when_inactive before update on public.enterprises
  for each row execute function private.refuse_enterprise_update_when_inactive();

-- Runs one DDL statement per table, p_ddl a format() string: `%1$s` the table, `%2$I` the table's
-- name followed by p_suffix (a trigger named after its table). For the two helpers below.
create or replace function private.execute_per_table(p_ddl text, p_tables regclass[], p_suffix text default '')
returns void language plpgsql set search_path = '' as $$
declare v_table regclass;
begin
  foreach v_table in array p_tables loop
    execute format(p_ddl, v_table, (select c.relname from pg_catalog.pg_class c where c.oid = v_table) || p_suffix);
  end loop;
end $$;
revoke all on function private.execute_per_table(text, regclass[], text) from public, anon, authenticated, service_role;

-- Attaches the guard above to tables of enterprise data (a trigger `<table>_refuse_write_when_inactive`
-- each); the invitation, joining and module migrations call it for their own tables. Migrations only.
create or replace function private.refuse_writes_when_inactive(variadic p_tables regclass[])
returns void language sql set search_path = '' as $$
  select private.execute_per_table('create trigger %2$I before insert or update or delete on %1$s '
                                   'for each row execute function private.refuse_write_in_inactive_enterprise()',
                                   p_tables, '_refuse_write_when_inactive');
$$;
revoke all on function private.refuse_writes_when_inactive(regclass[]) from public, anon, authenticated, service_role;

-- Closed enterprises: their rows are hidden from members (restrictive: combined with AND with the
-- tables' own policies). Gives each table of enterprise data (an `enterprise_id` column) the policy
-- "Nothing of a closed enterprise is readable but the enterprise itself"; the invitation and joining
-- migration calls it for its tables, and a module's migration may for its own. A table that operators read keeps its own policy with
-- the operator exception (qualification_documents below): for the others, whose policies give
-- operators nothing, the operator check would only cost one helper call per statement. Migrations only.
create or replace function private.hide_when_closed(variadic p_tables regclass[])
returns void language sql set search_path = '' as $$
  select private.execute_per_table('create policy "Nothing of a closed enterprise is readable but the enterprise itself" '
                                   'on %1$s as restrictive for select to authenticated '
                                   'using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]))', p_tables);
$$;
revoke all on function private.hide_when_closed(regclass[]) from public, anon, authenticated, service_role;

select private.refuse_writes_when_inactive('public.departments', 'public.enterprise_members', 'public.qualification_documents');
select private.hide_when_closed('public.departments', 'public.enterprise_members');

-- Operators keep reading the documents of a closed enterprise, the one table of these they read.
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.qualification_documents as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]) or (select private.is_platform_operator()));

-- Changes an enterprise's status, audits and notifies its admins. Callers have checked the operator.
create or replace function private.change_enterprise_status(p_enterprise_id uuid, p_status text, p_reason text, p_action text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_before public.enterprises;
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  select * into v_before from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.raise_if(not found, '22023', 'enterprise_not_found', '找不到该企业');
  perform private.raise_if(v_before.status = 'closed', 'P0001', 'enterprise_already_closed', '该企业已注销，不能再变更状态');
  perform private.raise_if(v_before.status = p_status, 'P0001', 'enterprise_status_unchanged', '企业已是该状态');

  perform set_config('zx.enterprise_status_change', 'on', true);
  update public.enterprises e
     set status = p_status, status_reason = v_reason, status_changed_at = now(), updated_at = now()
   where e.id = p_enterprise_id;
  if p_status <> 'normal' then
    -- Nobody can join any more: open invitations end, pending requests are rejected with the reason.
    update public.invitations i set revoked_at = now() where i.enterprise_id = p_enterprise_id and i.revoked_at is null;
    update public.join_requests r set status = 'rejected', decided_at = now(),
           reason = case p_status when 'closed' then '企业已注销' else '企业已被暂停' end
     where r.enterprise_id = p_enterprise_id and r.status = 'pending';
  end if;
  perform set_config('zx.enterprise_status_change', '', true);

  perform private.audit(p_action, 'enterprise', p_enterprise_id::text, v_reason,
    jsonb_build_object('status', v_before.status, 'status_reason', v_before.status_reason),
    jsonb_build_object('status', p_status, 'status_reason', v_reason));
  perform private.notify_admins(p_enterprise_id, 'enterprise_status',
    case p_status when 'suspended' then '企业已被暂停' when 'closed' then '企业已注销' else '企业已恢复正常' end,
    v_before.name || '：' || v_reason,
    jsonb_build_object('status', p_status));
  return json_build_object('id', p_enterprise_id, 'status', p_status, 'status_reason', v_reason);
end $$;

-- -----------------------------------------------------------------------------
-- 5b. Enterprise cancellation (LX 3.3): an admin asks with a reason and supporting documents (files
-- in the enterprise's folder of the private `qualifications` bucket); an operator approves (the
-- enterprise is closed) or rejects with a reason. One open request per enterprise.
-- -----------------------------------------------------------------------------
create table public.enterprise_cancellation_requests (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  reason text not null constraint enterprise_cancellation_reason_length check (char_length(reason) between 10 and 2000),
  document_paths text[] not null default '{}'
    constraint enterprise_cancellation_documents_count check (cardinality(document_paths) <= 10),
  status text not null default 'pending'
    constraint enterprise_cancellation_status_valid check (status in ('pending', 'approved', 'rejected')),
  review_reason text not null default '',
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now()
);

alter table public.enterprise_cancellation_requests enable row level security;

comment on table public.enterprise_cancellation_requests is 'LX 3.3 cancellation requests. Written only by request_enterprise_cancellation() and platform_review_enterprise_cancellation().';

create index enterprise_cancellation_enterprise_idx on public.enterprise_cancellation_requests (enterprise_id, created_at desc);

create index enterprise_cancellation_status_idx on public.enterprise_cancellation_requests (status, created_at desc);

create index enterprise_cancellation_requested_by_idx on public.enterprise_cancellation_requests (requested_by);

create index enterprise_cancellation_reviewed_by_idx on public.enterprise_cancellation_requests (reviewed_by);

create unique index enterprise_cancellation_one_pending_idx on public.enterprise_cancellation_requests (enterprise_id)
  where status = 'pending';

revoke all on public.enterprise_cancellation_requests from anon, authenticated;

grant select on public.enterprise_cancellation_requests to authenticated;

-- Admins read their enterprise's requests (also once it is closed: they see the decision).
create policy "Admins and platform operators read cancellation requests"
  on public.enterprise_cancellation_requests for select to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()) or (select private.is_platform_operator()));

create or replace function private.request_enterprise_cancellation(p_enterprise_id uuid, p_reason text, p_document_paths text[] default '{}')
returns json language plpgsql security definer set search_path = '' as $$
declare v_reason text := btrim(coalesce(p_reason, ''));
  v_paths text[] := coalesce(p_document_paths, '{}');
  v_path text;
  v_id uuid;
  v_status text;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  select e.status into v_status from public.enterprises e where e.id = p_enterprise_id for update;
  if v_status = 'closed' then
    perform private.enterprise_status_error(v_status);
  end if;
  perform private.raise_if(char_length(v_reason) not between 10 and 2000, '22023', 'cancellation_reason_invalid', '请用 10–2000 字说明注销原因');
  perform private.raise_if(cardinality(v_paths) > 10, '22023', 'cancellation_documents_invalid', '证明材料最多 10 个文件');
  foreach v_path in array v_paths loop
    if v_path is null or split_part(v_path, '/', 1) <> p_enterprise_id::text
       or not exists (select 1 from storage.objects o where o.bucket_id = 'qualifications' and o.name = v_path) then
      raise exception using errcode = '22023', message = 'cancellation_documents_invalid', hint = '证明材料须先上传到本企业的资料目录';
    end if;
  end loop;
  if exists (select 1 from public.enterprise_cancellation_requests r
              where r.enterprise_id = p_enterprise_id and r.status = 'pending') then
    raise exception using errcode = 'P0001', message = 'cancellation_already_pending', hint = '已有待审核的注销申请';
  end if;
  insert into public.enterprise_cancellation_requests (enterprise_id, requested_by, reason, document_paths)
  values (p_enterprise_id, (select auth.uid()), v_reason, v_paths)
  returning id into v_id;
  return json_build_object('id', v_id, 'status', 'pending');
end $$;

create or replace function private.platform_review_enterprise_cancellation(p_request_id uuid, p_approve boolean, p_reason text default '')
returns json language plpgsql security definer set search_path = '' as $$
declare v_req public.enterprise_cancellation_requests;
  v_before jsonb;
  v_reason text;
  v_name text;
begin
  select r.o_before, r.o_reason into v_before, v_reason
    from private.review_pending('public.enterprise_cancellation_requests', p_request_id, p_approve, p_reason,
                                'cancellation', '注销申请', '该注销申请已审核') r;
  v_req := jsonb_populate_record(null::public.enterprise_cancellation_requests, v_before);
  perform private.audit(case when p_approve then 'enterprise.cancellation.approve' else 'enterprise.cancellation.reject' end,
    'enterprise', v_req.enterprise_id::text, v_reason,
    jsonb_build_object('request_id', v_req.id, 'status', 'pending'),
    jsonb_build_object('request_id', v_req.id, 'status', case when p_approve then 'approved' else 'rejected' end));
  if p_approve then
    perform private.change_enterprise_status(v_req.enterprise_id, 'closed',
      coalesce(nullif(v_reason, ''), '企业管理员申请注销，已审核通过'), 'enterprise.close');
  else
    select e.name into v_name from public.enterprises e where e.id = v_req.enterprise_id;
    perform private.notify_admins(v_req.enterprise_id, 'enterprise_cancellation', '企业注销申请未通过',
      v_name || '：' || v_reason, jsonb_build_object('request_id', v_req.id, 'status', 'rejected'));
  end if;
  return json_build_object('id', v_req.id, 'status', case when p_approve then 'approved' else 'rejected' end,
                           'review_reason', v_reason);
end $$;

revoke execute on function private.closed_enterprise_ids() from public, anon, authenticated;
revoke execute on function private.enterprise_status_error(text) from public, anon, authenticated;
revoke execute on function private.assert_enterprise_writable(uuid) from public, anon, authenticated;
revoke execute on function private.refuse_write_in_inactive_enterprise() from public, anon, authenticated;
revoke execute on function private.refuse_enterprise_update_when_inactive() from public, anon, authenticated;
revoke execute on function private.change_enterprise_status(uuid, text, text, text) from public, anon, authenticated;
revoke execute on function private.closed_enterprise_ids() from public, anon;
grant execute on function private.closed_enterprise_ids() to authenticated;

/**
  * -------------------------------------------------------
  * Section - Enterprise status app (from 20261206070000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Enterprise status on the app side (issue 10, after 20261206040000_platform_ops.sql).
--
--   1. my_enterprises() also returns each enterprise's status and status_reason, so 我的企业 and the
--      home page can say 已暂停 / 已注销 (and why). Suspended and closed enterprises stay listed: a
--      member must be able to see what happened and leave.
--   2. The member reads that run as definer (directory, department_tree, enterprise_features) bypass
--      the restrictive "closed enterprise" policies, so they refuse on their own:
--      42501 enterprise_closed. leave_enterprise keeps using private.assert_member only, so leaving
--      a closed enterprise still works.
--   3. Admins read their cancellation request (and its outcome) through
--      enterprise_cancellation_requests' select policy; nothing new is needed for that here.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Helper: refuse reads of a closed enterprise. Called after the membership check, so that someone
-- outside the enterprise hears not_enterprise_member and learns nothing about its status.
-- -----------------------------------------------------------------------------
create or replace function private.assert_enterprise_open(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.raise_if(exists (select 1 from public.enterprises e where e.id = p_enterprise_id and e.status = 'closed'), '42501', 'enterprise_closed', '该企业已注销');
end $$;
revoke execute on function private.assert_enterprise_open(uuid) from public, anon, authenticated;

create function private.my_enterprises()
returns table (id uuid, name text, industry text, edition text, role text, scopes text[], is_current boolean,
               qualification_status text, member_count integer, status text, status_reason text)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
begin
  perform private.assert_cleared();
  return query
  select e.id, e.name, e.industry, e.edition::text, m.role::text, m.scopes,
         coalesce(p.current_enterprise_id = e.id, false),
         e.qualification_status,
         (select count(*)::integer from public.enterprise_members c where c.enterprise_id = e.id),
         e.status, e.status_reason
    from public.enterprise_members m
    join public.enterprises e on e.id = m.enterprise_id
    left join public.profiles p on p.id = m.user_id
   where m.user_id = v_uid
   order by m.joined_at, e.name;
end $$;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['create_enterprise', 'switch_enterprise', 'enterprise_features',
  'update_enterprise_settings', 'set_member_role', 'leave_enterprise', 'remove_member',
  'submit_qualification', 'platform_review_qualification', 'request_enterprise_cancellation',
  'platform_review_enterprise_cancellation', 'my_enterprises']);
