-- =============================================================================
-- Sign-in security (issue 10, critical): nobody can sign in with a credential the phone's owner
-- did not set, and a sign-in code dies after 5 wrong tries — on hosted Supabase as here.
--
-- 1. Credentials on auth.users (trigger zx_guard_credentials). GoTrue's `POST /signup
--    {phone, password}` creates an UNCONFIRMED user holding the caller's password; when the real
--    owner later signs in by SMS code, GoTrue confirms that same row. So, in the database (which
--    hosted GoTrue writes to as well):
--    - a new row may carry a password only if its phone or e-mail is already confirmed (admin API
--      with phone_confirm, the seed); public password sign-up is refused;
--    - a password may be set only on a confirmed account (so only from an OTP-verified session or
--      by the service role);
--    - when a phone is confirmed for the first time, whatever an unverified sign-up left on the
--      row (a password, sign-up metadata such as a display name) is dropped;
--    - sign-up metadata of public sign-ups is never stored beyond GoTrue's own keys, and profiles
--      no longer take their name from it (private.handle_new_user);
--    - nobody may hold another account's WeChat alias (`<user id>@wechat.users.zhixiang.invalid`,
--      set by the sign-in functions), so it can't be pre-claimed; e-mail sign-up itself is off in
--      the auth config (`[auth.email] enable_signup = false`: GoTrue answers 400
--      email_provider_disabled).
--    GoTrue answers a refused write with its generic database error (500); only callers that go
--    around the app meet it (docs/security.md).
-- 2. Phone lookups for WeChat sign-in match confirmed phones only; an unconfirmed sign-up holding
--    a WeChat-verified phone is confirmed in place, which drops its credentials (rule above).
-- 3. Sign-in codes. GoTrue's own SMS code (10 digits, `[auth.sms] otp_length`) never reaches a
--    person: the Send SMS hook stores it here and texts a 6-digit code of ours (per-phone send
--    limits: 5 an hour, 10 a day), and the `sms-otp` function hands GoTrue's code back only for a right 6-digit code
--    (5 wrong tries kill a code; with 10 texts a day a phone's codes take at most 50 guesses a
--    day, and no lock outlives a code, so a stranger can't lock the owner out for the day). A
--    10-digit code nobody is told can't be guessed within GoTrue's per-IP verification budget.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. Credentials on auth.users
-- -----------------------------------------------------------------------------
create or replace function private.alias_email_of(p_user_id uuid)
returns text
language sql
immutable
set search_path = ''
as $$
  select p_user_id::text || '@wechat.users.zhixiang.invalid';
$$;

-- GoTrue's own keys in user metadata; anything else a public sign-up sends is dropped.
create or replace function private.gotrue_metadata_only(p_meta jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
    from jsonb_each(case when jsonb_typeof(p_meta) = 'object' then p_meta else '{}'::jsonb end) e
   where e.key in ('sub', 'phone', 'phone_verified', 'email', 'email_verified');
$$;

create or replace function private.guard_credentials()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_confirmed boolean := new.phone_confirmed_at is not null or new.email_confirmed_at is not null;
begin
  if lower(coalesce(new.email, '')) like '%@wechat.users.zhixiang.invalid'
     and (tg_op = 'INSERT' or new.email is distinct from old.email)
     and lower(new.email) <> private.alias_email_of(new.id) then
    raise exception using errcode = '42501', message = 'alias_email_taken',
      hint = '该登录别名属于其他账号';
  end if;

  if tg_op = 'INSERT' then
    if coalesce(new.encrypted_password, '') <> '' and not v_confirmed then
      raise exception using errcode = '42501', message = 'password_sign_up_disabled',
        hint = '请使用手机号验证码注册，登录后再设置密码';
    end if;
    if not v_confirmed then
      new.raw_user_meta_data := private.gotrue_metadata_only(new.raw_user_meta_data);
    end if;
    return new;
  end if;

  -- The phone is confirmed for the first time: nothing an unverified sign-up set survives.
  if old.phone_confirmed_at is null and new.phone_confirmed_at is not null and old.email_confirmed_at is null then
    if old.encrypted_password is not distinct from new.encrypted_password then
      new.encrypted_password := '';
    end if;
    new.raw_user_meta_data := private.gotrue_metadata_only(new.raw_user_meta_data);
    return new;
  end if;

  if new.encrypted_password is distinct from old.encrypted_password
     and coalesce(new.encrypted_password, '') <> '' and not v_confirmed then
    raise exception using errcode = '42501', message = 'password_requires_verified_phone',
      hint = '请先用手机号验证码登录，再设置密码';
  end if;
  return new;
end;
$$;

revoke all on function private.guard_credentials() from public, anon, authenticated;

create trigger zx_guard_credentials
  before insert or update on auth.users
  for each row execute function private.guard_credentials();

-- Profiles are named by their owner (update_my_profile), never from sign-up metadata.
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name) values (new.id, '') on conflict (id) do nothing;
  return new;
end;
$$;

-- -----------------------------------------------------------------------------
-- 2. The account of a WeChat-verified phone (GoTrue's digits-only form), or null.
-- WeChat has verified that the caller owns the phone, so an unconfirmed sign-up holding it is
-- confirmed now; the credentials trigger drops whatever that sign-up set.
-- -----------------------------------------------------------------------------
drop function public.wechat_user_by_phone(text);
create function public.wechat_user_by_phone(p_phone text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if p_phone is null or p_phone !~ '^[1-9][0-9]{6,14}$' then
    return null;
  end if;
  select u.id into v_id from auth.users u
   where u.phone = p_phone and u.deleted_at is null and u.phone_confirmed_at is not null
   limit 1;
  if v_id is not null then
    return v_id;
  end if;
  update auth.users u
     set phone_confirmed_at = now(), updated_at = now()
   where u.id = (select x.id from auth.users x
                  where x.phone = p_phone and x.deleted_at is null and x.phone_confirmed_at is null
                  limit 1 for update)
  returning u.id into v_id;
  return v_id;
end;
$$;
revoke execute on function public.wechat_user_by_phone(text) from public, anon, authenticated;
grant execute on function public.wechat_user_by_phone(text) to service_role;

-- -----------------------------------------------------------------------------
-- 3. Sign-in codes: GoTrue's code kept, ours texted
-- -----------------------------------------------------------------------------
create table private.auth_sms_codes (
  id uuid primary key default gen_random_uuid(),
  phone text not null,                -- GoTrue's digits-only form
  sms_type text not null,             -- GoTrue's sms.sms_type: sms, phone_change, reauthentication, …
  code_hash text not null,            -- our 6-digit code, bcrypt
  gotrue_token text,                  -- GoTrue's code; null once handed out
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  redeemed_at timestamptz
);
create index auth_sms_codes_phone_created_idx on private.auth_sms_codes (phone, created_at desc);
revoke all on private.auth_sms_codes from public, anon, authenticated;

-- Per-phone limits on texts, whoever asks: GoTrue's own limits are one text per phone per
-- `[auth.sms] max_frequency` plus per-IP budgets, so one client could otherwise flood a phone from
-- many addresses. 5 an hour and 10 a day are Tencent Cloud SMS's default per-number limits.
create or replace function public.sms_code_issue(p_phone text, p_sms_type text, p_gotrue_token text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code text;
  v_hour integer;
  v_day integer;
begin
  if p_phone is null or p_phone !~ '^[1-9][0-9]{6,14}$' then
    raise exception using errcode = '22023', message = 'phone_invalid', hint = '手机号格式不正确';
  end if;
  if p_sms_type is null or p_sms_type !~ '^[a-z_]{2,40}$' then
    raise exception using errcode = '22023', message = 'sms_type_invalid', hint = '短信类型无效';
  end if;
  if p_gotrue_token is null or p_gotrue_token !~ '^[0-9]{6,10}$' then
    raise exception using errcode = '22023', message = 'token_invalid', hint = '验证码无效';
  end if;
  -- One issuer at a time per phone, so two concurrent sends can't both pass the counts.
  perform pg_advisory_xact_lock(hashtextextended('zx.sms_code:' || p_phone, 0));
  delete from private.auth_sms_codes where created_at < now() - interval '2 days';
  select count(*) filter (where created_at > now() - interval '1 hour'), count(*)
    into v_hour, v_day
    from private.auth_sms_codes where phone = p_phone and created_at > now() - interval '1 day';
  if v_hour >= 5 then
    raise exception using errcode = 'P0001', message = 'sms_hourly_limit', hint = '该手机号本小时获取验证码次数过多，请稍后再试';
  end if;
  if v_day >= 10 then
    raise exception using errcode = 'P0001', message = 'sms_daily_limit', hint = '该手机号今日获取验证码次数已达上限，请明天再试';
  end if;
  v_code := lpad((('x' || encode(extensions.gen_random_bytes(4), 'hex'))::bit(32)::bigint % 1000000)::text, 6, '0');
  -- A new code replaces the earlier ones of the same kind.
  update private.auth_sms_codes set gotrue_token = null
   where phone = p_phone and sms_type = p_sms_type and gotrue_token is not null;
  insert into private.auth_sms_codes (phone, sms_type, code_hash, gotrue_token, expires_at)
  values (p_phone, p_sms_type, extensions.crypt(v_code, extensions.gen_salt('bf', 6)), p_gotrue_token,
          now() + interval '5 minutes');
  return json_build_object('code', v_code, 'expires_in', 300);
end;
$$;

-- Checks a 6-digit code: right → GoTrue's code (once); otherwise the reason. It answers instead of
-- raising so that the counted attempt is kept.
create or replace function public.sms_code_redeem(p_phone text, p_sms_type text, p_code text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v private.auth_sms_codes;
  v_token text;
begin
  if p_phone is null or p_phone !~ '^[1-9][0-9]{6,14}$' then
    return json_build_object('ok', false, 'error', 'code_not_requested');
  end if;
  perform pg_advisory_xact_lock(hashtextextended('zx.sms_code:' || p_phone, 0));
  select * into v from private.auth_sms_codes
   where phone = p_phone and sms_type = coalesce(p_sms_type, 'sms')
   order by created_at desc limit 1;
  if not found then
    return json_build_object('ok', false, 'error', 'code_not_requested');
  end if;
  if v.redeemed_at is not null then
    return json_build_object('ok', false, 'error', 'code_not_requested');
  end if;
  if v.attempts >= 5 then
    return json_build_object('ok', false, 'error', 'code_attempts_exceeded');
  end if;
  if v.gotrue_token is null then
    return json_build_object('ok', false, 'error', 'code_not_requested');
  end if;
  if v.expires_at <= now() then
    return json_build_object('ok', false, 'error', 'code_expired');
  end if;
  if p_code is null or p_code !~ '^[0-9]{6}$' or extensions.crypt(p_code, v.code_hash) <> v.code_hash then
    update private.auth_sms_codes set attempts = attempts + 1 where id = v.id;
    if v.attempts + 1 >= 5 then
      update private.auth_sms_codes set gotrue_token = null where id = v.id;
      return json_build_object('ok', false, 'error', 'code_attempts_exceeded');
    end if;
    return json_build_object('ok', false, 'error', 'code_invalid', 'attempts_left', 4 - v.attempts);
  end if;
  v_token := v.gotrue_token;
  update private.auth_sms_codes set gotrue_token = null, redeemed_at = now() where id = v.id;
  return json_build_object('ok', true, 'token', v_token);
end;
$$;

revoke execute on function public.sms_code_issue(text, text, text), public.sms_code_redeem(text, text, text)
  from public, anon, authenticated;
grant execute on function public.sms_code_issue(text, text, text), public.sms_code_redeem(text, text, text)
  to service_role;
