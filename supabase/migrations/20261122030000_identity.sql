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

create or replace function private.is_platform_operator()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.platform_operators o where o.user_id = (select auth.uid()));
$$;

create or replace function private.assert_platform_operator()
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if not private.is_platform_operator() then
    raise exception using errcode = '42501', message = 'not_platform_operator', hint = '仅平台运营人员可以执行此操作';
  end if;
  -- Operators are users too: they act only while their own account is cleared.
  perform private.assert_cleared();
end;
$$;

-- -----------------------------------------------------------------------------
-- Dates: ages are counted in Asia/Shanghai calendar days, whatever the server's time zone.
-- -----------------------------------------------------------------------------
create or replace function private.shanghai_today()
returns date
language sql
stable
set search_path = ''
as $$
  select (now() at time zone 'Asia/Shanghai')::date;
$$;

create or replace function private.age_years(p_birth_date date)
returns integer
language sql
stable
set search_path = ''
as $$
  select case when p_birth_date is null then null
              else extract(year from age(private.shanghai_today(), p_birth_date))::integer end;
$$;

create or replace function private.age_band(p_birth_date date)
returns text
language sql
stable
set search_path = ''
as $$
  select case when p_birth_date is null then 'unknown'
              when private.age_years(p_birth_date) < 14 then 'under_14'
              when private.age_years(p_birth_date) < 18 then 'under_18'
              else 'adult' end;
