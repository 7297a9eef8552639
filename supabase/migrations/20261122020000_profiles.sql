-- =============================================================================
-- Profiles: one row per auth user, the name people see.
-- The phone number stays in auth.users; clients only ever get it masked.
-- =============================================================================

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

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
revoke insert, update, delete on public.profiles from anon, authenticated;
grant select on public.profiles to authenticated;

create policy "Users can read their own profile"
  on public.profiles for select
  to authenticated
  using (id = (select auth.uid()));

-- -----------------------------------------------------------------------------
-- New auth users get a profile (named from sign-up metadata when given)
-- -----------------------------------------------------------------------------
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (new.id, left(coalesce(new.raw_user_meta_data ->> 'display_name', ''), 40))
  on conflict (id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

-- -----------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------
-- 8613800138000 / +8613800138000 -> 138****8000; shorter or foreign numbers keep the first 3 and last 4.
create or replace function private.mask_phone(p_phone text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_phone is null or p_phone = '' then null
    else (
      with d as (select regexp_replace(regexp_replace(p_phone, '^\+', ''), '^86(?=1\d{10}$)', '') as n)
      select case when char_length(n) <= 7 then n
                  else left(n, 3) || repeat('*', char_length(n) - 7) || right(n, 4) end
      from d
    )
  end;
$$;

-- -----------------------------------------------------------------------------
-- RPCs
-- -----------------------------------------------------------------------------
create or replace function public.get_my_profile()
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_result json;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
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
  if v_result is null then
    raise exception using errcode = 'P0002', message = 'profile_not_found', hint = '找不到你的资料，请重新登录';
  end if;
  return v_result;
end;
$$;

create or replace function public.update_my_profile(p_display_name text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_name text := btrim(coalesce(p_display_name, ''));
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if char_length(v_name) < 1 or char_length(v_name) > 40 then
    raise exception using errcode = '22023', message = 'display_name_invalid', hint = '姓名须为 1–40 个字符';
  end if;
  if v_name ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'display_name_invalid', hint = '姓名不能包含控制字符';
  end if;
  update public.profiles set display_name = v_name, updated_at = now() where id = v_uid;
  return public.get_my_profile();
end;
$$;

revoke execute on function public.get_my_profile() from public, anon;
revoke execute on function public.update_my_profile(text) from public, anon;
grant execute on function public.get_my_profile() to authenticated;
grant execute on function public.update_my_profile(text) to authenticated;
revoke execute on function private.handle_new_user() from public, anon, authenticated;
revoke execute on function private.mask_phone(text) from public, anon, authenticated;
