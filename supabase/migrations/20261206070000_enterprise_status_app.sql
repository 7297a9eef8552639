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
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.enterprises e where e.id = p_enterprise_id and e.status = 'closed') then
    raise exception using errcode = '42501', message = 'enterprise_closed', hint = '该企业已注销';
  end if;
end;
$$;

revoke execute on function private.assert_enterprise_open(uuid) from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- 1. my_enterprises(), with status and status_reason (return type changes: drop and recreate)
-- -----------------------------------------------------------------------------
drop function public.my_enterprises();

create function public.my_enterprises()
returns table (id uuid, name text, industry text, edition text, role text, scopes text[], is_current boolean,
               qualification_status text, member_count integer, status text, status_reason text)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
begin
  perform private.assert_cleared();
  return query
  select e.id, e.name, e.industry, e.edition, m.role, m.scopes,
         coalesce(p.current_enterprise_id = e.id, false),
         e.qualification_status,
         (select count(*)::integer from public.enterprise_members c where c.enterprise_id = e.id),
         e.status, e.status_reason
    from public.enterprise_members m
    join public.enterprises e on e.id = m.enterprise_id
    left join public.profiles p on p.id = m.user_id
   where m.user_id = v_uid
   order by m.joined_at, e.name;
end;
$$;

-- -----------------------------------------------------------------------------
-- 2. Member reads refuse a closed enterprise (bodies as in 20261129020000_membership.sql and
--    20261129030000_directory.sql, plus private.assert_enterprise_open after the membership check).
-- -----------------------------------------------------------------------------
create or replace function public.enterprise_features(p_enterprise_id uuid)
returns text[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  perform private.assert_enterprise_open(p_enterprise_id);
  return coalesce((select array_agg(f.feature order by f.feature)
                     from public.enterprises e
                     join public.edition_features f on f.edition = e.edition
                    where e.id = p_enterprise_id), '{}');
end;
$$;

create or replace function public.department_tree(p_enterprise_id uuid)
returns table (id uuid, parent_id uuid, name text, depth smallint, head_user_id uuid, head_name text, member_count integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_member(p_enterprise_id);
  perform private.assert_enterprise_open(p_enterprise_id);
  return query
  select d.id, d.parent_id, d.name, d.depth, d.head_user_id,
         case when d.head_user_id is null then null
              else coalesce(nullif(hm.display_name, ''), nullif(hp.display_name, ''), '') end,
         (select count(*)::integer from public.enterprise_members m
           where m.enterprise_id = d.enterprise_id and m.department_id = d.id)
    from public.departments d
    left join public.enterprise_members hm on hm.enterprise_id = d.enterprise_id and hm.user_id = d.head_user_id
    left join public.profiles hp on hp.id = d.head_user_id
   where d.enterprise_id = p_enterprise_id
   order by d.depth, d.sort_order, d.name, d.id;
end;
$$;

-- The directory, as in 20261129030000_directory.sql (visibility settings, search, paging), refused
-- once the enterprise is closed.
create or replace function public.directory(
  p_enterprise_id uuid,
  p_query text default '',
  p_department_id uuid default null,
  p_limit integer default 50,
  p_offset integer default 0
)
returns table (
  user_id uuid, display_name text, department_id uuid, department_name text, title text, phone text,
  email text, employee_no text, role text, is_head boolean
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_query text := btrim(coalesce(p_query, ''));
  v_pattern text;
  v_is_admin boolean;
  v_scope text;
  v_hidden text[];
  v_my_department uuid;
begin
  perform private.assert_member(p_enterprise_id);
  perform private.assert_enterprise_open(p_enterprise_id);
  if char_length(v_query) > 40 or v_query ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'query_invalid', hint = '搜索内容最多 40 个字符';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using errcode = '22023', message = 'limit_invalid', hint = '每页数量须为 1–100';
  end if;
  if p_offset is null or p_offset < 0 or p_offset > 100000 then
    raise exception using errcode = '22023', message = 'offset_invalid', hint = '分页位置无效';
  end if;
  perform private.assert_department_in(p_enterprise_id, p_department_id);

  v_is_admin := private.is_admin(p_enterprise_id);
  select e.directory_scope, e.directory_hidden_fields into v_scope, v_hidden
    from public.enterprises e where e.id = p_enterprise_id;
  if v_is_admin then
    v_scope := 'all';
    v_hidden := '{}';
  end if;
  select m.department_id into v_my_department
    from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = v_uid;
  v_pattern := '%' || replace(replace(replace(v_query, '\', '\\'), '%', '\%'), '_', '\_') || '%';

  return query
  with recursive filter_departments as (
    select d.id from public.departments d where d.id = p_department_id and d.enterprise_id = p_enterprise_id
    union all
    select c.id from public.departments c join filter_departments f on c.parent_id = f.id
     where c.enterprise_id = p_enterprise_id
  ),
  people as (
    select m.user_id, m.department_id, m.role, m.title, m.email, m.employee_no,
           coalesce(nullif(m.display_name, ''), pr.display_name, '') as name,
           u.phone as raw_phone,
           (m.user_id = v_uid) as own
      from public.enterprise_members m
      left join public.profiles pr on pr.id = m.user_id
      left join auth.users u on u.id = m.user_id
     where m.enterprise_id = p_enterprise_id
       and (v_scope = 'all' or m.user_id = v_uid
            or (v_my_department is not null and m.department_id = v_my_department))
       and (p_department_id is null or m.department_id in (select f.id from filter_departments f))
  )
  select p.user_id,
         p.name,
         p.department_id,
         d.name,
         case when p.own or not ('title' = any (v_hidden)) then p.title end,
         case when (p.own or not ('phone' = any (v_hidden))) and coalesce(p.raw_phone, '') <> ''
              then '+' || p.raw_phone end,
         case when p.own or not ('email' = any (v_hidden)) then p.email end,
         case when p.own or not ('employee_no' = any (v_hidden)) then p.employee_no end,
         p.role,
         exists (select 1 from public.departments h where h.enterprise_id = p_enterprise_id and h.head_user_id = p.user_id)
    from people p
    left join public.departments d on d.enterprise_id = p_enterprise_id and d.id = p.department_id
   where v_query = ''
      or p.name ilike v_pattern
      or ((p.own or not ('title' = any (v_hidden))) and p.title ilike v_pattern)
      or ((p.own or not ('employee_no' = any (v_hidden))) and p.employee_no ilike v_pattern)
   order by p.name, p.user_id
   limit p_limit offset p_offset;
end;
$$;

-- -----------------------------------------------------------------------------
-- Grants (as before; my_enterprises was recreated, so it needs them again)
-- -----------------------------------------------------------------------------
revoke execute on function
  public.my_enterprises(), public.enterprise_features(uuid), public.department_tree(uuid),
  public.directory(uuid, text, uuid, integer, integer)
from public, anon;
grant execute on function
  public.my_enterprises(), public.enterprise_features(uuid), public.department_tree(uuid),
  public.directory(uuid, text, uuid, integer, integer)
to authenticated;
