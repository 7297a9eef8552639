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
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_tenth timestamptz;
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
end;
$$;

-- The invitation a code names (row locked when asked), or null once the failure is counted.
-- Malformed input names nothing and reveals nothing, so it is refused (22023) without counting.
create or replace function private.invitation_by_code(p_code text, p_lock boolean)
returns public.invitations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_code text := private.normalize_invitation_code(p_code);
  v_inv public.invitations;
begin
  if v_code is null then
    raise exception using errcode = '22023', message = 'invitation_code_invalid', hint = '邀请码为 8 位字母或数字';
  end if;
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
end;
$$;

-- "No such invitation" as PostgREST would have sent it (400), but committed: see the header.
create or replace function private.invitation_not_found()
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
begin
  perform set_config('response.status', '400', true);
  return jsonb_build_object('code', '22023', 'message', 'invitation_not_found', 'details', null,
                            'hint', '邀请不存在，请确认邀请码或链接是否正确');
end;
$$;

drop function public.get_invitation(text);
drop function public.accept_invitation(text);
drop function public.decline_invitation(text);

-- What an invitee sees before deciding. Shown to any cleared user holding the code.
create function public.get_invitation(p_code text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
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
end;
$$;

-- {enterprise_id, status: joined | pending}
create function public.accept_invitation(p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
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
  if exists (select 1 from public.enterprise_members m where m.enterprise_id = v_e.id and m.user_id = v_uid) then
    raise exception using errcode = 'P0001', message = 'already_member', hint = '你已经是该企业的成员';
  end if;
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
    perform private.add_member(v_e.id, v_uid, v_inv.role, v_inv.department_id, v_inv.created_by);
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
end;
$$;

-- {status: declined}
create function public.decline_invitation(p_code text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_inv public.invitations;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, false);
  if v_inv.id is null then
    return private.invitation_not_found();
  end if;
  if exists (select 1 from public.enterprise_members m where m.enterprise_id = v_inv.enterprise_id and m.user_id = v_uid) then
    raise exception using errcode = 'P0001', message = 'already_member', hint = '你已经是该企业的成员';
  end if;
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
end;
$$;

revoke execute on function
  private.assert_code_attempts_left(uuid), private.invitation_not_found()
from public, anon, authenticated;
revoke execute on function
  public.get_invitation(text), public.accept_invitation(text), public.decline_invitation(text)
from public, anon;
grant execute on function
  public.get_invitation(text), public.accept_invitation(text), public.decline_invitation(text)
to authenticated;
