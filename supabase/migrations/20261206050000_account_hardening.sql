-- =============================================================================
-- Account hardening (issue 10, medium and low findings).
--
--   1. Admin notices are deduplicated: one unread notice per admin × kind × object.
--   2. Publishing an agreement version no longer recomputes every account's gate in the publishing
--      transaction: it advances the gate epoch (everyone's cached answer is ignored at once, so the
--      gate refuses whoever has not accepted yet) and accounts are recomputed later in batches.
--   3. Stolen-account reports (LX 3.2.4): the reporter never reads the matched account; limits per
--      reporter, per IP and per phone×source instead of a per-phone cap strangers could exhaust;
--      evidence in a private bucket; the outcome is texted to an anonymous reporter.
--   4. Cancellation is one transaction: the auth user is deleted by the same SQL function that
--      anonymises, so a failure leaves the account exactly as it was.
--   5. WeChat / WeCom access tokens: one per app, kept here, refreshed under a row lock.
--   6. Passwords: a weak-password check and a permit (issued after an SMS re-verification) without
--      which a password change is refused by a trigger on auth.users.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. Admin notices, deduplicated
-- -----------------------------------------------------------------------------
-- What a notice is about: at most one unread notice per person and key. A newer event about the same
-- object refreshes the unread notice instead of adding another (a join/withdraw loop used to send one
-- notice per loop to every admin).
alter table public.notifications add column dedup_key text;
create unique index notifications_unread_dedup_idx on public.notifications (user_id, dedup_key)
  where read_at is null and dedup_key is not null;

create or replace function private.notify_admins(p_enterprise_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'::jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_data jsonb := coalesce(p_data, '{}'::jsonb) || jsonb_build_object('enterprise_id', p_enterprise_id);
  v_object text;
begin
  -- The object a notice is about: the person asking to join (each request of a join/withdraw loop
  -- has a new id, the person stays the same), the qualification document kind, else the enterprise.
  if v_data ? 'join_request_id' then
    select 'person:' || r.user_id::text into v_object
      from public.join_requests r where r.id = (v_data ->> 'join_request_id')::uuid;
  elsif v_data ? 'kind' then
    v_object := 'document:' || (v_data ->> 'kind');
  end if;
  v_object := p_kind || '|' || p_enterprise_id::text || '|' || coalesce(v_object, 'enterprise');

  insert into public.notifications as n (user_id, kind, title, body, data, dedup_key)
  select m.user_id, p_kind, p_title, p_body, v_data, v_object
    from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.role = 'admin'
  on conflict (user_id, dedup_key) where read_at is null and dedup_key is not null
  do update set title = excluded.title, body = excluded.body, data = excluded.data, created_at = now();
end;
$$;
revoke execute on function private.notify_admins(uuid, text, text, text, jsonb) from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- 2. Agreement publication: epoch now, recomputation in batches
-- -----------------------------------------------------------------------------
-- Advancing the epoch makes every cached answer stale in the publishing transaction itself, so the
-- gate computes in full (and refuses whoever has not accepted the new version) from the commit on.
-- Nothing per account happens here: publishing costs the same with 100 or 1,000,000 accounts.
create or replace function private.refresh_all_gates()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update private.gate_epoch set epoch = epoch + 1;
  return null;
end;
$$;

-- Recomputes up to p_limit accounts whose answer is from an earlier epoch, skipping rows someone
-- holds (they are refreshed by their own change). Returns how many were recomputed; the scheduler
-- calls it until it returns 0.
create or replace function private.refresh_stale_gates(p_limit integer)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_count integer;
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
end;
$$;

-- Kept for callers of the old name (the migration that created the cache calls it once).
create or replace function private.refresh_unlocked_gates()
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  while private.refresh_stale_gates(5000) > 0 loop
    null;
  end loop;
end;
$$;

-- The scheduler's entry point (service role: pg_cron + pg_net, or the local stack's tests).
create or replace function public.gate_refresh_batch(p_limit integer default 500)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_refreshed integer := private.refresh_stale_gates(p_limit);
begin
  -- Counted in a statement of its own, so it sees the rows just refreshed.
  return json_build_object('refreshed', v_refreshed,
    'remaining', (select count(*) from private.accounts a
                   where a.gate_epoch is distinct from (select e.epoch from private.gate_epoch e)));
