-- =============================================================================
-- Notification delivery (issue 13, notification center)
-- One server-side way to notify: every notice inserted into public.notifications (by private.notify,
-- private.notify_admins or a bulk insert) gets, in the same transaction, one outbox row per external
-- channel its recipient should get it on (public.notification_deliveries). The notify-deliveries edge
-- function claims due rows, sends them through the SMS / WeChat subscribe message / WeCom adapters,
-- and reports back: sent, retry later (exponential backoff) or failed.
--
-- Who gets what:
--   * in-app: always (the notice itself);
--   * sms: members with a phone; on by default only for mandatory kinds (texts cost money and
--     interrupt), members may switch it on per kind;
--   * wechat_subscribe: members signed in with WeChat (an openid) who granted the kind's subscribe
--     template (wx.requestSubscribeMessage: one grant = one message); on by default;
--   * wecom: members signed in with WeCom (corpid:userid); on by default.
--   Mandatory kinds (notification_kinds.mandatory) ignore preferences and can't be switched off.
-- At most once: a claim moves a row from pending to sending under a lease (for update skip locked, so
-- concurrent workers never share a row); only the claim's holder can mark it, and a lease that ran
-- out without an answer is given up (failed, outcome unknown) rather than sent again.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Types
-- -----------------------------------------------------------------------------
create type public.notification_channel as enum ('sms', 'wechat_subscribe', 'wecom');
create type public.notification_delivery_status as enum ('pending', 'sending', 'sent', 'failed');

-- -----------------------------------------------------------------------------
-- Preferences: one row per member, kind and channel the member chose explicitly
-- -----------------------------------------------------------------------------
create table public.notification_preferences (
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null references public.notification_kinds (kind) on delete cascade,
  channel public.notification_channel not null,
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, kind, channel)
);
alter table public.notification_preferences enable row level security;
create index notification_preferences_kind_idx on public.notification_preferences (kind);
comment on table public.notification_preferences is
  'A member''s explicit channel choices per kind of notice. Written only by set_notification_preference().';

select private.readable_by_owner('public.notification_preferences', 'Members can read their own notification preferences');

-- A mandatory kind can't be switched off, whoever writes the row (the RPC refuses first, with a hint).
create or replace function private.refuse_muting_mandatory()
returns trigger language plpgsql set search_path = '' as $$
begin
  if not new.enabled and exists (select 1 from public.notification_kinds k where k.kind = new.kind and k.mandatory) then
    raise exception using errcode = '22023', message = 'notification_kind_mandatory', hint = '该类通知不可关闭';
  end if;
  return new;
end $$;

create trigger notification_preferences_mandatory before insert or update on public.notification_preferences
  for each row execute function private.refuse_muting_mandatory();

-- The default when a member made no choice: texts only for mandatory kinds (checked by the caller).
create or replace function private.notification_channel_default(p_channel public.notification_channel)
returns boolean language sql immutable set search_path = ''
as $$ select p_channel <> 'sms'; $$;

-- -----------------------------------------------------------------------------
-- WeChat subscribe messages: templates per kind, and the grants members gave
-- -----------------------------------------------------------------------------
-- Template ids come from the mini-program's subscribe-message library (公共模板库) of each deployment:
-- the seed sets local ones, a real project inserts its own. Several kinds may share one template.
-- `fields` maps each template keyword to what fills it: title, body, kind (its label) or time.
create table private.notification_templates (
  kind text primary key references public.notification_kinds (kind) on delete cascade,
  wechat_template_id text not null constraint notification_templates_id_format check (wechat_template_id ~ '^[A-Za-z0-9_-]{8,64}$'),
  fields jsonb not null default '{"thing1": "title", "thing2": "body", "time3": "time"}'::jsonb
);
revoke all on private.notification_templates from public, anon, authenticated;
create index notification_templates_template_idx on private.notification_templates (wechat_template_id);

