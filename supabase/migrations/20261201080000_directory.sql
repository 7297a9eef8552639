-- Directory: departments and member profiles.
-- Squashed from the migrations of 2026-11-22 … 2026-12-06 (see docs/database.md): every object is
-- defined once, in its final form. Change a deployed function in a new <timestamp>_<domain>_<change>.sql.

-- Files run in domain order, and a function body may name a table of a later domain file: bodies
-- are checked when they run, not when they are created (as pg_dump does).
set check_function_bodies = off;

/**
  * -------------------------------------------------------
  * Section - Directory (from 20261129030000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Directory (通讯录) and org structure: departments (a tree of at most 15 levels), who is in which
-- department, department heads, the member's profile inside an enterprise, and the directory read
-- that applies the enterprise's visibility settings.
--
-- Builds only on 20261129010000_enterprises.sql (tables and private.assert_member/assert_admin).
-- Every RPC checks the identity gate first (assert_member / assert_admin include it), then its
-- input. Errors: 42501 → 403 (rights), 22023 → 400 (bad input, including `department_not_found` /
-- `member_not_found` — also what an outsider gets for another enterprise's department, so ids of
-- other tenants are neither confirmed nor changed), P0001 → 400 (a rule refused the change).
-- `message` = stable English code, `hint` = Chinese text.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Private helpers
-- -----------------------------------------------------------------------------

-- The guard of every change to one department: the caller is cleared (the consent gate), the
-- department exists in an enterprise the caller belongs to (else 22023 department_not_found, so
-- outsiders learn nothing), and the caller administers that enterprise (else 42501). Returns the
-- enterprise.
create or replace function private.department_enterprise_for_admin(p_department_id uuid)
returns uuid language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise_id uuid;
begin
  perform private.assert_cleared();
  select d.enterprise_id into v_enterprise_id from public.departments d where d.id = p_department_id;
  perform private.raise_if(v_enterprise_id is null or not private.is_member(v_enterprise_id), '22023', 'department_not_found', '找不到该部门');
  perform private.assert_admin(v_enterprise_id);
  return v_enterprise_id;
end $$;

-- A department of the given enterprise (null passes); 22023 department_not_found otherwise.
create or replace function private.assert_department_in(p_enterprise_id uuid, p_department_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.raise_if(p_department_id is not null and not exists (
    select 1 from public.departments d where d.id = p_department_id and d.enterprise_id = p_enterprise_id
  ), '22023', 'department_not_found', '找不到该部门');
end $$;

create or replace function private.assert_member_of(p_enterprise_id uuid, p_user_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.raise_if(p_user_id is null or not exists (
    select 1 from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id
  ), '22023', 'member_not_found', '该用户不是本企业成员');
end $$;

create or replace function private.clean_department_name(p_name text)
returns text language sql immutable set search_path = '' as $$
  select private.required_text(p_name, 1, 40, 'department_name_invalid', '部门名称须为 1–40 个字符');
$$;

-- Tree changes of one enterprise run one at a time (two concurrent moves could otherwise make a
-- cycle that neither saw). Also checks the edition includes the directory.
create or replace function private.lock_org_tree(p_enterprise_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.raise_if(not private.has_feature(p_enterprise_id, 'directory'), 'P0001', 'feature_not_in_edition', '当前版本不包含通讯录功能');
end $$;

-- A person who leaves (or is removed) stops being the head of any department there.
create or replace function private.clear_department_head_on_leave()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  update public.departments d set head_user_id = null
   where d.enterprise_id = old.enterprise_id and d.head_user_id = old.user_id;
  return old;
end $$;

create trigger enterprise_members_clear_department_head after delete on public.enterprise_members
  for each row execute function private.clear_department_head_on_leave();

-- =============================================================================
-- Departments (admin)
-- =============================================================================
create or replace function private.create_department(p_enterprise_id uuid, p_parent_id uuid, p_name text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_name text;
  v_depth smallint := 1;
  v_id uuid;
begin
  perform private.assert_admin(p_enterprise_id);
  v_name := private.clean_department_name(p_name);
  perform private.lock_org_tree(p_enterprise_id);
  if p_parent_id is not null then
    select d.depth + 1 into v_depth from public.departments d
     where d.id = p_parent_id and d.enterprise_id = p_enterprise_id;
    perform private.raise_if(v_depth is null, '22023', 'department_not_found', '找不到上级部门');
    perform private.raise_if(v_depth > 15, 'P0001', 'department_too_deep', '部门层级最多 15 级');
  end if;
  perform private.raise_if((select count(*) from public.departments d where d.enterprise_id = p_enterprise_id) >= 5000, 'P0001', 'too_many_departments', '部门数量已达上限（5000 个）');
  insert into public.departments (enterprise_id, parent_id, name, depth)
  values (p_enterprise_id, p_parent_id, v_name, v_depth)
  returning id into v_id;
  return v_id;
exception
  when unique_violation then
    raise exception using errcode = 'P0001', message = 'department_name_taken', hint = '同一上级部门下已有同名部门';
end $$;

create or replace function private.rename_department(p_department_id uuid, p_name text)
returns void language plpgsql security definer set search_path = '' as $$
declare v_enterprise_id uuid;
  v_name text;
begin
  v_enterprise_id := private.department_enterprise_for_admin(p_department_id);
  v_name := private.clean_department_name(p_name);
  update public.departments set name = v_name where id = p_department_id;
exception
  when unique_violation then
    raise exception using errcode = 'P0001', message = 'department_name_taken', hint = '同一上级部门下已有同名部门';
end $$;

-- Moves a department (with its whole subtree) under another parent, or to the top when
-- p_new_parent_id is null. Depths of the subtree follow.
create or replace function private.move_department(p_department_id uuid, p_new_parent_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_enterprise_id uuid;
  v_old_depth smallint;
  v_new_depth integer := 1;
  v_height integer;
  v_subtree uuid[];
begin
  v_enterprise_id := private.department_enterprise_for_admin(p_department_id);
  perform private.lock_org_tree(v_enterprise_id);
  perform private.assert_department_in(v_enterprise_id, p_new_parent_id);

  select d.depth into v_old_depth from public.departments d where d.id = p_department_id;

  -- the subtree: the department and everything under it, and the deepest level reached there
  with recursive sub as (
    select d.id, d.depth from public.departments d where d.id = p_department_id
    union all
    select c.id, c.depth from public.departments c join sub on c.parent_id = sub.id
     where c.enterprise_id = v_enterprise_id
  )
  select array_agg(sub.id), max(sub.depth) - v_old_depth into v_subtree, v_height from sub;

  if p_new_parent_id is not null then
    perform private.raise_if(p_new_parent_id = any (v_subtree), 'P0001', 'department_cycle', '不能把部门移动到它自己或它的下级部门之下');
    select d.depth + 1 into v_new_depth from public.departments d where d.id = p_new_parent_id;
  end if;
  perform private.raise_if(v_new_depth + v_height > 15, 'P0001', 'department_too_deep', '部门层级最多 15 级');

  update public.departments d
     set depth = d.depth + (v_new_depth - v_old_depth),
         parent_id = case when d.id = p_department_id then p_new_parent_id else d.parent_id end
   where d.id = any (v_subtree);
exception
  when unique_violation then
    raise exception using errcode = 'P0001', message = 'department_name_taken', hint = '目标上级部门下已有同名部门';
end $$;

create or replace function private.delete_department(p_department_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_enterprise_id uuid;
begin
  v_enterprise_id := private.department_enterprise_for_admin(p_department_id);
  perform private.lock_org_tree(v_enterprise_id);
  if exists (select 1 from public.departments d where d.enterprise_id = v_enterprise_id and d.parent_id = p_department_id)
     or exists (select 1 from public.enterprise_members m where m.enterprise_id = v_enterprise_id and m.department_id = p_department_id)
  then
    raise exception using errcode = 'P0001', message = 'department_not_empty', hint = '请先移走该部门的下级部门和成员';
  end if;
  delete from public.departments where id = p_department_id;
end $$;

-- The head must be a member of the enterprise (not necessarily of that department); null clears.
create or replace function private.set_department_head(p_department_id uuid, p_user_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_enterprise_id uuid;
begin
  v_enterprise_id := private.department_enterprise_for_admin(p_department_id);
  if p_user_id is not null then
    perform private.assert_member_of(v_enterprise_id, p_user_id);
  end if;
  update public.departments set head_user_id = p_user_id where id = p_department_id;
end $$;

-- =============================================================================
-- Members' place and profile
-- =============================================================================
create or replace function private.move_member(p_enterprise_id uuid, p_user_id uuid, p_department_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform private.assert_admin(p_enterprise_id);
  perform private.assert_member_of(p_enterprise_id, p_user_id);
  perform private.assert_department_in(p_enterprise_id, p_department_id);
  update public.enterprise_members set department_id = p_department_id
   where enterprise_id = p_enterprise_id and user_id = p_user_id;
end $$;

-- p_fields: a JSON object of strings. Anyone may change their own display_name, title and email;
-- admins may also change employee_no, and change anyone's profile in their enterprise.
create or replace function private.update_member_profile(p_enterprise_id uuid, p_user_id uuid, p_fields jsonb)
returns void language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_is_admin boolean;
  v_key text;
  v_value jsonb;
  v_text text;
  v_member public.enterprise_members;
begin
  perform private.assert_member(p_enterprise_id);
  v_is_admin := private.is_admin(p_enterprise_id);
  perform private.raise_if(p_user_id is null, '22023', 'user_id_required', '请指定成员');
  perform private.raise_if(p_user_id <> v_uid and not v_is_admin, '42501', 'not_enterprise_admin', '仅企业管理员可以修改他人的资料');
  perform private.assert_member_of(p_enterprise_id, p_user_id);
  perform private.raise_if(p_fields is null or jsonb_typeof(p_fields) <> 'object' or p_fields = '{}'::jsonb, '22023', 'fields_invalid', '请提供要修改的资料');

  select * into v_member from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id
   for update;

  for v_key, v_value in select e.key, e.value from jsonb_each(p_fields) e loop
    if v_key not in ('display_name', 'title', 'email', 'employee_no') then
      raise exception using errcode = '22023', message = 'unknown_field', hint = '不支持修改该字段：' || left(v_key, 40);
    end if;
    perform private.raise_if(v_key = 'employee_no' and not v_is_admin, '42501', 'field_admin_only', '工号只能由企业管理员修改');
    if jsonb_typeof(v_value) <> 'string' then
      raise exception using errcode = '22023', message = v_key || '_invalid', hint = '资料字段须为文本';
    end if;
    v_text := btrim(v_value #>> '{}');
    if v_text ~ '[[:cntrl:]]' then
      raise exception using errcode = '22023', message = v_key || '_invalid', hint = '资料不能包含控制字符';
    end if;
    case v_key
      when 'display_name' then
        perform private.raise_if(char_length(v_text) < 1 or char_length(v_text) > 40, '22023', 'display_name_invalid', '姓名须为 1–40 个字符');
        v_member.display_name := v_text;
      when 'title' then
        perform private.raise_if(char_length(v_text) > 40, '22023', 'title_invalid', '职位最多 40 个字符');
        v_member.title := v_text;
      when 'email' then
        v_text := lower(v_text);
        perform private.raise_if(v_text <> '' and (char_length(v_text) > 120 or v_text !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'), '22023', 'email_invalid', '请输入有效的邮箱地址');
        v_member.email := v_text;
      else
        perform private.raise_if(char_length(v_text) > 32, '22023', 'employee_no_invalid', '工号最多 32 个字符');
        v_member.employee_no := v_text;
    end case;
  end loop;

  update public.enterprise_members m
     set display_name = v_member.display_name, title = v_member.title,
         email = v_member.email, employee_no = v_member.employee_no
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
end $$;

-- =============================================================================
-- Reads (members)
-- =============================================================================

-- The whole tree, parents before children; member_count counts the department's own members.
create or replace function private.department_tree(p_enterprise_id uuid)
returns table (id uuid, parent_id uuid, name text, depth smallint, head_user_id uuid, head_name text, member_count integer)
language plpgsql stable security definer set search_path = '' as $$
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
end $$;

-- The directory, as in 20261129030000_directory.sql (visibility settings, search, paging), refused
-- once the enterprise is closed.
create or replace function private.directory(
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
language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_query text := btrim(coalesce(p_query, ''));
  v_pattern text;
  v_is_admin boolean;
  v_scope text;
  v_hidden text[];
  v_my_department uuid;
begin
  perform private.assert_member(p_enterprise_id);
  perform private.assert_enterprise_open(p_enterprise_id);
  perform private.raise_if(char_length(v_query) > 40 or v_query ~ '[[:cntrl:]]', '22023', 'query_invalid', '搜索内容最多 40 个字符');
  perform private.raise_if(p_limit is null or p_limit < 1 or p_limit > 100, '22023', 'limit_invalid', '每页数量须为 1–100');
  perform private.raise_if(p_offset is null or p_offset < 0 or p_offset > 100000, '22023', 'offset_invalid', '分页位置无效');
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
    select m.user_id, m.department_id, m.role::text as role, m.title, m.email, m.employee_no,
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
end $$;

-- =============================================================================
-- Grants
-- =============================================================================
revoke execute on function private.department_enterprise_for_admin(uuid) from public, anon, authenticated;
revoke execute on function private.assert_department_in(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.assert_member_of(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.clean_department_name(text) from public, anon, authenticated;
revoke execute on function private.lock_org_tree(uuid) from public, anon, authenticated;
revoke execute on function private.clear_department_head_on_leave() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Enterprise status app (from 20261206070000)
  * -------------------------------------------------------
  */