$$;

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
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.accounts (user_id) values (new.id) on conflict (user_id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created_account
  after insert on auth.users
  for each row execute function private.handle_new_account();

insert into private.accounts (user_id) select id from auth.users on conflict (user_id) do nothing;

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

revoke all on public.agreement_documents from anon, authenticated;
grant select on public.agreement_documents to anon, authenticated;

create policy "Anyone can read agreement documents"
  on public.agreement_documents for select
  to anon, authenticated
  using (true);

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

revoke all on public.agreement_versions from anon, authenticated;
grant select on public.agreement_versions to anon, authenticated;

create policy "Anyone can read agreement versions"
  on public.agreement_versions for select
  to anon, authenticated
  using (true);

-- The current version of every document: the highest version whose effective time has come.
-- Derived at every call, so publishing needs no batch job to make people re-consent.
create or replace function private.current_versions()
returns table (document_id uuid, version_id uuid, version integer)
language sql
stable
security definer
set search_path = ''
as $$
  select distinct on (v.document_id) v.document_id, v.id, v.version
    from public.agreement_versions v
   where v.effective_at <= now()
   order by v.document_id, v.version desc;
$$;

-- -----------------------------------------------------------------------------
-- Guardians (one active record per minor; withdrawn records stay as history)
-- -----------------------------------------------------------------------------
create table public.guardians (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  guardian_name text not null,
  relationship text not null
    constraint guardians_relationship_valid check (relationship in ('father', 'mother', 'grandparent', 'other_guardian')),
  guardian_phone text not null,
  phone_verified_at timestamptz not null,
  channel text not null constraint guardians_channel_valid check (channel in ('weapp', 'h5', 'qywx')),
  confirmed_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
alter table public.guardians enable row level security;
comment on table public.guardians is 'Guardian confirmations of minors. Written only by the guardian edge function and withdraw_guardian_consent().';

create index guardians_user_id_idx on public.guardians (user_id);
create unique index guardians_one_active_idx on public.guardians (user_id) where withdrawn_at is null;

revoke all on public.guardians from anon, authenticated;
grant select on public.guardians to authenticated;

create policy "Users can read their own guardian records"
  on public.guardians for select
  to authenticated
  using (user_id = (select auth.uid()));

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
  channel text not null constraint consents_channel_valid check (channel in ('weapp', 'h5', 'qywx')),
  consented_by text not null default 'self' constraint consents_consented_by_valid check (consented_by in ('self', 'guardian')),
  guardian_id uuid references public.guardians (id) on delete set null,
  consented_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_channel text constraint consents_withdrawn_channel_valid check (withdrawn_channel in ('weapp', 'h5', 'qywx'))
);
alter table public.consents enable row level security;
comment on table public.consents is 'Consent records. Written only by accept_agreements(), withdraw_consent() and the guardian flow.';

create index consents_user_id_idx on public.consents (user_id);
create index consents_document_id_idx on public.consents (document_id);
create index consents_version_id_idx on public.consents (version_id);
create index consents_guardian_id_idx on public.consents (guardian_id);
create unique index consents_one_active_per_version_idx on public.consents (user_id, version_id, consented_by)
  where withdrawn_at is null and user_id is not null;

revoke all on public.consents from anon, authenticated;
grant select on public.consents to authenticated;

create policy "Users can read their own consents"
  on public.consents for select
  to authenticated
  using (user_id = (select auth.uid()));

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

revoke all on public.notifications from anon, authenticated;
grant select on public.notifications to authenticated;

create policy "Users can read their own notifications"
  on public.notifications for select
  to authenticated
  using (user_id = (select auth.uid()));

create or replace function private.notify(p_user_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'::jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (user_id, kind, title, body, data)
  select p_user_id, p_kind, p_title, p_body, coalesce(p_data, '{}'::jsonb)
   where p_user_id is not null and exists (select 1 from auth.users u where u.id = p_user_id);
$$;

-- -----------------------------------------------------------------------------
-- Account actions by platform operators (LX 3.2.5, 4.7, 5.1.5) and stolen-account reports (LX 3.2.4)
-- -----------------------------------------------------------------------------
create table public.account_reports (
  id uuid primary key default gen_random_uuid(),
  reporter_user_id uuid references auth.users (id) on delete set null,
  reported_phone text not null,
  target_user_id uuid references auth.users (id) on delete set null,
  real_name text not null,
  evidence text not null,
  evidence_path text,
  contact text not null,
  status text not null default 'open' constraint account_reports_status_valid check (status in ('open', 'confirmed', 'rejected')),
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

create policy "Reporters and platform operators can read account reports"
  on public.account_reports for select
  to authenticated
  using (reporter_user_id = (select auth.uid()) or (select private.is_platform_operator()));

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
  on public.account_actions for select
  to authenticated
  using ((select private.is_platform_operator()));

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
-- THE GATE
-- -----------------------------------------------------------------------------
-- Returns null when the user may use the product, otherwise the stable code of the first thing
-- missing, in the order the app fixes them: standing, birth date, own consents, guardian.
create or replace function private.gate_code(p_uid uuid default null)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := coalesce(p_uid, (select auth.uid()));
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
end;
$$;

create or replace function private.is_cleared(p_uid uuid default null)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select private.gate_code(p_uid) is null;
$$;

create or replace function private.gate_hint(p_code text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_code
    when 'not_authenticated' then '请先登录'
    when 'account_terminated' then '你的账号已被终止，无法继续使用'
    when 'account_suspended' then '你的账号已被暂停使用，如有疑问请联系客服'
    when 'birth_date_required' then '请先填写出生日期'
    when 'consent_required' then '请先阅读并同意最新的用户协议和隐私政策'
    when 'guardian_required' then '未成年人须经监护人确认后才能使用'
    else '暂时无法使用此功能' end;
$$;

create or replace function private.assert_cleared()
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_code text := private.gate_code(null);
begin
  if v_code is not null then
    raise exception using errcode = '42501', message = v_code, hint = private.gate_hint(v_code);
  end if;
end;
$$;

-- -----------------------------------------------------------------------------
-- Status for the app
-- -----------------------------------------------------------------------------
create or replace function private.consent_status(p_uid uuid)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_account private.accounts;
  v_band text;
  v_age integer;
  v_gate text := private.gate_code(p_uid);
  v_guardian public.guardians;
  v_missing json;
begin
  select * into v_account from private.accounts a where a.user_id = p_uid;
  if not found then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
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
    'birth_date_locked', v_account.birth_date is not null and (v_gate is null or exists (
      select 1 from public.guardians g where g.user_id = p_uid)),
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
end;
$$;

create or replace function public.my_consent_status()
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
  return private.consent_status(v_uid);
end;
$$;

-- Security invoker: anon and authenticated read the tables through their select policies, so no
-- owner privileges are lent to callers who have not signed in.
create or replace function public.get_current_agreements()
returns json
language sql
stable
security invoker
set search_path = ''
as $$
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
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_channel is null or p_channel not in ('weapp', 'h5', 'qywx') then
    raise exception using errcode = '22023', message = 'channel_invalid', hint = '渠道须为 weapp、h5 或 qywx';
  end if;
end;
$$;

create or replace function public.accept_agreements(p_version_ids uuid[], p_channel text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_ids uuid[];
  v_bad integer;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  perform private.assert_channel(p_channel);
  select coalesce(array_agg(distinct x), '{}') into v_ids from unnest(coalesce(p_version_ids, '{}')) as x where x is not null;
  if cardinality(v_ids) = 0 or cardinality(v_ids) > 20 then
    raise exception using errcode = '22023', message = 'agreement_versions_required', hint = '请勾选要同意的协议';
  end if;
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
  select v_uid, v.document_id, v.id, p_channel, 'self'
    from public.agreement_versions v
   where v.id = any (v_ids)
  on conflict (user_id, version_id, consented_by) where withdrawn_at is null and user_id is not null do nothing;

  return private.consent_status(v_uid);
end;
$$;

create or replace function public.withdraw_consent(p_document_id uuid, p_channel text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_doc public.agreement_documents;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  perform private.assert_channel(p_channel);
  select * into v_doc from public.agreement_documents d where d.id = p_document_id;
  if not found then
    raise exception using errcode = '22023', message = 'agreement_document_not_found', hint = '找不到该协议';
  end if;
  if v_doc.required then
    raise exception using errcode = 'P0001', message = 'consent_required_document',
      hint = '该协议是使用本服务所必需的，不能单独撤回。如不再同意，可以停止使用，或在“设置 › 注销账号”中注销账号。';
  end if;
  update public.consents c
     set withdrawn_at = now(), withdrawn_channel = p_channel
   where c.user_id = v_uid and c.document_id = v_doc.id and c.withdrawn_at is null;
  return private.consent_status(v_uid);
end;
$$;

create or replace function public.my_consent_history()
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
end;
$$;

-- -----------------------------------------------------------------------------
-- Birth date
-- -----------------------------------------------------------------------------
create or replace function private.assert_birth_date(p_birth_date date)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_birth_date is null
     or p_birth_date > private.shanghai_today()
     or p_birth_date < (private.shanghai_today() - interval '120 years')::date
     or private.age_years(p_birth_date) < 3 then
    raise exception using errcode = '22023', message = 'birth_date_invalid', hint = '请填写真实的出生日期';
  end if;
end;
$$;

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
  if v_account.birth_date is distinct from p_birth_date and v_account.birth_date is not null
     and (private.is_cleared(v_uid) or exists (select 1 from public.guardians g where g.user_id = v_uid)) then
    raise exception using errcode = 'P0001', message = 'birth_date_locked',
      hint = '出生日期已确认，不能自行修改；如填写有误，请联系客服';
  end if;
  update private.accounts set birth_date = p_birth_date, birth_date_set_at = now() where user_id = v_uid
    and birth_date is distinct from p_birth_date;
  return private.consent_status(v_uid);
end;
$$;

create or replace function public.platform_set_birth_date(p_user_id uuid, p_birth_date date, p_reason text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.assert_platform_operator();
  perform private.assert_birth_date(p_birth_date);
  if char_length(btrim(coalesce(p_reason, ''))) not between 2 and 500 then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '请填写 2–500 字的原因';
  end if;
  update private.accounts set birth_date = p_birth_date, birth_date_set_at = now() where user_id = p_user_id;
  if not found then
    raise exception using errcode = '22023', message = 'user_not_found', hint = '找不到该用户';
  end if;
  return private.consent_status(p_user_id);
end;
$$;

-- -----------------------------------------------------------------------------
-- SMS challenges (used by the guardian and account-cancel edge functions with the service role)
-- -----------------------------------------------------------------------------
create or replace function private.issue_sms_challenge(p_user_id uuid, p_purpose text, p_phone text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code text;
  v_last timestamptz;
begin
  select sent_at into v_last from private.sms_challenges where user_id = p_user_id and purpose = p_purpose for update;
  if v_last is not null and v_last > now() - interval '60 seconds' then
    raise exception using errcode = 'P0001', message = 'code_resend_too_soon', hint = '验证码发送过于频繁，请 60 秒后再试';
  end if;
  v_code := lpad((('x' || encode(extensions.gen_random_bytes(4), 'hex'))::bit(32)::bigint % 1000000)::text, 6, '0');
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
  if v.attempts >= 5 then return 'code_attempts_exceeded'; end if;
  if v.expires_at <= now() then return 'code_expired'; end if;
  if p_code is null or p_code !~ '^\d{6}$' or extensions.crypt(p_code, v.code_hash) <> v.code_hash then
    update private.sms_challenges set attempts = attempts + 1 where user_id = p_user_id and purpose = p_purpose;
    return case when v.attempts + 1 >= 5 then 'code_attempts_exceeded' else 'code_invalid' end;
  end if;
  delete from private.sms_challenges where user_id = p_user_id and purpose = p_purpose;
  return null;
end;
$$;

-- -----------------------------------------------------------------------------
-- Guardian flow (service role only: the edge function authenticates the user and sends the SMS)
-- -----------------------------------------------------------------------------
create or replace function private.normalize_cn_mobile(p_phone text)
returns text
language sql
immutable
set search_path = ''
as $$
  -- +8613800138000 / 8613800138000 / 13800138000 -> 8613800138000 (GoTrue's stored form); else null
  select case when p_phone ~ '^(\+?86)?1[3-9]\d{9}$'
              then '86' || right(regexp_replace(p_phone, '\D', '', 'g'), 11) end;
$$;

create or replace function public.guardian_issue_code(p_user_id uuid, p_guardian_phone text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_cn_mobile(p_guardian_phone);
  v_account private.accounts;
  v_own text;
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
  if v_phone is null then
    raise exception using errcode = '22023', message = 'guardian_phone_invalid', hint = '请填写监护人的中国大陆手机号';
  end if;
  select u.phone into v_own from auth.users u where u.id = p_user_id;
  if v_own = v_phone then
    raise exception using errcode = '22023', message = 'guardian_phone_is_own', hint = '监护人手机号不能与本人手机号相同';
  end if;
  return json_build_object('code', private.issue_sms_challenge(p_user_id, 'guardian', v_phone), 'phone', '+' || v_phone);
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
  return json_build_object('ok', true, 'status', private.consent_status(p_user_id));
end;
$$;

-- The guardian (at the minor's device) withdraws: the guardian record and the guardian's consents
-- end, and the minor is blocked again until a guardian confirms.
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
-- Account cancellation (service role only, from the account-cancel edge function). The edge
-- function then deletes the auth user through the admin API; foreign keys do the rest:
-- profile, accounts row (birth date), guardians, notifications, SMS challenges are deleted;
-- consents, account actions and reports keep no link to the person (user_id set null).
-- -----------------------------------------------------------------------------
create or replace function public.account_cancel_issue_code(p_user_id uuid)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text;
begin
  select u.phone into v_phone from auth.users u where u.id = p_user_id;
  if v_phone is null or v_phone = '' then
    raise exception using errcode = 'P0001', message = 'phone_required', hint = '账号未绑定手机号，请联系客服注销';
  end if;
  return json_build_object('code', private.issue_sms_challenge(p_user_id, 'cancel', v_phone), 'phone', '+' || v_phone);
end;
$$;

create or replace function public.account_cancel_verify(p_user_id uuid, p_code text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_err text := private.check_sms_challenge(p_user_id, 'cancel', p_code);
begin
  if v_err is not null then
    return json_build_object('ok', false, 'error', v_err);
  end if;
  -- Personal data is cleared now, in case the auth deletion that follows fails: the account is then
  -- anonymised and blocked (no birth date), and the user can retry the cancellation.
  update public.profiles set display_name = '已注销用户', updated_at = now() where id = p_user_id;
  update private.accounts set birth_date = null, birth_date_set_at = null where user_id = p_user_id;
  delete from public.guardians where user_id = p_user_id;
  update public.account_reports set real_name = '已注销用户', contact = '', reported_phone = ''
   where reporter_user_id = p_user_id;
  return json_build_object('ok', true);
end;
$$;

-- -----------------------------------------------------------------------------
-- Platform actions on accounts
-- -----------------------------------------------------------------------------
create or replace function private.end_sessions(p_user_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  -- Ends refresh; on Supabase PostgREST still honours an issued access token until its exp, which
  -- is why the gate checks the account status in SQL as well.
  delete from auth.refresh_tokens where user_id = p_user_id::text;
  delete from auth.sessions where user_id = p_user_id;
$$;

create or replace function private.apply_account_action(
  p_operator_id uuid, p_user_id uuid, p_action text, p_reason text, p_report_id uuid default null
)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reason text := btrim(coalesce(p_reason, ''));
  v_end boolean := p_action in ('suspend', 'terminate');
  v_id uuid;
  v_status text;
begin
  if p_action is null or p_action not in ('warn', 'restrict', 'suspend', 'terminate', 'restore') then
    raise exception using errcode = '22023', message = 'action_invalid', hint = '操作须为警告、限制、暂停、终止或恢复之一';
  end if;
  if char_length(v_reason) not between 2 and 500 or v_reason ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '请填写 2–500 字的原因';
  end if;
  if p_user_id is null or not exists (select 1 from private.accounts a where a.user_id = p_user_id) then
    raise exception using errcode = '22023', message = 'user_not_found', hint = '找不到该用户';
  end if;
  if p_user_id = p_operator_id then
    raise exception using errcode = '22023', message = 'cannot_act_on_self', hint = '不能对自己的账号执行此操作';
  end if;
  select status into v_status from private.accounts where user_id = p_user_id for update;
  if v_status = 'terminated' and p_action <> 'restore' then
    raise exception using errcode = 'P0001', message = 'account_already_terminated', hint = '该账号已被终止';
  end if;

  update private.accounts
     set status = case p_action when 'restrict' then 'restricted' when 'suspend' then 'suspended'
                                when 'terminate' then 'terminated' when 'restore' then 'active' else status end,
         status_changed_at = case when p_action = 'warn' then status_changed_at else now() end
   where user_id = p_user_id;

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

  perform private.notify(p_user_id, 'account_action',
    case p_action when 'warn' then '账号警告' when 'restrict' then '账号功能受限' when 'suspend' then '账号已暂停使用'
                  when 'terminate' then '账号已终止' else '账号已恢复正常' end,
    v_reason, json_build_object('action', p_action, 'action_id', v_id)::jsonb);

  return json_build_object('id', v_id, 'user_id', p_user_id, 'action', p_action, 'reason', v_reason,
                           'sessions_ended', v_end,
                           'account_status', (select status from private.accounts where user_id = p_user_id));
end;
$$;

create or replace function public.platform_act_on_account(p_user_id uuid, p_action text, p_reason text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.assert_platform_operator();
  return private.apply_account_action((select auth.uid()), p_user_id, p_action, p_reason, null);
end;
$$;

-- -----------------------------------------------------------------------------
-- Stolen / impersonated account reports (anon too: the victim may have no access)
-- -----------------------------------------------------------------------------
create or replace function public.report_stolen_account(
  p_phone text, p_real_name text, p_evidence text, p_contact text, p_evidence_path text default null
)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_cn_mobile(p_phone);
  v_name text := btrim(coalesce(p_real_name, ''));
  v_evidence text := btrim(coalesce(p_evidence, ''));
  v_contact text := btrim(coalesce(p_contact, ''));
  v_path text := nullif(btrim(coalesce(p_evidence_path, '')), '');
  v_id uuid;
begin
  if v_phone is null then
    raise exception using errcode = '22023', message = 'phone_invalid', hint = '请填写被盗用账号的中国大陆手机号';
  end if;
  if char_length(v_name) not between 2 and 40 or v_name ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'real_name_invalid', hint = '请填写真实姓名（2–40 个字符）';
  end if;
  if char_length(v_evidence) not between 10 and 2000 then
    raise exception using errcode = '22023', message = 'evidence_invalid', hint = '请用 10–2000 字说明情况和身份证明';
  end if;
  if char_length(v_contact) not between 5 and 100 or v_contact ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'contact_invalid', hint = '请填写可以联系到你的方式（5–100 个字符）';
  end if;
  if v_path is not null and (char_length(v_path) > 500 or v_path !~ '^[A-Za-z0-9_./-]+$' or v_path ~ '\.\.') then
    raise exception using errcode = '22023', message = 'evidence_path_invalid', hint = '证明材料的文件路径无效';
  end if;
  if (select count(*) from public.account_reports r
       where r.reported_phone = v_phone and r.created_at > now() - interval '1 day') >= 3 then
    raise exception using errcode = 'P0001', message = 'report_rate_limited', hint = '该手机号今天的申诉次数已达上限，请耐心等待处理结果';
  end if;
  insert into public.account_reports (reporter_user_id, reported_phone, target_user_id, real_name, evidence, evidence_path, contact)
  values ((select auth.uid()), v_phone, (select u.id from auth.users u where u.phone = v_phone), v_name, v_evidence, v_path, v_contact)
  returning id into v_id;
  return json_build_object('id', v_id, 'status', 'open');
end;
$$;

create or replace function public.platform_resolve_account_report(p_report_id uuid, p_outcome text, p_freeze boolean, p_note text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_report public.account_reports;
  v_note text := btrim(coalesce(p_note, ''));
  v_operator uuid := (select auth.uid());
begin
  perform private.assert_platform_operator();
  if p_outcome is null or p_outcome not in ('confirmed', 'rejected') then
    raise exception using errcode = '22023', message = 'outcome_invalid', hint = '处理结果须为确认或驳回';
  end if;
  if char_length(v_note) not between 2 and 500 then
    raise exception using errcode = '22023', message = 'note_invalid', hint = '请填写 2–500 字的处理说明';
  end if;
  select * into v_report from public.account_reports r where r.id = p_report_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'report_not_found', hint = '找不到该申诉';
  end if;
  if v_report.status <> 'open' then
    raise exception using errcode = 'P0001', message = 'report_already_resolved', hint = '该申诉已处理';
  end if;
  if coalesce(p_freeze, false) and (p_outcome <> 'confirmed' or v_report.target_user_id is null) then
    raise exception using errcode = '22023', message = 'freeze_not_possible', hint = '只有确认属实且对应账号存在时才能冻结账号';
  end if;

  update public.account_reports
     set status = p_outcome, resolution_note = v_note, froze_account = coalesce(p_freeze, false),
         resolved_by = v_operator, resolved_at = now()
   where id = p_report_id;
  if coalesce(p_freeze, false) then
    perform private.apply_account_action(v_operator, v_report.target_user_id, 'suspend',
      '账号被举报盗用/冒用，经核实已冻结：' || v_note, p_report_id);
  end if;
  perform private.notify(v_report.reporter_user_id, 'account_report',
    case p_outcome when 'confirmed' then '你的账号申诉已核实' else '你的账号申诉未通过' end,
    v_note, json_build_object('report_id', p_report_id, 'outcome', p_outcome)::jsonb);
  return (select json_build_object('id', r.id, 'status', r.status, 'froze_account', r.froze_account,
                                   'resolved_at', r.resolved_at)
            from public.account_reports r where r.id = p_report_id);
end;
$$;

-- -----------------------------------------------------------------------------
-- Publishing agreement versions
-- -----------------------------------------------------------------------------
create or replace function public.publish_agreement_version(
  p_document_id uuid, p_title text, p_body_md text, p_key_clauses jsonb default '[]'::jsonb, p_effective_at timestamptz default null
)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_doc public.agreement_documents;
  v_title text := btrim(coalesce(p_title, ''));
  v_effective timestamptz := coalesce(p_effective_at, now());
  v_version integer;
  v_id uuid;
begin
  perform private.assert_platform_operator();
  select * into v_doc from public.agreement_documents d where d.id = p_document_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'agreement_document_not_found', hint = '找不到该协议';
  end if;
  if char_length(v_title) not between 1 and 200 then
    raise exception using errcode = '22023', message = 'title_invalid', hint = '标题须为 1–200 个字符';
  end if;
  if p_body_md is null or char_length(btrim(p_body_md)) < 1 or char_length(p_body_md) > 200000 then
    raise exception using errcode = '22023', message = 'body_invalid', hint = '正文不能为空，且不超过 20 万字';
  end if;
  if p_key_clauses is null or jsonb_typeof(p_key_clauses) <> 'array' or jsonb_array_length(p_key_clauses) > 50
     or exists (select 1 from jsonb_array_elements(p_key_clauses) e
                 where jsonb_typeof(e) <> 'object' or jsonb_typeof(e -> 'id') <> 'string'
                    or jsonb_typeof(e -> 'title') <> 'string'
                    or char_length(e ->> 'id') not between 1 and 64 or char_length(e ->> 'title') not between 1 and 200) then
    raise exception using errcode = '22023', message = 'key_clauses_invalid', hint = '重点条款须为 [{"id","title"}] 列表';
  end if;
  -- No backdating: consents given before publication must never count for this text.
  if v_effective < now() - interval '1 minute' or v_effective > now() + interval '1 year' then
    raise exception using errcode = '22023', message = 'effective_at_invalid', hint = '生效时间不能早于现在，也不能晚于一年后';
  end if;
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
end;
$$;

-- -----------------------------------------------------------------------------
-- Notifications
-- -----------------------------------------------------------------------------
create or replace function public.mark_notifications_read(p_ids uuid[])
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_count integer;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if p_ids is null or cardinality(p_ids) = 0 or cardinality(p_ids) > 200 then
    raise exception using errcode = '22023', message = 'notification_ids_invalid', hint = '请选择 1–200 条通知';
  end if;
  update public.notifications set read_at = now()
   where user_id = v_uid and id = any (p_ids) and read_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- -----------------------------------------------------------------------------
-- The gate applied to the foundation's write RPC
-- -----------------------------------------------------------------------------
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
-- Grants: functions in public are executable by the API roles by default (Supabase's default
-- privileges), and functions anywhere by PUBLIC: revoke, then grant what each caller needs.
-- -----------------------------------------------------------------------------
revoke execute on function
  private.is_platform_operator(), private.assert_platform_operator(), private.shanghai_today(),
  private.age_years(date), private.age_band(date), private.handle_new_account(), private.current_versions(),
  private.notify(uuid, text, text, text, jsonb), private.gate_code(uuid), private.is_cleared(uuid),
  private.gate_hint(text), private.assert_cleared(), private.consent_status(uuid), private.assert_channel(text),
  private.assert_birth_date(date), private.issue_sms_challenge(uuid, text, text),
  private.check_sms_challenge(uuid, text, text), private.normalize_cn_mobile(text), private.end_sessions(uuid),
  private.apply_account_action(uuid, uuid, text, text, uuid)
from public, anon, authenticated;
-- Policies of this and later migrations call these as the querying role.
grant execute on function private.is_platform_operator(), private.is_cleared(uuid) to authenticated;

revoke execute on function
  public.my_consent_status(), public.get_current_agreements(), public.accept_agreements(uuid[], text),
  public.withdraw_consent(uuid, text), public.my_consent_history(), public.set_my_birth_date(date),
  public.platform_set_birth_date(uuid, date, text), public.guardian_issue_code(uuid, text),
  public.guardian_confirm(uuid, text, text, text, text, boolean), public.withdraw_guardian_consent(text),
  public.account_cancel_issue_code(uuid), public.account_cancel_verify(uuid, text),
  public.platform_act_on_account(uuid, text, text), public.report_stolen_account(text, text, text, text, text),
  public.platform_resolve_account_report(uuid, text, boolean, text),
  public.publish_agreement_version(uuid, text, text, jsonb, timestamptz), public.mark_notifications_read(uuid[]),
  public.update_my_profile(text)
from public, anon, authenticated;

grant execute on function public.get_current_agreements(), public.report_stolen_account(text, text, text, text, text)
  to anon, authenticated;
grant execute on function
  public.my_consent_status(), public.accept_agreements(uuid[], text), public.withdraw_consent(uuid, text),
  public.my_consent_history(), public.set_my_birth_date(date), public.withdraw_guardian_consent(text),
  public.mark_notifications_read(uuid[]), public.update_my_profile(text),
  public.platform_set_birth_date(uuid, date, text), public.platform_act_on_account(uuid, text, text),
  public.platform_resolve_account_report(uuid, text, boolean, text),
  public.publish_agreement_version(uuid, text, text, jsonb, timestamptz)
  to authenticated;
-- Only the edge functions (service role) issue and check SMS codes: a client must never see a code.
grant execute on function
  public.guardian_issue_code(uuid, text), public.guardian_confirm(uuid, text, text, text, text, boolean),
  public.account_cancel_issue_code(uuid), public.account_cancel_verify(uuid, text)
  to service_role;
