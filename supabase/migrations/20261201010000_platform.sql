-- Platform: schemas, request context, operators, audit log, notifications, SMS.
-- Squashed from the migrations of 2026-11-22 … 2026-12-06 (see docs/database.md): every object is
-- defined once, in its final form. Change a deployed function in a new <timestamp>_<domain>_<change>.sql.

-- Files run in domain order, and a function body may name a table of a later domain file: bodies
-- are checked when they run, not when they are created (as pg_dump does).
set check_function_bodies = off;

/**
  * -------------------------------------------------------
  * Section - Profiles (from 20261122020000)
  * -------------------------------------------------------
  */

-- private: helpers, internal tables and the security definer bodies of the API functions.
-- Not exposed by PostgREST; the API roles get usage so that public wrappers can call in.
create schema if not exists private;

revoke all on schema private from public;

-- anon too: public.report_stolen_account (reachable before sign-in) is a wrapper of a private function.
grant usage on schema private to anon, authenticated, service_role;

-- Exposes RPCs (docs/database.md "Definer bodies in private, invoker wrappers in public"): for each
-- name, reads the signature of `private.<name>` from the catalog (argument names, defaults, result,
-- volatility), creates `public.<name>` as the one-statement security invoker SQL wrapper with that
-- signature, and sets the execute rights of both: `p_names` for authenticated (and service_role),
-- `p_anon` also for anon (what a caller may do before signing in), `p_service` for service_role only
-- (job entry points). Why: the signature is written once, on the body; four hand-written copies per
-- RPC (wrapper, its grants, the body's grants) drifted apart. Run at the end of a migration, after
-- the bodies; only the migration role (the owner) may call it.
create or replace function private.expose_rpcs(p_names text[], p_anon text[] default '{}', p_service text[] default '{}')
returns void language plpgsql volatile security invoker set search_path = '' as $$
declare r record;
  v_roles text;
  v_args text;
begin
  for r in select n.name, p.oid, p.proname, p.provolatile, p.proargnames, p.proargmodes, p.pronargs,
                  -- rows (setof, or out parameters / a row type) come back as columns: `select * from`
                  p.proretset or p.prorettype = 'record'::regtype or t.typtype = 'c' as returns_rows
             from unnest(p_names || p_anon || p_service) as n(name)
             left join pg_proc p on p.proname = n.name and p.pronamespace = 'private'::regnamespace
             left join pg_type t on t.oid = p.prorettype loop
    if r.oid is null then
      raise exception 'expose_rpcs: no function private.% to expose', r.name;
    end if;
    if r.proargmodes is not null and not r.proargmodes <@ array['i', 'o', 't']::"char"[] then
      raise exception 'expose_rpcs: private.% has inout/variadic arguments', r.proname;
    end if;
    -- the call passes the input arguments by position, under the body's names
    select string_agg(quote_ident(a.name), ', ' order by a.ord) into v_args
      from unnest(r.proargnames, coalesce(r.proargmodes, array_fill('i'::"char", array[r.pronargs])))
             with ordinality as a(name, mode, ord)
     where a.mode = 'i';
    execute format('create or replace function public.%I(%s)'
                   ' returns %s language sql %s security invoker set search_path = '''''
                   ' as $wrapper$ select %sprivate.%I(%s); $wrapper$',
                   r.proname, pg_get_function_arguments(r.oid), pg_get_function_result(r.oid),
                   case r.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
                   case when r.returns_rows then '* from ' else '' end, r.proname, coalesce(v_args, ''));
    v_roles := case when r.proname = any(p_anon) then 'anon, authenticated, service_role'
                    when r.proname = any(p_service) then 'service_role'
                    else 'authenticated, service_role' end;
    execute format('revoke all on function private.%1$I(%2$s), public.%1$I(%2$s) from public, anon, authenticated, service_role',
                   r.proname, pg_get_function_identity_arguments(r.oid));
    execute format('grant execute on function private.%1$I(%2$s), public.%1$I(%2$s) to %3$s',
                   r.proname, pg_get_function_identity_arguments(r.oid), v_roles);
  end loop;
end $$;
revoke all on function private.expose_rpcs(text[], text[], text[]) from public, anon, authenticated, service_role;

-- A definer body's one-line guard: `perform private.raise_if(<refusal condition>, errcode, message, hint);`
-- raises exactly what `if <condition> then raise exception using errcode = …, message = …, hint = …;
-- end if;` raises (a null condition passes, as in IF), in one line instead of three. PERFORM sets FOUND
-- and ROW_COUNT: a body that reads them does so before the guard. Only definer bodies call it.
create or replace function private.raise_if(p_fail boolean, p_errcode text, p_message text, p_hint text)
returns void language plpgsql set search_path = '' as $$
begin
  if p_fail then
    raise exception using errcode = p_errcode, message = p_message, hint = p_hint;
  end if;
end $$;
revoke all on function private.raise_if(boolean, text, text, text) from public, anon, authenticated, service_role;

-- A catalogue table (notification kinds, agreement documents and versions, edition features): every
-- row readable by anyone, signed in or not (what the app shows before sign-in); clients write
-- nothing (migrations, seeds and definer RPCs do). Revokes the client roles' rights, grants them
-- select and creates the one policy, `p_policy` ("Anyone can read …"). Migrations only; the table
-- enables row level security itself, right after `create table`.
create or replace function private.readable_by_anyone(p_table regclass, p_policy text)
returns void language plpgsql set search_path = '' as $$
begin
  execute format('revoke all on %s from anon, authenticated', p_table);
  execute format('grant select on %s to anon, authenticated', p_table);
  execute format('create policy %I on %s for select to anon, authenticated using (true)', p_policy, p_table);
end $$;
revoke all on function private.readable_by_anyone(regclass, text) from public, anon, authenticated, service_role;

-- A table of personal rows (notifications, profiles, consents, guardian records, notification
-- preferences and deliveries): signed-in users read their own, whose id is in `p_owner_column`;
-- clients write nothing (definer RPCs, triggers and edge functions do). Revokes the client roles'
-- rights, grants `authenticated` select and creates the one policy, `p_policy`. With `p_staff_ids`
-- (a policy helper returning enterprise ids, e.g. the enterprise's admins or moderators), those
-- staff read the rows of their enterprises (`enterprise_id`) too; with `p_owner_column` null, only
-- they do (a table of enterprise rows only its staff or members read). Migrations only.
create or replace function private.readable_by_owner(p_table regclass, p_policy text, p_owner_column name default 'user_id',
  p_staff_ids regproc default null)
returns void language plpgsql set search_path = '' as $$
begin
  execute format('revoke all on %s from anon, authenticated', p_table);
  execute format('grant select on %s to authenticated', p_table);
  execute format('create policy %I on %s for select to authenticated using (%s)', p_policy, p_table,
                 concat_ws(' or ', case when p_owner_column is not null then format('%I = (select auth.uid())', p_owner_column) end,
                                   case when p_staff_ids is not null then format('enterprise_id in (select %s())', p_staff_ids) end));
end $$;
revoke all on function private.readable_by_owner(regclass, text, name, regproc) from public, anon, authenticated, service_role;

-- 13812345678 → 138****5678: what an operator sees of someone's phone on screen.
create or replace function private.mask_phone(p_phone text)
returns text language sql immutable set search_path = '' as $$
  select case when p_phone ~ '^86[0-9]{11}$' then substr(p_phone, 3, 3) || '****' || right(p_phone, 4)
              when p_phone is null or p_phone = '' then ''
              else '****' || right(p_phone, 4) end;
$$;
revoke execute on function private.mask_phone(text) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Identity (from 20261122030000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Identity: agreements, consent, birth date, guardians, account standing, the gate.
--
-- The rule of this file: a signed-in user who lacks a required current consent, a birth date, a
-- guardian (under 18) or the guardian's consent to the children's statement (under 14), or whose
-- account is suspended/terminated, can only read agreements, consent, fix what is missing, or
-- leave. `private.is_cleared()` / `private.assert_cleared()` are that rule; every write RPC and
-- every future write policy calls them, and supabase/functions/_shared/gate.ts applies it to edge
-- functions.
--
-- Errors: SQLSTATE 42501 (PostgREST → 403, 401 for anon) for the gate and rights, 22023 / P0001
-- (→ 400) for input and rule violations; `message` = stable English code, `hint` = Chinese text.
-- Consent records, guardian records and account actions are written only by functions here:
-- the client roles have no insert/update/delete on any table of this file.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Platform operators
-- A table rather than an app_metadata claim: revoking an operator takes effect at the next
-- request, while a claim lives in every access token already issued until it expires.
-- -----------------------------------------------------------------------------
create table private.platform_operators (
  user_id uuid primary key references auth.users (id) on delete cascade,
  note text not null default '',
  created_at timestamptz not null default now()
);

revoke all on private.platform_operators from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- 2. Operators act and read only while their own account is cleared
-- -----------------------------------------------------------------------------
-- Policies call this once per statement. Non-operators pay only the primary-key lookup; an
-- operator's gate is the request's cached answer.
create or replace function private.is_platform_operator()
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (select 1 from private.platform_operators o where o.user_id = (select auth.uid()))
     and private.gate_code(null) is null;
end $$;

-- The caller's user id, or not_authenticated when the request carries none: the first line of every
-- RPC that acts for the signed-in user (`v_uid uuid := private.require_uid();`).
create or replace function private.require_uid()
returns uuid language plpgsql stable set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
begin
  perform private.raise_if(v_uid is null, '42501', 'not_authenticated', '请先登录');
  return v_uid;
end $$;

create or replace function private.assert_platform_operator()
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_uid();
  perform private.raise_if(not exists (select 1 from private.platform_operators o where o.user_id = (select auth.uid())), '42501', 'not_platform_operator', '仅平台运营人员可以执行此操作');
  -- Operators are users too: they act only while their own account is cleared (its standing first).
  perform private.assert_cleared();
end $$;

-- -----------------------------------------------------------------------------
-- Dates: ages are counted in Asia/Shanghai calendar days, whatever the server's time zone.
-- -----------------------------------------------------------------------------
create or replace function private.shanghai_today()
returns date language sql stable set search_path = ''
as $$ select (now() at time zone 'Asia/Shanghai')::date; $$;

-- -----------------------------------------------------------------------------
-- Notifications (in-app notices: agreement updates, account actions, report outcomes)
-- -----------------------------------------------------------------------------
create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null constraint notifications_kind_valid check (kind in ('agreement_updated', 'account_action', 'account_report')),
  title text not null,
  body text not null default '',
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz
);

alter table public.notifications enable row level security;

create index notifications_user_id_created_idx on public.notifications (user_id, created_at desc);

select private.readable_by_owner('public.notifications', 'Users can read their own notifications');

create or replace function private.notify(p_user_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'::jsonb)
returns void language sql security definer set search_path = '' as $$
  insert into public.notifications (user_id, kind, title, body, data)
  select p_user_id, p_kind, p_title, p_body, coalesce(p_data, '{}'::jsonb)
   where p_user_id is not null and exists (select 1 from auth.users u where u.id = p_user_id);
$$;

-- -----------------------------------------------------------------------------
-- SMS challenges (guardian phone verification, cancellation re-verification): hashes only,
-- 6 digits, 5 minutes, one send per 60 s, 5 wrong attempts.
-- -----------------------------------------------------------------------------
create table private.sms_challenges (
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null constraint sms_challenges_purpose_valid check (purpose in ('guardian', 'cancel')),
  phone text not null,
  code_hash text not null,
  expires_at timestamptz not null,
  sent_at timestamptz not null default now(),
  attempts integer not null default 0,
  primary key (user_id, purpose)
);

revoke all on private.sms_challenges from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- SMS challenges (used by the guardian and account-cancel edge functions with the service role)
-- -----------------------------------------------------------------------------
create or replace function private.issue_sms_challenge(p_user_id uuid, p_purpose text, p_phone text)
returns text language plpgsql security definer set search_path = '' as $$
declare v_code text;
  v_last timestamptz;
  v_day timestamptz := private.shanghai_day_start();
begin
  -- Serialise sends of one account (the row lock) and of one phone (an advisory lock), so two
  -- concurrent requests cannot both pass a count.
  perform 1 from private.accounts a where a.user_id = p_user_id for update;
  perform pg_advisory_xact_lock(hashtextextended('sms_phone:' || p_phone, 0));
  select sent_at into v_last from private.sms_challenges where user_id = p_user_id and purpose = p_purpose for update;
  perform private.raise_if(v_last is not null and v_last > now() - interval '60 seconds', 'P0001', 'code_resend_too_soon', '验证码发送过于频繁，请 60 秒后再试');
  perform private.raise_if(private.sms_failures_today(p_user_id, p_purpose) >= 10, 'P0001', 'code_attempts_exceeded_today', '今天验证码错误次数过多，请明天再试');
  if (select count(*) from private.sms_sends s
       where s.user_id = p_user_id and s.purpose = p_purpose and s.sent_at >= v_day) >= 5 then
    raise exception using errcode = 'P0001', message = 'sms_daily_limit', hint = '今天获取验证码的次数已达上限，请明天再试';
  end if;
  perform private.raise_if((select count(*) from private.sms_sends s where s.phone = p_phone and s.sent_at >= v_day) >= 5, 'P0001', 'sms_phone_daily_limit', '该手机号今天接收验证码的次数已达上限，请明天再试');
  v_code := lpad((('x' || encode(extensions.gen_random_bytes(4), 'hex'))::bit(32)::bigint % 1000000)::text, 6, '0');
  -- The log holds phone numbers only as long as the limits need them (today, with a day's margin).
  delete from private.sms_sends s where (s.user_id = p_user_id or s.phone = p_phone) and s.sent_at < now() - interval '2 days';
  delete from private.sms_code_failures f where f.user_id = p_user_id and f.failed_at < now() - interval '2 days';
  insert into private.sms_sends (user_id, purpose, phone) values (p_user_id, p_purpose, p_phone);
  insert into private.sms_challenges (user_id, purpose, phone, code_hash, expires_at, sent_at, attempts)
  values (p_user_id, p_purpose, p_phone, extensions.crypt(v_code, extensions.gen_salt('bf', 6)), now() + interval '5 minutes', now(), 0)
  on conflict (user_id, purpose) do update
    set phone = excluded.phone, code_hash = excluded.code_hash, expires_at = excluded.expires_at,
        sent_at = excluded.sent_at, attempts = 0;
  return v_code;
end $$;

-- Returns null when the code is right (and consumes it), otherwise the error code. It does not
-- raise on a wrong code: the attempt must be counted, and an exception would roll that back.
create or replace function private.check_sms_challenge(p_user_id uuid, p_purpose text, p_code text)
returns text language plpgsql security definer set search_path = '' as $$
declare v private.sms_challenges;
begin
  select * into v from private.sms_challenges where user_id = p_user_id and purpose = p_purpose for update;
  if not found then return 'code_not_requested'; end if;
  -- Checked before the code itself: once the day's budget is spent, even the right code is refused,
  -- so guessing gains nothing.
  if private.sms_failures_today(p_user_id, p_purpose) >= 10 then return 'code_attempts_exceeded_today'; end if;
  if v.attempts >= 5 then return 'code_attempts_exceeded'; end if;
  if v.expires_at <= now() then return 'code_expired'; end if;
  if p_code is null or p_code !~ '^\d{6}$' or extensions.crypt(p_code, v.code_hash) <> v.code_hash then
    update private.sms_challenges set attempts = attempts + 1 where user_id = p_user_id and purpose = p_purpose;
    insert into private.sms_code_failures (user_id, purpose) values (p_user_id, p_purpose);
    return case when v.attempts + 1 >= 5 then 'code_attempts_exceeded' else 'code_invalid' end;
  end if;
  delete from private.sms_challenges where user_id = p_user_id and purpose = p_purpose;
  return null;
end $$;

-- -----------------------------------------------------------------------------
-- Guardian flow (service role only: the edge function authenticates the user and sends the SMS)
-- -----------------------------------------------------------------------------
create or replace function private.normalize_cn_mobile(p_phone text)
returns text language sql immutable set search_path = '' as $$
  -- +8613800138000 / 8613800138000 / 13800138000 -> 8613800138000 (GoTrue's stored form); else null
  select case when p_phone ~ '^(\+?86)?1[3-9]\d{9}$'
              then '86' || right(regexp_replace(p_phone, '\D', '', 'g'), 11) end;
$$;

-- -----------------------------------------------------------------------------
-- Notifications
-- -----------------------------------------------------------------------------
create or replace function private.mark_notifications_read(p_ids uuid[])
returns integer language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_count integer;
begin
  perform private.raise_if(p_ids is null or cardinality(p_ids) = 0 or cardinality(p_ids) > 200, '22023', 'notification_ids_invalid', '请选择 1–200 条通知');
  update public.notifications set read_at = now()
   where user_id = v_uid and id = any (p_ids) and read_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end $$;

-- -----------------------------------------------------------------------------
-- Grants: functions in public are executable by the API roles by default (Supabase's default
-- privileges), and functions anywhere by PUBLIC: revoke, then grant what each caller needs.
-- -----------------------------------------------------------------------------
revoke execute on function private.is_platform_operator() from public, anon, authenticated;
revoke execute on function private.require_uid() from public, anon, authenticated;
revoke execute on function private.assert_platform_operator() from public, anon, authenticated;
revoke execute on function private.shanghai_today() from public, anon, authenticated;
revoke execute on function private.notify(uuid, text, text, text, jsonb) from public, anon, authenticated;
revoke execute on function private.issue_sms_challenge(uuid, text, text) from public, anon, authenticated;
revoke execute on function private.check_sms_challenge(uuid, text, text) from public, anon, authenticated;
revoke execute on function private.normalize_cn_mobile(text) from public, anon, authenticated;

-- Policies of this and later migrations call these as the querying role.
grant execute on function private.is_platform_operator() to authenticated;

/**
  * -------------------------------------------------------
  * Section - Membership (from 20261129020000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Membership: creating enterprises, switching, settings, roles, invitations, joining (invite /
-- approval / allow-list), leaving and removal, qualification documents and their review.
--
-- Every RPC is `security definer set search_path = ''` and starts with the identity gate
-- (`private.assert_cleared()`, or `assert_member` / `assert_admin` / `assert_platform_operator`,
-- which include it), so an uncleared caller is refused before any input is looked at.
-- Errors follow the identity migration: 42501 → 403 (rights), 22023 → 400 (bad input),
-- P0001 → 400 (a rule refused the change); "not found" is 22023 → 400 too (this PostgREST answers
-- P0002 with 500, not 404); `message` = stable English
-- code, `hint` = Chinese text.
--
-- Changes that can reduce the number of admins (role change, leave, remove) lock the enterprise
-- row first, so two admins demoting each other at the same moment can never leave zero admins.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Notification kinds used by this module
-- -----------------------------------------------------------------------------
alter table public.notifications drop constraint notifications_kind_valid;

alter table public.notifications add constraint notifications_kind_valid
  check (kind in ('agreement_updated', 'account_action', 'account_report',
                  'enterprise_join_request', 'enterprise_membership', 'enterprise_qualification'));

-- -----------------------------------------------------------------------------
-- Private helpers
-- -----------------------------------------------------------------------------
-- Trimmed text when it is 1..max characters without control characters, else null.
create or replace function private.clean_text(p_value text, p_min integer, p_max integer)
returns text language sql immutable set search_path = '' as $$
  select case when p_value is null then null
              when char_length(btrim(p_value)) between p_min and p_max and btrim(p_value) !~ '[[:cntrl:]]'
              then btrim(p_value) end;
$$;

-- A required text argument, trimmed: 22023 `p_code` with `p_hint` when it is missing, shorter than
-- p_min or longer than p_max characters, or holds a control character. (IF form, not raise_if: it
-- is an immutable invoker helper.)
create or replace function private.required_text(p_value text, p_min integer, p_max integer, p_code text, p_hint text)
returns text language plpgsql immutable set search_path = '' as $$
declare v text := btrim(coalesce(p_value, ''));
begin
  if char_length(v) not between p_min and p_max or v ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = p_code, hint = p_hint;
  end if;
  return v;
end $$;

create or replace function private.notify_admins(p_enterprise_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'::jsonb)
returns void language plpgsql security definer set search_path = '' as $$
declare v_data jsonb := coalesce(p_data, '{}'::jsonb) || jsonb_build_object('enterprise_id', p_enterprise_id);
  v_object text;
begin
  -- The object a notice is about: the person asking to join (each request of a join/withdraw loop
  -- has a new id, the person stays the same), the qualification document kind, else the enterprise.
  if v_data ? 'join_request_id' then
    select 'person:' || r.user_id::text into v_object
      from public.join_requests r where r.id = (v_data ->> 'join_request_id')::uuid;
  elsif v_data ? 'kind' then
    v_object := 'document:' || (v_data ->> 'kind');
  end if;
  v_object := p_kind || '|' || p_enterprise_id::text || '|' || coalesce(v_object, 'enterprise');

  insert into public.notifications as n (user_id, kind, title, body, data, dedup_key)
  select m.user_id, p_kind, p_title, p_body, v_data, v_object
    from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.role = 'admin'
  on conflict (user_id, dedup_key) where read_at is null and dedup_key is not null
  do update set title = excluded.title, body = excluded.body, data = excluded.data, created_at = now();
end $$;

-- An approve / reject decision (join requests, qualification reviews): `p_approve` must be given and
-- a rejection needs a reason the person is shown. Returns the trimmed reason.
create or replace function private.decision_reason(p_approve boolean, p_reason text, p_max integer, p_yes text, p_no text)
returns text language plpgsql immutable set search_path = '' as $$
declare v_reason text := btrim(coalesce(p_reason, ''));
begin
  if p_approve is null then
    raise exception using errcode = '22023', message = 'approve_invalid', hint = '请选择' || p_yes || '或' || p_no;
  end if;
  if char_length(v_reason) > p_max or v_reason ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '理由不超过 ' || p_max || ' 个字符';
  end if;
  if not p_approve and char_length(v_reason) < 2 then
    raise exception using errcode = '22023', message = 'reason_required', hint = p_no || '时请填写理由（至少 2 个字）';
  end if;
  return v_reason;
end $$;

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function private.clean_text(text, integer, integer) from public, anon, authenticated;
revoke execute on function private.required_text(text, integer, integer, text, text) from public, anon, authenticated;
revoke execute on function private.notify_admins(uuid, text, text, text, jsonb) from public, anon, authenticated;
revoke execute on function private.decision_reason(boolean, text, integer, text, text) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Policy helpers plpgsql (from 20261130010000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Request context: who the caller is, resolved once per API request.
--
-- Every tenant policy needs the caller's cleared enterprises. Even with cached plans, resolving them
-- (gate + membership) costs about as much as a short list query, and a request that touches several
-- tables (an embedded select, an RPC reading under RLS) resolved them once per table. PostgREST
-- calls hooks.begin_request() before each request (`db-pre-request`, set below); it stores the
-- answer in transaction-local settings, and the helpers read it back: one resolution per request.
--
-- Safe by construction:
--   - the settings are transaction-local (set_config(..., true)): gone when the request ends, never
--     seen by the next request on the pooled connection;
--   - an entry is used only when it was made for the same auth.uid() in this transaction; anything
--     else (no pre-request: direct SQL, Realtime, tests; another identity) computes as before;
--   - any change to memberships, to an account's gate or to the agreement epoch in this transaction
--     drops the context (statement triggers below), so a request that joins, leaves or consents
--     reads its own change;
--   - clients cannot set settings: PostgREST sets only its own request.* names, and no function of
--     ours passes caller input to set_config.
-- =============================================================================
-- PostgREST calls the pre-request function as the request's role, anon included; anon has no
-- access to schema private, so the hook lives in a schema of its own that holds nothing else.
create schema hooks;

revoke all on schema hooks from public;

grant usage on schema hooks to anon, authenticated, service_role;

create or replace function hooks.begin_request()
returns void language plpgsql volatile security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_gate text;
  v_all uuid[];
  v_admin uuid[];
begin
  perform set_config('zx.ctx_uid', '', true);
  if v_uid is null then
    return; -- anon and service-role requests: nothing to resolve
  end if;
  v_gate := private.gate_code(v_uid);
  if v_gate is null then
    select coalesce(array_agg(m.enterprise_id), '{}'),
           coalesce(array_agg(m.enterprise_id) filter (where m.role = 'admin'), '{}')
      into v_all, v_admin
      from public.enterprise_members m
     where m.user_id = v_uid;
  else
    v_all := '{}';
    v_admin := '{}';
  end if;
  perform set_config('zx.ctx_gate', coalesce(v_gate, ''), true);
  perform set_config('zx.ctx_enterprise_ids', v_all::text, true);
  perform set_config('zx.ctx_admin_enterprise_ids', v_admin::text, true);
  perform set_config('zx.ctx_uid', v_uid::text, true);
  -- Community requests (and direct SQL, which has no path): the caller's readable sections and
  -- moderated enterprises, once per request rather than once per statement
  -- (private.community_request_context, 20261213010000_community.sql).
  if v_gate is null and coalesce(current_setting('request.path', true), '') ~ '^($|/(rpc/)?community_)' then
    perform private.community_request_context();
  end if;
  -- knowledge-base requests also resolve the caller's grants once (private.kb_load_context,
  -- 20261212010000_kb.sql); other requests don't pay for them
  if v_gate is null and current_setting('request.path', true) ~ '^/(rpc/)?kb_' then
    perform private.kb_load_context();
  end if;
end $$;

create or replace function private.forget_request_context()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  perform set_config('zx.ctx_uid', '', true);
  return null;
end $$;
revoke execute on function hooks.begin_request() from public;
revoke execute on function private.forget_request_context() from public;
grant execute on function hooks.begin_request() to anon, authenticated, service_role;

-- PostgREST reads its in-database configuration from the authenticator role (db-config = true,
-- Supabase's default); the reload makes running servers pick it up.
alter role authenticator set pgrst.db_pre_request = 'hooks.begin_request';

notify pgrst, 'reload config';

/**
  * -------------------------------------------------------
  * Section - Operator audit (from 20261206010000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Operator audit log (PRODUCT.md §10: every operator action is audited).
--
-- One append-only row per platform action: who, when, what, on which target, why, and the state
-- before and after. Functions write it through private.audit(); operators read it in the ops pages.
-- No client role may write it, and no role at all may change or delete a row (a trigger refuses
-- UPDATE and DELETE even for the table owner), so the log survives the accounts it names: the
-- operator and target ids are plain values, not foreign keys that would null them.
-- =============================================================================
create table public.operator_audit_log (
  id bigint generated always as identity primary key,
  operator_id uuid,
  action text not null constraint operator_audit_log_action_valid check (action ~ '^[a-z][a-z0-9_.]{1,62}$'),
  target_type text not null constraint operator_audit_log_target_type_valid check (target_type ~ '^[a-z][a-z0-9_]{1,31}$'),
  target_id text,
  reason text not null default '',
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);

alter table public.operator_audit_log enable row level security;

create index operator_audit_log_created_idx on public.operator_audit_log (created_at desc);

create index operator_audit_log_target_idx on public.operator_audit_log (target_type, target_id, created_at desc);

create index operator_audit_log_operator_idx on public.operator_audit_log (operator_id, created_at desc);

revoke all on public.operator_audit_log from anon, authenticated;

grant select on public.operator_audit_log to authenticated;

create policy "Platform operators can read the audit log"
  on public.operator_audit_log for select to authenticated
  using ((select private.is_platform_operator()));

create or replace function private.refuse_audit_change()
returns trigger language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = '42501', message = 'audit_log_append_only', hint = '审计日志只能追加，不能修改或删除';
end $$;

create trigger operator_audit_log_append_only before update or delete on public.operator_audit_log
  for each row execute function private.refuse_audit_change();

create trigger operator_audit_log_no_truncate before truncate on public.operator_audit_log
  for each statement execute function private.refuse_audit_change();

-- Records one platform action by the caller (auth.uid()); p_operator_id overrides it for actions
-- taken by a function on an operator's behalf. Returns the row's id.
create or replace function private.audit(
  p_action text, p_target_type text, p_target_id text, p_reason text,
  p_before jsonb default null, p_after jsonb default null, p_operator_id uuid default null
)
returns bigint language sql security definer set search_path = '' as $$
  insert into public.operator_audit_log (operator_id, action, target_type, target_id, reason, before, after)
  values (coalesce(p_operator_id, (select auth.uid())), p_action, p_target_type, p_target_id,
          coalesce(btrim(p_reason), ''), p_before, p_after)
  returning id;
$$;
revoke all on function private.audit(text, text, text, text, jsonb, jsonb, uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Minors hardening (from 20261206030000)
  * -------------------------------------------------------
  */

-- -----------------------------------------------------------------------------
-- SMS codes sent by the functions (guardian phone, cancellation): limits that hold across
-- accounts and resends. Numbers (Asia/Shanghai calendar day):
--   - one send per account and purpose per 60 s (as before);
--   - 5 sends per account and purpose per day;
--   - 5 sends to one phone per day, whichever accounts ask (one phone cannot be flooded by many
--     throwaway accounts);
--   - 10 wrong codes per account and purpose per day, counted across resends; a challenge still
--     dies after 5 wrong tries. A resend therefore no longer buys new guesses: at most 10 guesses a
--     day per account for a one-in-a-million code.
-- -----------------------------------------------------------------------------
create table private.sms_sends (
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null,
  phone text not null,
  sent_at timestamptz not null default now()
);

create index sms_sends_user_idx on private.sms_sends (user_id, purpose, sent_at);

create index sms_sends_phone_idx on private.sms_sends (phone, sent_at);

revoke all on private.sms_sends from public, anon, authenticated;

create table private.sms_code_failures (
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null,
  failed_at timestamptz not null default now()
);

create index sms_code_failures_user_idx on private.sms_code_failures (user_id, purpose, failed_at);

revoke all on private.sms_code_failures from public, anon, authenticated;

-- Start of the current Asia/Shanghai day as a timestamptz.
create or replace function private.shanghai_day_start()
returns timestamptz language sql stable set search_path = ''
as $$ select (private.shanghai_today()::timestamp) at time zone 'Asia/Shanghai'; $$;

create or replace function private.sms_failures_today(p_user_id uuid, p_purpose text)
returns integer language sql stable security definer set search_path = '' as $$
  select count(*)::integer from private.sms_code_failures f
   where f.user_id = p_user_id and f.purpose = p_purpose and f.failed_at >= private.shanghai_day_start();
$$;

-- -----------------------------------------------------------------------------
-- Guardian flow. The SMS names the child (masked) and what the guardian approves, so the guardian
-- knows what the code is for; the child's name given here is used for that text only and is not
-- stored (an under-14's personal data waits for the guardian's consent).
-- -----------------------------------------------------------------------------
create or replace function private.mask_person_name(p_name text)
returns text language sql immutable set search_path = '' as $$
  select case when p_name is null or btrim(p_name) = '' then null
              when char_length(btrim(p_name)) <= 2 then left(btrim(p_name), 1) || '*'
              else left(btrim(p_name), 1) || repeat('*', char_length(btrim(p_name)) - 2) || right(btrim(p_name), 1) end;
$$;
revoke execute on function private.shanghai_day_start() from public, anon, authenticated;
revoke execute on function private.sms_failures_today(uuid, text) from public, anon, authenticated;
revoke execute on function private.mask_person_name(text) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Platform ops (from 20261206040000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Platform operations and go-live hardening (issue 10).
--
--   1. The gate fails closed while the platform has no required agreement: `platform_not_initialized`.
--      A database that got only `supabase db push` (no seed) otherwise lets everyone through, since
--      there is nothing to consent to. `npm run setup:production` loads the agreements.
--   2. Operator standing: a platform operator whose own account the gate refuses (suspended,
--      terminated…) loses platform reads at once, not only platform writes.
--   3. `restricted` accounts: readers, not writers. private.assert_not_restricted() refuses creating
--      enterprises, inviting, and (in the content modules) publishing and commenting.
--   4. Every operator action writes the audit log with the state before and after; operators find an
--      account by phone instead of pasting a UUID.
--   5. Enterprise status normal / suspended / closed (LX 3.2.5) and cancellation requests (LX 3.3).
--
-- Errors as everywhere: 42501 → 403 for rights, 22023 / P0001 → 400 for input and rules; `message` is
-- the stable English code, `hint` the Chinese text.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. The gate, failing closed on an uninitialised platform
-- -----------------------------------------------------------------------------
-- True once at least one required agreement for everyone has an effective version: the service
-- agreement and privacy guideline of a real installation. Read on every uncached gate answer, so
-- removing the documents (or never loading them) closes the gate at the next request.
create or replace function private.platform_initialized()
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (
    select 1 from public.agreement_documents d
     where d.required and d.audience = 'everyone'
       and exists (select 1 from public.agreement_versions v
                    where v.document_id = d.id and v.effective_at <= now()));
end $$;

-- -----------------------------------------------------------------------------
-- 3. Restricted accounts (status 'restricted', set by platform_act_on_account 'restrict')
-- -----------------------------------------------------------------------------
-- A restricted account stays cleared: it signs in and reads everything it could before. It may not
-- create enterprises, invite, publish or comment. Every RPC that does one of those calls this after
-- the gate.
create or replace function private.assert_not_restricted()
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  if exists (select 1 from private.accounts a where a.user_id = (select auth.uid()) and a.status = 'restricted') then
    raise exception using errcode = '42501', message = 'account_restricted',
      hint = '账号功能受限：暂时不能创建企业、邀请成员、发布或评论内容，如有疑问请联系客服';
  end if;
end $$;

alter table public.notifications drop constraint notifications_kind_valid;

alter table public.notifications add constraint notifications_kind_valid
  check (kind in ('agreement_updated', 'account_action', 'account_report',
                  'enterprise_join_request', 'enterprise_membership', 'enterprise_qualification',
                  'enterprise_status', 'enterprise_cancellation'));

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function private.platform_initialized() from public, anon, authenticated;
revoke execute on function private.assert_platform_operator() from public, anon, authenticated;
revoke execute on function private.assert_not_restricted() from public, anon, authenticated;
revoke execute on function private.mask_phone(text) from public, anon, authenticated;

-- Called by policies as the querying role.
revoke execute on function private.is_platform_operator() from public, anon;
grant execute on function private.is_platform_operator() to authenticated;

/**
  * -------------------------------------------------------
  * Section - Account hardening (from 20261206050000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Account hardening (issue 10, medium and low findings).
--
--   1. Admin notices are deduplicated: one unread notice per admin × kind × object.
--   2. Publishing an agreement version no longer recomputes every account's gate in the publishing
--      transaction: it advances the gate epoch (everyone's cached answer is ignored at once, so the
--      gate refuses whoever has not accepted yet) and accounts are recomputed later in batches.
--   3. Stolen-account reports (LX 3.2.4): the reporter never reads the matched account; limits per
--      reporter, per IP and per phone×source instead of a per-phone cap strangers could exhaust;
--      evidence in a private bucket; the outcome is texted to an anonymous reporter.
--   4. Cancellation is one transaction: the auth user is deleted by the same SQL function that
--      anonymises, so a failure leaves the account exactly as it was.
--   5. WeChat / WeCom access tokens: one per app, kept here, refreshed under a row lock.
--   6. Passwords: a weak-password check and a permit (issued after an SMS re-verification) without
--      which a password change is refused by a trigger on auth.users.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. Admin notices, deduplicated
-- -----------------------------------------------------------------------------
-- What a notice is about: at most one unread notice per person and key. A newer event about the same
-- object refreshes the unread notice instead of adding another (a join/withdraw loop used to send one
-- notice per loop to every admin).
alter table public.notifications add column dedup_key text;

create unique index notifications_unread_dedup_idx on public.notifications (user_id, dedup_key)
  where read_at is null and dedup_key is not null;
revoke execute on function private.notify_admins(uuid, text, text, text, jsonb) from public, anon, authenticated;

-- The client address PostgREST saw (first X-Forwarded-For entry, as Supabase's gateway sets it).
create or replace function private.request_ip()
returns text language sql stable set search_path = '' as $$
  select nullif(btrim(split_part(coalesce(
    nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ''), ',', 1)), '');
$$;
revoke execute on function private.request_ip() from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- 6. Passwords: strength and a permit per change
-- -----------------------------------------------------------------------------
alter table private.sms_challenges drop constraint sms_challenges_purpose_valid;

alter table private.sms_challenges add constraint sms_challenges_purpose_valid
  check (purpose in ('guardian', 'cancel', 'password'));

/**
  * -------------------------------------------------------
  * Section - Notification kinds (from 20261206090000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Notification kinds: a registry instead of a CHECK list
-- Every module (knowledge base, community, training, ...) registers the kinds of notice it sends
-- with one insert in its own migration, instead of re-creating a CHECK constraint that lists all
-- of them. The registry also carries what members may turn off: notices about agreements and
-- account actions are mandatory (PRODUCT.md §8, LX 5.1.5), others can be muted per channel.
-- =============================================================================
create table public.notification_kinds (
  kind text primary key constraint notification_kinds_kind_format check (kind ~ '^[a-z][a-z0-9_]{2,60}$'),
  domain text not null constraint notification_kinds_domain_format check (domain ~ '^[a-z][a-z0-9_]{1,40}$'),
  -- mandatory kinds are always delivered in the app and can't be muted
  mandatory boolean not null default false,
  label text not null constraint notification_kinds_label_length check (char_length(btrim(label)) between 1 and 30),
  sort_order integer not null default 0,
  -- Where a notice leads: target_kind names the object page in the client's route table, target_key
  -- the key of the notice's `data` holding the object's id (a notice's data may also carry
  -- target_kind/target_id). Modules register theirs with their kinds.
  target_kind text constraint notification_kinds_target_kind_format check (target_kind ~ '^[a-z][a-z0-9_]{1,40}$'),
  target_key text constraint notification_kinds_target_key_format check (target_key ~ '^[a-z][a-z0-9_]{1,40}$')
);

alter table public.notification_kinds enable row level security;

comment on table public.notification_kinds is 'Kinds of notice a member can receive. Written only by migrations.';

select private.readable_by_anyone('public.notification_kinds', 'Anyone can read the notification kinds');

insert into public.notification_kinds (kind, domain, mandatory, label, sort_order, target_kind, target_key) values
  ('agreement_updated',        'identity',   true,  '协议更新',     10, 'agreement',      'document_id'),
  ('account_action',           'identity',   true,  '账号处理',     20, 'account',        'action_id'),
  ('account_report',           'identity',   false, '举报处理结果', 30, 'account_report', 'report_id'),
  ('enterprise_join_request',  'enterprise', false, '加入申请',     40, 'join_request',   'join_request_id'),
  ('enterprise_membership',    'enterprise', false, '成员变动',     50, 'enterprise',     'enterprise_id'),
  ('enterprise_qualification', 'enterprise', false, '企业认证',     60, 'qualification',  'enterprise_id'),
  ('enterprise_status',        'enterprise', true,  '企业状态',     70, 'enterprise',     'enterprise_id'),
  ('enterprise_cancellation',  'enterprise', true,  '企业注销',     80, 'enterprise',     'enterprise_id');

alter table public.notifications drop constraint notifications_kind_valid;

alter table public.notifications add constraint notifications_kind_fk
  foreign key (kind) references public.notification_kinds (kind);

create index notifications_kind_idx on public.notifications (kind);

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['mark_notifications_read']);
