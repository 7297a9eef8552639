-- Profiles.
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

-- -----------------------------------------------------------------------------
-- Table
-- -----------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default ''
    constraint profiles_display_name_length check (char_length(display_name) <= 40),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.profiles enable row level security;

comment on table public.profiles is 'Public face of a user. Written only through update_my_profile().';

-- Writes go through RPCs (mini-programs cannot send PATCH, and the RPC owns validation).
select private.readable_by_owner('public.profiles', 'Users can read their own profile', 'id');

-- Profiles are named by their owner (update_my_profile), never from sign-up metadata.
create or replace function private.handle_new_user()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, display_name) values (new.id, '') on conflict (id) do nothing;
  return new;
end $$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_user();

-- get_my_profile answered a missing profile (a session outliving its account) with SQLSTATE P0002,
-- which PostgREST turns into a 500. It is the caller's session that is no longer valid: 403, like
-- every other refusal of a session without a usable account.
create or replace function private.get_my_profile()
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_result json;
begin
  select json_build_object(
           'id', p.id,
           'display_name', p.display_name,
           'phone_masked', private.mask_phone(u.phone),
           'has_password', u.encrypted_password is not null and u.encrypted_password <> ''
         )
    into v_result
    from public.profiles p
    join auth.users u on u.id = p.id
   where p.id = v_uid;
  perform private.raise_if(v_result is null, '42501', 'profile_not_found', '找不到你的资料，请重新登录');
  return v_result;
end $$;

create or replace function private.update_my_profile(p_display_name text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_name text := btrim(coalesce(p_display_name, ''));
begin
  if coalesce(private.needs_guardian_consent_for_data(v_uid), false) then
    raise exception using errcode = '42501', message = 'guardian_consent_required_for_profile',
      hint = '未满 14 周岁的用户，须经监护人同意后才能填写个人资料';
  end if;
  perform private.assert_cleared();
  perform private.raise_if(char_length(v_name) < 1 or char_length(v_name) > 40, '22023', 'display_name_invalid', '姓名须为 1–40 个字符');
  perform private.raise_if(v_name ~ '[[:cntrl:]]', '22023', 'display_name_invalid', '姓名不能包含控制字符');
  update public.profiles set display_name = v_name, updated_at = now() where id = v_uid;
  return public.get_my_profile();
end $$;

revoke execute on function private.handle_new_user() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Identity (from 20261122030000)
  * -------------------------------------------------------
  */

-- -----------------------------------------------------------------------------
-- Accounts: birth date and standing, one row per auth user, never exposed directly
-- (the birth date of a child is sensitive personal information, PIPL art. 28).
-- -----------------------------------------------------------------------------
create table private.accounts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  birth_date date,
  birth_date_set_at timestamptz,
  status text not null default 'active'
    constraint accounts_status_valid check (status in ('active', 'restricted', 'suspended', 'terminated')),
  status_changed_at timestamptz,
  created_at timestamptz not null default now()
);

revoke all on private.accounts from public, anon, authenticated;

create or replace function private.handle_new_account()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  insert into private.accounts (user_id) values (new.id) on conflict (user_id) do nothing;
  return new;
end $$;

create trigger on_auth_user_created_account after insert on auth.users
  for each row execute function private.handle_new_account();

insert into private.accounts (user_id) select id from auth.users on conflict (user_id) do nothing;
revoke execute on function private.handle_new_account() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Gate cache (from 20261129060000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- The gate, cached per account.
--
-- Every tenant policy asks the identity gate once per statement. Computed from scratch it reads the
-- current agreement versions twice, the consents and the guardians: about 0.3 ms, which tripled the
-- cost of a 0.35 ms list query under RLS (bench/report.md). The answer only changes when one of its
-- inputs does, so it is stored on the account and recomputed by triggers on those inputs:
--   - the account's birth date or standing          → trigger on private.accounts
--   - the user's consents and guardian records      → triggers on public.consents / public.guardians
--   - agreement documents and versions              → statement triggers advance the gate epoch (an
--                                                      answer computed in an earlier epoch is ignored),
--                                                      then recompute the accounts nobody holds locked
--   - a version whose effective time arrives later  → the cached answer is ignored once a version has
--                                                      become effective after it was computed
--   - a 14th or 18th birthday                        → the cached answer is ignored from that date
-- When the cached answer is ignored, the gate is computed in full, as before; a stale cache can only
-- ever cost time, never let anyone through.
-- =============================================================================
alter table private.accounts
  add column gate_code text,
  add column gate_epoch bigint,
  add column gate_checked_at timestamptz,
  add column gate_valid_until date;

/**
  * -------------------------------------------------------
  * Section - Policy helpers plpgsql (from 20261130010000)
  * -------------------------------------------------------
  */

create trigger forget_request_context_on_account after insert or update or delete on private.accounts
  for each statement execute function private.forget_request_context();

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['get_my_profile', 'update_my_profile']);