-- A grant lets us send one message with that template (WeChat counts them the same way).
create table private.wechat_subscribe_grants (
  user_id uuid not null references auth.users (id) on delete cascade,
  template_id text not null,
  remaining integer not null default 0 constraint wechat_subscribe_grants_remaining_range check (remaining between 0 and 100),
  updated_at timestamptz not null default now(),
  primary key (user_id, template_id)
);
revoke all on private.wechat_subscribe_grants from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- The outbox
-- -----------------------------------------------------------------------------
create table public.notification_deliveries (
  id uuid primary key default gen_random_uuid(),
  notification_id uuid not null references public.notifications (id) on delete cascade,
  -- the recipient, copied from the notice so the read policy needs no join (no foreign key of its
  -- own: the row goes with its notice, which goes with the user, and a bulk notice skips one check per row)
  user_id uuid not null,
  channel public.notification_channel not null,
  status public.notification_delivery_status not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- the worker's claim: only its holder may mark the row, until the lease runs out
  claim_id uuid,
  claimed_until timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  constraint notification_deliveries_once unique (notification_id, channel),
  constraint notification_deliveries_sent_state check ((status = 'sent') = (sent_at is not null))
);
alter table public.notification_deliveries enable row level security;
create index notification_deliveries_user_id_idx on public.notification_deliveries (user_id);
create index notification_deliveries_due_idx on public.notification_deliveries (next_attempt_at) where status = 'pending';
create index notification_deliveries_leases_idx on public.notification_deliveries (claimed_until) where status = 'sending';
comment on table public.notification_deliveries is
  'One row per notice and external channel. Written by the enqueue trigger and the notify-deliveries function only.';

select private.readable_by_owner('public.notification_deliveries', 'Members can read the deliveries of their own notices');

-- -----------------------------------------------------------------------------
-- Enqueue: after every insert into public.notifications
-- -----------------------------------------------------------------------------
-- Statement level with a transition table: an agreement update notifies every consenter in one
-- insert, and this queues their texts in one insert too. Rows a dedup upsert refreshed are not in
-- `new_rows` (no second delivery for a refreshed unread notice).
create or replace function private.enqueue_notification_deliveries()
returns trigger language plpgsql security definer set search_path = '' as $$
declare r record;
begin
  -- sms and wecom: reachable (by key lookups per notice, never a scan of all users) and wanted
  insert into public.notification_deliveries (notification_id, user_id, channel)
  select n.id, n.user_id, c.channel
    from new_rows n
    join public.notification_kinds k on k.kind = n.kind
    join auth.users u on u.id = n.user_id
   cross join lateral (
          select 'sms'::public.notification_channel as channel where coalesce(u.phone, '') <> ''
          union all
          select 'wecom'::public.notification_channel
           where exists (select 1 from private.wechat_links l where l.user_id = n.user_id and l.provider = 'wecom')
        ) as c
    left join public.notification_preferences p on p.user_id = n.user_id and p.kind = n.kind and p.channel = c.channel
   where k.mandatory or coalesce(p.enabled, private.notification_channel_default(c.channel))
  on conflict (notification_id, channel) do nothing;

  -- wechat_subscribe: a WeChat sign-in, the kind's template, and a grant, spent here (one per message)
  for r in
    select n.id, n.user_id, t.wechat_template_id
      from new_rows n
      join public.notification_kinds k on k.kind = n.kind
      join private.notification_templates t on t.kind = n.kind
      left join public.notification_preferences p on p.user_id = n.user_id and p.kind = n.kind and p.channel = 'wechat_subscribe'
     where (k.mandatory or coalesce(p.enabled, private.notification_channel_default('wechat_subscribe')))
       and exists (select 1 from private.wechat_links l where l.provider = 'wechat' and l.user_id = n.user_id)
       and exists (select 1 from private.wechat_subscribe_grants g
                    where g.user_id = n.user_id and g.template_id = t.wechat_template_id and g.remaining > 0)
  loop
    update private.wechat_subscribe_grants g set remaining = g.remaining - 1, updated_at = now()
     where g.user_id = r.user_id and g.template_id = r.wechat_template_id and g.remaining > 0;
    if found then
      insert into public.notification_deliveries (notification_id, user_id, channel)
      values (r.id, r.user_id, 'wechat_subscribe')
      on conflict (notification_id, channel) do nothing;
    end if;
  end loop;
  return null;
