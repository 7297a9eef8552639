-- =============================================================================
-- The gate, cached per account.
--
-- Every tenant policy asks the identity gate once per statement. Computed from scratch it reads the
-- current agreement versions twice, the consents and the guardians: about 0.3 ms, which tripled the
-- cost of a 0.35 ms list query under RLS (bench/report.md). The answer only changes when one of its
-- inputs does, so it is stored on the account and recomputed by triggers on those inputs:
--   - the account's birth date or standing          → trigger on private.accounts
--   - the user's consents and guardian records      → triggers on public.consents / public.guardians
--   - agreement documents and versions              → statement triggers advance the gate epoch (an
--                                                      answer computed in an earlier epoch is ignored),
--                                                      then recompute the accounts nobody holds locked
--   - a version whose effective time arrives later  → the cached answer is ignored once a version has
--                                                      become effective after it was computed
--   - a 14th or 18th birthday                        → the cached answer is ignored from that date
-- When the cached answer is ignored, the gate is computed in full, as before; a stale cache can only
-- ever cost time, never let anyone through.
-- =============================================================================

alter table private.accounts
  add column gate_code text,
  add column gate_epoch bigint,
  add column gate_checked_at timestamptz,
  add column gate_valid_until date;

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

-- The full computation keeps its body; callers of private.gate_code get the cached answer below.
alter function private.gate_code(uuid) rename to gate_code_uncached;

-- The next date (Asia/Shanghai) on which the user's age band changes: 14th or 18th birthday.
create or replace function private.next_age_boundary(p_birth_date date)
returns date
language sql
stable
set search_path = ''
as $$
  select min(b)
    from (values ((p_birth_date + interval '14 years')::date), ((p_birth_date + interval '18 years')::date)) as t(b)
   where p_birth_date is not null and b > private.shanghai_today();
$$;

create or replace function private.refresh_gate(p_uid uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
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
end;
$$;

create or replace function private.gate_code(p_uid uuid default null)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := coalesce(p_uid, (select auth.uid()));
  v_code text;
  v_epoch bigint;
  v_checked_at timestamptz;
  v_valid_until date;
begin
  if v_uid is null then
    return 'not_authenticated';
  end if;
  select a.gate_code, a.gate_epoch, a.gate_checked_at, a.gate_valid_until
    into v_code, v_epoch, v_checked_at, v_valid_until
    from private.accounts a
   where a.user_id = v_uid;
  if v_checked_at is not null
     and v_epoch = (select e.epoch from private.gate_epoch e)
     and (v_valid_until is null or private.shanghai_today() < v_valid_until)
     and not exists (
       select 1 from public.agreement_versions v
        where v.effective_at > v_checked_at and v.effective_at <= now())
  then
    return v_code;
  end if;
  return private.gate_code_uncached(v_uid);
end;
$$;

-- -----------------------------------------------------------------------------
-- Triggers that keep the cached answer current
-- -----------------------------------------------------------------------------
create or replace function private.refresh_gate_of_row()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.refresh_gate(old.user_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.user_id is distinct from old.user_id) then
    perform private.refresh_gate(new.user_id);
  end if;
  return null;
end;
$$;

-- Recomputes every account nobody holds locked. Skipped rows (a consent being given right now)
-- stay behind the epoch and are computed in full until their own refresh; nobody waits on anybody.
create or replace function private.refresh_unlocked_gates()
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  update private.accounts a
     set gate_code = private.gate_code_uncached(a.user_id),
         gate_epoch = (select e.epoch from private.gate_epoch e),
         gate_checked_at = now(),
         gate_valid_until = private.next_age_boundary(a.birth_date)
   where a.user_id in (select l.user_id from private.accounts l for update skip locked);
$$;

create or replace function private.refresh_all_gates()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update private.gate_epoch set epoch = epoch + 1;
  perform private.refresh_unlocked_gates();
  return null;
end;
$$;

create trigger refresh_gate_on_account
  after insert or update of birth_date, status on private.accounts
  for each row execute function private.refresh_gate_of_row();

create trigger refresh_gate_on_consent
  after insert or update or delete on public.consents
  for each row execute function private.refresh_gate_of_row();

create trigger refresh_gate_on_guardian
  after insert or update or delete on public.guardians
  for each row execute function private.refresh_gate_of_row();

create trigger refresh_gates_on_agreement_version
  after insert or update or delete on public.agreement_versions
  for each statement execute function private.refresh_all_gates();

create trigger refresh_gates_on_agreement_document
  after insert or update or delete on public.agreement_documents
  for each statement execute function private.refresh_all_gates();

-- Accounts that exist already.
select private.refresh_unlocked_gates();

revoke execute on function
  private.gate_code(uuid), private.gate_code_uncached(uuid), private.refresh_gate(uuid), private.next_age_boundary(date),
  private.refresh_gate_of_row(), private.refresh_all_gates(), private.refresh_unlocked_gates()
  from public, anon, authenticated;
