-- Invitations and joining.
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

-- -----------------------------------------------------------------------------
-- Invitations: link / QR (mini-program scene) / short code — all carry the same code.
-- Invitees never read this table: `get_invitation(code)` shows them what they need.
-- -----------------------------------------------------------------------------
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  -- 8 characters without look-alikes (no 0/O, 1/I/L): easy to read aloud and type.
  code text not null unique constraint invitations_code_format check (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  role public.member_role not null default 'member',
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

-- =============================================================================
-- Read policies (one per table and command; writes only through SQL functions)
-- =============================================================================
revoke all on public.enterprises, public.departments, public.enterprise_members, public.invitations,
  public.join_requests, public.enterprise_phone_allowlist, public.qualification_documents
  from anon, authenticated;

grant select on public.enterprises, public.departments, public.enterprise_members, public.invitations,
  public.join_requests, public.enterprise_phone_allowlist, public.qualification_documents
  to authenticated;

create policy "Admins read their enterprise's invitations; members read their own"
  on public.invitations for select to authenticated
  using (
    enterprise_id in (select private.my_admin_enterprise_ids())
    or (created_by = (select auth.uid()) and enterprise_id in (select private.my_enterprise_ids()))
  );

select private.readable_by_owner('public.join_requests', 'People read their own join requests; admins read their enterprise''s',
  'user_id', 'private.my_admin_enterprise_ids');

create policy "Admins read their enterprise's phone allow-list"
  on public.enterprise_phone_allowlist for select to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()));

/**
  * -------------------------------------------------------
  * Section - Membership (from 20261129020000)
  * -------------------------------------------------------
  */

-- Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
create or replace function private.new_invitation_code()
returns text language sql volatile set search_path = '' as $$
  select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (get_byte(b.bytes, i) % 31) + 1, 1), '' order by i)
    from (select extensions.gen_random_bytes(8) as bytes) b
   cross join generate_series(0, 7) as i;
$$;