end $$;

create trigger notifications_enqueue_deliveries
  after insert on public.notifications
  referencing new table as new_rows
  for each statement execute function private.enqueue_notification_deliveries();

-- -----------------------------------------------------------------------------
-- Reading notices
-- -----------------------------------------------------------------------------
-- Where a notice leads: the kind's registered target, or target_kind/target_id in its data.
create or replace function private.notification_target(p_kind text, p_data jsonb)
returns jsonb language sql stable set search_path = '' as $$
  select case
           when p_data ? 'target_kind' and p_data ? 'target_id'
             then jsonb_build_object('kind', p_data ->> 'target_kind', 'id', p_data ->> 'target_id')
           when k.target_kind is not null
             then jsonb_build_object('kind', k.target_kind, 'id', p_data ->> k.target_key)
         end
    from public.notification_kinds k where k.kind = p_kind;
$$;

-- Newest first, `p_limit` (1–100) notices created before `p_before` (null: now). Runs as the caller:
-- the notifications policy shows each member their own notices only.
create or replace function public.my_notifications(p_before timestamptz default null, p_limit integer default 20)
returns table (id uuid, kind text, label text, title text, body text, data jsonb, target jsonb,
               created_at timestamptz, read_at timestamptz)
language plpgsql stable security invoker set search_path = '' as $$
#variable_conflict use_column
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using errcode = '22023', message = 'limit_invalid', hint = '每次可加载 1–100 条通知';
  end if;
  return query
    select n.id, n.kind, k.label, n.title, n.body, n.data, private.notification_target(n.kind, n.data),
           n.created_at, n.read_at
      from public.notifications n
      join public.notification_kinds k on k.kind = n.kind
     where n.user_id = (select auth.uid()) and n.created_at < coalesce(p_before, 'infinity'::timestamptz)
     order by n.created_at desc, n.id desc
     limit p_limit;
end $$;

create or replace function public.my_unread_notification_count()
returns integer language sql stable security invoker set search_path = '' as $$
  select count(*)::integer from public.notifications n
   where n.user_id = (select auth.uid()) and n.read_at is null;
$$;

-- -----------------------------------------------------------------------------
-- Marking all read (definer body: members have no UPDATE on notifications)
-- -----------------------------------------------------------------------------
create or replace function private.mark_all_notifications_read()
returns integer language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_count integer;
begin
  -- An unread notice shares its dedup key with no other unread one; reading them all keeps that true.
  update public.notifications set read_at = now() where user_id = v_uid and read_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end $$;

-- -----------------------------------------------------------------------------
-- Settings
-- -----------------------------------------------------------------------------
-- Every kind with, per channel: enabled (the member's choice, else the default; always for mandatory
-- kinds), reachable (the member has a phone / WeChat sign-in / WeCom sign-in) and, for WeChat, the
-- template to ask a grant for and how many grants are left.
create or replace function private.my_notification_settings()
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_sms boolean;
  v_wechat boolean;
  v_wecom boolean;
begin
  select coalesce(u.phone, '') <> '' into v_sms from auth.users u where u.id = v_uid;
  v_wechat := exists (select 1 from private.wechat_links l where l.provider = 'wechat' and l.user_id = v_uid);
  v_wecom := exists (select 1 from private.wechat_links l where l.provider = 'wecom' and l.user_id = v_uid);
  return (
    select coalesce(json_agg(json_build_object(
             'kind', k.kind, 'label', k.label, 'domain', k.domain, 'mandatory', k.mandatory,
             'channels', (
               select json_agg(json_build_object(
                        'channel', c.channel,
                        'enabled', k.mandatory or coalesce(p.enabled, private.notification_channel_default(c.channel)),
                        'reachable', case c.channel when 'sms' then coalesce(v_sms, false)
                                                    when 'wechat_subscribe' then v_wechat and t.wechat_template_id is not null
                                                    else v_wecom end,
                        'template_id', case when c.channel = 'wechat_subscribe' then t.wechat_template_id end,
                        'grants', case when c.channel = 'wechat_subscribe' then coalesce(g.remaining, 0) end)
                        order by c.ord)
                 from unnest(enum_range(null::public.notification_channel)) with ordinality as c (channel, ord)
                 left join public.notification_preferences p on p.user_id = v_uid and p.kind = k.kind and p.channel = c.channel
                 left join private.notification_templates t on t.kind = k.kind
                 left join private.wechat_subscribe_grants g on g.user_id = v_uid and g.template_id = t.wechat_template_id)
           ) order by k.sort_order, k.kind), '[]'::json)
      from public.notification_kinds k
  );
