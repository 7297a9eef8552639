-- =============================================================================
-- Minors hardening (issue 10): birth date set once, corrections reviewed by an operator; abuse
-- limits on SMS codes the functions send; the guardian's phone never the minor's own; no profile
-- data of an under-14 before the guardian consents; guardians confirming from their own phone
-- through a single-use link.
--
-- Why each rule lives here: the app, the edge functions and GoTrue are all clients of these
-- tables. A limit kept only in the edge function would be skipped by anything else holding the
-- service role, and GoTrue's own limits on hosted Supabase are per IP/project, not per phone.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Birth date: the person sets it once. It decides who needs a guardian, so letting the person
-- change it later (a minor typing an adult date, an adult turning into a minor while suspended or
-- while a new agreement waits) would let them pick which rules apply. Changes are corrections:
-- requested with the claimed date, a reason and optional evidence, decided by an operator.
-- -----------------------------------------------------------------------------
create or replace function public.set_my_birth_date(p_birth_date date)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_account private.accounts;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  perform private.assert_birth_date(p_birth_date);
  select * into v_account from private.accounts a where a.user_id = v_uid for update;
  if not found then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if v_account.birth_date is not null then
    -- Sending the same date again (a retried request) is not a change.
    if v_account.birth_date = p_birth_date then
      return private.consent_status(v_uid);
    end if;
    raise exception using errcode = 'P0001', message = 'birth_date_locked',
      hint = '出生日期填写后不能自行修改；如填写有误，请提交更正申请，由平台审核';
  end if;
  update private.accounts set birth_date = p_birth_date, birth_date_set_at = now() where user_id = v_uid;
  return private.consent_status(v_uid);
end;
$$;

-- The direct operator override is replaced by the reviewed correction below (it kept no request,
-- no evidence, and no audit entry).
drop function if exists public.platform_set_birth_date(uuid, date, text);

