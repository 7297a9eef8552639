-- Operations: platform operator tools and background jobs.
-- Squashed from the migrations of 2026-11-22 … 2026-12-06 (see docs/database.md): every object is
-- defined once, in its final form. Change a deployed function in a new <timestamp>_<domain>_<change>.sql.

-- Files run in domain order, and a function body may name a table of a later domain file: bodies
-- are checked when they run, not when they are created (as pg_dump does).
set check_function_bodies = off;

/**
  * -------------------------------------------------------
  * Section - Identity (from 20261122030000)
  * -------------------------------------------------------
  */

-- -----------------------------------------------------------------------------
-- 4. Operator actions on accounts, audited; finding an account by phone
-- -----------------------------------------------------------------------------
create or replace function private.apply_account_action(
  p_operator_id uuid, p_user_id uuid, p_action text, p_reason text, p_report_id uuid default null
)
returns json language plpgsql security definer set search_path = '' as $$
declare v_reason text := btrim(coalesce(p_reason, ''));
  v_end boolean := p_action in ('suspend', 'terminate');
  v_id uuid;
  v_status text;
  v_after text;
begin
  perform private.raise_if(p_action is null or p_action not in ('warn', 'restrict', 'suspend', 'terminate', 'restore'), '22023', 'action_invalid', '操作须为警告、限制、暂停、终止或恢复之一');
  perform private.raise_if(char_length(v_reason) not between 2 and 500 or v_reason ~ '[[:cntrl:]]', '22023', 'reason_invalid', '请填写 2–500 字的原因');
  perform private.raise_if(p_user_id is null or not exists (select 1 from private.accounts a where a.user_id = p_user_id), '22023', 'user_not_found', '找不到该用户');
  perform private.raise_if(p_user_id = p_operator_id, '22023', 'cannot_act_on_self', '不能对自己的账号执行此操作');
  select status into v_status from private.accounts where user_id = p_user_id for update;
  perform private.raise_if(v_status = 'terminated' and p_action <> 'restore', 'P0001', 'account_already_terminated', '该账号已被终止');

  update private.accounts
     set status = case p_action when 'restrict' then 'restricted' when 'suspend' then 'suspended'
                                when 'terminate' then 'terminated' when 'restore' then 'active' else status end,
         status_changed_at = case when p_action = 'warn' then status_changed_at else now() end
   where user_id = p_user_id
  returning status into v_after;

  -- Sign-in is refused while banned (GoTrue's banned_until); restore lifts it.
  if v_end then
    update auth.users set banned_until = now() + interval '100 years' where id = p_user_id;
    perform private.end_sessions(p_user_id);
  elsif p_action = 'restore' then
    update auth.users set banned_until = null where id = p_user_id;
  end if;

  insert into public.account_actions (user_id, action, reason, operator_id, report_id, sessions_ended)
  values (p_user_id, p_action, v_reason, p_operator_id, p_report_id, v_end)
  returning id into v_id;

  perform private.audit('account.' || p_action, 'account', p_user_id::text, v_reason,
    jsonb_build_object('status', v_status),
    jsonb_build_object('status', v_after, 'sessions_ended', v_end, 'action_id', v_id, 'report_id', p_report_id),
    p_operator_id);

  perform private.notify(p_user_id, 'account_action',
    case p_action when 'warn' then '账号警告' when 'restrict' then '账号功能受限' when 'suspend' then '账号已暂停使用'
                  when 'terminate' then '账号已终止' else '账号已恢复正常' end,
    v_reason, json_build_object('action', p_action, 'action_id', v_id)::jsonb);

  return json_build_object('id', v_id, 'user_id', p_user_id, 'action', p_action, 'reason', v_reason,
                           'sessions_ended', v_end, 'account_status', v_after);
end $$;

create or replace function private.platform_act_on_account(p_user_id uuid, p_action text, p_reason text)
returns json language plpgsql security definer set search_path = '' as $$
begin
  perform private.assert_platform_operator();
  return private.apply_account_action((select auth.uid()), p_user_id, p_action, p_reason, null);
end $$;

revoke execute on function private.apply_account_action(uuid, uuid, text, text, uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Platform ops (from 20261206040000)
  * -------------------------------------------------------
  */

create or replace function private.platform_set_enterprise_status(p_enterprise_id uuid, p_status text, p_reason text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_reason text := btrim(coalesce(p_reason, ''));
begin
  perform private.assert_platform_operator();
  perform private.raise_if(p_enterprise_id is null, '22023', 'enterprise_id_required', '请选择企业');
  perform private.raise_if(p_status is null or p_status not in ('normal', 'suspended', 'closed'), '22023', 'enterprise_status_invalid', '状态须为正常、暂停或注销');
  perform private.raise_if(char_length(v_reason) not between 2 and 500 or v_reason ~ '[[:cntrl:]]', '22023', 'reason_invalid', '请填写 2–500 字的原因');
  return private.change_enterprise_status(p_enterprise_id, p_status,
    v_reason, 'enterprise.' || case p_status when 'normal' then 'restore' when 'suspended' then 'suspend' else 'close' end);
end $$;

-- Operators find an enterprise by (part of) its name, with its status.
create or replace function private.platform_find_enterprises(p_query text)
returns table (id uuid, name text, status text, status_reason text, edition text, qualification_status text,
               member_count integer, created_at timestamptz)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_q text := btrim(coalesce(p_query, ''));
begin
  perform private.assert_platform_operator();
  perform private.raise_if(char_length(v_q) not between 1 and 60, '22023', 'query_invalid', '请输入 1–60 个字的企业名称');
  return query
  select e.id, e.name, e.status, e.status_reason, e.edition::text, e.qualification_status,
         (select count(*)::integer from public.enterprise_members m where m.enterprise_id = e.id), e.created_at
    from public.enterprises e
   where e.name ilike '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%'
   order by e.created_at desc
   limit 20;
end $$;

-- The account behind a phone number, for acting on it. The operator typed the number, so it is
-- echoed only masked; the birth date is never shown (an age band is), nor the consents. Each lookup
-- is audited: it reveals who holds a number.
create or replace function private.platform_find_account(p_phone text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_phone text := private.normalize_cn_mobile(p_phone);
  v_uid uuid;
  v_result json;
begin
  perform private.assert_platform_operator();
  perform private.raise_if(v_phone is null, '22023', 'phone_invalid', '请填写中国大陆手机号');
  select u.id into v_uid from auth.users u where u.phone = v_phone;
  perform private.raise_if(v_uid is null, '22023', 'user_not_found', '找不到该手机号的账号');
  select json_build_object(
           'user_id', a.user_id,
           'phone_masked', private.mask_phone(v_phone),
           'display_name', coalesce(p.display_name, ''),
           'account_status', a.status,
           'status_changed_at', a.status_changed_at,
           'age_band', private.age_band(a.birth_date),
           'created_at', a.created_at,
           'is_operator', exists (select 1 from private.platform_operators o where o.user_id = a.user_id),
           'enterprises', coalesce((
             select json_agg(json_build_object('id', e.id, 'name', e.name, 'role', m.role, 'status', e.status) order by e.name)
               from public.enterprise_members m join public.enterprises e on e.id = m.enterprise_id
              where m.user_id = a.user_id), '[]'::json),
           'recent_actions', coalesce((
             select json_agg(json_build_object('action', x.action, 'reason', x.reason, 'created_at', x.created_at) order by x.created_at desc)
               from (select * from public.account_actions c where c.user_id = a.user_id order by c.created_at desc limit 5) x), '[]'::json))
    into v_result
    from private.accounts a
    left join public.profiles p on p.id = a.user_id
   where a.user_id = v_uid;
  perform private.audit('account.lookup', 'account', v_uid::text, '按手机号查找账号');
  return v_result;
end $$;

-- -----------------------------------------------------------------------------
-- Operator audit log: the ops page's query (newest first, filtered, paged by keyset).
-- Security invoker: the table's select policy (operators only) decides.
-- -----------------------------------------------------------------------------
create or replace function public.platform_audit_log(
  p_target_type text default null, p_target_id text default null, p_operator_id uuid default null,
  p_before_id bigint default null, p_limit integer default 50
)
returns setof public.operator_audit_log language plpgsql stable security invoker set search_path = '' as $$
begin
  if not (select private.is_platform_operator()) then
    raise exception using errcode = '42501', message = 'not_platform_operator', hint = '仅平台运营人员可以执行此操作';
  end if;
  if p_limit is null or p_limit not between 1 and 200 then
    raise exception using errcode = '22023', message = 'limit_invalid', hint = '每页 1–200 条';
  end if;
  return query
  select l.* from public.operator_audit_log l
   where (p_target_type is null or l.target_type = p_target_type)
     and (p_target_id is null or l.target_id = p_target_id)
     and (p_operator_id is null or l.operator_id = p_operator_id)
     and (p_before_id is null or l.id < p_before_id)
   order by l.id desc
   limit p_limit;
end $$;
revoke execute on function private.apply_account_action(uuid, uuid, text, text, uuid) from public, anon, authenticated;
revoke execute on function public.platform_audit_log(text, text, uuid, bigint, integer) from public, anon;
grant execute on function public.platform_audit_log(text, text, uuid, bigint, integer) to authenticated;

/**
  * -------------------------------------------------------
  * Section - Account hardening (from 20261206050000)
  * -------------------------------------------------------
  */

-- The scheduler's entry point (service role: pg_cron + pg_net, or the local stack's tests).
create or replace function private.gate_refresh_batch(p_limit integer default 500)
returns json language plpgsql security definer set search_path = '' as $$
declare v_refreshed integer := private.refresh_stale_gates(p_limit);
begin
  -- Counted in a statement of its own, so it sees the rows just refreshed.
  return json_build_object('refreshed', v_refreshed,
    'remaining', (select count(*) from private.accounts a
                   where a.gate_epoch is distinct from (select e.epoch from private.gate_epoch e)));
end $$;

-- -----------------------------------------------------------------------------
-- 5. WeChat / WeCom access tokens: one per app, shared by every function instance
-- -----------------------------------------------------------------------------
-- Each cold function instance used to fetch its own token: that burns the daily quota and each new
-- token invalidates the previous one (WeChat keeps one valid token per app). Now the row lock below
-- decides who refreshes: one caller gets a lease, fetches from WeChat and stores the token; the
-- others keep using the current token if it is still valid, or wait briefly.
create table private.wechat_access_tokens (
  app_key text primary key,
  access_token text,
  expires_at timestamptz,
  lease_id uuid,
  lease_until timestamptz,
  updated_at timestamptz not null default now()
);

revoke all on private.wechat_access_tokens from public, anon, authenticated;

-- p_rejected: a token the API just refused (40001/42001): it is never handed out again.
-- Answers {token} or {lease} (the caller must fetch and store) or {wait: true}.
create or replace function private.wechat_token_lease(p_app_key text, p_rejected text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v private.wechat_access_tokens;
  v_lease uuid := gen_random_uuid();
begin
  perform private.raise_if(p_app_key is null or char_length(p_app_key) not between 3 and 200, '22023', 'app_key_invalid', '应用标识无效');
  insert into private.wechat_access_tokens (app_key) values (p_app_key) on conflict (app_key) do nothing;
  select * into v from private.wechat_access_tokens t where t.app_key = p_app_key for update;
  if p_rejected is not null and v.access_token = p_rejected then
    update private.wechat_access_tokens set access_token = null, expires_at = null where app_key = p_app_key;
    v.access_token := null;
  end if;
  -- Refresh 5 minutes before expiry; until then (or while another refresh runs) the current token serves.
  if v.access_token is not null and v.expires_at > now() + interval '5 minutes' then
    return json_build_object('token', v.access_token);
  end if;
  if v.lease_until is not null and v.lease_until > now() then
    if v.access_token is not null and v.expires_at > now() + interval '30 seconds' then
      return json_build_object('token', v.access_token);
    end if;
    return json_build_object('wait', true);
  end if;
  update private.wechat_access_tokens set lease_id = v_lease, lease_until = now() + interval '20 seconds'
   where app_key = p_app_key;
  return json_build_object('lease', v_lease);
end $$;

create or replace function private.wechat_token_store(p_app_key text, p_lease uuid, p_token text, p_expires_in integer)
returns json language plpgsql security definer set search_path = '' as $$
begin
  perform private.raise_if(p_token is null or char_length(p_token) not between 1 and 2000 or p_expires_in is null or p_expires_in < 60, '22023', 'token_invalid', '访问令牌无效');
  update private.wechat_access_tokens
     set access_token = p_token, expires_at = now() + make_interval(secs => least(p_expires_in, 86400)),
         lease_id = null, lease_until = null, updated_at = now()
   where app_key = p_app_key and lease_id = p_lease;
  perform private.raise_if(not found, 'P0001', 'lease_lost', '令牌刷新权已失效');
  return json_build_object('stored', true);
end $$;

-- A failed refresh gives the lease back at once, so the next caller may try.
create or replace function private.wechat_token_release(p_app_key text, p_lease uuid)
returns void language sql security definer set search_path = '' as $$
  update private.wechat_access_tokens set lease_id = null, lease_until = null
   where app_key = p_app_key and lease_id = p_lease;
$$;

-- Service role (storage-sign function): may p_user_id read this object?
create or replace function private.storage_sign_allowed(p_user_id uuid, p_bucket text, p_path text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
declare v_folder text := split_part(coalesce(p_path, ''), '/', 1);
  v_operator boolean := exists (select 1 from private.platform_operators o where o.user_id = p_user_id);
begin
  if p_user_id is null or p_path is null or p_path ~ '\.\.'
     or not exists (select 1 from storage.objects o where o.bucket_id = p_bucket and o.name = p_path) then
    return false;
  end if;
  if p_bucket = 'qualifications' then
    return v_operator or exists (
      select 1 from public.enterprise_members m
       where m.user_id = p_user_id and m.role = 'admin' and m.enterprise_id::text = v_folder);
  end if;
  if p_bucket = 'account-report-evidence' then
    return v_operator;
  end if;
  return false;
end $$;

/**
  * -------------------------------------------------------
  * Section - Operator rights (from 20261207005000_operator_rights)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Operator rights are read, not probed (issue 12)
-- The ops pages used to learn whether the caller is a platform operator by calling a mutating RPC
-- (platform_act_on_account) with an invalid action and reading which refusal came back. This is
-- the read they needed: the caller's platform role, or null.
--
-- Security invoker: it runs as the caller and only asks the existing policy helper
-- private.is_platform_operator() (already executable by authenticated), which counts an operator
-- only while their own account is cleared, the same rule every operator RPC applies.
-- Signed-out callers get 401 (no execute grant for anon), as with every signed-in-only RPC.
-- =============================================================================

create function public.my_platform_role()
returns text language sql stable security invoker set search_path = '' as $$
  select case when (select private.is_platform_operator()) then 'operator' end;
$$;

comment on function public.my_platform_role() is
  'The caller''s platform role: ''operator'' for a cleared platform operator, otherwise null.';

revoke execute on function public.my_platform_role() from public, anon;
grant execute on function public.my_platform_role() to authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['platform_act_on_account', 'platform_set_enterprise_status',
  'platform_find_enterprises', 'platform_find_account'], p_service => array['gate_refresh_batch',
  'wechat_token_lease', 'wechat_token_store', 'wechat_token_release', 'storage_sign_allowed']);