end $$;

create or replace function private.set_notification_preference(p_kind text, p_channel text, p_enabled boolean)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_kind public.notification_kinds;
begin
  select * into v_kind from public.notification_kinds k where k.kind = p_kind;
  perform private.raise_if(not found, '22023', 'notification_kind_invalid', '没有这类通知');
  perform private.raise_if(p_channel is null or p_channel not in ('sms', 'wechat_subscribe', 'wecom'), '22023', 'notification_channel_invalid', '通知渠道无效');
  perform private.raise_if(p_enabled is null, '22023', 'enabled_invalid', '请选择开启或关闭');
  perform private.raise_if(v_kind.mandatory and not p_enabled, '22023', 'notification_kind_mandatory', '该类通知不可关闭');
  insert into public.notification_preferences as p (user_id, kind, channel, enabled)
  values (v_uid, p_kind, p_channel::public.notification_channel, p_enabled)
  on conflict (user_id, kind, channel) do update set enabled = excluded.enabled, updated_at = now();
  return json_build_object('kind', p_kind, 'channel', p_channel, 'enabled', p_enabled or v_kind.mandatory);
end $$;

-- The templates a member accepted in wx.requestSubscribeMessage: one more grant each (WeChat lets
-- a grant be spent on one message). Unknown templates are refused: the client asks only for ours.
create or replace function private.record_wechat_subscriptions(p_template_ids text[])
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := private.require_uid();
  v_ids text[];
begin
  perform private.raise_if(p_template_ids is null or cardinality(p_template_ids) = 0 or cardinality(p_template_ids) > 20, '22023', 'template_ids_invalid', '请选择 1–20 个订阅消息模板');
  select array_agg(distinct x) into v_ids from unnest(p_template_ids) x;
  if exists (select 1 from unnest(v_ids) x
              where x is null or not exists (select 1 from private.notification_templates t where t.wechat_template_id = x)) then
    raise exception using errcode = '22023', message = 'template_unknown', hint = '订阅消息模板无效，请更新小程序后重试';
  end if;
  insert into private.wechat_subscribe_grants as g (user_id, template_id, remaining)
  select v_uid, x, 1 from unnest(v_ids) x
  on conflict (user_id, template_id) do update set remaining = least(g.remaining + 1, 100), updated_at = now();
  return (select json_object_agg(g.template_id, g.remaining) from private.wechat_subscribe_grants g
           where g.user_id = v_uid and g.template_id = any (v_ids));
end $$;

