-- =============================================================================
-- Policy helpers in PL/pgSQL, so their plans are cached per connection.
--
-- Postgres 17 re-parses and re-plans the body of a `language sql` function on every statement
-- that calls it unless the function can be inlined — and security-definer functions, or any with
-- `set search_path`, never are. Every tenant policy calls one of these helpers, and each called
-- the gate (also SQL) which called the Shanghai-date function (also SQL): three parse-and-plan
-- rounds per statement, more than the list query itself (bench/report.md, "Database"). PL/pgSQL
-- keeps each statement's plan for the life of the connection, and PostgREST reuses connections.
--
-- Same signatures, same answers; only the language changes. tests/integration/schema-lint.test.ts
-- now refuses a policy that calls a non-inlinable SQL function, so new helpers follow.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Identity gate
-- -----------------------------------------------------------------------------
-- The cached answer's freshness test, as before (20261129060000_gate_cache.sql), with the
-- Shanghai date computed inline instead of through private.shanghai_today().
create or replace function private.gate_code(p_uid uuid default null)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := coalesce(p_uid, auth.uid());
  v_code text;
  v_epoch bigint;
  v_checked_at timestamptz;
  v_valid_until date;
begin
  if v_uid is null then
    return 'not_authenticated';
  end if;
  -- The caller's own gate, resolved at the start of this request (see "Request context" below).
  if current_setting('zx.ctx_uid', true) = v_uid::text and v_uid = auth.uid() then
    return nullif(current_setting('zx.ctx_gate'), '');
  end if;
  select a.gate_code, a.gate_epoch, a.gate_checked_at, a.gate_valid_until
    into v_code, v_epoch, v_checked_at, v_valid_until
    from private.accounts a
   where a.user_id = v_uid;
  if v_checked_at is not null
     and v_epoch = (select e.epoch from private.gate_epoch e)
     and (v_valid_until is null or (now() at time zone 'Asia/Shanghai')::date < v_valid_until)
     and not exists (
       select 1 from public.agreement_versions v
        where v.effective_at > v_checked_at and v.effective_at <= now())
  then
    return v_code;
  end if;
  return private.gate_code_uncached(v_uid);
end;
$$;

create or replace function private.is_cleared(p_uid uuid default null)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return private.gate_code(p_uid) is null;
end;
$$;

create or replace function private.is_platform_operator()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from private.platform_operators o where o.user_id = (select auth.uid()));
end;
$$;

-- -----------------------------------------------------------------------------
-- Membership (nothing for a user the gate refuses)
-- -----------------------------------------------------------------------------
create or replace function private.is_member(p_enterprise_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid())
  ) and private.gate_code(null) is null;
end;
$$;

create or replace function private.is_admin(p_enterprise_id uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid()) and m.role = 'admin'
  ) and private.gate_code(null) is null;
end;
$$;

-- Admins hold every scope; a manager holds the scopes an admin granted, where the edition has
-- manager roles.
create or replace function private.has_scope(p_enterprise_id uuid, p_scope text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.enterprise_members m
      join public.enterprises e on e.id = m.enterprise_id
     where m.enterprise_id = p_enterprise_id and m.user_id = (select auth.uid())
       and (m.role = 'admin'
            or (p_scope = any (m.scopes)
                and exists (select 1 from public.edition_features f
                             where f.edition = e.edition and f.feature = 'manager_roles')))
  ) and private.gate_code(null) is null;
end;
$$;

create or replace function private.has_feature(p_enterprise_id uuid, p_feature text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.enterprises e
      join public.edition_features f on f.edition = e.edition
     where e.id = p_enterprise_id and f.feature = p_feature
  );
end;
$$;

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
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
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
end;
$$;

create or replace function private.forget_request_context()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform set_config('zx.ctx_uid', '', true);
  return null;
end;
$$;

create trigger forget_request_context_on_membership
  after insert or update or delete on public.enterprise_members
  for each statement execute function private.forget_request_context();

create trigger forget_request_context_on_account
  after insert or update or delete on private.accounts
  for each statement execute function private.forget_request_context();

create trigger forget_request_context_on_gate_epoch
  after update on private.gate_epoch
  for each statement execute function private.forget_request_context();

-- The membership helpers, answering from the context when it is there. Two functions, not one
-- taking the setting's name: a policy pays one helper call per statement, never a nested one.
create or replace function private.my_enterprise_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid(); -- a plain expression: PL/pgSQL evaluates it without the executor
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
end;
$$;

create or replace function private.my_admin_enterprise_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid(); -- a plain expression: PL/pgSQL evaluates it without the executor
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
end;
$$;

revoke execute on function hooks.begin_request(), private.forget_request_context() from public;
grant execute on function hooks.begin_request() to anon, authenticated, service_role;

-- PostgREST reads its in-database configuration from the authenticator role (db-config = true,
-- Supabase's default); the reload makes running servers pick it up.
alter role authenticator set pgrst.db_pre_request = 'hooks.begin_request';
notify pgrst, 'reload config';
