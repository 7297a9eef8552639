-- =============================================================================
-- Notification kinds: a registry instead of a CHECK list
-- Every module (knowledge base, community, training, ...) registers the kinds of notice it sends
-- with one insert in its own migration, instead of re-creating a CHECK constraint that lists all
-- of them. The registry also carries what members may turn off: notices about agreements and
-- account actions are mandatory (PRODUCT.md §8, LX 5.1.5), others can be muted per channel.
-- =============================================================================
create table public.notification_kinds (
  kind text primary key constraint notification_kinds_kind_format check (kind ~ '^[a-z][a-z0-9_]{2,60}$'),
  domain text not null constraint notification_kinds_domain_format check (domain ~ '^[a-z][a-z0-9_]{1,40}$'),
  -- mandatory kinds are always delivered in the app and can't be muted
  mandatory boolean not null default false,
  label text not null constraint notification_kinds_label_length check (char_length(btrim(label)) between 1 and 30),
  sort_order integer not null default 0
);
alter table public.notification_kinds enable row level security;
comment on table public.notification_kinds is 'Kinds of notice a member can receive. Written only by migrations.';

revoke all on public.notification_kinds from anon, authenticated;
grant select on public.notification_kinds to anon, authenticated;

create policy "Anyone can read the notification kinds"
  on public.notification_kinds for select
  to anon, authenticated
  using (true);

insert into public.notification_kinds (kind, domain, mandatory, label, sort_order) values
  ('agreement_updated',        'identity',   true,  '协议更新',     10),
  ('account_action',           'identity',   true,  '账号处理',     20),
  ('account_report',           'identity',   false, '举报处理结果', 30),
  ('enterprise_join_request',  'enterprise', false, '加入申请',     40),
  ('enterprise_membership',    'enterprise', false, '成员变动',     50),
  ('enterprise_qualification', 'enterprise', false, '企业认证',     60),
  ('enterprise_status',        'enterprise', true,  '企业状态',     70),
  ('enterprise_cancellation',  'enterprise', true,  '企业注销',     80);

alter table public.notifications drop constraint notifications_kind_valid;
alter table public.notifications add constraint notifications_kind_fk
  foreign key (kind) references public.notification_kinds (kind);
create index notifications_kind_idx on public.notifications (kind);