-- What people type or scan: upper case, spaces and dashes ignored. Null when it cannot be a code.
create or replace function private.normalize_invitation_code(p_code text)
returns text language sql immutable set search_path = '' as $$
  select case when c ~ '^[A-HJKMNP-Z2-9]{8}$' then c end
    from (select upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')) as c) x;
$$;

-- The invitation a code names (row locked when asked), or null once the failure is counted.
-- Malformed input names nothing and reveals nothing, so it is refused (22023) without counting.
create or replace function private.invitation_by_code(p_code text, p_lock boolean)
returns public.invitations language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_code text := private.normalize_invitation_code(p_code);
  v_inv public.invitations;
begin
  perform private.raise_if(v_code is null, '22023', 'invitation_code_invalid', '邀请码为 8 位字母或数字');
  perform private.assert_code_attempts_left(v_uid);
  if p_lock then
    select * into v_inv from public.invitations i where i.code = v_code for update;
  else
    select * into v_inv from public.invitations i where i.code = v_code;
  end if;
  if not found then
    delete from private.invitation_code_failures f where f.user_id = v_uid and f.failed_at <= now() - interval '1 hour';
    insert into private.invitation_code_failures (user_id) values (v_uid);
    return null;
  end if;
  return v_inv;
end $$;

-- valid | expired | revoked | used_up (the invitation alone, whoever looks at it)
create or replace function private.invitation_state(p_inv public.invitations)
returns text language sql stable set search_path = '' as $$
  select case when p_inv.revoked_at is not null then 'revoked'
              when p_inv.expires_at <= now() then 'expired'
              when p_inv.max_uses is not null and p_inv.use_count >= p_inv.max_uses then 'used_up'
              else 'valid' end;
$$;

-- =============================================================================
-- Invitations
-- =============================================================================
create or replace function private.create_invitation(
  p_enterprise_id uuid, p_role text default 'member', p_department_id uuid default null,
  p_valid_hours integer default 168, p_max_uses integer default null
)
returns table (id uuid, code text, expires_at timestamptz) language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
  v_e public.enterprises;
  v_admin boolean;
  v_own_department uuid;
  v_row public.invitations;
  v_try integer := 0;
begin
  perform private.assert_cleared();
  perform private.assert_not_restricted();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  select * into v_e from public.enterprises e where e.id = p_enterprise_id;
  perform private.enterprise_status_error(v_e.status);
  v_admin := private.is_admin(p_enterprise_id);
  perform private.raise_if(p_role is null or p_role not in ('admin', 'member'), '22023', 'role_invalid', '角色须为管理员或成员');
  perform private.raise_if(p_valid_hours is null or p_valid_hours not between 1 and 720, '22023', 'valid_hours_invalid', '有效期须为 1–720 小时');
  perform private.raise_if(p_max_uses is not null and p_max_uses not between 1 and 10000, '22023', 'max_uses_invalid', '使用次数上限须为 1–10000');
  if p_department_id is not null and not exists (
    select 1 from public.departments d where d.enterprise_id = p_enterprise_id and d.id = p_department_id
  ) then
    raise exception using errcode = '22023', message = 'department_not_found', hint = '找不到该部门';
  end if;
  if not v_admin then
    select m.department_id into v_own_department from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = v_uid;
    -- Members invite colleagues as members, into no department or their own.
    if not v_e.members_can_invite or p_role <> 'member'
       or (p_department_id is not null and p_department_id is distinct from v_own_department) then
      raise exception using errcode = '42501', message = 'invitation_not_allowed', hint = '你没有权限发出这样的邀请';
    end if;
  end if;
  perform private.raise_if(not private.has_feature(p_enterprise_id, 'invitations'), 'P0001', 'feature_not_in_edition', '当前版本不支持邀请');
  if (select count(*) from public.invitations i
       where i.enterprise_id = p_enterprise_id and i.created_at > now() - interval '1 day') >= 500 then
    raise exception using errcode = 'P0001', message = 'invitation_rate_limited', hint = '今天发出的邀请已达上限，请明天再试';
  end if;

  loop
    begin
      insert into public.invitations as i (enterprise_id, code, role, department_id, created_by, expires_at, max_uses)
      values (p_enterprise_id, private.new_invitation_code(), p_role::public.member_role, p_department_id, v_uid,
              now() + make_interval(hours => p_valid_hours), p_max_uses)
      returning i.* into v_row;
      exit;
    exception when unique_violation then
      v_try := v_try + 1;
      if v_try >= 5 then raise; end if;
    end;
  end loop;

  id := v_row.id;
  code := v_row.code;
  expires_at := v_row.expires_at;
  return next;
end $$;

create or replace function private.revoke_invitation(p_invitation_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_inv public.invitations;
begin
  perform private.assert_cleared();
  perform private.raise_if(p_invitation_id is null, '22023', 'invitation_id_required', '请选择邀请');
  select * into v_inv from public.invitations i where i.id = p_invitation_id for update;
  perform private.raise_if(not found, '22023', 'invitation_not_found', '邀请不存在');
  if not (private.is_admin(v_inv.enterprise_id)
          or (v_inv.created_by = (select auth.uid()) and private.is_member(v_inv.enterprise_id))) then
    raise exception using errcode = '42501', message = 'not_enterprise_admin', hint = '仅企业管理员或邀请人可以撤销邀请';
  end if;
  update public.invitations i set revoked_at = now() where i.id = p_invitation_id and i.revoked_at is null;
end $$;

-- =============================================================================
-- Join requests
-- =============================================================================
create or replace function private.decide_join_request(p_request_id uuid, p_approve boolean, p_reason text default '')
returns void language plpgsql security definer set search_path = '' as $$
declare v_req public.join_requests;
  v_inv public.invitations;
  v_reason text;
  v_name text;
begin
  perform private.assert_cleared();
  perform private.raise_if(p_request_id is null, '22023', 'join_request_id_required', '请选择加入申请');
  v_reason := private.decision_reason(p_approve, p_reason, 200, '同意', '拒绝');
  select * into v_req from public.join_requests r where r.id = p_request_id for update;
  perform private.raise_if(not found, '22023', 'join_request_not_found', '找不到该加入申请');
  perform private.assert_admin(v_req.enterprise_id);
  perform private.raise_if(v_req.status <> 'pending', 'P0001', 'join_request_not_pending', '该申请已处理');

  update public.join_requests r
     set status = case when p_approve then 'approved' else 'rejected' end,
         reason = v_reason, decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id;
  select e.name into v_name from public.enterprises e where e.id = v_req.enterprise_id;
  if p_approve then
    select * into v_inv from public.invitations i where i.id = v_req.invitation_id;
    perform private.add_member(v_req.enterprise_id, v_req.user_id, coalesce(v_inv.role::text, 'member'),
                               v_inv.department_id, v_inv.created_by);
    perform private.notify(v_req.user_id, 'enterprise_membership', '加入申请已通过', '你已加入 ' || v_name,
      jsonb_build_object('enterprise_id', v_req.enterprise_id, 'join_request_id', v_req.id, 'status', 'approved'));
  else
    perform private.notify(v_req.user_id, 'enterprise_membership', '加入申请未通过', v_name || '：' || v_reason,
      jsonb_build_object('enterprise_id', v_req.enterprise_id, 'join_request_id', v_req.id, 'status', 'rejected'));
  end if;
end $$;

-- The admin's review list: who is asking (name from their profile, phone masked), through whose
-- invitation and with which role / department. Profiles are private to their owner, so the raw
-- join_requests rows alone would show admins only user ids.
create or replace function private.list_join_requests(p_enterprise_id uuid, p_status text default 'pending')
returns table (id uuid, user_id uuid, display_name text, phone_masked text, invitation_id uuid, inviter_name text,
               role text, department_id uuid, status text, reason text, created_at timestamptz, decided_at timestamptz)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform private.raise_if(p_status is null or p_status not in ('pending', 'approved', 'rejected', 'declined', 'withdrawn', 'all'), '22023', 'status_invalid', '状态须为 pending、approved、rejected、declined、withdrawn 或 all');
  return query
  select r.id, r.user_id, coalesce(p.display_name, ''), private.mask_phone(u.phone), r.invitation_id,
         coalesce(nullif(im.display_name, ''), ip.display_name), coalesce(i.role::text, 'member'), i.department_id,
         r.status, r.reason, r.created_at, r.decided_at
    from public.join_requests r
    left join public.profiles p on p.id = r.user_id
    left join auth.users u on u.id = r.user_id
    left join public.invitations i on i.id = r.invitation_id
    left join public.enterprise_members im on im.enterprise_id = r.enterprise_id and im.user_id = i.created_by
    left join public.profiles ip on ip.id = i.created_by
   where r.enterprise_id = p_enterprise_id and (p_status = 'all' or r.status = p_status)
   order by r.created_at desc
   limit 500;
end $$;

create or replace function private.withdraw_join_request(p_request_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_req public.join_requests;
begin
  perform private.assert_cleared();
  perform private.raise_if(p_request_id is null, '22023', 'join_request_id_required', '请选择加入申请');
  select * into v_req from public.join_requests r
   where r.id = p_request_id and r.user_id = (select auth.uid()) for update;
  perform private.raise_if(not found, '22023', 'join_request_not_found', '找不到该加入申请');
  perform private.raise_if(v_req.status <> 'pending', 'P0001', 'join_request_not_pending', '该申请已处理');
  update public.join_requests r set status = 'withdrawn', decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id;
end $$;

-- =============================================================================
-- Phone allow-list
-- =============================================================================
create or replace function private.set_phone_allowlist(p_enterprise_id uuid, p_phones text[])
returns integer language plpgsql security definer set search_path = '' as $$
declare v_phones text[];
  v_bad text;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform private.raise_if(p_phones is null, '22023', 'phones_invalid', '请提供手机号列表');
  perform private.raise_if(cardinality(p_phones) > 5000, '22023', 'phones_too_many', '白名单最多 5000 个手机号');
  select x into v_bad from unnest(p_phones) x where private.normalize_cn_mobile(btrim(x)) is null limit 1;
  if found then
    raise exception using errcode = '22023', message = 'phone_invalid',
      hint = '手机号格式不正确：' || left(coalesce(v_bad, '（空）'), 20);
  end if;
  select coalesce(array_agg(distinct private.normalize_cn_mobile(btrim(x))), '{}') into v_phones from unnest(p_phones) x;

  delete from public.enterprise_phone_allowlist a where a.enterprise_id = p_enterprise_id;
  insert into public.enterprise_phone_allowlist (enterprise_id, phone, added_by)
  select p_enterprise_id, x, (select auth.uid()) from unnest(v_phones) x;
  return cardinality(v_phones);
end $$;

revoke execute on function private.new_invitation_code() from public, anon, authenticated;
revoke execute on function private.normalize_invitation_code(text) from public, anon, authenticated;
revoke execute on function private.invitation_by_code(text, boolean) from public, anon, authenticated;
revoke execute on function private.invitation_state(public.invitations) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Invitation code attempts (from 20261130020000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Invitation codes cannot be guessed by volume.
--
-- A code is 8 characters from 31 (about 8.5·10^11 codes), so one guess rarely hits, but a person
-- free to try codes without limit finds live ones by volume. Now each person's failed lookups (a
-- well-formed code that names no invitation, through get_invitation, accept_invitation or
-- decline_invitation) are counted; after 10 within an hour every code lookup by that person is
-- refused with 429 invitation_attempts_exceeded until the oldest of those 10 is an hour old.
--
-- The failure must be counted although the request fails, and an exception rolls back all the
-- request wrote. So "no such invitation" is no longer raised: the function sets PostgREST's
-- response status (400, as before) and returns the error in PostgREST's error shape
-- {code, message, details, hint}, which supabase-js gives the app as an error like any other
-- (private.check_sms_challenge counts wrong SMS codes the same way). A function returning a table
-- cannot answer with one error object, so get_invitation and accept_invitation now return one
-- JSON object instead of a one-row table, and decline_invitation returns {"status":"declined"}.
-- =============================================================================
create table private.invitation_code_failures (
  user_id uuid not null references auth.users (id) on delete cascade,
  failed_at timestamptz not null default now()
);

create index invitation_code_failures_user_time on private.invitation_code_failures (user_id, failed_at);

revoke all on private.invitation_code_failures from public, anon, authenticated;

-- Refuses a person with 10 failed lookups in the last hour: 429 with Retry-After (PostgREST's
-- RAISE SQLSTATE 'PGRST' form carries the status and headers).
create or replace function private.assert_code_attempts_left(p_uid uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
declare v_tenth timestamptz;
begin
  select min(r.failed_at) into v_tenth
    from (select f.failed_at from private.invitation_code_failures f
           where f.user_id = p_uid and f.failed_at > now() - interval '1 hour'
           order by f.failed_at desc limit 10) r
  having count(*) >= 10;
  if v_tenth is not null then
    raise sqlstate 'PGRST' using
      message = json_build_object('code', 'P0001', 'message', 'invitation_attempts_exceeded', 'details', null,
                                  'hint', '邀请码错误次数过多，请 1 小时后再试')::text,
      detail = json_build_object('status', 429, 'headers', json_build_object(
                 'Retry-After', greatest(1, ceil(extract(epoch from v_tenth + interval '1 hour' - now())))::bigint::text))::text;
  end if;
end $$;

-- "No such invitation" as PostgREST would have sent it (400), but committed: see the header.
create or replace function private.invitation_not_found()
returns jsonb language plpgsql volatile set search_path = '' as $$
begin
  perform set_config('response.status', '400', true);
  return jsonb_build_object('code', '22023', 'message', 'invitation_not_found', 'details', null,
                            'hint', '邀请不存在，请确认邀请码或链接是否正确');
end $$;

-- What an invitee sees before deciding. Shown to any cleared user holding the code.
create function private.get_invitation(p_code text)
returns jsonb language plpgsql volatile security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_inv public.invitations;
  v_result jsonb;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, false);
  if v_inv.id is null then
    return private.invitation_not_found();
  end if;
  select jsonb_build_object(
           'enterprise_id', e.id,
           'enterprise_name', e.name,
           'industry', e.industry,
           'inviter_name', coalesce(nullif(im.display_name, ''), nullif(ip.display_name, ''), '企业管理员'),
           'role', v_inv.role,
           'expires_at', v_inv.expires_at,
           'join_rule', e.join_rule,
           'state', case when exists (select 1 from public.enterprise_members m where m.enterprise_id = e.id and m.user_id = v_uid)
                           then 'already_member'
                         when exists (select 1 from public.join_requests r
                                       where r.enterprise_id = e.id and r.user_id = v_uid and r.status = 'pending')
                           then 'pending_request'
                         else private.invitation_state(v_inv) end)
    into v_result
    from public.enterprises e
    left join public.enterprise_members im on im.enterprise_id = e.id and im.user_id = v_inv.created_by
    left join public.profiles ip on ip.id = v_inv.created_by
   where e.id = v_inv.enterprise_id;
  return v_result;
end $$;

-- {enterprise_id, status: joined | pending}
create function private.accept_invitation(p_code text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_inv public.invitations;
  v_e public.enterprises;
  v_state text;
  v_join boolean;
  v_request uuid;
  v_name text;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, true);
  if v_inv.id is null then
    return private.invitation_not_found();
  end if;
  select * into v_e from public.enterprises e where e.id = v_inv.enterprise_id for update;
  perform private.raise_if(exists (select 1 from public.enterprise_members m where m.enterprise_id = v_e.id and m.user_id = v_uid), 'P0001', 'already_member', '你已经是该企业的成员');
  if exists (select 1 from public.join_requests r
              where r.enterprise_id = v_e.id and r.user_id = v_uid and r.status = 'pending') then
    return jsonb_build_object('enterprise_id', v_e.id, 'status', 'pending');
  end if;
  v_state := private.invitation_state(v_inv);
  if v_state = 'revoked' then
    raise exception using errcode = 'P0001', message = 'invitation_revoked', hint = '该邀请已被撤销';
  elsif v_state = 'expired' then
    raise exception using errcode = 'P0001', message = 'invitation_expired', hint = '该邀请已过期，请联系邀请人重新邀请';
  elsif v_state = 'used_up' then
    raise exception using errcode = 'P0001', message = 'invitation_used_up', hint = '该邀请的使用次数已满';
  end if;

  v_join := case v_e.join_rule
              when 'invite' then true
              when 'allowlist' then exists (
                select 1 from public.enterprise_phone_allowlist a
                  join auth.users u on u.phone = a.phone
                 where a.enterprise_id = v_e.id and u.id = v_uid)
              else false end;
  update public.invitations i set use_count = i.use_count + 1 where i.id = v_inv.id;

  if v_join then
    perform private.add_member(v_e.id, v_uid, v_inv.role::text, v_inv.department_id, v_inv.created_by);
    return jsonb_build_object('enterprise_id', v_e.id, 'status', 'joined');
  end if;
  insert into public.join_requests as r (enterprise_id, user_id, invitation_id)
  values (v_e.id, v_uid, v_inv.id)
  returning r.id into v_request;
  select p.display_name into v_name from public.profiles p where p.id = v_uid;
  perform private.notify_admins(v_e.id, 'enterprise_join_request', '新的加入申请',
    coalesce(nullif(v_name, ''), '有人') || ' 申请加入 ' || v_e.name,
    jsonb_build_object('join_request_id', v_request));
  return jsonb_build_object('enterprise_id', v_e.id, 'status', 'pending');
end $$;

-- {status: declined}
create function private.decline_invitation(p_code text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_inv public.invitations;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, false);
  if v_inv.id is null then
    return private.invitation_not_found();
  end if;
  perform private.raise_if(exists (select 1 from public.enterprise_members m where m.enterprise_id = v_inv.enterprise_id and m.user_id = v_uid), 'P0001', 'already_member', '你已经是该企业的成员');
  if exists (select 1 from public.join_requests r
              where r.enterprise_id = v_inv.enterprise_id and r.user_id = v_uid and r.status = 'pending') then
    raise exception using errcode = 'P0001', message = 'join_request_pending', hint = '你已提交加入申请，如不想加入请撤回申请';
  end if;
  -- One record per person and invitation: declining twice changes nothing.
  insert into public.join_requests (enterprise_id, user_id, invitation_id, status, decided_by, decided_at)
  select v_inv.enterprise_id, v_uid, v_inv.id, 'declined', v_uid, now()
   where not exists (select 1 from public.join_requests r
                      where r.invitation_id = v_inv.id and r.user_id = v_uid and r.status = 'declined');
  return jsonb_build_object('status', 'declined');
end $$;

revoke execute on function private.assert_code_attempts_left(uuid) from public, anon, authenticated;
revoke execute on function private.invitation_not_found() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Platform ops (from 20261206040000)
  * -------------------------------------------------------
  */

select private.refuse_writes_when_inactive('public.invitations', 'public.join_requests', 'public.enterprise_phone_allowlist');
select private.hide_when_closed('public.invitations', 'public.join_requests', 'public.enterprise_phone_allowlist');

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['create_invitation', 'revoke_invitation', 'decide_join_request',
  'list_join_requests', 'withdraw_join_request', 'set_phone_allowlist', 'get_invitation', 'accept_invitation',
  'decline_invitation']);
