-- Minors and guardians.
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

create or replace function private.age_years(p_birth_date date)
returns integer language sql stable set search_path = '' as $$
  select case when p_birth_date is null then null
              else extract(year from age(private.shanghai_today(), p_birth_date))::integer end;
$$;

create or replace function private.age_band(p_birth_date date)
returns text language sql stable set search_path = '' as $$
  select case when p_birth_date is null then 'unknown'
              when private.age_years(p_birth_date) < 14 then 'under_14'
              when private.age_years(p_birth_date) < 18 then 'under_18'
              else 'adult' end;
$$;

-- -----------------------------------------------------------------------------
-- Birth date
-- -----------------------------------------------------------------------------
create or replace function private.assert_birth_date(p_birth_date date)
returns void language plpgsql stable set search_path = '' as $$
begin
  if p_birth_date is null
     or p_birth_date > private.shanghai_today()
     or p_birth_date < (private.shanghai_today() - interval '120 years')::date
     or private.age_years(p_birth_date) < 3 then
    raise exception using errcode = '22023', message = 'birth_date_invalid', hint = '请填写真实的出生日期';
  end if;
end $$;

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
create or replace function private.set_my_birth_date(p_birth_date date)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_account private.accounts;
begin
  perform private.assert_birth_date(p_birth_date);
  select * into v_account from private.accounts a where a.user_id = v_uid for update;
  perform private.raise_if(not found, '42501', 'not_authenticated', '请先登录');
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
end $$;

create or replace function private.guardian_confirm(
  p_user_id uuid,
  p_code text,
  p_guardian_name text,
  p_relationship text,
  p_channel text,
  p_accept_children_statement boolean
)
returns json language plpgsql security definer set search_path = '' as $$
declare v_name text := btrim(coalesce(p_guardian_name, ''));
  v_account private.accounts;
  v_age integer;
  v_phone text;
  v_err text;
  v_guardian_id uuid;
begin
  v_account := private.guardian_candidate(p_user_id);
  v_age := private.age_years(v_account.birth_date);
  perform private.raise_if(char_length(v_name) not between 2 and 40 or v_name ~ '[[:cntrl:]]', '22023', 'guardian_name_invalid', '请填写监护人的真实姓名（2–40 个字符）');
  perform private.raise_if(p_relationship is null or p_relationship not in ('father', 'mother', 'grandparent', 'other_guardian'), '22023', 'relationship_invalid', '请选择监护人与你的关系');
  perform private.assert_channel(p_channel);
  if v_age < 14 and p_accept_children_statement is not true then
    raise exception using errcode = '22023', message = 'children_statement_required',
      hint = '未满 14 周岁的用户，须由监护人阅读并同意《儿童个人信息保护规则》';
  end if;

  select phone into v_phone from private.sms_challenges where user_id = p_user_id and purpose = 'guardian';
  -- The minor's own phone may have become the one the code went to since it was sent.
  perform private.raise_if(v_phone is not null and private.is_own_phone(p_user_id, v_phone), '22023', 'guardian_phone_is_own', '监护人手机号不能与本人手机号相同');
  v_err := private.check_sms_challenge(p_user_id, 'guardian', p_code);
  if v_err is not null then
    return json_build_object('ok', false, 'error', v_err);
  end if;

  -- A new confirmation replaces the previous guardian and that guardian's consents.
  update public.consents set withdrawn_at = now(), withdrawn_channel = p_channel::public.client_channel
   where user_id = p_user_id and consented_by = 'guardian' and withdrawn_at is null;
  update public.guardians set withdrawn_at = now() where user_id = p_user_id and withdrawn_at is null;
  insert into public.guardians (user_id, guardian_name, relationship, guardian_phone, phone_verified_at, channel)
  values (p_user_id, v_name, p_relationship::public.guardian_relationship, v_phone, now(), p_channel::public.client_channel)
  returning id into v_guardian_id;

  if v_age < 14 then
    insert into public.consents (user_id, document_id, version_id, channel, consented_by, guardian_id)
    select p_user_id, d.id, cv.version_id, p_channel::public.client_channel, 'guardian', v_guardian_id
      from public.agreement_documents d
      join private.current_versions() cv on cv.document_id = d.id
     where d.audience = 'under_14';
  end if;
  -- A link to the guardian is spent once a guardian has confirmed, whichever way.
  update private.guardian_links set used_at = now() where user_id = p_user_id and used_at is null;
  return json_build_object('ok', true, 'status', private.consent_status(p_user_id));
