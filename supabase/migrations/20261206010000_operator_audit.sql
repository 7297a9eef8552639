-- =============================================================================
-- Operator audit log (PRODUCT.md §10: every operator action is audited).
--
-- One append-only row per platform action: who, when, what, on which target, why, and the state
-- before and after. Functions write it through private.audit(); operators read it in the ops pages.
-- No client role may write it, and no role at all may change or delete a row (a trigger refuses
-- UPDATE and DELETE even for the table owner), so the log survives the accounts it names: the
-- operator and target ids are plain values, not foreign keys that would null them.
-- =============================================================================

create table public.operator_audit_log (
  id bigint generated always as identity primary key,
  operator_id uuid,
  action text not null constraint operator_audit_log_action_valid check (action ~ '^[a-z][a-z0-9_.]{1,62}$'),
  target_type text not null constraint operator_audit_log_target_type_valid check (target_type ~ '^[a-z][a-z0-9_]{1,31}$'),
  target_id text,
  reason text not null default '',
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
alter table public.operator_audit_log enable row level security;

create index operator_audit_log_created_idx on public.operator_audit_log (created_at desc);
create index operator_audit_log_target_idx on public.operator_audit_log (target_type, target_id, created_at desc);
create index operator_audit_log_operator_idx on public.operator_audit_log (operator_id, created_at desc);

revoke all on public.operator_audit_log from anon, authenticated;
grant select on public.operator_audit_log to authenticated;

create policy "Platform operators can read the audit log"
  on public.operator_audit_log for select
  to authenticated
  using ((select private.is_platform_operator()));

create or replace function private.refuse_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'audit_log_append_only', hint = '审计日志只能追加，不能修改或删除';
end;
$$;

create trigger operator_audit_log_append_only
  before update or delete on public.operator_audit_log
  for each row execute function private.refuse_audit_change();

create trigger operator_audit_log_no_truncate
  before truncate on public.operator_audit_log
  for each statement execute function private.refuse_audit_change();

-- Records one platform action by the caller (auth.uid()); p_operator_id overrides it for actions
-- taken by a function on an operator's behalf. Returns the row's id.
create or replace function private.audit(
  p_action text, p_target_type text, p_target_id text, p_reason text,
  p_before jsonb default null, p_after jsonb default null, p_operator_id uuid default null
)
returns bigint
language sql
security definer
set search_path = ''
as $$
  insert into public.operator_audit_log (operator_id, action, target_type, target_id, reason, before, after)
  values (coalesce(p_operator_id, (select auth.uid())), p_action, p_target_type, p_target_id,
          coalesce(btrim(p_reason), ''), p_before, p_after)
  returning id;
$$;
revoke all on function private.audit(text, text, text, text, jsonb, jsonb, uuid) from public, anon, authenticated;