end;
$$;

revoke execute on function private.refresh_all_gates(), private.refresh_stale_gates(integer), private.refresh_unlocked_gates()
  from public, anon, authenticated;
revoke execute on function public.gate_refresh_batch(integer) from public, anon, authenticated;
grant execute on function public.gate_refresh_batch(integer) to service_role;

-- publish_agreement_version keeps its body; its version insert fires the epoch trigger above.

-- -----------------------------------------------------------------------------
-- 3. Stolen-account reports
-- -----------------------------------------------------------------------------
-- Reporters no longer read the table (its rows name the matched account): they read their own
-- reports through my_account_reports(), which leaves the target out. Operators read the table.
drop policy "Reporters and platform operators can read account reports" on public.account_reports;
create policy "Platform operators can read account reports"
  on public.account_reports for select
  to authenticated
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

-- The client address PostgREST saw (first X-Forwarded-For entry, as Supabase's gateway sets it).
create or replace function private.request_ip()
returns text
language sql
stable
set search_path = ''
as $$
  select nullif(btrim(split_part(coalesce(
    nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ''), ',', 1)), '');
$$;

-- Drop the old signature: the new one adds nothing to the arguments but returns the upload token.
create or replace function public.report_stolen_account(
  p_phone text, p_real_name text, p_evidence text, p_contact text, p_evidence_path text default null
)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
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
  -- Someone signed out is told the outcome by SMS only: their contact must be a mobile number.
  if v_uid is null and v_notify is null then
    raise exception using errcode = '22023', message = 'contact_phone_required',
      hint = '未登录时请留下中国大陆手机号，处理结果会以短信通知你';
  end if;
  if v_path is not null and (char_length(v_path) > 500 or v_path !~ '^[A-Za-z0-9_./-]+$' or v_path ~ '\.\.') then
    raise exception using errcode = '22023', message = 'evidence_path_invalid', hint = '证明材料的文件路径无效';
  end if;
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
end;
$$;

-- The caller's own reports, without the matched account.
create or replace function public.my_account_reports()
returns table (id uuid, reported_phone text, status text, resolution_note text, resolved_at timestamptz,
               created_at timestamptz, evidence_files integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  return query
    select r.id, r.reported_phone, r.status, r.resolution_note, r.resolved_at, r.created_at,
           (select count(*)::integer from private.account_report_evidence e where e.report_id = r.id)
      from public.account_reports r
     where r.reporter_user_id = (select auth.uid())
     order by r.created_at desc
     limit 50;
end;
$$;

-- Service role (report-evidence function): checks the token and reserves an object path.
create or replace function public.account_report_evidence_claim(p_report_id uuid, p_token text, p_content_type text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v private.account_report_upload_tokens;
  v_path text;
  v_ext text := case p_content_type when 'image/jpeg' then 'jpg' when 'image/png' then 'png' when 'application/pdf' then 'pdf' end;
begin
  if v_ext is null then
    raise exception using errcode = '22023', message = 'evidence_type_invalid', hint = '证明材料须为 JPG、PNG 或 PDF 文件';
  end if;
  select * into v from private.account_report_upload_tokens t where t.report_id = p_report_id for update;
  if not found or p_token is null
     or encode(extensions.digest(p_token, 'sha256'), 'hex') <> v.token_hash or v.expires_at <= now()
     or not exists (select 1 from public.account_reports r where r.id = p_report_id and r.status = 'open') then
    raise exception using errcode = '42501', message = 'upload_token_invalid', hint = '上传凭证无效或已过期，请重新提交申诉';
  end if;
  if v.uploads >= 5 then
    raise exception using errcode = 'P0001', message = 'evidence_limit_reached', hint = '每份申诉最多上传 5 个证明文件';
  end if;
  update private.account_report_upload_tokens set uploads = uploads + 1 where report_id = p_report_id;
  v_path := p_report_id::text || '/' || gen_random_uuid()::text || '.' || v_ext;
  insert into private.account_report_evidence (report_id, object_path, content_type) values (p_report_id, v_path, p_content_type);
  return json_build_object('bucket', 'account-report-evidence', 'path', v_path);
end;
$$;

-- Service role (report-evidence function, for an operator it has authenticated): the report's files.
create or replace function public.account_report_evidence_list(p_operator_id uuid, p_report_id uuid)
returns json
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from private.platform_operators o where o.user_id = p_operator_id) then
    raise exception using errcode = '42501', message = 'not_platform_operator', hint = '仅平台运营人员可以查看';
  end if;
  return coalesce((select json_agg(json_build_object('path', e.object_path, 'content_type', e.content_type,
                                                    'created_at', e.created_at) order by e.created_at)
                     from private.account_report_evidence e
                    where e.report_id = p_report_id
                      and exists (select 1 from storage.objects o
                                   where o.bucket_id = 'account-report-evidence' and o.name = e.object_path)),
                  '[]'::json);
end;
$$;

-- Evidence bucket: private. Signed-in reporters may upload straight into their own open report's
-- folder; nobody may read or sign through the Storage API (no select policy), so links to evidence
-- come only from the report-evidence function, which signs for at most 10 minutes.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('account-report-evidence', 'account-report-evidence', false, 5242880, array['image/jpeg', 'image/png', 'application/pdf'])
on conflict (id) do nothing;

-- plpgsql, like the other policy helpers: a `language sql` definer function is re-planned per statement.
create or replace function private.my_open_report_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query select r.id from public.account_reports r
                where r.reporter_user_id = (select auth.uid()) and r.status = 'open';
end;
$$;
revoke execute on function private.my_open_report_ids() from public, anon;
grant execute on function private.my_open_report_ids() to authenticated;

create policy "Reporters can upload evidence into their open reports"
  on storage.objects for insert
  to authenticated
  with check (
    bucket_id = 'account-report-evidence'
    and (storage.foldername(name))[1] in (select r::text from private.my_open_report_ids() r)
  );

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
end;
$$;

-- Service role (sms-deliveries function): claims up to p_limit pending messages for 2 minutes.
create or replace function public.sms_deliveries_claim(p_limit integer default 20)
returns table (id uuid, phone text, template text, params text[])
language plpgsql
security definer
set search_path = ''
as $$
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
end;
$$;

create or replace function public.sms_delivery_done(p_id uuid, p_ok boolean, p_error text default null)
returns void
language sql
security definer
set search_path = ''
as $$
  update private.sms_deliveries
     set sent_at = case when p_ok then now() end, claimed_until = null, last_error = left(p_error, 500)
   where id = p_id;
$$;

revoke execute on function
  private.request_ip(), public.report_stolen_account(text, text, text, text, text), public.my_account_reports(),
  public.account_report_evidence_claim(uuid, text, text), public.account_report_evidence_list(uuid, uuid),
  public.platform_resolve_account_report(uuid, text, boolean, text),
  public.sms_deliveries_claim(integer), public.sms_delivery_done(uuid, boolean, text)
from public, anon, authenticated;
grant execute on function public.report_stolen_account(text, text, text, text, text) to anon, authenticated;
grant execute on function public.my_account_reports(), public.platform_resolve_account_report(uuid, text, boolean, text)
  to authenticated;
grant execute on function
  public.account_report_evidence_claim(uuid, text, text), public.account_report_evidence_list(uuid, uuid),
  public.sms_deliveries_claim(integer), public.sms_delivery_done(uuid, boolean, text)
  to service_role;

-- -----------------------------------------------------------------------------
-- 4. Cancellation in one transaction
-- -----------------------------------------------------------------------------
-- The code is checked, personal data cleared and the auth user deleted (its sessions, identities and
-- refresh tokens cascade, as GoTrue's admin delete does) in this one function: any failure rolls all
-- of it back and the account stays exactly as it was, so there is no half-anonymised state to retry
-- from. A wrong code is answered without raising so the attempt still counts.
create or replace function public.account_cancel_verify(p_user_id uuid, p_code text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_err text;
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
end;
$$;

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
revoke execute on function private.end_sessions(uuid), public.account_cancel_verify(uuid, text) from public, anon, authenticated;
grant execute on function public.account_cancel_verify(uuid, text) to service_role;

-- -----------------------------------------------------------------------------
-- 5. WeChat / WeCom access tokens: one per app, shared by every function instance
-- -----------------------------------------------------------------------------
-- Each cold function instance used to fetch its own token: that burns the daily quota and each new
-- token invalidates the previous one (WeChat keeps one valid token per app). Now the row lock below
-- decides who refreshes: one caller gets a lease, fetches from WeChat and stores the token; the
-- others keep using the current token if it is still valid, or wait briefly.
create table private.wechat_access_tokens (
  app_key text primary key,
  access_token text,
  expires_at timestamptz,
  lease_id uuid,
  lease_until timestamptz,
  updated_at timestamptz not null default now()
);
revoke all on private.wechat_access_tokens from public, anon, authenticated;

-- p_rejected: a token the API just refused (40001/42001): it is never handed out again.
-- Answers {token} or {lease} (the caller must fetch and store) or {wait: true}.
create or replace function public.wechat_token_lease(p_app_key text, p_rejected text default null)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v private.wechat_access_tokens;
  v_lease uuid := gen_random_uuid();
begin
  if p_app_key is null or char_length(p_app_key) not between 3 and 200 then
    raise exception using errcode = '22023', message = 'app_key_invalid', hint = '应用标识无效';
  end if;
  insert into private.wechat_access_tokens (app_key) values (p_app_key) on conflict (app_key) do nothing;
  select * into v from private.wechat_access_tokens t where t.app_key = p_app_key for update;
  if p_rejected is not null and v.access_token = p_rejected then
    update private.wechat_access_tokens set access_token = null, expires_at = null where app_key = p_app_key;
    v.access_token := null;
  end if;
  -- Refresh 5 minutes before expiry; until then (or while another refresh runs) the current token serves.
  if v.access_token is not null and v.expires_at > now() + interval '5 minutes' then
    return json_build_object('token', v.access_token);
  end if;
  if v.lease_until is not null and v.lease_until > now() then
    if v.access_token is not null and v.expires_at > now() + interval '30 seconds' then
      return json_build_object('token', v.access_token);
    end if;
    return json_build_object('wait', true);
  end if;
  update private.wechat_access_tokens set lease_id = v_lease, lease_until = now() + interval '20 seconds'
   where app_key = p_app_key;
  return json_build_object('lease', v_lease);
end;
$$;

create or replace function public.wechat_token_store(p_app_key text, p_lease uuid, p_token text, p_expires_in integer)
returns json
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_token is null or char_length(p_token) not between 1 and 2000 or p_expires_in is null or p_expires_in < 60 then
    raise exception using errcode = '22023', message = 'token_invalid', hint = '访问令牌无效';
  end if;
  update private.wechat_access_tokens
     set access_token = p_token, expires_at = now() + make_interval(secs => least(p_expires_in, 86400)),
         lease_id = null, lease_until = null, updated_at = now()
   where app_key = p_app_key and lease_id = p_lease;
  if not found then
    raise exception using errcode = 'P0001', message = 'lease_lost', hint = '令牌刷新权已失效';
  end if;
  return json_build_object('stored', true);
end;
$$;

-- A failed refresh gives the lease back at once, so the next caller may try.
create or replace function public.wechat_token_release(p_app_key text, p_lease uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  update private.wechat_access_tokens set lease_id = null, lease_until = null
   where app_key = p_app_key and lease_id = p_lease;
$$;

revoke execute on function public.wechat_token_lease(text, text), public.wechat_token_store(text, uuid, text, integer),
  public.wechat_token_release(text, uuid) from public, anon, authenticated;
grant execute on function public.wechat_token_lease(text, text), public.wechat_token_store(text, uuid, text, integer),
  public.wechat_token_release(text, uuid) to service_role;

-- -----------------------------------------------------------------------------
-- 6. Passwords: strength and a permit per change
-- -----------------------------------------------------------------------------
alter table private.sms_challenges drop constraint sms_challenges_purpose_valid;
alter table private.sms_challenges add constraint sms_challenges_purpose_valid
  check (purpose in ('guardian', 'cancel', 'password'));

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
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_lower text := lower(coalesce(p_password, ''));
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
end;
$$;

-- One permit per user, for one change, valid 2 minutes; created by password_change_permit() after
-- the SMS code was checked, consumed by the trigger below.
create table private.password_permits (
  user_id uuid primary key references auth.users (id) on delete cascade,
  expires_at timestamptz not null
);
revoke all on private.password_permits from public, anon, authenticated;

-- Service role (password-change function): sends the re-verification code.
create or replace function public.password_change_issue_code(p_user_id uuid)
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
    raise exception using errcode = 'P0001', message = 'phone_required', hint = '账号未绑定手机号，无法验证身份';
  end if;
  return json_build_object('code', private.issue_sms_challenge(p_user_id, 'password', v_phone), 'phone', '+' || v_phone);
end;
$$;

-- Service role (password-change function): checks the password, then the code, then issues the
-- permit. The strength check comes first so a weak password does not use up the code.
create or replace function public.password_change_permit(p_user_id uuid, p_code text, p_password text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_problem text := private.password_problem(p_password, (select u.phone from auth.users u where u.id = p_user_id));
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
end;
$$;

-- Any change of an existing password (GoTrue's PUT /user or admin update alike) needs a fresh permit,
-- so a stolen session cannot change the password straight through GoTrue. Setting a first password
-- (none before) is not a change and is left to GoTrue. Independent of the other auth.users triggers.
create or replace function private.zx_password_permit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.encrypted_password is distinct from old.encrypted_password then
    -- Any password write uses the permit up (also a first password), so none is left lying around.
    delete from private.password_permits p where p.user_id = new.id and p.expires_at > now();
    if not found and coalesce(old.encrypted_password, '') <> '' then
      raise exception using errcode = '42501', message = 'password_reauthentication_required',
        hint = '修改密码前请先通过短信验证码验证身份';
    end if;
  end if;
  return new;
end;
$$;
revoke execute on function private.zx_password_permit() from public, anon, authenticated;

create trigger zx_password_permit
  before update of encrypted_password on auth.users
  for each row execute function private.zx_password_permit();

revoke execute on function private.password_problem(text, text), public.password_change_issue_code(uuid),
  public.password_change_permit(uuid, text, text) from public, anon, authenticated;
grant execute on function public.password_change_issue_code(uuid), public.password_change_permit(uuid, text, text)
  to service_role;

-- -----------------------------------------------------------------------------
-- 7. Signed URLs: at most one hour, decided by the product
-- -----------------------------------------------------------------------------
-- Supabase Storage signs a URL for whoever may select the object, for any expiry the client asks
-- (ten years included), and such a link cannot be revoked. So no client may select in the private
-- buckets any more: the storage-sign function checks the caller's right here and signs for at most
-- one hour with the service role. Uploads are unchanged (insert policies).
drop policy "Admins and platform operators read qualification files" on storage.objects;

-- Service role (storage-sign function): may p_user_id read this object?
create or replace function public.storage_sign_allowed(p_user_id uuid, p_bucket text, p_path text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_folder text := split_part(coalesce(p_path, ''), '/', 1);
  v_operator boolean := exists (select 1 from private.platform_operators o where o.user_id = p_user_id);
begin
  if p_user_id is null or p_path is null or p_path ~ '\.\.'
     or not exists (select 1 from storage.objects o where o.bucket_id = p_bucket and o.name = p_path) then
    return false;
  end if;
  if p_bucket = 'qualifications' then
    return v_operator or exists (
      select 1 from public.enterprise_members m
       where m.user_id = p_user_id and m.role = 'admin' and m.enterprise_id::text = v_folder);
  end if;
  if p_bucket = 'account-report-evidence' then
    return v_operator;
  end if;
  return false;
end;
$$;
revoke execute on function public.storage_sign_allowed(uuid, text, text) from public, anon, authenticated;
grant execute on function public.storage_sign_allowed(uuid, text, text) to service_role;
