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
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.agreement_documents d
     where d.required and d.audience = 'everyone'
       and exists (select 1 from public.agreement_versions v
                    where v.document_id = d.id and v.effective_at <= now()));
end;
$$;

-- As 20261130010000_policy_helpers_plpgsql.sql, plus the initialisation check. The check is not part
-- of the cached answer (gate_code_uncached, refreshed by others' triggers): it sits here, after the
-- account's standing, so a suspended or terminated account still hears about its standing first.
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
end;
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
    when 'platform_not_initialized' then '平台尚未完成初始化，请稍后再试'
    else '暂时无法使用此功能' end;
$$;

-- -----------------------------------------------------------------------------
-- 2. Operators act and read only while their own account is cleared
-- -----------------------------------------------------------------------------
-- Policies call this once per statement. Non-operators pay only the primary-key lookup; an
-- operator's gate is the request's cached answer.
create or replace function private.is_platform_operator()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from private.platform_operators o where o.user_id = (select auth.uid()))
     and private.gate_code(null) is null;
end;
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
  if not exists (select 1 from private.platform_operators o where o.user_id = (select auth.uid())) then
    raise exception using errcode = '42501', message = 'not_platform_operator', hint = '仅平台运营人员可以执行此操作';
  end if;
  -- Operators are users too: they act only while their own account is cleared (its standing first).
  perform private.assert_cleared();
end;
$$;

-- -----------------------------------------------------------------------------
-- 3. Restricted accounts (status 'restricted', set by platform_act_on_account 'restrict')
-- -----------------------------------------------------------------------------
-- A restricted account stays cleared: it signs in and reads everything it could before. It may not
-- create enterprises, invite, publish or comment. Every RPC that does one of those calls this after
-- the gate.
create or replace function private.assert_not_restricted()
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from private.accounts a where a.user_id = (select auth.uid()) and a.status = 'restricted') then
    raise exception using errcode = '42501', message = 'account_restricted',
      hint = '账号功能受限：暂时不能创建企业、邀请成员、发布或评论内容，如有疑问请联系客服';
  end if;
end;
$$;

-- -----------------------------------------------------------------------------
-- 5a. Enterprise status (LX 3.2.5): normal / suspended / closed
-- -----------------------------------------------------------------------------
--   suspended: members keep reading; nothing in it can be written (no joins, invitations, settings,
--              departments, documents) except leaving it.
--   closed:    members read only the enterprise row (its name and that it is closed); everything else
--              of it is hidden from them. Final: a closed enterprise is never reopened.
alter table public.enterprises
  add column status text not null default 'normal'
    constraint enterprises_status_valid check (status in ('normal', 'suspended', 'closed')),
  add column status_reason text not null default '',
  add column status_changed_at timestamptz;
create index enterprises_inactive_idx on public.enterprises (id) where status <> 'normal';

alter table public.notifications drop constraint notifications_kind_valid;
alter table public.notifications add constraint notifications_kind_valid
  check (kind in ('agreement_updated', 'account_action', 'account_report',
                  'enterprise_join_request', 'enterprise_membership', 'enterprise_qualification',
                  'enterprise_status', 'enterprise_cancellation'));

-- The closed enterprises, for the restrictive read policies below: one call per statement.
create or replace function private.closed_enterprise_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return coalesce((select array_agg(e.id) from public.enterprises e where e.status = 'closed'), '{}');
end;
$$;