-- -----------------------------------------------------------------------------
-- The worker's side (service role: the notify-deliveries function)
-- -----------------------------------------------------------------------------
-- Claims up to p_limit due deliveries for 5 minutes. Leases that ran out first become failed
-- (outcome unknown: the worker may have sent before it died, and a second send is worse than none).
-- Each claimed row comes with what the adapter needs: the address (E.164 phone, openid, or
-- corpid:userid), the notice, and for WeChat the template and its field mapping.
create or replace function private.notification_deliveries_claim(p_limit integer default 20)
returns table (id uuid, claim_id uuid, channel public.notification_channel, attempts integer, notification_id uuid,
               kind text, label text, title text, body text, created_at timestamptz, target jsonb,
               address text, template_id text, fields jsonb)
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  v_claim uuid := gen_random_uuid();
begin
  update public.notification_deliveries d
     set status = 'failed', claim_id = null, claimed_until = null, last_error = 'lease_expired: outcome unknown'
   where d.status = 'sending' and d.claimed_until < now();

  return query
    with claimed as (
      update public.notification_deliveries d
         set status = 'sending', claim_id = v_claim, claimed_until = now() + interval '5 minutes', attempts = d.attempts + 1
       where d.id in (select x.id from public.notification_deliveries x
                       where x.status = 'pending' and x.next_attempt_at <= now()
                       order by x.next_attempt_at
                       limit greatest(1, least(coalesce(p_limit, 20), 100))
                       for update skip locked)
      returning d.*
    )
    select c.id, c.claim_id, c.channel, c.attempts, n.id, n.kind, k.label, n.title, n.body, n.created_at,
           private.notification_target(n.kind, n.data),
           case c.channel
             when 'sms' then (select '+' || u.phone from auth.users u where u.id = c.user_id and coalesce(u.phone, '') <> '')
             when 'wechat_subscribe' then (select l.subject from private.wechat_links l where l.provider = 'wechat' and l.user_id = c.user_id)
             else (select l.subject from private.wechat_links l where l.provider = 'wecom' and l.user_id = c.user_id)
           end,
           t.wechat_template_id, t.fields
      from claimed c
      join public.notifications n on n.id = c.notification_id
      join public.notification_kinds k on k.kind = n.kind
      left join private.notification_templates t on t.kind = n.kind and c.channel = 'wechat_subscribe';
end $$;

-- The worker's answer for one claimed row: 'sent', 'retry' (the provider refused for now: again after
-- 30 s · 2^(attempts-1), at most 1 hour, up to 5 attempts) or 'failed' (never again). Only the claim's
-- holder, while the row is still `sending`, can mark it: true when it did. A WeChat "no grant"
-- refusal (wechat:43101) also clears the member's remaining grants of that template.
create or replace function private.notification_delivery_done(p_id uuid, p_claim_id uuid, p_result text, p_error text default null)
returns boolean language plpgsql security definer set search_path = '' as $$
declare v_row public.notification_deliveries;
begin
  perform private.raise_if(p_result is null or p_result not in ('sent', 'retry', 'failed'), '22023', 'result_invalid', '结果必须是 sent、retry 或 failed');
  update public.notification_deliveries d
     set status = case
                    when p_result = 'sent' then 'sent'
                    when p_result = 'retry' and d.attempts < 5 then 'pending'
                    else 'failed'
                  end::public.notification_delivery_status,
         sent_at = case when p_result = 'sent' then now() end,
         next_attempt_at = case when p_result = 'retry'
                                then now() + least(interval '30 seconds' * power(2, greatest(d.attempts - 1, 0)), interval '1 hour')
                                else d.next_attempt_at end,
         last_error = case when p_result = 'sent' then null else left(coalesce(p_error, p_result), 500) end,
         claim_id = null, claimed_until = null
   where d.id = p_id and d.claim_id = p_claim_id and d.status = 'sending'
  returning d.* into v_row;
  if not found then
    return false;
  end if;
  if v_row.channel = 'wechat_subscribe' and p_error = 'wechat:43101' then
    update private.wechat_subscribe_grants g set remaining = 0, updated_at = now()
     where g.user_id = v_row.user_id
       and g.template_id = (select t.wechat_template_id from private.notification_templates t
                             join public.notifications n on n.kind = t.kind where n.id = v_row.notification_id);
  end if;
  return true;
end $$;

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function
  private.refuse_muting_mandatory(), private.notification_channel_default(public.notification_channel),
  private.enqueue_notification_deliveries(), private.notification_target(text, jsonb),
  public.my_notifications(timestamptz, integer), public.my_unread_notification_count()
from public, anon, authenticated;

-- The invoker wrappers run as the caller, so the caller needs the definer bodies (and the helper
-- the invoker read uses) too: members, and the service role as for every member RPC.
grant execute on function
  private.notification_target(text, jsonb), public.my_notifications(timestamptz, integer),
  public.my_unread_notification_count()
to authenticated, service_role;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['mark_all_notifications_read', 'my_notification_settings',
  'set_notification_preference', 'record_wechat_subscriptions'], p_service =>
  array['notification_deliveries_claim', 'notification_delivery_done']);
