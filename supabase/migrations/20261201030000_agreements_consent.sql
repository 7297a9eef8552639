-- Agreements, consent and the consent gate.
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
-- Agreement documents and versions (public: people read them before signing up)
-- -----------------------------------------------------------------------------
create table public.agreement_documents (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique
    constraint agreement_documents_slug_format check (slug ~ '^[a-z][a-z0-9_-]{1,62}$'),
  kind text not null
    constraint agreement_documents_kind_valid check (kind in ('service', 'privacy', 'children_privacy', 'service_specific')),
  title text not null constraint agreement_documents_title_length check (char_length(title) between 1 and 100),
  required boolean not null default true,
  -- who must consent: everyone, or only users under 18 / under 14 (consented by the guardian)
  audience text not null default 'everyone'
    constraint agreement_documents_audience_valid check (audience in ('everyone', 'under_18', 'under_14')),
  sort_order integer not null default 0,
  created_at timestamptz not null default now()
);

alter table public.agreement_documents enable row level security;

comment on table public.agreement_documents is 'Agreements people consent to. Written only by migrations/seed and platform operators.';

select private.readable_by_anyone('public.agreement_documents', 'Anyone can read agreement documents');

create table public.agreement_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.agreement_documents (id) on delete restrict,
  version integer not null constraint agreement_versions_version_positive check (version > 0),
  title text not null constraint agreement_versions_title_length check (char_length(title) between 1 and 200),
  -- Markdown; key clauses (liability, termination, jurisdiction) are **bold** in the text and
  -- listed in key_clauses as [{ "id": "...", "title": "..." }] so the UI can list them up front.
  body_md text not null constraint agreement_versions_body_length check (char_length(body_md) between 1 and 200000),
  key_clauses jsonb not null default '[]'::jsonb
    constraint agreement_versions_key_clauses_array check (jsonb_typeof(key_clauses) = 'array'),
  effective_at timestamptz not null default now(),
  published_at timestamptz not null default now(),
  published_by uuid references auth.users (id) on delete set null,
  constraint agreement_versions_unique unique (document_id, version)
);

alter table public.agreement_versions enable row level security;

comment on table public.agreement_versions is 'Immutable versions; the current one is the highest version already effective.';

create index agreement_versions_document_version_idx on public.agreement_versions (document_id, version desc);

create index agreement_versions_published_by_idx on public.agreement_versions (published_by);

select private.readable_by_anyone('public.agreement_versions', 'Anyone can read agreement versions');

-- The current version of every document: the highest version whose effective time has come.
-- Derived at every call, so publishing needs no batch job to make people re-consent.
create or replace function private.current_versions()
returns table (document_id uuid, version_id uuid, version integer)
language sql stable security definer set search_path = '' as $$
  select distinct on (v.document_id) v.document_id, v.id, v.version
    from public.agreement_versions v
   where v.effective_at <= now()
   order by v.document_id, v.version desc;
$$;

-- -----------------------------------------------------------------------------
-- Value lists as enums (docs/database.md "Enums"): the client the consent was given in, who gave
-- it, and the guardian's relationship to the minor.
-- -----------------------------------------------------------------------------
create type public.client_channel as enum ('weapp', 'h5', 'qywx');
create type public.consent_giver as enum ('self', 'guardian');
create type public.guardian_relationship as enum ('father', 'mother', 'grandparent', 'other_guardian');

-- -----------------------------------------------------------------------------
-- Guardians (one active record per minor; withdrawn records stay as history)
-- -----------------------------------------------------------------------------
create table public.guardians (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  guardian_name text not null,
  relationship public.guardian_relationship not null,
  guardian_phone text not null,
  phone_verified_at timestamptz not null,
  channel public.client_channel not null,
  confirmed_at timestamptz not null default now(),
  withdrawn_at timestamptz
);

alter table public.guardians enable row level security;

comment on table public.guardians is 'Guardian confirmations of minors. Written only by the guardian edge function and withdraw_guardian_consent().';

create index guardians_user_id_idx on public.guardians (user_id);

create unique index guardians_one_active_idx on public.guardians (user_id) where withdrawn_at is null;