create or replace function private.enterprise_status_error(p_status text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_status = 'suspended' then
    raise exception using errcode = '42501', message = 'enterprise_suspended', hint = '该企业已被暂停，暂时只能查看，不能修改或加入';
  elsif p_status = 'closed' then
    raise exception using errcode = '42501', message = 'enterprise_closed', hint = '该企业已注销';
  end if;
end;
$$;

-- For RPCs that want the clear error before any other check.
create or replace function private.assert_enterprise_writable(p_enterprise_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.enterprise_status_error((select e.status from public.enterprises e where e.id = p_enterprise_id));
end;
$$;

-- Enforced on the tables, so every RPC (present and future) that writes tenant rows obeys it without
-- knowing about it. Allowed in an enterprise that is not normal:
--   - the platform itself: operators, the service role / direct SQL (auth.uid() is null, e.g. the
--     cascade of an account deletion), and this file's status functions (zx.enterprise_status_change);
--   - leaving: deleting one's own membership, and what private.end_membership() then winds down
--     (the leaver's invitations revoked, their department headships cleared).
create or replace function private.refuse_write_in_inactive_enterprise()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- As jsonb: one function serves tables with different columns.
  v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  v_status text;
begin
  select e.status into v_status from public.enterprises e
   where e.id = (coalesce(v_new, v_old) ->> 'enterprise_id')::uuid;
  if v_status is null or v_status = 'normal'
     or auth.uid() is null
     or current_setting('zx.enterprise_status_change', true) = 'on'
     or private.is_platform_operator()
     or (tg_table_name = 'enterprise_members' and tg_op = 'DELETE' and v_old ->> 'user_id' = auth.uid()::text)
     or (tg_table_name = 'invitations' and tg_op = 'UPDATE' and v_old ->> 'revoked_at' is null
         and v_new ->> 'revoked_at' is not null and v_new - 'revoked_at' = v_old - 'revoked_at')
     or (tg_table_name = 'departments' and tg_op = 'UPDATE' and v_new ->> 'head_user_id' is null
         and v_new - 'head_user_id' - 'updated_at' = v_old - 'head_user_id' - 'updated_at')
  then
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end if;
  perform private.enterprise_status_error(v_status);
  return null;
end;
$$;

create or replace function private.refuse_enterprise_update_when_inactive()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.status = 'normal' or auth.uid() is null
     or current_setting('zx.enterprise_status_change', true) = 'on'
     or private.is_platform_operator() then
    return new;
  end if;
  perform private.enterprise_status_error(old.status);
  return null;
end;
$$;

create trigger enterprises_refuse_update_when_inactive
  before update on public.enterprises
  for each row execute function private.refuse_enterprise_update_when_inactive();
create trigger departments_refuse_write_when_inactive
  before insert or update or delete on public.departments
  for each row execute function private.refuse_write_in_inactive_enterprise();
create trigger enterprise_members_refuse_write_when_inactive
  before insert or update or delete on public.enterprise_members
  for each row execute function private.refuse_write_in_inactive_enterprise();
create trigger invitations_refuse_write_when_inactive
  before insert or update or delete on public.invitations
  for each row execute function private.refuse_write_in_inactive_enterprise();
create trigger join_requests_refuse_write_when_inactive
  before insert or update or delete on public.join_requests
  for each row execute function private.refuse_write_in_inactive_enterprise();
create trigger enterprise_phone_allowlist_refuse_write_when_inactive
  before insert or update or delete on public.enterprise_phone_allowlist
  for each row execute function private.refuse_write_in_inactive_enterprise();
create trigger qualification_documents_refuse_write_when_inactive
  before insert or update or delete on public.qualification_documents
  for each row execute function private.refuse_write_in_inactive_enterprise();

-- Closed enterprises: their rows are hidden from members (restrictive: combined with AND with the
-- tables' own policies). Operators keep reading the documents, the one table of these they read;
-- the other tables' policies give operators nothing, so they skip the operator check (one helper
-- call per statement less).
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.departments as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]));
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.enterprise_members as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]));
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.invitations as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]));
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.join_requests as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]));
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.enterprise_phone_allowlist as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]));
create policy "Nothing of a closed enterprise is readable but the enterprise itself"
  on public.qualification_documents as restrictive for select to authenticated
  using (enterprise_id <> all ((select private.closed_enterprise_ids())::uuid[]) or (select private.is_platform_operator()));

