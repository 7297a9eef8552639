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
returns integer
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select count(*)::integer from storage.objects o
           where o.bucket_id = 'birth-date-evidence' and (storage.foldername(o.name))[1] = (select auth.uid())::text);
end;
$$;
revoke execute on function private.my_birth_evidence_count() from public, anon;
grant execute on function private.my_birth_evidence_count() to authenticated;

-- At most 10 files per member (5 MB each): enough for a few attempts, not free storage. Files
-- stay (nobody deletes through the API), so this is a lifetime cap per account.
create policy "Members upload birth date evidence into their own folder"
  on storage.objects for insert
  to authenticated
  with check (
    bucket_id = 'birth-date-evidence'
    and (storage.foldername(name))[1] = (select auth.uid())::text
    and (select private.my_birth_evidence_count()) < 10
  );

-- Same rules as before, plus: the evidence path must be the caller's own uploaded object.
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
  -- Another member's file (or a path never uploaded) would let a request point operators at a
  -- document the requester does not own.
  if v_path is not null and (split_part(v_path, '/', 1) <> v_uid::text
     or not exists (select 1 from storage.objects o where o.bucket_id = 'birth-date-evidence' and o.name = v_path)) then
    raise exception using errcode = '22023', message = 'evidence_not_found', hint = '找不到你上传的证明材料，请重新上传';
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

-- Service role (storage-sign function): may p_user_id read this evidence file? Only platform
-- operators, and only files that a correction request names (not every upload in the bucket).
create or replace function public.birth_date_evidence_sign_allowed(p_user_id uuid, p_path text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_user_id is null or p_path is null or p_path ~ '\.\.' then
    return false;
  end if;
  return exists (select 1 from private.platform_operators o where o.user_id = p_user_id)
     and exists (select 1 from private.birth_date_corrections c where c.evidence_path = p_path)
     and exists (select 1 from storage.objects o where o.bucket_id = 'birth-date-evidence' and o.name = p_path);
end;
$$;

revoke execute on function
  public.request_birth_date_correction(date, text, text), public.birth_date_evidence_sign_allowed(uuid, text)
from public, anon, authenticated;
grant execute on function public.request_birth_date_correction(date, text, text) to authenticated;
grant execute on function public.birth_date_evidence_sign_allowed(uuid, text) to service_role;