create table private.birth_date_corrections (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  current_birth_date date not null,
  claimed_birth_date date not null,
  reason text not null,
  evidence_path text,
  status text not null default 'pending'
    constraint birth_date_corrections_status_valid check (status in ('pending', 'approved', 'rejected')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid,
  decision_reason text
);
revoke all on private.birth_date_corrections from public, anon, authenticated;
create index birth_date_corrections_user_idx on private.birth_date_corrections (user_id, created_at desc);
create index birth_date_corrections_status_idx on private.birth_date_corrections (status, created_at);
create unique index birth_date_corrections_one_pending_idx on private.birth_date_corrections (user_id) where status = 'pending';

create or replace function private.birth_date_correction_json(p private.birth_date_corrections)
returns json
language sql
stable
set search_path = ''
as $$
  select json_build_object(
    'id', p.id, 'current_birth_date', p.current_birth_date, 'claimed_birth_date', p.claimed_birth_date,
    'reason', p.reason, 'evidence_path', p.evidence_path, 'status', p.status, 'created_at', p.created_at,
    'decided_at', p.decided_at, 'decision_reason', p.decision_reason);
$$;

-- Callable before clearance (a wrong date may be what blocks the person) but not while the account
-- is suspended or terminated: a frozen account cannot start changing which rules apply to it.
create or replace function public.request_birth_date_correction(p_birth_date date, p_reason text, p_evidence_path text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_account private.accounts;
  v_reason text := btrim(coalesce(p_reason, ''));
  v_path text := nullif(btrim(coalesce(p_evidence_path, '')), '');
  v_row private.birth_date_corrections;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  select * into v_account from private.accounts a where a.user_id = v_uid for update;
  if not found then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if v_account.status in ('suspended', 'terminated') then
    raise exception using errcode = '42501', message = 'account_' || v_account.status, hint = private.gate_hint('account_' || v_account.status);
  end if;
  if v_account.birth_date is null then
    raise exception using errcode = 'P0001', message = 'birth_date_required', hint = '请先填写出生日期';
  end if;
  perform private.assert_birth_date(p_birth_date);
  if p_birth_date = v_account.birth_date then
    raise exception using errcode = '22023', message = 'birth_date_unchanged', hint = '更正后的出生日期与当前相同';
  end if;
  if char_length(v_reason) not between 5 and 500 or v_reason ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '请用 5–500 字说明更正原因';
  end if;
  if v_path is not null and (char_length(v_path) > 500 or v_path !~ '^[A-Za-z0-9_./-]+$' or v_path ~ '\.\.') then
    raise exception using errcode = '22023', message = 'evidence_path_invalid', hint = '证明材料的文件路径无效';
  end if;
  if exists (select 1 from private.birth_date_corrections c where c.user_id = v_uid and c.status = 'pending') then
    raise exception using errcode = 'P0001', message = 'correction_pending', hint = '你已有一份待审核的更正申请，请耐心等待结果';
  end if;
  if (select count(*) from private.birth_date_corrections c
       where c.user_id = v_uid and c.created_at > now() - interval '30 days') >= 3 then
    raise exception using errcode = 'P0001', message = 'correction_rate_limited', hint = '30 天内最多提交 3 次更正申请';
  end if;
  insert into private.birth_date_corrections (user_id, current_birth_date, claimed_birth_date, reason, evidence_path)
  values (v_uid, v_account.birth_date, p_birth_date, v_reason, v_path)
  returning * into v_row;
  return private.birth_date_correction_json(v_row);
end;
$$;

create or replace function public.my_birth_date_corrections()
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  return coalesce((select json_agg(private.birth_date_correction_json(c) order by c.created_at desc)
                     from private.birth_date_corrections c where c.user_id = v_uid), '[]'::json);
end;
$$;

create or replace function public.platform_list_birth_date_corrections(p_status text default 'pending')
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_platform_operator();
  if p_status is null or p_status not in ('pending', 'approved', 'rejected') then
    raise exception using errcode = '22023', message = 'status_invalid', hint = '状态须为 pending、approved 或 rejected';
  end if;
  return coalesce((
    select json_agg(r order by r.created_at)
      from (
        select c.id, c.user_id, coalesce(p.display_name, '') as display_name, private.mask_phone(u.phone) as phone_masked,
               c.current_birth_date, private.age_band(c.current_birth_date) as current_age_band,
               c.claimed_birth_date, private.age_band(c.claimed_birth_date) as claimed_age_band,
               c.reason, c.evidence_path, c.status, c.created_at, c.decided_at, c.decision_reason, a.status as account_status
          from private.birth_date_corrections c
          join auth.users u on u.id = c.user_id
          join private.accounts a on a.user_id = c.user_id
          left join public.profiles p on p.id = c.user_id
         where c.status = p_status
         order by c.created_at
         limit 200) r), '[]'::json);
end;
$$;

create or replace function public.platform_decide_birth_date_correction(p_request_id uuid, p_approve boolean, p_reason text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reason text := btrim(coalesce(p_reason, ''));
  v_row private.birth_date_corrections;
  v_before date;
begin
  perform private.assert_platform_operator();
  if p_approve is null then
    raise exception using errcode = '22023', message = 'decision_invalid', hint = '请选择批准或驳回';
  end if;
  if char_length(v_reason) not between 2 and 500 or v_reason ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '请填写 2–500 字的原因';
  end if;
  select * into v_row from private.birth_date_corrections c where c.id = p_request_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'correction_not_found', hint = '找不到该更正申请';
  end if;
  if v_row.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'correction_already_decided', hint = '该申请已处理';
  end if;
  if v_row.user_id = (select auth.uid()) then
    raise exception using errcode = 'P0001', message = 'cannot_act_on_self', hint = '不能处理自己的申请';
  end if;

  select a.birth_date into v_before from private.accounts a where a.user_id = v_row.user_id for update;
  if p_approve then
    update private.accounts set birth_date = v_row.claimed_birth_date, birth_date_set_at = now() where user_id = v_row.user_id;
  end if;
  update private.birth_date_corrections
     set status = case when p_approve then 'approved' else 'rejected' end,
         decided_at = now(), decided_by = (select auth.uid()), decision_reason = v_reason
   where id = p_request_id
  returning * into v_row;

  perform private.audit(
    case when p_approve then 'birth_date_correction.approve' else 'birth_date_correction.reject' end,
    'account', v_row.user_id::text, v_reason,
    jsonb_build_object('birth_date', v_before, 'request_id', v_row.id),
    jsonb_build_object('birth_date', case when p_approve then v_row.claimed_birth_date else v_before end, 'request_id', v_row.id));
  perform private.notify(
    v_row.user_id, 'account_action',
    case when p_approve then '出生日期更正已通过' else '出生日期更正未通过' end,
    case when p_approve then '你的出生日期已按申请更正。' else '你的出生日期更正申请未通过：' || v_reason end,
    jsonb_build_object('action', 'birth_date_correction', 'request_id', v_row.id, 'outcome', v_row.status));
  return json_build_object('request', private.birth_date_correction_json(v_row), 'status', private.consent_status(v_row.user_id));
end;
$$;

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
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select (private.shanghai_today()::timestamp) at time zone 'Asia/Shanghai';
$$;

create or replace function private.sms_failures_today(p_user_id uuid, p_purpose text)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::integer from private.sms_code_failures f
   where f.user_id = p_user_id and f.purpose = p_purpose and f.failed_at >= private.shanghai_day_start();
$$;

create or replace function private.issue_sms_challenge(p_user_id uuid, p_purpose text, p_phone text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code text;
  v_last timestamptz;
  v_day timestamptz := private.shanghai_day_start();
begin
  -- Serialise sends of one account (the row lock) and of one phone (an advisory lock), so two
  -- concurrent requests cannot both pass a count.
  perform 1 from private.accounts a where a.user_id = p_user_id for update;
  perform pg_advisory_xact_lock(hashtextextended('sms_phone:' || p_phone, 0));
  select sent_at into v_last from private.sms_challenges where user_id = p_user_id and purpose = p_purpose for update;
  if v_last is not null and v_last > now() - interval '60 seconds' then
    raise exception using errcode = 'P0001', message = 'code_resend_too_soon', hint = '验证码发送过于频繁，请 60 秒后再试';
  end if;
  if private.sms_failures_today(p_user_id, p_purpose) >= 10 then
    raise exception using errcode = 'P0001', message = 'code_attempts_exceeded_today', hint = '今天验证码错误次数过多，请明天再试';
  end if;
  if (select count(*) from private.sms_sends s
       where s.user_id = p_user_id and s.purpose = p_purpose and s.sent_at >= v_day) >= 5 then
    raise exception using errcode = 'P0001', message = 'sms_daily_limit', hint = '今天获取验证码的次数已达上限，请明天再试';
  end if;
  if (select count(*) from private.sms_sends s where s.phone = p_phone and s.sent_at >= v_day) >= 5 then
    raise exception using errcode = 'P0001', message = 'sms_phone_daily_limit', hint = '该手机号今天接收验证码的次数已达上限，请明天再试';
  end if;
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
end;
$$;

-- Returns null when the code is right (and consumes it), otherwise the error code. It does not
-- raise on a wrong code: the attempt must be counted, and an exception would roll that back.
create or replace function private.check_sms_challenge(p_user_id uuid, p_purpose text, p_code text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v private.sms_challenges;
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
end;
$$;

-- -----------------------------------------------------------------------------
-- The guardian's phone is never the minor's own: checked when a code is issued and when it is
-- confirmed (the minor's phone may have changed in between), refused on every guardian row, and
-- refused when the minor's phone later changes to the active guardian's.
-- -----------------------------------------------------------------------------
create or replace function private.is_own_phone(p_user_id uuid, p_phone text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from auth.users u
                  where u.id = p_user_id and private.normalize_cn_mobile(u.phone) = private.normalize_cn_mobile(p_phone));
$$;

create or replace function private.guardian_phone_not_own()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.is_own_phone(new.user_id, new.guardian_phone) then
    raise exception using errcode = '23514', message = 'guardian_phone_is_own', hint = '监护人手机号不能与本人手机号相同';
  end if;
  return new;
end;
$$;

create trigger zx_guardian_phone_not_own
  before insert or update of guardian_phone, user_id on public.guardians
  for each row execute function private.guardian_phone_not_own();

create or replace function private.guardian_phone_differs()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.guardians g
              where g.user_id = new.id and g.withdrawn_at is null
                and g.guardian_phone = private.normalize_cn_mobile(new.phone)) then
    raise exception using errcode = '23514', message = 'guardian_phone_is_own',
      hint = '该手机号是你的监护人的手机号，不能绑定为本人手机号';
  end if;
  return new;
end;
$$;

create trigger zx_guardian_phone_differs
  before update of phone on auth.users
  for each row when (new.phone is distinct from old.phone and new.phone is not null and new.phone <> '')
  execute function private.guardian_phone_differs();

-- -----------------------------------------------------------------------------
-- Guardian flow. The SMS names the child (masked) and what the guardian approves, so the guardian
-- knows what the code is for; the child's name given here is used for that text only and is not
-- stored (an under-14's personal data waits for the guardian's consent).
-- -----------------------------------------------------------------------------
create or replace function private.mask_person_name(p_name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when p_name is null or btrim(p_name) = '' then null
              when char_length(btrim(p_name)) <= 2 then left(btrim(p_name), 1) || '*'
              else left(btrim(p_name), 1) || repeat('*', char_length(btrim(p_name)) - 2) || right(btrim(p_name), 1) end;
$$;

-- What the guardian sees of the child: the masked name given now, else the masked profile name,
-- else the tail of the child's phone.
create or replace function private.child_label(p_user_id uuid, p_child_name text)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_name text := nullif(btrim(coalesce(p_child_name, '')), '');
  v_phone text;
begin
  if v_name is not null and (char_length(v_name) > 20 or v_name ~ '[[:cntrl:]]') then
    raise exception using errcode = '22023', message = 'child_name_invalid', hint = '请填写你的姓名（1–20 个字符）';
  end if;
  if v_name is null then
    select nullif(btrim(p.display_name), '') into v_name from public.profiles p where p.id = p_user_id;
  end if;
  if v_name is not null then
    return private.mask_person_name(v_name);
  end if;
  select u.phone into v_phone from auth.users u where u.id = p_user_id;
  return '尾号' || coalesce(right(v_phone, 4), '----') || '的用户';
end;
$$;

-- The minor's side of the checks before a code goes to a guardian phone.
create or replace function private.assert_guardian_request(p_user_id uuid, p_phone text)
returns private.accounts
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_account private.accounts;
begin
  select * into v_account from private.accounts a where a.user_id = p_user_id;
  if not found then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if v_account.status in ('suspended', 'terminated') then
    raise exception using errcode = '42501', message = 'account_' || v_account.status, hint = private.gate_hint('account_' || v_account.status);
  end if;
  if v_account.birth_date is null then
    raise exception using errcode = 'P0001', message = 'birth_date_required', hint = '请先填写出生日期';
  end if;
  if private.age_years(v_account.birth_date) >= 18 then
    raise exception using errcode = 'P0001', message = 'guardian_not_needed', hint = '已成年用户无需监护人确认';
  end if;
  if p_phone is null then
    raise exception using errcode = '22023', message = 'guardian_phone_invalid', hint = '请填写监护人的中国大陆手机号';
  end if;
  if private.is_own_phone(p_user_id, p_phone) then
    raise exception using errcode = '22023', message = 'guardian_phone_is_own', hint = '监护人手机号不能与本人手机号相同';
  end if;
  return v_account;
end;
$$;

drop function if exists public.guardian_issue_code(uuid, text);
create or replace function public.guardian_issue_code(p_user_id uuid, p_guardian_phone text, p_child_name text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_cn_mobile(p_guardian_phone);
  v_account private.accounts := private.assert_guardian_request(p_user_id, private.normalize_cn_mobile(p_guardian_phone));
  v_label text := private.child_label(p_user_id, p_child_name);
begin
  return json_build_object(
    'code', private.issue_sms_challenge(p_user_id, 'guardian', v_phone), 'phone', '+' || v_phone,
    'child_label', v_label,
    'approves', case when private.age_years(v_account.birth_date) < 14 then '儿童个人信息保护规则' else '其使用知享服务' end,
    'minutes', 5);
end;
$$;

create or replace function public.guardian_confirm(
  p_user_id uuid,
  p_code text,
  p_guardian_name text,
  p_relationship text,
  p_channel text,
  p_accept_children_statement boolean
)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_name text := btrim(coalesce(p_guardian_name, ''));
  v_account private.accounts;
  v_age integer;
  v_phone text;
  v_err text;
  v_guardian_id uuid;
begin
  select * into v_account from private.accounts a where a.user_id = p_user_id;
  if not found then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if v_account.status in ('suspended', 'terminated') then
    raise exception using errcode = '42501', message = 'account_' || v_account.status, hint = private.gate_hint('account_' || v_account.status);
  end if;
  if v_account.birth_date is null then
    raise exception using errcode = 'P0001', message = 'birth_date_required', hint = '请先填写出生日期';
  end if;
  v_age := private.age_years(v_account.birth_date);
  if v_age >= 18 then
    raise exception using errcode = 'P0001', message = 'guardian_not_needed', hint = '已成年用户无需监护人确认';
  end if;
  if char_length(v_name) not between 2 and 40 or v_name ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'guardian_name_invalid', hint = '请填写监护人的真实姓名（2–40 个字符）';
  end if;
  if p_relationship is null or p_relationship not in ('father', 'mother', 'grandparent', 'other_guardian') then
    raise exception using errcode = '22023', message = 'relationship_invalid', hint = '请选择监护人与你的关系';
  end if;
  perform private.assert_channel(p_channel);
  if v_age < 14 and p_accept_children_statement is not true then
    raise exception using errcode = '22023', message = 'children_statement_required',
      hint = '未满 14 周岁的用户，须由监护人阅读并同意《儿童个人信息保护规则》';
  end if;

  select phone into v_phone from private.sms_challenges where user_id = p_user_id and purpose = 'guardian';
  -- The minor's own phone may have become the one the code went to since it was sent.
  if v_phone is not null and private.is_own_phone(p_user_id, v_phone) then
    raise exception using errcode = '22023', message = 'guardian_phone_is_own', hint = '监护人手机号不能与本人手机号相同';
  end if;
  v_err := private.check_sms_challenge(p_user_id, 'guardian', p_code);
  if v_err is not null then
    return json_build_object('ok', false, 'error', v_err);
  end if;

  -- A new confirmation replaces the previous guardian and that guardian's consents.
  update public.consents set withdrawn_at = now(), withdrawn_channel = p_channel
   where user_id = p_user_id and consented_by = 'guardian' and withdrawn_at is null;
  update public.guardians set withdrawn_at = now() where user_id = p_user_id and withdrawn_at is null;
  insert into public.guardians (user_id, guardian_name, relationship, guardian_phone, phone_verified_at, channel)
  values (p_user_id, v_name, p_relationship, v_phone, now(), p_channel)
  returning id into v_guardian_id;

  if v_age < 14 then
    insert into public.consents (user_id, document_id, version_id, channel, consented_by, guardian_id)
    select p_user_id, d.id, cv.version_id, p_channel, 'guardian', v_guardian_id
      from public.agreement_documents d
      join private.current_versions() cv on cv.document_id = d.id
     where d.audience = 'under_14';
  end if;
  -- A link to the guardian is spent once a guardian has confirmed, whichever way.
  update private.guardian_links set used_at = now() where user_id = p_user_id and used_at is null;
  return json_build_object('ok', true, 'status', private.consent_status(p_user_id));
end;
$$;

create or replace function public.withdraw_guardian_consent(p_channel text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  perform private.assert_channel(p_channel);
  if not exists (select 1 from public.guardians g where g.user_id = v_uid and g.withdrawn_at is null) then
    raise exception using errcode = 'P0001', message = 'guardian_not_found', hint = '当前没有有效的监护人确认';
  end if;
  update public.consents set withdrawn_at = now(), withdrawn_channel = p_channel
   where user_id = v_uid and consented_by = 'guardian' and withdrawn_at is null;
  update public.guardians set withdrawn_at = now() where user_id = v_uid and withdrawn_at is null;
  return private.consent_status(v_uid);
end;
$$;

-- -----------------------------------------------------------------------------
-- Guardian link: the minor sends a link to the guardian, who confirms on their own phone without
-- an account. The token is 144 random bits; only its SHA-256 is stored (a leaked table names no
-- usable link). Valid 24 hours, single use, a new link replaces the old one. Lookups of unknown
-- tokens are counted per client address and overall, and refused past a limit.
-- -----------------------------------------------------------------------------
create table private.guardian_links (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_hash bytea not null unique,
  guardian_phone text not null,
  child_label text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index guardian_links_user_idx on private.guardian_links (user_id, created_at desc);
revoke all on private.guardian_links from public, anon, authenticated;

create table private.guardian_link_misses (
  client text not null default '',
  missed_at timestamptz not null default now()
);
create index guardian_link_misses_time_idx on private.guardian_link_misses (missed_at);
create index guardian_link_misses_client_idx on private.guardian_link_misses (client, missed_at);
revoke all on private.guardian_link_misses from public, anon, authenticated;

create or replace function public.guardian_link_create(p_user_id uuid, p_guardian_phone text, p_child_name text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_cn_mobile(p_guardian_phone);
  v_account private.accounts := private.assert_guardian_request(p_user_id, private.normalize_cn_mobile(p_guardian_phone));
  v_label text := private.child_label(p_user_id, p_child_name);
  v_token text;
  v_expires timestamptz := now() + interval '24 hours';
begin
  perform 1 from private.accounts a where a.user_id = p_user_id for update;
  if (select count(*) from private.guardian_links l
       where l.user_id = p_user_id and l.created_at >= private.shanghai_day_start()) >= 5 then
    raise exception using errcode = 'P0001', message = 'link_daily_limit', hint = '今天生成监护人链接的次数已达上限，请明天再试';
  end if;
  update private.guardian_links set expires_at = least(expires_at, now())
   where user_id = p_user_id and used_at is null and expires_at > now();
  v_token := translate(encode(extensions.gen_random_bytes(18), 'base64'), '+/', '-_');
  insert into private.guardian_links (user_id, token_hash, guardian_phone, child_label, expires_at)
  values (p_user_id, extensions.digest(v_token, 'sha256'), v_phone, v_label, v_expires);
  return json_build_object('token', v_token, 'expires_at', v_expires, 'phone', '+' || v_phone);
end;
$$;

-- The live link a token names, or null after counting the miss. Refuses (429) a client with 20
-- misses in 10 minutes. The overall cap (5000 in 10 minutes) is only a circuit breaker: the client
-- address comes from x-forwarded-for and can be varied, while 144-bit tokens cannot be found by
-- volume anyway; a low overall cap would let anyone lock every guardian out.
create or replace function private.guardian_link_by_token(p_token text, p_client text)
returns private.guardian_links
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_client text := left(coalesce(p_client, ''), 64);
  v_link private.guardian_links;
begin
  if (select count(*) from private.guardian_link_misses m where m.client = v_client and m.missed_at > now() - interval '10 minutes') >= 20
     or (select count(*) from private.guardian_link_misses m where m.missed_at > now() - interval '10 minutes') >= 5000 then
    raise exception using errcode = 'P0001', message = 'link_lookup_rate_limited', hint = '尝试次数过多，请稍后再试';
  end if;
  if p_token is not null and p_token ~ '^[A-Za-z0-9_-]{24}$' then
    select * into v_link from private.guardian_links l where l.token_hash = extensions.digest(p_token, 'sha256') for update;
  end if;
  if v_link.id is null then
    insert into private.guardian_link_misses (client) values (v_client);
    delete from private.guardian_link_misses m where m.missed_at < now() - interval '1 day';
    return null;
  end if;
  return v_link;
end;
$$;

-- Why a found link cannot be used, or null.
create or replace function private.guardian_link_problem(p_link private.guardian_links)
returns text
language sql
stable
set search_path = ''
as $$
  select case when p_link.id is null then 'link_invalid'
              when p_link.used_at is not null then 'link_used'
              when p_link.expires_at <= now() then 'link_expired' end;
$$;

create or replace function public.guardian_link_view(p_token text, p_client text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link private.guardian_links := private.guardian_link_by_token(p_token, p_client);
  v_problem text := private.guardian_link_problem(v_link);
  v_birth date;
begin
  if v_problem is not null then
    return json_build_object('ok', false, 'error', v_problem);
  end if;
  select a.birth_date into v_birth from private.accounts a where a.user_id = v_link.user_id;
  return json_build_object('ok', true, 'link', json_build_object(
    'child_label', v_link.child_label,
    'age_band', private.age_band(v_birth),
    'children_statement_needed', private.age_years(v_birth) < 14,
    'guardian_phone_masked', private.mask_phone(v_link.guardian_phone),
    'expires_at', v_link.expires_at));
end;
$$;

create or replace function public.guardian_link_issue_code(p_token text, p_client text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link private.guardian_links := private.guardian_link_by_token(p_token, p_client);
  v_problem text := private.guardian_link_problem(v_link);
begin
  if v_problem is not null then
    return json_build_object('ok', false, 'error', v_problem);
  end if;
  return json_build_object('ok', true, 'issued',
    public.guardian_issue_code(v_link.user_id, v_link.guardian_phone, null)::jsonb
      || jsonb_build_object('child_label', v_link.child_label));
end;
$$;

create or replace function public.guardian_link_confirm(
  p_token text, p_code text, p_guardian_name text, p_relationship text, p_accept_children_statement boolean,
  p_client text default null
)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_link private.guardian_links := private.guardian_link_by_token(p_token, p_client);
  v_problem text := private.guardian_link_problem(v_link);
  v_phone text;
  v_result json;
begin
  if v_problem is not null then
    return json_build_object('ok', false, 'error', v_problem);
  end if;
  -- The code must be the one sent to the phone this link names (not one the minor had sent elsewhere).
  select c.phone into v_phone from private.sms_challenges c where c.user_id = v_link.user_id and c.purpose = 'guardian';
  if v_phone is distinct from v_link.guardian_phone then
    return json_build_object('ok', false, 'error', 'code_not_requested');
  end if;
  v_result := public.guardian_confirm(v_link.user_id, p_code, p_guardian_name, p_relationship, 'h5', p_accept_children_statement);
  if (v_result ->> 'ok')::boolean then
    -- The guardian learns that it worked, not the child's account status.
    return json_build_object('ok', true);
  end if;
  return json_build_object('ok', false, 'error', v_result ->> 'error');
end;
$$;

-- -----------------------------------------------------------------------------
-- Under 14: no profile data before the guardian consents (PIPL art. 31). The gate already refuses
-- an uncleared user; this names the reason, and holds also while the rest of the gate is met.
-- -----------------------------------------------------------------------------
create or replace function private.needs_guardian_consent_for_data(p_user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.age_years(a.birth_date) < 14
         and not exists (
           select 1 from public.consents c
             join public.guardians g on g.id = c.guardian_id and g.withdrawn_at is null
             join public.agreement_documents d on d.id = c.document_id and d.audience = 'under_14'
            where c.user_id = p_user_id and c.consented_by = 'guardian' and c.withdrawn_at is null)
    from private.accounts a where a.user_id = p_user_id;
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
  if coalesce(private.needs_guardian_consent_for_data(v_uid), false) then
    raise exception using errcode = '42501', message = 'guardian_consent_required_for_profile',
      hint = '未满 14 周岁的用户，须经监护人同意后才能填写个人资料';
  end if;
  perform private.assert_cleared();
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

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function
  private.birth_date_correction_json(private.birth_date_corrections), private.shanghai_day_start(),
  private.sms_failures_today(uuid, text), private.is_own_phone(uuid, text), private.guardian_phone_not_own(),
  private.guardian_phone_differs(), private.mask_person_name(text), private.child_label(uuid, text),
  private.assert_guardian_request(uuid, text), private.guardian_link_by_token(text, text),
  private.guardian_link_problem(private.guardian_links), private.needs_guardian_consent_for_data(uuid)
from public, anon, authenticated;

revoke execute on function
  public.request_birth_date_correction(date, text, text), public.my_birth_date_corrections(),
  public.platform_list_birth_date_corrections(text), public.platform_decide_birth_date_correction(uuid, boolean, text),
  public.guardian_issue_code(uuid, text, text), public.guardian_link_create(uuid, text, text),
  public.guardian_link_view(text, text), public.guardian_link_issue_code(text, text),
  public.guardian_link_confirm(text, text, text, text, boolean, text)
from public, anon, authenticated;

grant execute on function
  public.request_birth_date_correction(date, text, text), public.my_birth_date_corrections(),
  public.platform_list_birth_date_corrections(text), public.platform_decide_birth_date_correction(uuid, boolean, text)
  to authenticated;
-- Only the guardian edge function (service role) issues codes and handles links.
grant execute on function
  public.guardian_issue_code(uuid, text, text), public.guardian_link_create(uuid, text, text),
  public.guardian_link_view(text, text), public.guardian_link_issue_code(text, text),
  public.guardian_link_confirm(text, text, text, text, boolean, text)
  to service_role;