-- Changes an enterprise's status, audits and notifies its admins. Callers have checked the operator.
create or replace function private.change_enterprise_status(p_enterprise_id uuid, p_status text, p_reason text, p_action text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.enterprises;
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  select * into v_before from public.enterprises e where e.id = p_enterprise_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'enterprise_not_found', hint = '找不到该企业';
  end if;
  if v_before.status = 'closed' then
    raise exception using errcode = 'P0001', message = 'enterprise_already_closed', hint = '该企业已注销，不能再变更状态';
  end if;
  if v_before.status = p_status then
    raise exception using errcode = 'P0001', message = 'enterprise_status_unchanged', hint = '企业已是该状态';
  end if;

  perform set_config('zx.enterprise_status_change', 'on', true);
  update public.enterprises e
     set status = p_status, status_reason = v_reason, status_changed_at = now(), updated_at = now()
   where e.id = p_enterprise_id;
  if p_status <> 'normal' then
    -- Nobody can join any more: open invitations end, pending requests are rejected with the reason.
    update public.invitations i set revoked_at = now() where i.enterprise_id = p_enterprise_id and i.revoked_at is null;
    update public.join_requests r set status = 'rejected', decided_at = now(),
           reason = case p_status when 'closed' then '企业已注销' else '企业已被暂停' end
     where r.enterprise_id = p_enterprise_id and r.status = 'pending';
  end if;
  perform set_config('zx.enterprise_status_change', '', true);

  perform private.audit(p_action, 'enterprise', p_enterprise_id::text, v_reason,
    jsonb_build_object('status', v_before.status, 'status_reason', v_before.status_reason),
    jsonb_build_object('status', p_status, 'status_reason', v_reason));
  perform private.notify_admins(p_enterprise_id, 'enterprise_status',
    case p_status when 'suspended' then '企业已被暂停' when 'closed' then '企业已注销' else '企业已恢复正常' end,
    v_before.name || '：' || v_reason,
    jsonb_build_object('status', p_status));
  return json_build_object('id', p_enterprise_id, 'status', p_status, 'status_reason', v_reason);
end;
$$;

create or replace function public.platform_set_enterprise_status(p_enterprise_id uuid, p_status text, p_reason text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  perform private.assert_platform_operator();
  if p_enterprise_id is null then
    raise exception using errcode = '22023', message = 'enterprise_id_required', hint = '请选择企业';
  end if;
  if p_status is null or p_status not in ('normal', 'suspended', 'closed') then
    raise exception using errcode = '22023', message = 'enterprise_status_invalid', hint = '状态须为正常、暂停或注销';
  end if;
  if char_length(v_reason) not between 2 and 500 or v_reason ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '请填写 2–500 字的原因';
  end if;
  return private.change_enterprise_status(p_enterprise_id, p_status,
    v_reason, 'enterprise.' || case p_status when 'normal' then 'restore' when 'suspended' then 'suspend' else 'close' end);
end;
$$;

-- Operators find an enterprise by (part of) its name, with its status.
create or replace function public.platform_find_enterprises(p_query text)
returns table (id uuid, name text, status text, status_reason text, edition text, qualification_status text,
               member_count integer, created_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_q text := btrim(coalesce(p_query, ''));
begin
  perform private.assert_platform_operator();
  if char_length(v_q) not between 1 and 60 then
    raise exception using errcode = '22023', message = 'query_invalid', hint = '请输入 1–60 个字的企业名称';
  end if;
  return query
  select e.id, e.name, e.status, e.status_reason, e.edition, e.qualification_status,
         (select count(*)::integer from public.enterprise_members m where m.enterprise_id = e.id), e.created_at
    from public.enterprises e
   where e.name ilike '%' || replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%'
   order by e.created_at desc
   limit 20;
end;
$$;

-- -----------------------------------------------------------------------------
-- 5b. Enterprise cancellation (LX 3.3): an admin asks with a reason and supporting documents (files
-- in the enterprise's folder of the private `qualifications` bucket); an operator approves (the
-- enterprise is closed) or rejects with a reason. One open request per enterprise.
-- -----------------------------------------------------------------------------
create table public.enterprise_cancellation_requests (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  reason text not null constraint enterprise_cancellation_reason_length check (char_length(reason) between 10 and 2000),
  document_paths text[] not null default '{}'
    constraint enterprise_cancellation_documents_count check (cardinality(document_paths) <= 10),
  status text not null default 'pending'
    constraint enterprise_cancellation_status_valid check (status in ('pending', 'approved', 'rejected')),
  review_reason text not null default '',
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now()
);
alter table public.enterprise_cancellation_requests enable row level security;
comment on table public.enterprise_cancellation_requests is 'LX 3.3 cancellation requests. Written only by request_enterprise_cancellation() and platform_review_enterprise_cancellation().';

create index enterprise_cancellation_enterprise_idx on public.enterprise_cancellation_requests (enterprise_id, created_at desc);
create index enterprise_cancellation_status_idx on public.enterprise_cancellation_requests (status, created_at desc);
create index enterprise_cancellation_requested_by_idx on public.enterprise_cancellation_requests (requested_by);
create index enterprise_cancellation_reviewed_by_idx on public.enterprise_cancellation_requests (reviewed_by);
create unique index enterprise_cancellation_one_pending_idx on public.enterprise_cancellation_requests (enterprise_id)
  where status = 'pending';

revoke all on public.enterprise_cancellation_requests from anon, authenticated;
grant select on public.enterprise_cancellation_requests to authenticated;

-- Admins read their enterprise's requests (also once it is closed: they see the decision).
create policy "Admins and platform operators read cancellation requests"
  on public.enterprise_cancellation_requests for select
  to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()) or (select private.is_platform_operator()));

create or replace function public.request_enterprise_cancellation(p_enterprise_id uuid, p_reason text, p_document_paths text[] default '{}')
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_reason text := btrim(coalesce(p_reason, ''));
  v_paths text[] := coalesce(p_document_paths, '{}');
  v_path text;
  v_id uuid;
  v_status text;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  select e.status into v_status from public.enterprises e where e.id = p_enterprise_id for update;
  if v_status = 'closed' then
    perform private.enterprise_status_error(v_status);
  end if;
  if char_length(v_reason) not between 10 and 2000 then
    raise exception using errcode = '22023', message = 'cancellation_reason_invalid', hint = '请用 10–2000 字说明注销原因';
  end if;
  if cardinality(v_paths) > 10 then
    raise exception using errcode = '22023', message = 'cancellation_documents_invalid', hint = '证明材料最多 10 个文件';
  end if;
  foreach v_path in array v_paths loop
    if v_path is null or split_part(v_path, '/', 1) <> p_enterprise_id::text
       or not exists (select 1 from storage.objects o where o.bucket_id = 'qualifications' and o.name = v_path) then
      raise exception using errcode = '22023', message = 'cancellation_documents_invalid', hint = '证明材料须先上传到本企业的资料目录';
    end if;
  end loop;
  if exists (select 1 from public.enterprise_cancellation_requests r
              where r.enterprise_id = p_enterprise_id and r.status = 'pending') then
    raise exception using errcode = 'P0001', message = 'cancellation_already_pending', hint = '已有待审核的注销申请';
  end if;
  insert into public.enterprise_cancellation_requests (enterprise_id, requested_by, reason, document_paths)
  values (p_enterprise_id, (select auth.uid()), v_reason, v_paths)
  returning id into v_id;
  return json_build_object('id', v_id, 'status', 'pending');
end;
$$;

create or replace function public.platform_review_enterprise_cancellation(p_request_id uuid, p_approve boolean, p_reason text default '')
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_req public.enterprise_cancellation_requests;
  v_reason text;
  v_name text;
begin
  perform private.assert_platform_operator();
  if p_request_id is null then
    raise exception using errcode = '22023', message = 'cancellation_id_required', hint = '请选择注销申请';
  end if;
  v_reason := private.decision_reason(p_approve, p_reason, 500, '通过', '驳回');
  select * into v_req from public.enterprise_cancellation_requests r where r.id = p_request_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'cancellation_not_found', hint = '找不到该注销申请';
  end if;
  if v_req.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'cancellation_already_reviewed', hint = '该注销申请已审核';
  end if;
  update public.enterprise_cancellation_requests r
     set status = case when p_approve then 'approved' else 'rejected' end,
         review_reason = v_reason, reviewed_by = (select auth.uid()), reviewed_at = now()
   where r.id = p_request_id;
  perform private.audit(case when p_approve then 'enterprise.cancellation.approve' else 'enterprise.cancellation.reject' end,
    'enterprise', v_req.enterprise_id::text, v_reason,
    jsonb_build_object('request_id', v_req.id, 'status', 'pending'),
    jsonb_build_object('request_id', v_req.id, 'status', case when p_approve then 'approved' else 'rejected' end));
  if p_approve then
    perform private.change_enterprise_status(v_req.enterprise_id, 'closed',
      coalesce(nullif(v_reason, ''), '企业管理员申请注销，已审核通过'), 'enterprise.close');
  else
    select e.name into v_name from public.enterprises e where e.id = v_req.enterprise_id;
    perform private.notify_admins(v_req.enterprise_id, 'enterprise_cancellation', '企业注销申请未通过',
      v_name || '：' || v_reason, jsonb_build_object('request_id', v_req.id, 'status', 'rejected'));
  end if;
  return json_build_object('id', v_req.id, 'status', case when p_approve then 'approved' else 'rejected' end,
                           'review_reason', v_reason);
end;
$$;

-- -----------------------------------------------------------------------------
-- 4. Operator actions on accounts, audited; finding an account by phone
-- -----------------------------------------------------------------------------
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
  v_after text;
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
   where user_id = p_user_id
  returning status into v_after;

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

  perform private.audit('account.' || p_action, 'account', p_user_id::text, v_reason,
    jsonb_build_object('status', v_status),
    jsonb_build_object('status', v_after, 'sessions_ended', v_end, 'action_id', v_id, 'report_id', p_report_id),
    p_operator_id);

  perform private.notify(p_user_id, 'account_action',
    case p_action when 'warn' then '账号警告' when 'restrict' then '账号功能受限' when 'suspend' then '账号已暂停使用'
                  when 'terminate' then '账号已终止' else '账号已恢复正常' end,
    v_reason, json_build_object('action', p_action, 'action_id', v_id)::jsonb);

  return json_build_object('id', v_id, 'user_id', p_user_id, 'action', p_action, 'reason', v_reason,
                           'sessions_ended', v_end, 'account_status', v_after);
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

-- 13812345678 → 138****5678: what an operator sees of someone's phone on screen.
create or replace function private.mask_phone(p_phone text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when p_phone ~ '^86[0-9]{11}$' then substr(p_phone, 3, 3) || '****' || right(p_phone, 4)
              when p_phone is null or p_phone = '' then ''
              else '****' || right(p_phone, 4) end;
$$;

-- The account behind a phone number, for acting on it. The operator typed the number, so it is
-- echoed only masked; the birth date is never shown (an age band is), nor the consents. Each lookup
-- is audited: it reveals who holds a number.
create or replace function public.platform_find_account(p_phone text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text := private.normalize_cn_mobile(p_phone);
  v_uid uuid;
  v_result json;
begin
  perform private.assert_platform_operator();
  if v_phone is null then
    raise exception using errcode = '22023', message = 'phone_invalid', hint = '请填写中国大陆手机号';
  end if;
  select u.id into v_uid from auth.users u where u.phone = v_phone;
  if v_uid is null then
    raise exception using errcode = '22023', message = 'user_not_found', hint = '找不到该手机号的账号';
  end if;
  select json_build_object(
           'user_id', a.user_id,
           'phone_masked', private.mask_phone(v_phone),
           'display_name', coalesce(p.display_name, ''),
           'account_status', a.status,
           'status_changed_at', a.status_changed_at,
           'age_band', private.age_band(a.birth_date),
           'created_at', a.created_at,
           'is_operator', exists (select 1 from private.platform_operators o where o.user_id = a.user_id),
           'enterprises', coalesce((
             select json_agg(json_build_object('id', e.id, 'name', e.name, 'role', m.role, 'status', e.status) order by e.name)
               from public.enterprise_members m join public.enterprises e on e.id = m.enterprise_id
              where m.user_id = a.user_id), '[]'::json),
           'recent_actions', coalesce((
             select json_agg(json_build_object('action', x.action, 'reason', x.reason, 'created_at', x.created_at) order by x.created_at desc)
               from (select * from public.account_actions c where c.user_id = a.user_id order by c.created_at desc limit 5) x), '[]'::json))
    into v_result
    from private.accounts a
    left join public.profiles p on p.id = a.user_id
   where a.user_id = v_uid;
  perform private.audit('account.lookup', 'account', v_uid::text, '按手机号查找账号');
  return v_result;
end;
$$;

-- -----------------------------------------------------------------------------
-- Membership RPCs refused to restricted accounts and inside inactive enterprises (bodies as in
-- 20261129020000_membership.sql, plus the two checks after the gate).
-- -----------------------------------------------------------------------------
create or replace function public.create_enterprise(
  p_name text, p_industry text, p_size_band text, p_contact_name text, p_contact_phone text
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_name text := private.clean_text(p_name, 2, 60);
  v_industry text := private.clean_text(p_industry, 1, 40);
  v_contact text := private.clean_text(p_contact_name, 1, 40);
  v_phone text := private.normalize_cn_mobile(btrim(p_contact_phone));
  v_id uuid;
begin
  perform private.assert_cleared();
  perform private.assert_not_restricted();
  if v_name is null then
    raise exception using errcode = '22023', message = 'enterprise_name_invalid', hint = '企业名称须为 2–60 个字符';
  end if;
  if v_industry is null then
    raise exception using errcode = '22023', message = 'industry_invalid', hint = '请填写行业（1–40 个字符）';
  end if;
  if p_size_band is null or p_size_band not in ('1-49', '50-199', '200-999', '1000+') then
    raise exception using errcode = '22023', message = 'size_band_invalid', hint = '请选择人员规模';
  end if;
  if v_contact is null then
    raise exception using errcode = '22023', message = 'contact_name_invalid', hint = '请填写联系人姓名（1–40 个字符）';
  end if;
  if v_phone is null then
    raise exception using errcode = '22023', message = 'contact_phone_invalid', hint = '请填写联系人的中国大陆手机号';
  end if;
  if (select count(*) from public.enterprises e
       where e.created_by = v_uid and e.created_at > now() - interval '1 day') >= 10 then
    raise exception using errcode = 'P0001', message = 'enterprise_create_rate_limited', hint = '今天创建的企业已达上限，请明天再试';
  end if;

  insert into public.enterprises (name, industry, size_band, edition, contact_name, contact_phone, created_by)
  values (v_name, v_industry, p_size_band, 'basic', v_contact, v_phone, v_uid)
  returning id into v_id;
  perform private.add_member(v_id, v_uid, 'admin', null, null);
  return v_id;
end;
$$;

create or replace function public.create_invitation(
  p_enterprise_id uuid, p_role text default 'member', p_department_id uuid default null,
  p_valid_hours integer default 168, p_max_uses integer default null
)
returns table (id uuid, code text, expires_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
  v_e public.enterprises;
  v_admin boolean;
  v_own_department uuid;
  v_row public.invitations;
  v_try integer := 0;
begin
  perform private.assert_cleared();
  perform private.assert_not_restricted();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  select * into v_e from public.enterprises e where e.id = p_enterprise_id;
  perform private.enterprise_status_error(v_e.status);
  v_admin := private.is_admin(p_enterprise_id);
  if p_role is null or p_role not in ('admin', 'member') then
    raise exception using errcode = '22023', message = 'role_invalid', hint = '角色须为管理员或成员';
  end if;
  if p_valid_hours is null or p_valid_hours not between 1 and 720 then
    raise exception using errcode = '22023', message = 'valid_hours_invalid', hint = '有效期须为 1–720 小时';
  end if;
  if p_max_uses is not null and p_max_uses not between 1 and 10000 then
    raise exception using errcode = '22023', message = 'max_uses_invalid', hint = '使用次数上限须为 1–10000';
  end if;
  if p_department_id is not null and not exists (
    select 1 from public.departments d where d.enterprise_id = p_enterprise_id and d.id = p_department_id
  ) then
    raise exception using errcode = '22023', message = 'department_not_found', hint = '找不到该部门';
  end if;
  if not v_admin then
    select m.department_id into v_own_department from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = v_uid;
    -- Members invite colleagues as members, into no department or their own.
    if not v_e.members_can_invite or p_role <> 'member'
       or (p_department_id is not null and p_department_id is distinct from v_own_department) then
      raise exception using errcode = '42501', message = 'invitation_not_allowed', hint = '你没有权限发出这样的邀请';
    end if;
  end if;
  if not private.has_feature(p_enterprise_id, 'invitations') then
    raise exception using errcode = 'P0001', message = 'feature_not_in_edition', hint = '当前版本不支持邀请';
  end if;
  if (select count(*) from public.invitations i
       where i.enterprise_id = p_enterprise_id and i.created_at > now() - interval '1 day') >= 500 then
    raise exception using errcode = 'P0001', message = 'invitation_rate_limited', hint = '今天发出的邀请已达上限，请明天再试';
  end if;

  loop
    begin
      insert into public.invitations as i (enterprise_id, code, role, department_id, created_by, expires_at, max_uses)
      values (p_enterprise_id, private.new_invitation_code(), p_role, p_department_id, v_uid,
              now() + make_interval(hours => p_valid_hours), p_max_uses)
      returning i.* into v_row;
      exit;
    exception when unique_violation then
      v_try := v_try + 1;
      if v_try >= 5 then raise; end if;
    end;
  end loop;

  id := v_row.id;
  code := v_row.code;
  expires_at := v_row.expires_at;
  return next;
end;
$$;

-- Qualification review, as in 20261129020000_membership.sql, now audited with before/after.
create or replace function public.platform_review_qualification(p_document_id uuid, p_approve boolean, p_reason text default '')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_doc public.qualification_documents;
  v_reason text;
  v_status text;
  v_before_status text;
begin
  perform private.assert_platform_operator();
  if p_document_id is null then
    raise exception using errcode = '22023', message = 'qualification_id_required', hint = '请选择资质材料';
  end if;
  v_reason := private.decision_reason(p_approve, p_reason, 500, '通过', '驳回');
  select * into v_doc from public.qualification_documents q where q.id = p_document_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'qualification_not_found', hint = '找不到该资质材料';
  end if;
  if v_doc.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'qualification_already_reviewed', hint = '该材料已审核';
  end if;
  select e.qualification_status into v_before_status from public.enterprises e where e.id = v_doc.enterprise_id for update;

  update public.qualification_documents q
     set status = case when p_approve then 'approved' else 'rejected' end,
         review_reason = v_reason, reviewed_by = (select auth.uid()), reviewed_at = now()
   where q.id = p_document_id;

  -- The enterprise's summary from the latest document of each kind.
  with latest as (
    select distinct on (q.kind) q.kind, q.status
      from public.qualification_documents q
     where q.enterprise_id = v_doc.enterprise_id
     order by q.kind, q.created_at desc, q.id desc
  )
  select case when exists (select 1 from latest where latest.status = 'rejected') then 'rejected'
              when (select count(*) from latest where latest.status = 'approved') = 2 then 'approved'
              else 'pending' end
    into v_status;
  update public.enterprises e set qualification_status = v_status, updated_at = now() where e.id = v_doc.enterprise_id;

  perform private.audit(case when p_approve then 'qualification.approve' else 'qualification.reject' end,
    'qualification_document', v_doc.id::text, v_reason,
    jsonb_build_object('status', v_doc.status, 'enterprise_id', v_doc.enterprise_id, 'kind', v_doc.kind,
                       'qualification_status', v_before_status),
    jsonb_build_object('status', case when p_approve then 'approved' else 'rejected' end, 'enterprise_id', v_doc.enterprise_id,
                       'kind', v_doc.kind, 'qualification_status', v_status));

  perform private.notify_admins(v_doc.enterprise_id, 'enterprise_qualification',
    case when p_approve then '资质材料审核通过' else '资质材料被驳回' end,
    case when p_approve then '企业资质状态：' || case v_status when 'approved' then '已认证' when 'rejected' then '未通过' else '审核中' end
         else '驳回理由：' || v_reason end,
    jsonb_build_object('document_id', v_doc.id, 'kind', v_doc.kind, 'status', case when p_approve then 'approved' else 'rejected' end,
                       'qualification_status', v_status));
end;
$$;

-- -----------------------------------------------------------------------------
-- Operator audit log: the ops page's query (newest first, filtered, paged by keyset).
-- Security invoker: the table's select policy (operators only) decides.
-- -----------------------------------------------------------------------------
create or replace function public.platform_audit_log(
  p_target_type text default null, p_target_id text default null, p_operator_id uuid default null,
  p_before_id bigint default null, p_limit integer default 50
)
returns setof public.operator_audit_log
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not (select private.is_platform_operator()) then
    raise exception using errcode = '42501', message = 'not_platform_operator', hint = '仅平台运营人员可以执行此操作';
  end if;
  if p_limit is null or p_limit not between 1 and 200 then
    raise exception using errcode = '22023', message = 'limit_invalid', hint = '每页 1–200 条';
  end if;
  return query
  select l.* from public.operator_audit_log l
   where (p_target_type is null or l.target_type = p_target_type)
     and (p_target_id is null or l.target_id = p_target_id)
     and (p_operator_id is null or l.operator_id = p_operator_id)
     and (p_before_id is null or l.id < p_before_id)
   order by l.id desc
   limit p_limit;
end;
$$;

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function
  private.platform_initialized(), private.gate_code(uuid), private.assert_platform_operator(),
  private.assert_not_restricted(), private.closed_enterprise_ids(), private.enterprise_status_error(text),
  private.assert_enterprise_writable(uuid), private.refuse_write_in_inactive_enterprise(),
  private.refuse_enterprise_update_when_inactive(), private.change_enterprise_status(uuid, text, text, text),
  private.apply_account_action(uuid, uuid, text, text, uuid), private.mask_phone(text)
from public, anon, authenticated;
-- Called by policies as the querying role.
revoke execute on function private.is_platform_operator(), private.closed_enterprise_ids() from public, anon;
grant execute on function private.is_platform_operator(), private.closed_enterprise_ids() to authenticated;

revoke execute on function
  public.platform_set_enterprise_status(uuid, text, text), public.platform_find_enterprises(text),
  public.request_enterprise_cancellation(uuid, text, text[]), public.platform_review_enterprise_cancellation(uuid, boolean, text),
  public.platform_act_on_account(uuid, text, text), public.platform_find_account(text),
  public.create_enterprise(text, text, text, text, text), public.create_invitation(uuid, text, uuid, integer, integer),
  public.platform_review_qualification(uuid, boolean, text),
  public.platform_audit_log(text, text, uuid, bigint, integer)
from public, anon;
grant execute on function
  public.platform_set_enterprise_status(uuid, text, text), public.platform_find_enterprises(text),
  public.request_enterprise_cancellation(uuid, text, text[]), public.platform_review_enterprise_cancellation(uuid, boolean, text),
  public.platform_act_on_account(uuid, text, text), public.platform_find_account(text),
  public.create_enterprise(text, text, text, text, text), public.create_invitation(uuid, text, uuid, integer, integer),
  public.platform_review_qualification(uuid, boolean, text),
  public.platform_audit_log(text, text, uuid, bigint, integer)
to authenticated;