select private.readable_by_owner('public.guardians', 'Users can read their own guardian records');

-- -----------------------------------------------------------------------------
-- Consents: user × document × version, time from the server, channel, who consented.
-- user_id becomes null when the account is cancelled: what remains is an anonymised record that
-- some account consented to that version (no person behind it), kept as audit of the texts' use.
-- -----------------------------------------------------------------------------
create table public.consents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id) on delete set null,
  document_id uuid not null references public.agreement_documents (id) on delete restrict,
  version_id uuid not null references public.agreement_versions (id) on delete restrict,
  channel public.client_channel not null,
  consented_by public.consent_giver not null default 'self',
  guardian_id uuid references public.guardians (id) on delete set null,
  consented_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_channel public.client_channel
);

alter table public.consents enable row level security;

comment on table public.consents is 'Consent records. Written only by accept_agreements(), withdraw_consent() and the guardian flow.';

create index consents_user_id_idx on public.consents (user_id);

create index consents_document_id_idx on public.consents (document_id);

create index consents_version_id_idx on public.consents (version_id);

create index consents_guardian_id_idx on public.consents (guardian_id);

create unique index consents_one_active_per_version_idx on public.consents (user_id, version_id, consented_by)
  where withdrawn_at is null and user_id is not null;

select private.readable_by_owner('public.consents', 'Users can read their own consents');

-- -----------------------------------------------------------------------------
-- THE GATE
-- -----------------------------------------------------------------------------
-- Returns null when the user may use the product, otherwise the stable code of the first thing
-- missing, in the order the app fixes them: standing, birth date, own consents, guardian.
create or replace function private.gate_code_uncached(p_uid uuid default null)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := coalesce(p_uid, (select auth.uid()));
  v_account private.accounts;
  v_age integer;
begin
  if v_uid is null then
    return 'not_authenticated';
  end if;
  select * into v_account from private.accounts a where a.user_id = v_uid;
  if not found then
    return 'not_authenticated'; -- the auth user is gone (cancelled) while its token lives on
  end if;
  if v_account.status = 'terminated' then return 'account_terminated'; end if;
  if v_account.status = 'suspended' then return 'account_suspended'; end if;
  if v_account.birth_date is null then return 'birth_date_required'; end if;
  v_age := private.age_years(v_account.birth_date);

  if exists (
    select 1
      from public.agreement_documents d
      join private.current_versions() cv on cv.document_id = d.id
     where d.required
       and (d.audience = 'everyone' or (d.audience = 'under_18' and v_age < 18))
       and not exists (
         select 1 from public.consents c
          where c.user_id = v_uid and c.version_id = cv.version_id and c.withdrawn_at is null)
  ) then
    return 'consent_required';
  end if;

  if v_age < 18 and not exists (
    select 1 from public.guardians g where g.user_id = v_uid and g.withdrawn_at is null
  ) then
    return 'guardian_required';
  end if;

  if v_age < 14 and exists (
    select 1
      from public.agreement_documents d
      join private.current_versions() cv on cv.document_id = d.id
     where d.required and d.audience = 'under_14'
       and not exists (
         select 1 from public.consents c
           join public.guardians g on g.id = c.guardian_id and g.withdrawn_at is null
          where c.user_id = v_uid and c.version_id = cv.version_id
            and c.consented_by = 'guardian' and c.withdrawn_at is null)
  ) then
    return 'guardian_required';
  end if;

  return null;
end $$;

create or replace function private.is_cleared(p_uid uuid default null)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return private.gate_code(p_uid) is null;
end $$;

create or replace function private.gate_hint(p_code text)
returns text language sql immutable set search_path = '' as $$
  select case p_code
    when 'not_authenticated' then '请先登录'
    when 'account_terminated' then '你的账号已被终止，无法继续使用'
    when 'account_suspended' then '你的账号已被暂停使用，如有疑问请联系客服'
    when 'birth_date_required' then '请先填写出生日期'
    when 'consent_required' then '请先阅读并同意最新的用户协议和隐私政策'
    when 'guardian_required' then '未成年人须经监护人确认后才能使用'
    when 'platform_not_initialized' then '平台尚未完成初始化，请稍后再试'
    else '暂时无法使用此功能' end;