end $$;

-- The guardian (at the minor's device) withdraws: the guardian record and the guardian's consents
-- end, and the minor is blocked again until a guardian confirms.
create or replace function private.withdraw_guardian_consent(p_channel text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
begin
  perform private.assert_channel(p_channel);
  perform private.raise_if(not exists (select 1 from public.guardians g where g.user_id = v_uid and g.withdrawn_at is null), 'P0001', 'guardian_not_found', '当前没有有效的监护人确认');
  update public.consents set withdrawn_at = now(), withdrawn_channel = p_channel::public.client_channel
   where user_id = v_uid and consented_by = 'guardian' and withdrawn_at is null;
  update public.guardians set withdrawn_at = now() where user_id = v_uid and withdrawn_at is null;
  return private.consent_status(v_uid);
end $$;

revoke execute on function private.age_years(date) from public, anon, authenticated;
revoke execute on function private.age_band(date) from public, anon, authenticated;
revoke execute on function private.assert_birth_date(date) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Minors hardening (from 20261206030000)
  * -------------------------------------------------------
  */

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
returns json language sql stable set search_path = '' as $$
  select json_build_object(
    'id', p.id, 'current_birth_date', p.current_birth_date, 'claimed_birth_date', p.claimed_birth_date,
    'reason', p.reason, 'evidence_path', p.evidence_path, 'status', p.status, 'created_at', p.created_at,
    'decided_at', p.decided_at, 'decision_reason', p.decision_reason);
$$;

-- Same rules as before, plus: the evidence path must be the caller's own uploaded object.
create or replace function private.request_birth_date_correction(p_birth_date date, p_reason text, p_evidence_path text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_account private.accounts;
  v_reason text := btrim(coalesce(p_reason, ''));
  v_path text := nullif(btrim(coalesce(p_evidence_path, '')), '');
  v_row private.birth_date_corrections;
begin
  select * into v_account from private.accounts a where a.user_id = v_uid for update;
  perform private.raise_if(not found, '42501', 'not_authenticated', '请先登录');
  if v_account.status in ('suspended', 'terminated') then
    raise exception using errcode = '42501', message = 'account_' || v_account.status, hint = private.gate_hint('account_' || v_account.status);
  end if;
  perform private.raise_if(v_account.birth_date is null, 'P0001', 'birth_date_required', '请先填写出生日期');
  perform private.assert_birth_date(p_birth_date);
  perform private.raise_if(p_birth_date = v_account.birth_date, '22023', 'birth_date_unchanged', '更正后的出生日期与当前相同');
  perform private.raise_if(char_length(v_reason) not between 5 and 500 or v_reason ~ '[[:cntrl:]]', '22023', 'reason_invalid', '请用 5–500 字说明更正原因');
  perform private.raise_if(v_path is not null and (char_length(v_path) > 500 or v_path !~ '^[A-Za-z0-9_./-]+$' or v_path ~ '\.\.'), '22023', 'evidence_path_invalid', '证明材料的文件路径无效');
  -- Another member's file (or a path never uploaded) would let a request point operators at a
  -- document the requester does not own.
  if v_path is not null and (split_part(v_path, '/', 1) <> v_uid::text
     or not exists (select 1 from storage.objects o where o.bucket_id = 'birth-date-evidence' and o.name = v_path)) then
    raise exception using errcode = '22023', message = 'evidence_not_found', hint = '找不到你上传的证明材料，请重新上传';
  end if;
  perform private.raise_if(exists (select 1 from private.birth_date_corrections c where c.user_id = v_uid and c.status = 'pending'), 'P0001', 'correction_pending', '你已有一份待审核的更正申请，请耐心等待结果');
  if (select count(*) from private.birth_date_corrections c
       where c.user_id = v_uid and c.created_at > now() - interval '30 days') >= 3 then
    raise exception using errcode = 'P0001', message = 'correction_rate_limited', hint = '30 天内最多提交 3 次更正申请';
  end if;
  insert into private.birth_date_corrections (user_id, current_birth_date, claimed_birth_date, reason, evidence_path)
  values (v_uid, v_account.birth_date, p_birth_date, v_reason, v_path)
  returning * into v_row;
  return private.birth_date_correction_json(v_row);
end $$;

create or replace function private.my_birth_date_corrections()
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
begin
  return coalesce((select json_agg(private.birth_date_correction_json(c) order by c.created_at desc)
                     from private.birth_date_corrections c where c.user_id = v_uid), '[]'::json);
end $$;

create or replace function private.platform_list_birth_date_corrections(p_status text default 'pending')
returns json language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_platform_operator();
  perform private.raise_if(p_status is null or p_status not in ('pending', 'approved', 'rejected'), '22023', 'status_invalid', '状态须为 pending、approved 或 rejected');
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
end $$;

create or replace function private.platform_decide_birth_date_correction(p_request_id uuid, p_approve boolean, p_reason text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_reason text := btrim(coalesce(p_reason, ''));
  v_row private.birth_date_corrections;
  v_before date;
begin
  perform private.assert_platform_operator();
  perform private.raise_if(p_approve is null, '22023', 'decision_invalid', '请选择批准或驳回');
  perform private.raise_if(char_length(v_reason) not between 2 and 500 or v_reason ~ '[[:cntrl:]]', '22023', 'reason_invalid', '请填写 2–500 字的原因');
  select * into v_row from private.birth_date_corrections c where c.id = p_request_id for update;
  perform private.raise_if(not found, '22023', 'correction_not_found', '找不到该更正申请');
  perform private.raise_if(v_row.status <> 'pending', 'P0001', 'correction_already_decided', '该申请已处理');
  perform private.raise_if(v_row.user_id = (select auth.uid()), 'P0001', 'cannot_act_on_self', '不能处理自己的申请');

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
end $$;

-- -----------------------------------------------------------------------------
-- The guardian's phone is never the minor's own: checked when a code is issued and when it is
-- confirmed (the minor's phone may have changed in between), refused on every guardian row, and
-- refused when the minor's phone later changes to the active guardian's.
-- -----------------------------------------------------------------------------
create or replace function private.is_own_phone(p_user_id uuid, p_phone text)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from auth.users u
                  where u.id = p_user_id and private.normalize_cn_mobile(u.phone) = private.normalize_cn_mobile(p_phone));
$$;

create or replace function private.guardian_phone_not_own()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  perform private.raise_if(private.is_own_phone(new.user_id, new.guardian_phone), '23514', 'guardian_phone_is_own', '监护人手机号不能与本人手机号相同');
  return new;
end $$;

create trigger zx_guardian_phone_not_own before insert or update of guardian_phone, user_id on public.guardians
  for each row execute function private.guardian_phone_not_own();

create or replace function private.guardian_phone_differs()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.guardians g
              where g.user_id = new.id and g.withdrawn_at is null
                and g.guardian_phone = private.normalize_cn_mobile(new.phone)) then
    raise exception using errcode = '23514', message = 'guardian_phone_is_own',
      hint = '该手机号是你的监护人的手机号，不能绑定为本人手机号';
  end if;
  return new;
end $$;

create trigger zx_guardian_phone_differs
  before update of phone on auth.users
  for each row when (new.phone is distinct from old.phone and new.phone is not null and new.phone <> '')
  execute function private.guardian_phone_differs();

-- What the guardian sees of the child: the masked name given now, else the masked profile name,
-- else the tail of the child's phone.
create or replace function private.child_label(p_user_id uuid, p_child_name text)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_name text := nullif(btrim(coalesce(p_child_name, '')), '');
  v_phone text;
begin
  perform private.raise_if(v_name is not null and (char_length(v_name) > 20 or v_name ~ '[[:cntrl:]]'), '22023', 'child_name_invalid', '请填写你的姓名（1–20 个字符）');
  if v_name is null then
    select nullif(btrim(p.display_name), '') into v_name from public.profiles p where p.id = p_user_id;
  end if;
  if v_name is not null then
    return private.mask_person_name(v_name);
  end if;
  select u.phone into v_phone from auth.users u where u.id = p_user_id;
  return '尾号' || coalesce(right(v_phone, 4), '----') || '的用户';
end $$;

-- The account of a minor who may ask a guardian to confirm: signed up, not suspended or terminated,
-- birth date given, under 18. Both ways to a guardian's confirmation start here.
create or replace function private.guardian_candidate(p_user_id uuid)
returns private.accounts language plpgsql stable security definer set search_path = '' as $$
declare v_account private.accounts;
begin
  select * into v_account from private.accounts a where a.user_id = p_user_id;
  perform private.raise_if(not found, '42501', 'not_authenticated', '请先登录');
  if v_account.status in ('suspended', 'terminated') then
    raise exception using errcode = '42501', message = 'account_' || v_account.status, hint = private.gate_hint('account_' || v_account.status);
  end if;
  perform private.raise_if(v_account.birth_date is null, 'P0001', 'birth_date_required', '请先填写出生日期');
  perform private.raise_if(private.age_years(v_account.birth_date) >= 18, 'P0001', 'guardian_not_needed', '已成年用户无需监护人确认');
  return v_account;
end $$;

-- The minor's side of the checks before a code goes to a guardian phone.
create or replace function private.assert_guardian_request(p_user_id uuid, p_phone text)
returns private.accounts language plpgsql stable security definer set search_path = '' as $$
declare v_account private.accounts := private.guardian_candidate(p_user_id);
begin
  perform private.raise_if(p_phone is null, '22023', 'guardian_phone_invalid', '请填写监护人的中国大陆手机号');
  perform private.raise_if(private.is_own_phone(p_user_id, p_phone), '22023', 'guardian_phone_is_own', '监护人手机号不能与本人手机号相同');
  return v_account;
end $$;

create or replace function private.guardian_issue_code(p_user_id uuid, p_guardian_phone text, p_child_name text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_phone text := private.normalize_cn_mobile(p_guardian_phone);
  v_account private.accounts := private.assert_guardian_request(p_user_id, private.normalize_cn_mobile(p_guardian_phone));
  v_label text := private.child_label(p_user_id, p_child_name);
begin
  return json_build_object(
    'code', private.issue_sms_challenge(p_user_id, 'guardian', v_phone), 'phone', '+' || v_phone,
    'child_label', v_label,
    'approves', case when private.age_years(v_account.birth_date) < 14 then '儿童个人信息保护规则' else '其使用知享服务' end,
    'minutes', 5);
end $$;

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

create or replace function private.guardian_link_create(p_user_id uuid, p_guardian_phone text, p_child_name text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_phone text := private.normalize_cn_mobile(p_guardian_phone);
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
end $$;

-- The live link a token names, or null after counting the miss. Refuses (429) a client with 20
-- misses in 10 minutes. The overall cap (5000 in 10 minutes) is only a circuit breaker: the client
-- address comes from x-forwarded-for and can be varied, while 144-bit tokens cannot be found by
-- volume anyway; a low overall cap would let anyone lock every guardian out.
create or replace function private.guardian_link_by_token(p_token text, p_client text)
returns private.guardian_links language plpgsql security definer set search_path = '' as $$
declare v_client text := left(coalesce(p_client, ''), 64);
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
end $$;

-- Why a found link cannot be used, or null.
create or replace function private.guardian_link_problem(p_link private.guardian_links)
returns text language sql stable set search_path = '' as $$
  select case when p_link.id is null then 'link_invalid'
              when p_link.used_at is not null then 'link_used'
              when p_link.expires_at <= now() then 'link_expired' end;
$$;

create or replace function private.guardian_link_view(p_token text, p_client text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_link private.guardian_links := private.guardian_link_by_token(p_token, p_client);
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
end $$;

create or replace function private.guardian_link_issue_code(p_token text, p_client text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_link private.guardian_links := private.guardian_link_by_token(p_token, p_client);
  v_problem text := private.guardian_link_problem(v_link);
begin
  if v_problem is not null then
    return json_build_object('ok', false, 'error', v_problem);
  end if;
  return json_build_object('ok', true, 'issued',
    public.guardian_issue_code(v_link.user_id, v_link.guardian_phone, null)::jsonb
      || jsonb_build_object('child_label', v_link.child_label));
end $$;

create or replace function private.guardian_link_confirm(
  p_token text, p_code text, p_guardian_name text, p_relationship text, p_accept_children_statement boolean,
  p_client text default null
)
returns json language plpgsql security definer set search_path = '' as $$
declare v_link private.guardian_links := private.guardian_link_by_token(p_token, p_client);
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
end $$;

-- -----------------------------------------------------------------------------
-- Under 14: no profile data before the guardian consents (PIPL art. 31). The gate already refuses
-- an uncleared user; this names the reason, and holds also while the rest of the gate is met.
-- -----------------------------------------------------------------------------
create or replace function private.needs_guardian_consent_for_data(p_user_id uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select private.age_years(a.birth_date) < 14
         and not exists (
           select 1 from public.consents c
             join public.guardians g on g.id = c.guardian_id and g.withdrawn_at is null
             join public.agreement_documents d on d.id = c.document_id and d.audience = 'under_14'
            where c.user_id = p_user_id and c.consented_by = 'guardian' and c.withdrawn_at is null)
    from private.accounts a where a.user_id = p_user_id;
$$;

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function private.birth_date_correction_json(private.birth_date_corrections) from public, anon, authenticated;
revoke execute on function private.is_own_phone(uuid, text) from public, anon, authenticated;
revoke execute on function private.guardian_phone_not_own() from public, anon, authenticated;
revoke execute on function private.guardian_phone_differs() from public, anon, authenticated;
revoke execute on function private.child_label(uuid, text) from public, anon, authenticated;
revoke execute on function private.assert_guardian_request(uuid, text) from public, anon, authenticated;
revoke execute on function private.guardian_candidate(uuid) from public, anon, authenticated;
revoke execute on function private.guardian_link_by_token(text, text) from public, anon, authenticated;
revoke execute on function private.guardian_link_problem(private.guardian_links) from public, anon, authenticated;
revoke execute on function private.needs_guardian_consent_for_data(uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Birth date evidence (from 20261206080000)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Birth-date correction evidence (issue 10, follow-up to 20261206030000_minors_hardening)
--
-- A member asking for a birth-date correction may attach one file (ID card, household register,
-- birth certificate). It lives in the private bucket `birth-date-evidence` under `<user id>/`:
--   - a member uploads only into their own folder (insert policy below);
--   - nobody selects, updates or deletes through the Storage API (no such policies), so no client
--     can sign a link of its own choosing (Storage would sign for any expiry);
--   - platform operators get links of at most one hour from the storage-sign function, which asks
--     birth_date_evidence_sign_allowed here;
--   - request_birth_date_correction accepts an evidence path only if it names an existing object
--     in the caller's own folder of that bucket.
-- =============================================================================
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('birth-date-evidence', 'birth-date-evidence', false, 5242880, array['image/jpeg', 'image/png', 'application/pdf'])
on conflict (id) do nothing;

-- How many evidence files the caller already has. Definer: no client may select in this bucket, so
-- a plain subquery in the policy would always count 0. plpgsql, like the other policy helpers.
create or replace function private.my_birth_evidence_count()
returns integer language plpgsql stable security definer set search_path = '' as $$
begin
  return (select count(*)::integer from storage.objects o
           where o.bucket_id = 'birth-date-evidence' and (storage.foldername(o.name))[1] = (select auth.uid())::text);
end $$;
revoke execute on function private.my_birth_evidence_count() from public, anon;
grant execute on function private.my_birth_evidence_count() to authenticated;

-- At most 10 files per member (5 MB each): enough for a few attempts, not free storage. Files
-- stay (nobody deletes through the API), so this is a lifetime cap per account.
create policy "Members upload birth date evidence into their own folder"
  on storage.objects for insert to authenticated
  with check (
    bucket_id = 'birth-date-evidence'
    and (storage.foldername(name))[1] = (select auth.uid())::text
    and (select private.my_birth_evidence_count()) < 10
  );

-- Service role (storage-sign function): may p_user_id read this evidence file? Only platform
-- operators, and only files that a correction request names (not every upload in the bucket).
create or replace function private.birth_date_evidence_sign_allowed(p_user_id uuid, p_path text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  if p_user_id is null or p_path is null or p_path ~ '\.\.' then
    return false;
  end if;
  return exists (select 1 from private.platform_operators o where o.user_id = p_user_id)
     and exists (select 1 from private.birth_date_corrections c where c.evidence_path = p_path)
     and exists (select 1 from storage.objects o where o.bucket_id = 'birth-date-evidence' and o.name = p_path);
end $$;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['set_my_birth_date', 'withdraw_guardian_consent',
  'request_birth_date_correction', 'my_birth_date_corrections', 'platform_list_birth_date_corrections',
  'platform_decide_birth_date_correction'], p_service => array['guardian_confirm', 'guardian_issue_code',
  'guardian_link_create', 'guardian_link_view', 'guardian_link_issue_code', 'guardian_link_confirm',
  'birth_date_evidence_sign_allowed']);
