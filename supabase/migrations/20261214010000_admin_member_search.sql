-- Admin member search (issue 13, "Admins and operators at desk width"): the members table of the
-- desk admin console finds one member among thousands by name, employee number or phone tail,
-- filtered by department, role and account status, one page at a time with the total count.

set check_function_bodies = off;

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
returns json language plpgsql stable security definer set search_path = ''
as $$
declare
  v_q text := btrim(regexp_replace(coalesce(p_query, ''), '\s+', ' ', 'g'));
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
  if char_length(v_q) > 40 or v_q ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'query_invalid', hint = '搜索内容最多 40 个字';
  end if;
  v_digits := v_q ~ '^[0-9]{3,11}$';
  v_like := '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  if p_role is not null and p_role not in ('admin', 'member') then
    raise exception using errcode = '22023', message = 'role_invalid', hint = '角色须为管理员或成员';
  end if;
  if p_status is not null and p_status not in ('active', 'restricted', 'suspended', 'terminated') then
    raise exception using errcode = '22023', message = 'status_invalid', hint = '状态须为正常、受限、已暂停或已终止';
  end if;
  if p_offset is null or p_offset not between 0 and 100000 then
    raise exception using errcode = '22023', message = 'offset_invalid', hint = '页码超出范围';
  end if;
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception using errcode = '22023', message = 'limit_invalid', hint = '每页 1–100 条';
  end if;

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
end;
$$;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['admin_search_members']);