$$;

create or replace function private.assert_cleared()
returns void language plpgsql stable security definer set search_path = '' as $$
declare v_code text := private.gate_code(null);
begin
  if v_code is not null then
    raise exception using errcode = '42501', message = v_code, hint = private.gate_hint(v_code);
  end if;
end $$;

-- =============================================================================
-- Follow-ups after the security work of issue 10 landed together.
-- =============================================================================

-- The birth date is set once (minors hardening); the status says so for everyone who has one, so
-- the app offers a correction request instead of a form the database refuses.
create or replace function private.consent_status(p_uid uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_account private.accounts;
  v_band text;
  v_age integer;
  v_gate text := private.gate_code(p_uid);
  v_guardian public.guardians;
  v_missing json;
begin
  select * into v_account from private.accounts a where a.user_id = p_uid;
  perform private.raise_if(not found, '42501', 'not_authenticated', '请先登录');
  v_band := private.age_band(v_account.birth_date);
  v_age := private.age_years(v_account.birth_date);
  select * into v_guardian from public.guardians g where g.user_id = p_uid and g.withdrawn_at is null;

  -- Documents that apply (required or not) whose current version lacks an active consent of the
  -- right kind: the UI lists them with checkboxes (never pre-ticked).
  select coalesce(json_agg(json_build_object(
           'document_id', d.id, 'slug', d.slug, 'kind', d.kind, 'title', d.title,
           'required', d.required, 'audience', d.audience,
           'needs_guardian', d.audience = 'under_14',
           'version_id', v.id, 'version', v.version, 'version_title', v.title,
           'effective_at', v.effective_at,
           'previously_consented_version', (
             select max(pv.version) from public.consents c join public.agreement_versions pv on pv.id = c.version_id
              where c.user_id = p_uid and c.document_id = d.id)
         ) order by d.sort_order, d.slug), '[]'::json)
    into v_missing
    from public.agreement_documents d
    join private.current_versions() cv on cv.document_id = d.id
    join public.agreement_versions v on v.id = cv.version_id
   where (d.audience = 'everyone'
          or (d.audience = 'under_18' and v_age < 18)
          or (d.audience = 'under_14' and v_age < 14))
     and (d.required or not exists (
           select 1 from public.consents c0 where c0.user_id = p_uid and c0.document_id = d.id))
     and not exists (
       select 1 from public.consents c
        where c.user_id = p_uid and c.version_id = cv.version_id and c.withdrawn_at is null
          and (d.audience <> 'under_14' or (c.consented_by = 'guardian' and v_guardian.id is not null and c.guardian_id = v_guardian.id)));

  return json_build_object(
    'cleared', v_gate is null,
    'gate', v_gate,
    'gate_hint', case when v_gate is null then null else private.gate_hint(v_gate) end,
    'missing', v_missing,
    'birth_date_set', v_account.birth_date is not null,
    -- set once (20261206030000_minors_hardening.sql); later changes are reviewed corrections
    'birth_date_locked', v_account.birth_date is not null,
    'age_band', v_band,
    'guardian', json_build_object(
      'needed', v_age is not null and v_age < 18,
      'status', case when v_age is null or v_age >= 18 then 'not_needed'
                     when v_guardian.id is not null then 'confirmed'
                     when exists (select 1 from public.guardians g where g.user_id = p_uid) then 'withdrawn'
                     else 'missing' end,
      'name', v_guardian.guardian_name,
      'relationship', v_guardian.relationship,
      'phone_masked', private.mask_phone(v_guardian.guardian_phone),
      'confirmed_at', v_guardian.confirmed_at,
      'children_statement_needed', v_age is not null and v_age < 14),
    'account_status', v_account.status
  );
end $$;

create or replace function private.my_consent_status()
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
begin
  return private.consent_status(v_uid);
end $$;

-- Security invoker: anon and authenticated read the tables through their select policies, so no
-- owner privileges are lent to callers who have not signed in.
create or replace function public.get_current_agreements()
returns json language sql stable security invoker set search_path = '' as $$
  select coalesce(json_agg(json_build_object(
           'document_id', d.id, 'slug', d.slug, 'kind', d.kind, 'title', d.title,
           'required', d.required, 'audience', d.audience,
           'version_id', v.id, 'version', v.version, 'version_title', v.title,
           'body_md', v.body_md, 'key_clauses', v.key_clauses,
           'effective_at', v.effective_at, 'published_at', v.published_at
         ) order by d.sort_order, d.slug), '[]'::json)
    from public.agreement_documents d
    join lateral (
      select cv.* from public.agreement_versions cv
       where cv.document_id = d.id and cv.effective_at <= now()
       order by cv.version desc limit 1
    ) v on true;
$$;

-- -----------------------------------------------------------------------------
-- Consent RPCs
-- -----------------------------------------------------------------------------
create or replace function private.assert_channel(p_channel text)
returns void language plpgsql immutable set search_path = '' as $$
begin
  if p_channel is null or p_channel not in ('weapp', 'h5', 'qywx') then
    raise exception using errcode = '22023', message = 'channel_invalid', hint = '渠道须为 weapp、h5 或 qywx';
  end if;
end $$;

create or replace function private.accept_agreements(p_version_ids uuid[], p_channel text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_ids uuid[];
  v_bad integer;
begin
  perform private.assert_channel(p_channel);
  select coalesce(array_agg(distinct x), '{}') into v_ids from unnest(coalesce(p_version_ids, '{}')) as x where x is not null;
  perform private.raise_if(cardinality(v_ids) = 0 or cardinality(v_ids) > 20, '22023', 'agreement_versions_required', '请勾选要同意的协议');
  select count(*) into v_bad
    from unnest(v_ids) as x
   where not exists (select 1 from private.current_versions() cv where cv.version_id = x);
  if v_bad > 0 then
    raise exception using errcode = '22023', message = 'agreement_version_not_current',
      hint = '协议已更新或不存在，请刷新后重新阅读并同意';
  end if;
  if exists (
    select 1 from unnest(v_ids) as x
      join public.agreement_versions v on v.id = x
      join public.agreement_documents d on d.id = v.document_id
     where d.audience = 'under_14'
  ) then
    raise exception using errcode = '22023', message = 'guardian_consent_required',
      hint = '《儿童个人信息保护规则》须由监护人在监护人确认时同意';
  end if;

  insert into public.consents (user_id, document_id, version_id, channel, consented_by)
  select v_uid, v.document_id, v.id, p_channel::public.client_channel, 'self'
    from public.agreement_versions v
   where v.id = any (v_ids)
  on conflict (user_id, version_id, consented_by) where withdrawn_at is null and user_id is not null do nothing;

  return private.consent_status(v_uid);
end $$;

create or replace function private.withdraw_consent(p_document_id uuid, p_channel text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_doc public.agreement_documents;
begin
  perform private.assert_channel(p_channel);
  select * into v_doc from public.agreement_documents d where d.id = p_document_id;
  perform private.raise_if(not found, '22023', 'agreement_document_not_found', '找不到该协议');
  if v_doc.required then
    raise exception using errcode = 'P0001', message = 'consent_required_document',
      hint = '该协议是使用本服务所必需的，不能单独撤回。如不再同意，可以停止使用，或在“设置 › 注销账号”中注销账号。';
  end if;
  update public.consents c
     set withdrawn_at = now(), withdrawn_channel = p_channel::public.client_channel
   where c.user_id = v_uid and c.document_id = v_doc.id and c.withdrawn_at is null;
  return private.consent_status(v_uid);
end $$;

create or replace function private.my_consent_history()
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
begin
  return (
    select coalesce(json_agg(json_build_object(
             'id', c.id, 'document_id', d.id, 'slug', d.slug, 'kind', d.kind, 'title', d.title,
             'version_id', v.id, 'version', v.version, 'version_title', v.title,
             'channel', c.channel, 'consented_by', c.consented_by,
             'guardian_name', g.guardian_name, 'guardian_relationship', g.relationship,
             'consented_at', c.consented_at, 'withdrawn_at', c.withdrawn_at, 'withdrawn_channel', c.withdrawn_channel
           ) order by c.consented_at desc, d.sort_order), '[]'::json)
      from public.consents c
      join public.agreement_documents d on d.id = c.document_id
      join public.agreement_versions v on v.id = c.version_id
      left join public.guardians g on g.id = c.guardian_id
     where c.user_id = v_uid
  );
end $$;

-- -----------------------------------------------------------------------------
-- Publishing agreement versions
-- -----------------------------------------------------------------------------
create or replace function private.publish_agreement_version(
  p_document_id uuid, p_title text, p_body_md text, p_key_clauses jsonb default '[]'::jsonb, p_effective_at timestamptz default null
)
returns json language plpgsql security definer set search_path = '' as $$
declare v_doc public.agreement_documents;
  v_title text := btrim(coalesce(p_title, ''));
  v_effective timestamptz := coalesce(p_effective_at, now());
  v_version integer;
  v_id uuid;
begin
  perform private.assert_platform_operator();
  select * into v_doc from public.agreement_documents d where d.id = p_document_id for update;
  perform private.raise_if(not found, '22023', 'agreement_document_not_found', '找不到该协议');
  perform private.raise_if(char_length(v_title) not between 1 and 200, '22023', 'title_invalid', '标题须为 1–200 个字符');
  perform private.raise_if(p_body_md is null or char_length(btrim(p_body_md)) < 1 or char_length(p_body_md) > 200000, '22023', 'body_invalid', '正文不能为空，且不超过 20 万字');
  if p_key_clauses is null or jsonb_typeof(p_key_clauses) <> 'array' or jsonb_array_length(p_key_clauses) > 50
     or exists (select 1 from jsonb_array_elements(p_key_clauses) e
                 where jsonb_typeof(e) <> 'object' or jsonb_typeof(e -> 'id') <> 'string'
                    or jsonb_typeof(e -> 'title') <> 'string'
                    or char_length(e ->> 'id') not between 1 and 64 or char_length(e ->> 'title') not between 1 and 200) then
    raise exception using errcode = '22023', message = 'key_clauses_invalid', hint = '重点条款须为 [{"id","title"}] 列表';
  end if;
  -- No backdating: consents given before publication must never count for this text.
  perform private.raise_if(v_effective < now() - interval '1 minute' or v_effective > now() + interval '1 year', '22023', 'effective_at_invalid', '生效时间不能早于现在，也不能晚于一年后');
  select coalesce(max(version), 0) + 1 into v_version from public.agreement_versions where document_id = v_doc.id;
  insert into public.agreement_versions (document_id, version, title, body_md, key_clauses, effective_at, published_by)
  values (v_doc.id, v_version, v_title, p_body_md, p_key_clauses, greatest(v_effective, now()), (select auth.uid()))
  returning id into v_id;

  -- In-app notice to everyone who consented to an earlier version of this document.
  insert into public.notifications (user_id, kind, title, body, data)
  select distinct c.user_id, 'agreement_updated', '《' || v_doc.title || '》已更新',
         case when v_doc.required then '请阅读并同意更新后的协议后继续使用；如不同意，可以停止使用或注销账号。'
              else '协议已更新，你可以在设置中查看。' end,
         jsonb_build_object('document_id', v_doc.id, 'version_id', v_id, 'version', v_version)
    from public.consents c
   where c.document_id = v_doc.id and c.user_id is not null;

  return json_build_object('id', v_id, 'document_id', v_doc.id, 'version', v_version, 'title', v_title,
                           'effective_at', greatest(v_effective, now()));
end $$;

revoke execute on function private.current_versions() from public, anon, authenticated;
revoke execute on function private.gate_code_uncached(uuid) from public, anon, authenticated;
revoke execute on function private.is_cleared(uuid) from public, anon, authenticated;
revoke execute on function private.gate_hint(text) from public, anon, authenticated;
revoke execute on function private.assert_cleared() from public, anon, authenticated;
revoke execute on function private.consent_status(uuid) from public, anon, authenticated;
revoke execute on function private.assert_channel(text) from public, anon, authenticated;
grant execute on function private.is_cleared(uuid) to authenticated;
revoke execute on function public.get_current_agreements() from public, anon, authenticated;
grant execute on function public.get_current_agreements() to anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Gate cache (from 20261129060000)
  * -------------------------------------------------------
  */

create index agreement_versions_effective_at_idx on public.agreement_versions (effective_at);

-- One row, counting changes to agreements. An answer is stored with the epoch its computation read
-- (in the same snapshot), so one computed while a publication was still uncommitted is never used
-- after that publication commits — timestamps could not tell that apart.
create table private.gate_epoch (
  id boolean primary key default true constraint gate_epoch_single_row check (id),
  epoch bigint not null default 1
);

insert into private.gate_epoch default values;

revoke all on private.gate_epoch from public, anon, authenticated;

-- The next date (Asia/Shanghai) on which the user's age band changes: 14th or 18th birthday.
create or replace function private.next_age_boundary(p_birth_date date)
returns date language sql stable set search_path = '' as $$
  select min(b)
    from (values ((p_birth_date + interval '14 years')::date), ((p_birth_date + interval '18 years')::date)) as t(b)
   where p_birth_date is not null and b > private.shanghai_today();
$$;

create or replace function private.refresh_gate(p_uid uuid)
returns void language plpgsql volatile security definer set search_path = '' as $$
begin
  -- Lock first, compute in the next statement: its snapshot then includes whatever a concurrent
  -- change of this user's consents or standing committed before releasing the row.
  perform 1 from private.accounts a where a.user_id = p_uid for update;
  update private.accounts a
     set gate_code = private.gate_code_uncached(a.user_id),
         gate_epoch = (select e.epoch from private.gate_epoch e),
         gate_checked_at = now(),
         gate_valid_until = private.next_age_boundary(a.birth_date)
   where a.user_id = p_uid;
end $$;

-- As 20261130010000_policy_helpers_plpgsql.sql, plus the initialisation check. The check is not part
-- of the cached answer (gate_code_uncached, refreshed by others' triggers): it sits here, after the
-- account's standing, so a suspended or terminated account still hears about its standing first.
create or replace function private.gate_code(p_uid uuid default null)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := coalesce(p_uid, auth.uid());
  v_code text;
  v_epoch bigint;
  v_checked_at timestamptz;
  v_valid_until date;
begin
  if v_uid is null then
    return 'not_authenticated';
  end if;
  -- The caller's own gate, resolved at the start of this request by hooks.begin_request (which
  -- called this function, so the initialisation check is in it).
  if current_setting('zx.ctx_uid', true) = v_uid::text and v_uid = auth.uid() then
    return nullif(current_setting('zx.ctx_gate'), '');
  end if;
  select a.gate_code, a.gate_epoch, a.gate_checked_at, a.gate_valid_until
    into v_code, v_epoch, v_checked_at, v_valid_until
    from private.accounts a
   where a.user_id = v_uid;
  if not (v_checked_at is not null
     and v_epoch = (select e.epoch from private.gate_epoch e)
     and (v_valid_until is null or (now() at time zone 'Asia/Shanghai')::date < v_valid_until)
     and not exists (
       select 1 from public.agreement_versions v
        where v.effective_at > v_checked_at and v.effective_at <= now()))
  then
    v_code := private.gate_code_uncached(v_uid);
  end if;
  if v_code is not null and v_code in ('not_authenticated', 'account_terminated', 'account_suspended') then
    return v_code;
  end if;
  -- private.platform_initialized(), inlined: a nested security-definer call (its search_path
  -- switch) would cost more than the query itself, on every gate answer outside a request context.
  if not exists (
    select 1 from public.agreement_documents d
     where d.required and d.audience = 'everyone'
       and exists (select 1 from public.agreement_versions v
                    where v.document_id = d.id and v.effective_at <= now()))
  then
    return 'platform_not_initialized';
  end if;
  return v_code;
end $$;

-- -----------------------------------------------------------------------------
-- Triggers that keep the cached answer current
-- -----------------------------------------------------------------------------
create or replace function private.refresh_gate_of_row()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.refresh_gate(old.user_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.user_id is distinct from old.user_id) then
    perform private.refresh_gate(new.user_id);
  end if;
  return null;
end $$;

-- Kept for callers of the old name (the migration that created the cache calls it once).
create or replace function private.refresh_unlocked_gates()
returns void language plpgsql volatile security definer set search_path = '' as $$
begin
  while private.refresh_stale_gates(5000) > 0 loop
    null;
  end loop;
end $$;

-- -----------------------------------------------------------------------------
-- 2. Agreement publication: epoch now, recomputation in batches
-- -----------------------------------------------------------------------------
-- Advancing the epoch makes every cached answer stale in the publishing transaction itself, so the
-- gate computes in full (and refuses whoever has not accepted the new version) from the commit on.
-- Nothing per account happens here: publishing costs the same with 100 or 1,000,000 accounts.
create or replace function private.refresh_all_gates()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  update private.gate_epoch set epoch = epoch + 1;
  return null;
end $$;

create trigger refresh_gate_on_account after insert or update of birth_date, status on private.accounts
  for each row execute function private.refresh_gate_of_row();

create trigger refresh_gate_on_consent after insert or update or delete on public.consents
  for each row execute function private.refresh_gate_of_row();

create trigger refresh_gate_on_guardian after insert or update or delete on public.guardians
  for each row execute function private.refresh_gate_of_row();

create trigger refresh_gates_on_agreement_version after insert or update or delete on public.agreement_versions
  for each statement execute function private.refresh_all_gates();

create trigger refresh_gates_on_agreement_document after insert or update or delete on public.agreement_documents
  for each statement execute function private.refresh_all_gates();
revoke execute on function private.gate_code(uuid) from public, anon, authenticated;
revoke execute on function private.gate_code_uncached(uuid) from public, anon, authenticated;
revoke execute on function private.refresh_gate(uuid) from public, anon, authenticated;
revoke execute on function private.next_age_boundary(date) from public, anon, authenticated;
revoke execute on function private.refresh_gate_of_row() from public, anon, authenticated;
revoke execute on function private.refresh_all_gates() from public, anon, authenticated;
revoke execute on function private.refresh_unlocked_gates() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Policy helpers plpgsql (from 20261130010000)
  * -------------------------------------------------------
  */

create trigger forget_request_context_on_gate_epoch after update on private.gate_epoch
  for each statement execute function private.forget_request_context();

/**
  * -------------------------------------------------------
  * Section - Platform ops (from 20261206040000)
  * -------------------------------------------------------
  */
revoke execute on function private.gate_code(uuid) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * Section - Account hardening (from 20261206050000)
  * -------------------------------------------------------
  */

-- Recomputes up to p_limit accounts whose answer is from an earlier epoch, skipping rows someone
-- holds (they are refreshed by their own change). Returns how many were recomputed; the scheduler
-- calls it until it returns 0.
create or replace function private.refresh_stale_gates(p_limit integer)
returns integer language plpgsql volatile security definer set search_path = '' as $$
declare v_count integer;
begin
  update private.accounts a
     set gate_code = private.gate_code_uncached(a.user_id),
         gate_epoch = (select e.epoch from private.gate_epoch e),
         gate_checked_at = now(),
         gate_valid_until = private.next_age_boundary(a.birth_date)
   where a.user_id in (select l.user_id from private.accounts l
                        where l.gate_epoch is distinct from (select e.epoch from private.gate_epoch e)
                        limit greatest(1, least(coalesce(p_limit, 500), 5000))
                        for update skip locked);
  get diagnostics v_count = row_count;
  return v_count;
end $$;
revoke execute on function private.refresh_all_gates() from public, anon, authenticated;
revoke execute on function private.refresh_stale_gates(integer) from public, anon, authenticated;
revoke execute on function private.refresh_unlocked_gates() from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['my_consent_status', 'accept_agreements', 'withdraw_consent',
  'my_consent_history', 'publish_agreement_version']);
