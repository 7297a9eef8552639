-- Accounts: sign-in security, stolen-account reports, cancellation, passwords, WeChat links.
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
-- Account actions by platform operators (LX 3.2.5, 4.7, 5.1.5) and stolen-account reports (LX 3.2.4)
-- -----------------------------------------------------------------------------
-- Where a stolen-account report stands (docs/database.md "Enums").
create type public.report_status as enum ('open', 'confirmed', 'rejected');

create table public.account_reports (
  id uuid primary key default gen_random_uuid(),
  reporter_user_id uuid references auth.users (id) on delete set null,
  reported_phone text not null,
  target_user_id uuid references auth.users (id) on delete set null,
  real_name text not null,
  evidence text not null,
  evidence_path text,
  contact text not null,
  status public.report_status not null default 'open',
  resolution_note text,
  froze_account boolean not null default false,
  resolved_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now()
);

alter table public.account_reports enable row level security;

create index account_reports_reporter_user_id_idx on public.account_reports (reporter_user_id);

create index account_reports_target_user_id_idx on public.account_reports (target_user_id);

create index account_reports_resolved_by_idx on public.account_reports (resolved_by);

create index account_reports_phone_created_idx on public.account_reports (reported_phone, created_at desc);

create index account_reports_status_created_idx on public.account_reports (status, created_at desc);

revoke all on public.account_reports from anon, authenticated;

grant select on public.account_reports to authenticated;

create table public.account_actions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id) on delete set null,
  action text not null constraint account_actions_action_valid check (action in ('warn', 'restrict', 'suspend', 'terminate', 'restore')),
  reason text not null,
  operator_id uuid references auth.users (id) on delete set null,
  report_id uuid references public.account_reports (id) on delete set null,
  sessions_ended boolean not null default false,
  created_at timestamptz not null default now()
);

alter table public.account_actions enable row level security;

create index account_actions_user_id_idx on public.account_actions (user_id, created_at desc);

create index account_actions_operator_id_idx on public.account_actions (operator_id);

create index account_actions_report_id_idx on public.account_actions (report_id);

revoke all on public.account_actions from anon, authenticated;

grant select on public.account_actions to authenticated;

create policy "Platform operators can read account actions"
  on public.account_actions for select to authenticated
  using ((select private.is_platform_operator()));

-- -----------------------------------------------------------------------------
-- Account cancellation (service role only, from the account-cancel edge function). The edge
-- function then deletes the auth user through the admin API; foreign keys do the rest:
-- profile, accounts row (birth date), guardians, notifications, SMS challenges are deleted;
-- consents, account actions and reports keep no link to the person (user_id set null).
-- -----------------------------------------------------------------------------
create or replace function private.account_cancel_issue_code(p_user_id uuid)
returns json language plpgsql security definer set search_path = '' as $$
declare v_phone text;
begin
  perform private.assert_not_sole_admin(p_user_id);
  select u.phone into v_phone from auth.users u where u.id = p_user_id;
  perform private.raise_if(v_phone is null or v_phone = '', 'P0001', 'phone_required', '账号未绑定手机号，请联系客服注销');
  return json_build_object('code', private.issue_sms_challenge(p_user_id, 'cancel', v_phone), 'phone', '+' || v_phone);
end $$;