/**
  * -------------------------------------------------------
  * Section - Admin member search (from 20261214010000_admin_member_search)
  * -------------------------------------------------------
  */

-- Admin member search (issue 13, "Admins and operators at desk width"): the members table of the
-- desk admin console finds one member among thousands by name, employee number or phone tail,
-- filtered by department, role and account status, one page at a time with the total count.

/**
  * -------------------------------------------------------
  * Section - Member search
  * -------------------------------------------------------
  */

-- The members table in join order, for the unfiltered page: read in index order (no sort of the
-- whole enterprise) and counted from the index alone.
create index enterprise_members_joined_idx on public.enterprise_members (enterprise_id, joined_at, user_id);

-- Definer: the phone (auth.users), the profile name and the account status are not readable by
-- admins; the function shows the phone masked and the status only. The rows are the ones the
-- members table's select policy gives an admin (`my_admin_enterprise_ids`), and assert_admin
-- refuses everyone else before any argument is looked at, as list_join_requests does.
create or replace function private.admin_search_members(
  p_enterprise_id uuid, p_query text default '', p_department_id uuid default null, p_role text default null,
  p_status text default null, p_offset integer default 0, p_limit integer default 20
)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_q text := btrim(regexp_replace(coalesce(p_query, ''), '\s+', ' ', 'g'));
  v_digits boolean;
  v_like text;
  v_visible boolean;
  v_total integer;
  v_ids uuid[];
  v_rows json;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform private.raise_if(char_length(v_q) > 40 or v_q ~ '[[:cntrl:]]', '22023', 'query_invalid', '搜索内容最多 40 个字');
  v_digits := v_q ~ '^[0-9]{3,11}$';
  v_like := '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  perform private.raise_if(p_role is not null and p_role not in ('admin', 'member'), '22023', 'role_invalid', '角色须为管理员或成员');
  perform private.raise_if(p_status is not null and p_status not in ('active', 'restricted', 'suspended', 'terminated'), '22023', 'status_invalid', '状态须为正常、受限、已暂停或已终止');
  perform private.raise_if(p_offset is null or p_offset not between 0 and 100000, '22023', 'offset_invalid', '页码超出范围');
  perform private.raise_if(p_limit is null or p_limit not between 1 and 100, '22023', 'limit_invalid', '每页 1–100 条');

  -- The rows are the ones the members table's select policies give this admin: the enterprise is one
  -- of theirs and not closed (the restrictive policy). Both are facts about the enterprise, checked
  -- once here rather than for each of its members.
  v_visible := p_enterprise_id in (select private.my_admin_enterprise_ids())
               and p_enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]);

  if not v_visible then
    v_total := 0;
    v_ids := '{}';
  elsif v_q = '' and p_department_id is null and p_role is null and p_status is null then
    -- Everyone, one page: the count and the page come from enterprise_members_joined_idx (an
    -- index-only count; the page read in index order, no sort of the whole enterprise).
    select count(*)::integer into v_total from public.enterprise_members m where m.enterprise_id = p_enterprise_id;
    select coalesce(array_agg(pg.user_id order by pg.joined_at, pg.user_id), '{}') into v_ids
      from (select m.user_id, m.joined_at from public.enterprise_members m
             where m.enterprise_id = p_enterprise_id
             order by m.joined_at, m.user_id offset p_offset limit p_limit) pg;
  else
    -- Filter on the narrow columns first and count; the page is sorted from the hits only.
    with hits as (
      select m.user_id, m.joined_at
        from public.enterprise_members m
       where m.enterprise_id = p_enterprise_id
         and (p_department_id is null or m.department_id = p_department_id)
         and (p_role is null or m.role = p_role::public.member_role)
         and (p_status is null
              or coalesce((select a.status from private.accounts a where a.user_id = m.user_id), 'active') = p_status)
         and (v_q = ''
              -- digits: the tail of the phone (8613812345678 ends with 5678) or an employee number; the
              -- phone is looked up by the member's id, so the cost follows the enterprise, not the platform
              or (v_digits and (m.employee_no like v_like
                                or exists (select 1 from auth.users u where u.id = m.user_id and u.phone like '%' || v_q)))
              or (not v_digits and (m.display_name ilike v_like or m.employee_no ilike v_like or m.title ilike v_like
                                    or (m.display_name = '' and exists (
                                          select 1 from public.profiles p where p.id = m.user_id and p.display_name ilike v_like)))))
    )
    select (select count(*)::integer from hits),
           coalesce((select array_agg(pg.user_id order by pg.joined_at, pg.user_id)
                       from (select h.user_id, h.joined_at from hits h order by h.joined_at, h.user_id offset p_offset limit p_limit) pg), '{}')
      into v_total, v_ids;
  end if;

  -- The profile, the masked phone and the status are looked up for the page's rows only.
  select coalesce(json_agg(json_build_object(
             'user_id', m.user_id, 'display_name', coalesce(nullif(m.display_name, ''), p.display_name, ''),
             'phone_masked', private.mask_phone(u.phone), 'role', m.role, 'scopes', m.scopes,
             'department_id', m.department_id, 'title', m.title, 'employee_no', m.employee_no,
             'account_status', coalesce(a.status, 'active'), 'joined_at', m.joined_at)
             order by pg.ord), '[]'::json)
    into v_rows
    from unnest(v_ids) with ordinality as pg(user_id, ord)
    join public.enterprise_members m on m.enterprise_id = p_enterprise_id and m.user_id = pg.user_id
    left join public.profiles p on p.id = m.user_id
    left join auth.users u on u.id = m.user_id
    left join private.accounts a on a.user_id = m.user_id;

  return json_build_object('total', v_total, 'offset', p_offset, 'limit', p_limit, 'rows', v_rows);
end $$;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['create_department', 'rename_department', 'move_department',
  'delete_department', 'set_department_head', 'move_member', 'update_member_profile', 'department_tree',
  'directory', 'admin_search_members']);