-- -----------------------------------------------------------------------------
-- 4. Cancellation in one transaction
-- -----------------------------------------------------------------------------
-- The code is checked, personal data cleared and the auth user deleted (its sessions, identities and
-- refresh tokens cascade, as GoTrue's admin delete does) in this one function: any failure rolls all
-- of it back and the account stays exactly as it was, so there is no half-anonymised state to retry
-- from. A wrong code is answered without raising so the attempt still counts.
create or replace function private.account_cancel_verify(p_user_id uuid, p_code text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_err text;
begin
  perform private.assert_not_sole_admin(p_user_id);
  v_err := private.check_sms_challenge(p_user_id, 'cancel', p_code);
  if v_err is not null then
    return json_build_object('ok', false, 'error', v_err);
  end if;
  begin
    update public.profiles set display_name = '已注销用户', updated_at = now() where id = p_user_id;
    update private.accounts set birth_date = null, birth_date_set_at = null where user_id = p_user_id;
    delete from public.guardians where user_id = p_user_id;
    update public.account_reports set real_name = '已注销用户', contact = '', reported_phone = '', notify_phone = null
     where reporter_user_id = p_user_id;
    perform private.end_sessions(p_user_id);
    delete from auth.users where id = p_user_id;
  exception when others then
    -- Everything above is undone (the sub-transaction rolls back); the consumed code is not.
    raise warning 'account_cancel_verify: % %', sqlstate, sqlerrm;
    return json_build_object('ok', false, 'error', 'cancel_failed');
  end;
  return json_build_object('ok', true);
end $$;

-- -----------------------------------------------------------------------------
-- Platform actions on accounts
-- -----------------------------------------------------------------------------
create or replace function private.end_sessions(p_user_id uuid)
returns void language sql security definer set search_path = '' as $$
  -- Ends refresh; on Supabase PostgREST still honours an issued access token until its exp, which
  -- is why the gate checks the account status in SQL as well.
  delete from auth.refresh_tokens where user_id = p_user_id::text;
  delete from auth.sessions where user_id = p_user_id;
$$;

-- Drop the old signature: the new one adds nothing to the arguments but returns the upload token.
create or replace function private.report_stolen_account(
  p_phone text, p_real_name text, p_evidence text, p_contact text, p_evidence_path text default null
)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := (select auth.uid());
  v_phone text := private.normalize_cn_mobile(p_phone);
  v_name text := btrim(coalesce(p_real_name, ''));
  v_evidence text := btrim(coalesce(p_evidence, ''));
  v_contact text := btrim(coalesce(p_contact, ''));
  v_notify text := private.normalize_cn_mobile(regexp_replace(btrim(coalesce(p_contact, '')), '[\s-]', '', 'g'));
  v_path text := nullif(btrim(coalesce(p_evidence_path, '')), '');
  v_ip text := private.request_ip();
  v_ip_hash text;
  v_token text := encode(extensions.gen_random_bytes(24), 'hex');
  v_id uuid;
begin
  perform private.raise_if(v_phone is null, '22023', 'phone_invalid', '请填写被盗用账号的中国大陆手机号');
  perform private.raise_if(char_length(v_name) not between 2 and 40 or v_name ~ '[[:cntrl:]]', '22023', 'real_name_invalid', '请填写真实姓名（2–40 个字符）');
  perform private.raise_if(char_length(v_evidence) not between 10 and 2000, '22023', 'evidence_invalid', '请用 10–2000 字说明情况和身份证明');
  perform private.raise_if(char_length(v_contact) not between 5 and 100 or v_contact ~ '[[:cntrl:]]', '22023', 'contact_invalid', '请填写可以联系到你的方式（5–100 个字符）');
  -- Someone signed out is told the outcome by SMS only: their contact must be a mobile number.
  if v_uid is null and v_notify is null then
    raise exception using errcode = '22023', message = 'contact_phone_required',
      hint = '未登录时请留下中国大陆手机号，处理结果会以短信通知你';
  end if;
  perform private.raise_if(v_path is not null and (char_length(v_path) > 500 or v_path !~ '^[A-Za-z0-9_./-]+$' or v_path ~ '\.\.'), '22023', 'evidence_path_invalid', '证明材料的文件路径无效');
  -- Without an address (a call that bypassed the gateway) every such caller shares one bucket, so the
  -- per-address limits still bind.
  v_ip_hash := encode(extensions.digest(coalesce(v_ip, 'no-address'), 'sha256'), 'hex');

  -- Limits per source, not per phone: a per-phone cap let a few strangers use up the owner's right to
  -- report. Serialise per source so two concurrent reports cannot both pass the count.
  perform pg_advisory_xact_lock(hashtextextended('account_report|' || coalesce(v_uid::text, v_ip_hash, ''), 0));
  if (v_uid is not null and (select count(*) from public.account_reports r
                              where r.reporter_user_id = v_uid and r.created_at > now() - interval '1 day') >= 3)
     or (v_ip_hash is not null and (select count(*) from public.account_reports r
                                     where r.reporter_ip_hash = v_ip_hash and r.created_at > now() - interval '1 day') >= 5)
     or (select count(*) from public.account_reports r
          where r.reported_phone = v_phone and r.created_at > now() - interval '1 day'
            and ((v_uid is not null and r.reporter_user_id = v_uid)
                 or (v_ip_hash is not null and r.reporter_ip_hash = v_ip_hash))) >= 1 then
    raise exception using errcode = 'P0001', message = 'report_rate_limited', hint = '今天提交的申诉次数已达上限，请耐心等待处理结果';
  end if;

  insert into public.account_reports (reporter_user_id, reported_phone, target_user_id, real_name, evidence, evidence_path,
                                      contact, reporter_ip_hash, notify_phone)
  values (v_uid, v_phone, (select u.id from auth.users u where u.phone = v_phone), v_name, v_evidence, v_path,
          v_contact, v_ip_hash, v_notify)
  returning id into v_id;
  insert into private.account_report_upload_tokens (report_id, token_hash, expires_at)
  values (v_id, encode(extensions.digest(v_token, 'sha256'), 'hex'), now() + interval '24 hours');
  -- The same answer whether or not the phone has an account.
  return json_build_object('id', v_id, 'status', 'open', 'upload_token', v_token);
end $$;

create or replace function private.platform_resolve_account_report(p_report_id uuid, p_outcome text, p_freeze boolean, p_note text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_report public.account_reports;
  v_note text := btrim(coalesce(p_note, ''));
  v_operator uuid := (select auth.uid());
begin
  perform private.assert_platform_operator();
  perform private.raise_if(p_outcome is null or p_outcome not in ('confirmed', 'rejected'), '22023', 'outcome_invalid', '处理结果须为确认或驳回');
  perform private.raise_if(char_length(v_note) not between 2 and 500, '22023', 'note_invalid', '请填写 2–500 字的处理说明');
  select * into v_report from public.account_reports r where r.id = p_report_id for update;
  perform private.raise_if(not found, '22023', 'report_not_found', '找不到该申诉');
  perform private.raise_if(v_report.status <> 'open', 'P0001', 'report_already_resolved', '该申诉已处理');
  perform private.raise_if(coalesce(p_freeze, false) and (p_outcome <> 'confirmed' or v_report.target_user_id is null), '22023', 'freeze_not_possible', '只有确认属实且对应账号存在时才能冻结账号');

  update public.account_reports
     set status = p_outcome::public.report_status, resolution_note = v_note, froze_account = coalesce(p_freeze, false),
         resolved_by = v_operator, resolved_at = now()
   where id = p_report_id;
  delete from private.account_report_upload_tokens where report_id = p_report_id;
  -- Freezing is the operator's decision here, never the report's: a report alone changes nothing.
  if coalesce(p_freeze, false) then
    perform private.apply_account_action(v_operator, v_report.target_user_id, 'suspend',
      '账号被举报盗用/冒用，经核实已冻结：' || v_note, p_report_id);
  end if;
  perform private.notify(v_report.reporter_user_id, 'account_report',
    case p_outcome when 'confirmed' then '你的账号申诉已核实' else '你的账号申诉未通过' end,
    v_note, json_build_object('report_id', p_report_id, 'outcome', p_outcome)::jsonb);
  if v_report.notify_phone is not null then
    insert into private.sms_deliveries (phone, template, params, report_id)
    values (v_report.notify_phone, 'report_outcome',
            array[left(p_report_id::text, 8), case p_outcome when 'confirmed' then '已核实' else '未通过' end], p_report_id);
  end if;
  perform private.audit('account_report.resolve', 'account_report', p_report_id::text, v_note,
    jsonb_build_object('status', v_report.status),
    jsonb_build_object('status', p_outcome, 'froze_account', coalesce(p_freeze, false),
                       'target_user_id', v_report.target_user_id, 'sms', v_report.notify_phone is not null),
    v_operator);
  return (select json_build_object('id', r.id, 'status', r.status, 'froze_account', r.froze_account,
                                   'resolved_at', r.resolved_at)
            from public.account_reports r where r.id = p_report_id);
end $$;

revoke execute on function private.end_sessions(uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Wechat links (from 20261122040000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- WeChat / WeCom sign-in links (issue 3, sign-in paths)
-- A WeChat openid (mini-program) or a WeCom member (corpid:userid) is linked to one auth user.
-- Only the `wechat-login` / `wecom-login` edge functions (service role) read or write links: a
-- client can neither see which WeChat account belongs to whom nor link one to somebody else.
-- =============================================================================
create table private.wechat_links (
  provider text not null check (provider in ('wechat', 'wecom')),
  -- wechat: the openid of our mini-program; wecom: '<corpid>:<userid>'
  subject text not null check (char_length(subject) between 1 and 200),
  -- wechat only, when the mini-program is bound to an open-platform account
  unionid text check (unionid is null or char_length(unionid) between 1 and 200),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  primary key (provider, subject),
  -- one WeChat account and one WeCom member per Zhixiang account (a link is how you sign in, not a list)
  unique (provider, user_id)
);

alter table private.wechat_links enable row level security;

revoke all on private.wechat_links from public, anon, authenticated;

create index wechat_links_user_id_idx on private.wechat_links (user_id);

-- -----------------------------------------------------------------------------
-- The linked user of a WeChat/WeCom subject, or null. Marks the sign-in time.
-- -----------------------------------------------------------------------------
create or replace function private.wechat_link_lookup(p_provider text, p_subject text)
returns uuid language sql security definer set search_path = '' as $$
  update private.wechat_links
     set last_login_at = now()
   where provider = p_provider and subject = p_subject
  returning user_id;
$$;

-- -----------------------------------------------------------------------------
-- Links a subject to a user. Returns the user the subject is linked to afterwards: an earlier link
-- of the same subject wins (two first logins racing end on one account). A user already linked to
-- another subject of the same provider is refused with `wechat_already_linked`.
-- -----------------------------------------------------------------------------
create or replace function private.wechat_link_bind(p_provider text, p_subject text, p_unionid text, p_user_id uuid)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_user uuid;
begin
  perform private.raise_if(p_provider is null or p_provider not in ('wechat', 'wecom'), '22023', 'provider_invalid', '登录方式无效');
  perform private.raise_if(p_subject is null or char_length(p_subject) not between 1 and 200, '22023', 'subject_invalid', '登录凭证无效');
  insert into private.wechat_links (provider, subject, unionid, user_id, last_login_at)
  values (p_provider, p_subject, nullif(p_unionid, ''), p_user_id, now())
  on conflict (provider, subject) do update set last_login_at = now()
  returning user_id into v_user;
  return v_user;
exception
  when unique_violation then
    raise exception using errcode = 'P0001', message = 'wechat_already_linked',
      hint = case when p_provider = 'wechat' then '该手机号已绑定其他微信账号' else '该账号已绑定其他企业微信成员' end;
  when foreign_key_violation then
    raise exception using errcode = 'P0002', message = 'user_not_found', hint = '找不到该用户';
end $$;

/**
  * -------------------------------------------------------
  * Section - Cancel sole admin (from 20261129070000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Account cancellation and enterprises: an enterprise never loses its last admin.
-- The only admin of an enterprise that has other members must first make someone else admin;
-- cancelling would otherwise leave those members with nobody to manage them (LX 3.3, 1.1).
-- An admin alone in their enterprise may cancel: the enterprise is left without members, for
-- platform review as the product's enterprise-cancellation path describes.
-- =============================================================================
create or replace function private.assert_not_sole_admin(p_user_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
declare v_name text;
begin
  select e.name into v_name
    from public.enterprise_members m
    join public.enterprises e on e.id = m.enterprise_id
   where m.user_id = p_user_id and m.role = 'admin'
     and not exists (select 1 from public.enterprise_members o
                      where o.enterprise_id = m.enterprise_id and o.user_id <> p_user_id and o.role = 'admin')
     and exists (select 1 from public.enterprise_members o
                  where o.enterprise_id = m.enterprise_id and o.user_id <> p_user_id)
   order by e.name
   limit 1;
  if v_name is not null then
    raise exception using errcode = 'P0001', message = 'sole_enterprise_admin',
      hint = '你是企业「' || v_name || '」唯一的管理员，请先指定其他成员为管理员，再注销账号';
  end if;
end $$;
revoke execute on function private.assert_not_sole_admin(uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Sign in security (from 20261206020000)
  * -------------------------------------------------------
  */

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
returns text language sql immutable set search_path = ''
as $$ select p_user_id::text || '@wechat.users.zhixiang.invalid'; $$;

-- GoTrue's own keys in user metadata; anything else a public sign-up sends is dropped.
create or replace function private.gotrue_metadata_only(p_meta jsonb)
returns jsonb language sql immutable set search_path = '' as $$
  select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
    from jsonb_each(case when jsonb_typeof(p_meta) = 'object' then p_meta else '{}'::jsonb end) e
   where e.key in ('sub', 'phone', 'phone_verified', 'email', 'email_verified');
$$;

create or replace function private.guard_credentials()
returns trigger language plpgsql security definer set search_path = '' as $$
declare v_confirmed boolean := new.phone_confirmed_at is not null or new.email_confirmed_at is not null;
begin
  perform private.raise_if(lower(coalesce(new.email, '')) like '%@wechat.users.zhixiang.invalid'
                           and (tg_op = 'INSERT' or new.email is distinct from old.email)
                           and lower(new.email) <> private.alias_email_of(new.id),
                           '42501', 'alias_email_taken', '该登录别名属于其他账号');

  if tg_op = 'INSERT' then
    perform private.raise_if(coalesce(new.encrypted_password, '') <> '' and not v_confirmed,
                             '42501', 'password_sign_up_disabled', '请使用手机号验证码注册，登录后再设置密码');
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

  perform private.raise_if(new.encrypted_password is distinct from old.encrypted_password
                           and coalesce(new.encrypted_password, '') <> '' and not v_confirmed,
                           '42501', 'password_requires_verified_phone', '请先用手机号验证码登录，再设置密码');
  return new;
end $$;
revoke all on function private.guard_credentials() from public, anon, authenticated;

create trigger zx_guard_credentials before insert or update on auth.users
  for each row execute function private.guard_credentials();

create function private.wechat_user_by_phone(p_phone text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_id uuid;
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
end $$;

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
create or replace function private.sms_code_issue(p_phone text, p_sms_type text, p_gotrue_token text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_code text;
  v_hour integer;
  v_day integer;
begin
  perform private.raise_if(p_phone is null or p_phone !~ '^[1-9][0-9]{6,14}$', '22023', 'phone_invalid', '手机号格式不正确');
  perform private.raise_if(p_sms_type is null or p_sms_type !~ '^[a-z_]{2,40}$', '22023', 'sms_type_invalid', '短信类型无效');
  perform private.raise_if(p_gotrue_token is null or p_gotrue_token !~ '^[0-9]{6,10}$', '22023', 'token_invalid', '验证码无效');
  -- One issuer at a time per phone, so two concurrent sends can't both pass the counts.
  perform pg_advisory_xact_lock(hashtextextended('zx.sms_code:' || p_phone, 0));
  delete from private.auth_sms_codes where created_at < now() - interval '2 days';
  select count(*) filter (where created_at > now() - interval '1 hour'), count(*)
    into v_hour, v_day
    from private.auth_sms_codes where phone = p_phone and created_at > now() - interval '1 day';
  perform private.raise_if(v_hour >= 5, 'P0001', 'sms_hourly_limit', '该手机号本小时获取验证码次数过多，请稍后再试');
  perform private.raise_if(v_day >= 10, 'P0001', 'sms_daily_limit', '该手机号今日获取验证码次数已达上限，请明天再试');
  v_code := lpad((('x' || encode(extensions.gen_random_bytes(4), 'hex'))::bit(32)::bigint % 1000000)::text, 6, '0');
  -- A new code replaces the earlier ones of the same kind.
  update private.auth_sms_codes set gotrue_token = null
   where phone = p_phone and sms_type = p_sms_type and gotrue_token is not null;
  insert into private.auth_sms_codes (phone, sms_type, code_hash, gotrue_token, expires_at)
  values (p_phone, p_sms_type, extensions.crypt(v_code, extensions.gen_salt('bf', 6)), p_gotrue_token,
          now() + interval '5 minutes');
  return json_build_object('code', v_code, 'expires_in', 300);
end $$;

-- Checks a 6-digit code: right → GoTrue's code (once); otherwise the reason. It answers instead of
-- raising so that the counted attempt is kept.
create or replace function private.sms_code_redeem(p_phone text, p_sms_type text, p_code text)
returns json language plpgsql security definer set search_path = '' as $$
declare v private.auth_sms_codes;
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
end $$;

/**
  * -------------------------------------------------------
  * Section - Account hardening (from 20261206050000)
  * -------------------------------------------------------
  */

create policy "Platform operators can read account reports"
  on public.account_reports for select to authenticated
  using ((select private.is_platform_operator()));

alter table public.account_reports
  -- sha256 of the client address: counted for the per-IP limit, never shown
  add column reporter_ip_hash text,
  -- where the outcome is texted (GoTrue's form, 86…); required from anonymous reporters
  add column notify_phone text;

create index account_reports_ip_created_idx on public.account_reports (reporter_ip_hash, created_at desc);

-- One-time evidence upload tokens (hashes only): the report RPC hands the token to whoever filed it,
-- the report-evidence function exchanges it for up to 5 uploads into the report's folder.
create table private.account_report_upload_tokens (
  report_id uuid primary key references public.account_reports (id) on delete cascade,
  token_hash text not null,
  expires_at timestamptz not null,
  uploads integer not null default 0
);

revoke all on private.account_report_upload_tokens from public, anon, authenticated;

create table private.account_report_evidence (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references public.account_reports (id) on delete cascade,
  object_path text not null unique,
  content_type text not null,
  created_at timestamptz not null default now()
);

create index account_report_evidence_report_idx on private.account_report_evidence (report_id, created_at);

revoke all on private.account_report_evidence from public, anon, authenticated;

-- SMS the functions send on the database's behalf (report outcomes). The sms-deliveries function
-- claims pending rows, sends them through the SMS adapter and marks them.
create table private.sms_deliveries (
  id uuid primary key default gen_random_uuid(),
  phone text not null,
  template text not null constraint sms_deliveries_template_valid check (template in ('report_outcome')),
  params text[] not null,
  report_id uuid references public.account_reports (id) on delete set null,
  created_at timestamptz not null default now(),
  claimed_until timestamptz,
  attempts integer not null default 0,
  sent_at timestamptz,
  last_error text
);

create index sms_deliveries_pending_idx on private.sms_deliveries (created_at) where sent_at is null;

create index sms_deliveries_report_id_idx on private.sms_deliveries (report_id);

revoke all on private.sms_deliveries from public, anon, authenticated;

-- The caller's own reports, without the matched account.
create or replace function private.my_account_reports()
returns table (id uuid, reported_phone text, status text, resolution_note text, resolved_at timestamptz,
               created_at timestamptz, evidence_files integer)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_uid();
  return query
    select r.id, r.reported_phone, r.status::text, r.resolution_note, r.resolved_at, r.created_at,
           (select count(*)::integer from private.account_report_evidence e where e.report_id = r.id)
      from public.account_reports r
     where r.reporter_user_id = (select auth.uid())
     order by r.created_at desc
     limit 50;
end $$;

-- Service role (report-evidence function): checks the token and reserves an object path.
create or replace function private.account_report_evidence_claim(p_report_id uuid, p_token text, p_content_type text)
returns json language plpgsql security definer set search_path = '' as $$
declare v private.account_report_upload_tokens;
  v_path text;
  v_ext text := case p_content_type when 'image/jpeg' then 'jpg' when 'image/png' then 'png' when 'application/pdf' then 'pdf' end;
begin
  perform private.raise_if(v_ext is null, '22023', 'evidence_type_invalid', '证明材料须为 JPG、PNG 或 PDF 文件');
  select * into v from private.account_report_upload_tokens t where t.report_id = p_report_id for update;
  if not found or p_token is null
     or encode(extensions.digest(p_token, 'sha256'), 'hex') <> v.token_hash or v.expires_at <= now()
     or not exists (select 1 from public.account_reports r where r.id = p_report_id and r.status = 'open') then
    raise exception using errcode = '42501', message = 'upload_token_invalid', hint = '上传凭证无效或已过期，请重新提交申诉';
  end if;
  perform private.raise_if(v.uploads >= 5, 'P0001', 'evidence_limit_reached', '每份申诉最多上传 5 个证明文件');
  update private.account_report_upload_tokens set uploads = uploads + 1 where report_id = p_report_id;
  v_path := p_report_id::text || '/' || gen_random_uuid()::text || '.' || v_ext;
  insert into private.account_report_evidence (report_id, object_path, content_type) values (p_report_id, v_path, p_content_type);
  return json_build_object('bucket', 'account-report-evidence', 'path', v_path);
end $$;

-- Service role (report-evidence function, for an operator it has authenticated): the report's files.
create or replace function private.account_report_evidence_list(p_operator_id uuid, p_report_id uuid)
returns json language plpgsql security definer set search_path = '' as $$
begin
  perform private.raise_if(not exists (select 1 from private.platform_operators o where o.user_id = p_operator_id), '42501', 'not_platform_operator', '仅平台运营人员可以查看');
  return coalesce((select json_agg(json_build_object('path', e.object_path, 'content_type', e.content_type,
                                                    'created_at', e.created_at) order by e.created_at)
                     from private.account_report_evidence e
                    where e.report_id = p_report_id
                      and exists (select 1 from storage.objects o
                                   where o.bucket_id = 'account-report-evidence' and o.name = e.object_path)),
                  '[]'::json);
end $$;

-- Evidence bucket: private. Signed-in reporters may upload straight into their own open report's
-- folder; nobody may read or sign through the Storage API (no select policy), so links to evidence
-- come only from the report-evidence function, which signs for at most 10 minutes.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('account-report-evidence', 'account-report-evidence', false, 5242880, array['image/jpeg', 'image/png', 'application/pdf'])
on conflict (id) do nothing;

-- plpgsql, like the other policy helpers: a `language sql` definer function is re-planned per statement.
create or replace function private.my_open_report_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
begin
  return query select r.id from public.account_reports r
                where r.reporter_user_id = (select auth.uid()) and r.status = 'open';
end $$;
revoke execute on function private.my_open_report_ids() from public, anon;
grant execute on function private.my_open_report_ids() to authenticated;

create policy "Reporters can upload evidence into their open reports"
  on storage.objects for insert to authenticated
  with check (
    bucket_id = 'account-report-evidence'
    and (storage.foldername(name))[1] in (select r::text from private.my_open_report_ids() r)
  );

-- Service role (sms-deliveries function): claims up to p_limit pending messages for 2 minutes.
create or replace function private.sms_deliveries_claim(p_limit integer default 20)
returns table (id uuid, phone text, template text, params text[])
language plpgsql security definer set search_path = '' as $$
begin
  return query
    update private.sms_deliveries d
       set claimed_until = now() + interval '2 minutes', attempts = d.attempts + 1
     where d.id in (select x.id from private.sms_deliveries x
                     where x.sent_at is null and x.attempts < 5 and (x.claimed_until is null or x.claimed_until < now())
                     order by x.created_at
                     limit greatest(1, least(coalesce(p_limit, 20), 100))
                     for update skip locked)
    returning d.id, '+' || d.phone, d.template, d.params;
end $$;

create or replace function private.sms_delivery_done(p_id uuid, p_ok boolean, p_error text default null)
returns void language sql security definer set search_path = '' as $$
  update private.sms_deliveries
     set sent_at = case when p_ok then now() end, claimed_until = null, last_error = left(p_error, 500)
   where id = p_id;
$$;

revoke execute on function private.end_sessions(uuid) from public, anon, authenticated;

-- The most common passwords that pass "8+ characters with letters and digits" (and their bases,
-- which are checked with digits and symbols stripped from the ends), from public breach top lists.
create table private.weak_passwords (password text primary key);

revoke all on private.weak_passwords from public, anon, authenticated;

insert into private.weak_passwords (password)
select unnest(array[
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass', 'pwd', 'qwerty', 'qwertyuiop', 'qwer', 'asdf', 'asdfgh',
  'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'qazwsxedc', 'wsx', 'qaz', '1qaz2wsx', '1q2w3e4r', '1q2w3e',
  'q1w2e3r4', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'abc123', 'a123456', 'a1234567', 'a12345678',
  'aa123456', 'aaa', 'aaaa', 'aaaaaa', 'woaini', 'woaini1314', 'iloveyou', 'love', 'lovely', 'admin', 'administrator',
  'root', 'test', 'tester', 'guest', 'user', 'welcome', 'hello', 'letmein', 'login', 'master', 'monkey', 'dragon',
  'football', 'baseball', 'basketball', 'soccer', 'superman', 'batman', 'princess', 'sunshine', 'shadow', 'michael',
  'jordan', 'ashley', 'jennifer', 'charlie', 'trustno', 'whatever', 'freedom', 'starwars', 'pokemon', 'hunter',
  'killer', 'secret', 'changeme', 'default', 'computer', 'internet', 'google', 'baidu', 'taobao', 'tencent', 'weixin',
  'wechat', 'qq', 'qqqq', 'china', 'beijing', 'shanghai', 'zhongguo', 'woaiwojia', 'wangyi', 'zhang', 'wang', 'li',
  'liu', 'chen', 'yang', 'huang', 'zhao', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'lin', 'he', 'gao',
  'luo', 'zhixiang', 'zhixiang123', 'zx', 'abcd1234', 'abc12345', 'password1', 'password123', 'qwerty123',
  'qwe123', 'qweasd', 'qweasdzxc', 'asd123', 'zxc123', 'iloveyou1', 'test1234', 'admin123', 'admin888', 'root123',
  'welcome1', 'hello123', 'love1314', 'a5201314', 'woaini520', 'x', 'xx', 'xxx', 'xxxx', 'ab', 'a', 'b', 'c', 'z',
  'q', 'w', 'asdasd', 'qweqwe', 'zxczxc', 'azerty', 'football1', 'baseball1', 'liverpool', 'chelsea', 'arsenal',
  'samsung', 'apple', 'iphone', 'huawei', 'xiaomi', 'summer', 'winter', 'spring', 'autumn', 'happy', 'lucky',
  'money', 'angel', 'tiger', 'ginger', 'cookie', 'pepper', 'maggie', 'buster', 'daniel', 'thomas', 'robert',
  'matthew', 'andrew', 'joshua', 'nicole', 'jessica', 'michelle', 'qwertyu', 'mustang', 'access', 'flower',
  'passport', 'pass1234', 'pass123', 'mypass', 'mypassword', 'newpass', 'temp', 'temp123', 'demo', 'sample'
]) on conflict do nothing;

-- Null when the password may be used, else the stable code. Rules: GoTrue's (8+, letters and
-- digits), not a common password or a common word with digits/symbols around it, not the phone.
create or replace function private.password_problem(p_password text, p_phone text default null)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_lower text := lower(coalesce(p_password, ''));
  v_base text := regexp_replace(regexp_replace(lower(coalesce(p_password, '')), '^[^a-z]+', ''), '[^a-z]+$', '');
  v_digits text := right(regexp_replace(coalesce(p_phone, ''), '\D', '', 'g'), 11);
begin
  if char_length(coalesce(p_password, '')) < 8 then return 'password_too_short'; end if;
  if char_length(p_password) > 72 then return 'password_too_long'; end if;
  if p_password !~ '[A-Za-z]' or p_password !~ '[0-9]' then return 'password_needs_letters_digits'; end if;
  if exists (select 1 from private.weak_passwords w where w.password in (v_lower, v_base))
     or v_base ~ '^(.)\1+$' or v_base ~ '^(..?.?)\1{2,}$' or v_lower ~ '^(..?.?.?)\1{2,}$' then
    return 'password_too_common';
  end if;
  if char_length(v_digits) = 11 and (position(v_digits in v_lower) > 0 or position(right(v_digits, 8) in v_lower) > 0) then
    return 'password_contains_phone';
  end if;
  return null;
end $$;

-- One permit per user, for one change, valid 2 minutes; created by password_change_permit() after
-- the SMS code was checked, consumed by the trigger below.
create table private.password_permits (
  user_id uuid primary key references auth.users (id) on delete cascade,
  expires_at timestamptz not null
);

revoke all on private.password_permits from public, anon, authenticated;

-- Service role (password-change function): sends the re-verification code.
create or replace function private.password_change_issue_code(p_user_id uuid)
returns json language plpgsql security definer set search_path = '' as $$
declare v_phone text;
begin
  select u.phone into v_phone from auth.users u where u.id = p_user_id;
  perform private.raise_if(v_phone is null or v_phone = '', 'P0001', 'phone_required', '账号未绑定手机号，无法验证身份');
  return json_build_object('code', private.issue_sms_challenge(p_user_id, 'password', v_phone), 'phone', '+' || v_phone);
end $$;

-- Service role (password-change function): checks the password, then the code, then issues the
-- permit. The strength check comes first so a weak password does not use up the code.
create or replace function private.password_change_permit(p_user_id uuid, p_code text, p_password text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_problem text := private.password_problem(p_password, (select u.phone from auth.users u where u.id = p_user_id));
  v_err text;
begin
  if v_problem is not null then
    return json_build_object('ok', false, 'error', v_problem);
  end if;
  v_err := private.check_sms_challenge(p_user_id, 'password', p_code);
  if v_err is not null then
    return json_build_object('ok', false, 'error', v_err);
  end if;
  insert into private.password_permits (user_id, expires_at) values (p_user_id, now() + interval '2 minutes')
  on conflict (user_id) do update set expires_at = excluded.expires_at;
  return json_build_object('ok', true);
end $$;

-- Any change of an existing password (GoTrue's PUT /user or admin update alike) needs a fresh permit,
-- so a stolen session cannot change the password straight through GoTrue. Setting a first password
-- (none before) is not a change and is left to GoTrue. Independent of the other auth.users triggers.
create or replace function private.zx_password_permit()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if new.encrypted_password is distinct from old.encrypted_password then
    -- Any password write uses the permit up (also a first password), so none is left lying around.
    delete from private.password_permits p where p.user_id = new.id and p.expires_at > now();
    perform private.raise_if(not found and coalesce(old.encrypted_password, '') <> '',
                             '42501', 'password_reauthentication_required', '修改密码前请先通过短信验证码验证身份');
  end if;
  return new;
end $$;
revoke execute on function private.zx_password_permit() from public, anon, authenticated;

create trigger zx_password_permit before update of encrypted_password on auth.users
  for each row execute function private.zx_password_permit();
revoke execute on function private.password_problem(text, text) from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['platform_resolve_account_report', 'my_account_reports'], p_anon =>
  array['report_stolen_account'], p_service => array['account_cancel_issue_code', 'account_cancel_verify',
  'wechat_link_lookup', 'wechat_link_bind', 'wechat_user_by_phone', 'sms_code_issue', 'sms_code_redeem',
  'account_report_evidence_claim', 'account_report_evidence_list', 'sms_deliveries_claim',
  'sms_delivery_done', 'password_change_issue_code', 'password_change_permit']);
