-- =============================================================================
-- Knowledge-base governance (issue 14): what happens to a member's content when the membership
-- ends (LX 2.1.2), optional approval before publishing per space, page owners and review dates,
-- storage usage per space.
--
-- Former members (LX 2.1.2)
--   An enterprise sets one rule (admins, `set_member_content_rule`): `keep` leaves what the member
--   owned or wrote where it is under a 「前成员」 author — their name is shown to the enterprise's
--   admins only — or `transfer` hands it to a chosen manager (an admin or content manager). The rule
--   is applied by a trigger when the membership row goes, so it holds whatever ends it: leaving,
--   removal, account cancellation (the membership cascades from auth.users). It covers the
--   knowledge base (pages and files they own or created, their member grants) and the community
--   (posts and comments: `author_name` becomes 「前成员」, or the manager's name with the manager as
--   author). `former_members` keeps who left, when and how, readable by admins.
--
-- Approval before publishing
--   A space manager turns `approval_required` on for a space. An editor's save (kb_submit_page)
--   then becomes a pending review (kb_page_reviews) that readers never see: the page, its plain
--   text, search terms and versions stay those of the last published save. Managers of the node
--   are notified, see it in kb_pending_reviews, approve (it is published as a version authored by
--   the editor) or reject with a reason; the editor is notified either way. Managers' own saves
--   publish directly. A trigger on kb_page_versions refuses any other way for a non-manager to
--   publish in such a space (kb_save_page, kb_restore_version called directly).
--
-- Owners and review dates
--   Every node has an owner (the creator unless a manager changes it) and pages may carry a review
--   date (复查日期). Pages past it are listed for their owners (kb_stale_pages) and the daily job
--   (kb_run_jobs) notifies each owner once per due date. 「已复查」 (kb_mark_reviewed) sets the next.
--
-- Errors as in 20261212010000_kb.sql: 42501 → 403, 22023 → 400 (also ids the caller may not see),
-- P0001 → 400 (a rule refused); `message` = English code, `hint` = Chinese text.
-- =============================================================================
set check_function_bodies = off;

-- -----------------------------------------------------------------------------
-- 1. Columns and tables
-- -----------------------------------------------------------------------------
alter table public.kb_nodes
  add column owner_id uuid references auth.users (id) on delete set null,
  -- pages: the date by which the owner should check the page again (Asia/Shanghai calendar day)
  add column review_due date,
  add column reviewed_at timestamptz,
  -- the due date the owner was last reminded of (one notice per due date)
  add column review_notified_for date,
  -- spaces: an editor's save waits for a manager's approval before readers see it
  add column approval_required boolean not null default false;
create index kb_nodes_owner_idx on public.kb_nodes (owner_id, review_due);
create index kb_nodes_review_due_idx on public.kb_nodes (review_due) where review_due is not null and deleted_at is null;

create table public.member_content_rules (
  enterprise_id uuid primary key references public.enterprises (id) on delete cascade,
  rule text not null default 'keep' constraint member_content_rules_rule_valid check (rule in ('keep', 'transfer')),
  transfer_to uuid references auth.users (id) on delete set null,
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
alter table public.member_content_rules enable row level security;
comment on table public.member_content_rules is 'LX 2.1.2: what happens to a leaving member''s content (keep under 前成员, or transfer to a manager). Written only by set_member_content_rule.';
create index member_content_rules_transfer_to_idx on public.member_content_rules (transfer_to);
create index member_content_rules_updated_by_idx on public.member_content_rules (updated_by);

-- No foreign key to auth.users: the record outlives a cancelled account (with 已注销用户 as name).
create table public.former_members (
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  user_id uuid not null,
  display_name text not null default '',
  ended text not null constraint former_members_ended_valid check (ended in ('left', 'removed', 'cancelled')),
  rule_applied text not null constraint former_members_rule_valid check (rule_applied in ('keep', 'transfer')),
  transferred_to uuid references auth.users (id) on delete set null,
  left_at timestamptz not null default now(),
  primary key (enterprise_id, user_id)
);
alter table public.former_members enable row level security;
comment on table public.former_members is 'Members whose membership ended, with the content rule applied. Admins read; written only by the membership trigger.';
create index former_members_transferred_to_idx on public.former_members (transferred_to);

create table public.kb_page_reviews (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null,
  node_id uuid not null,
  -- the published version the editor started from
  base_version integer not null default 0,
  title text not null constraint kb_page_reviews_title_length check (char_length(title) between 1 and 100),
  delta jsonb not null,
  body_text text not null default '',
  author_id uuid references auth.users (id) on delete set null,
  status text not null default 'pending' constraint kb_page_reviews_status_valid check (status in ('pending', 'approved', 'rejected')),
  reason text not null default '' constraint kb_page_reviews_reason_length check (char_length(reason) <= 200),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  published_version integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kb_page_reviews_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade
);
alter table public.kb_page_reviews enable row level security;
comment on table public.kb_page_reviews is 'Saves waiting for a manager (spaces with approval). Readers never see them. Written only by kb_submit_page / kb_review_page.';
-- one open review per page and editor: saving again replaces the draft
create unique index kb_page_reviews_one_pending on public.kb_page_reviews (node_id, author_id) where status = 'pending';
create index kb_page_reviews_enterprise_node_idx on public.kb_page_reviews (enterprise_id, node_id);
create index kb_page_reviews_node_idx on public.kb_page_reviews (node_id, status);
create index kb_page_reviews_author_idx on public.kb_page_reviews (author_id);
create index kb_page_reviews_decided_by_idx on public.kb_page_reviews (decided_by);

revoke all on public.member_content_rules, public.former_members, public.kb_page_reviews from anon, authenticated;
grant select on public.member_content_rules, public.former_members, public.kb_page_reviews to authenticated;

select private.refuse_writes_when_inactive('public.kb_page_reviews');

insert into public.notification_kinds (kind, domain, mandatory, label, sort_order, target_kind, target_key) values
  ('kb_review_requested', 'kb', false, '知识库待审核', 210, 'kb_review', 'review_id'),
  ('kb_review_decided',   'kb', false, '知识库审核结果', 220, 'kb_page', 'node_id'),
  ('kb_review_due',       'kb', false, '知识库复查提醒', 230, 'kb_page', 'node_id');
update public.notification_kinds set target_kind = 'kb_page', target_key = 'node_id' where kind = 'kb_comment' and target_kind is null;

-- -----------------------------------------------------------------------------
-- 2. Owners: the creator unless given
-- -----------------------------------------------------------------------------
create or replace function private.kb_default_owner()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  new.owner_id := coalesce(new.owner_id, new.created_by);
  return new;
end $$;
create trigger kb_nodes_default_owner before insert on public.kb_nodes
  for each row execute function private.kb_default_owner();

-- -----------------------------------------------------------------------------
-- 3. Former members (LX 2.1.2)
-- -----------------------------------------------------------------------------
-- A person's name as the caller may see it in an enterprise: the member's name; for someone who
-- left, 「前成员」 — with the name for the enterprise's admins.
create or replace function private.kb_person_name(p_enterprise_id uuid, p_user_id uuid)
returns text language plpgsql stable security definer set search_path = '' as $$
declare
  v_name text;
begin
  if p_user_id is null then
    return '前成员';
  end if;
  select coalesce(nullif(btrim(m.display_name), ''), '成员') into v_name
    from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  if found then
    return v_name;
  end if;
  if private.is_admin(p_enterprise_id) then
    select nullif(btrim(f.display_name), '') into v_name
      from public.former_members f where f.enterprise_id = p_enterprise_id and f.user_id = p_user_id;
    return '前成员' || coalesce('（' || v_name || '）', '');
  end if;
  return '前成员';
end $$;

-- The membership is gone (leave, removal, account cancellation): record it and apply the
-- enterprise's content rule to the knowledge base and the community.
create or replace function private.member_content_apply(p_enterprise_id uuid, p_user_id uuid, p_display_name text, p_ended text)
returns void language plpgsql security definer set search_path = '' as $$
declare
  v_rule public.member_content_rules;
  v_target uuid;
  v_target_name text;
  v_status_change text := current_setting('zx.enterprise_status_change', true);
begin
  select * into v_rule from public.member_content_rules r where r.enterprise_id = p_enterprise_id;
  if v_rule.rule = 'transfer' and v_rule.transfer_to is distinct from p_user_id then
    select m.user_id, coalesce(nullif(btrim(m.display_name), ''), '成员') into v_target, v_target_name
      from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = v_rule.transfer_to;
  end if;
  -- what leaving winds down is allowed in a suspended enterprise too (as community_member_left does)
  perform set_config('zx.enterprise_status_change', 'on', true);
  insert into public.former_members (enterprise_id, user_id, display_name, ended, rule_applied, transferred_to)
  values (p_enterprise_id, p_user_id, case when p_ended = 'cancelled' then '已注销用户' else coalesce(p_display_name, '') end,
          p_ended, case when v_target is null then 'keep' else 'transfer' end, v_target)
  on conflict (enterprise_id, user_id) do update
    set display_name = excluded.display_name, ended = excluded.ended, rule_applied = excluded.rule_applied,
        transferred_to = excluded.transferred_to, left_at = now();
  if v_target is not null then
    update public.kb_nodes n set owner_id = v_target
     where n.enterprise_id = p_enterprise_id and n.owner_id = p_user_id;
    update public.kb_nodes n set created_by = v_target
     where n.enterprise_id = p_enterprise_id and n.created_by = p_user_id;
    -- the leaver's grants become the manager's (the higher role where the manager has one already)
    insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, created_by)
    select g.enterprise_id, g.node_id, g.role, 'member', v_target, g.created_by
      from public.kb_grants g where g.enterprise_id = p_enterprise_id and g.user_id = p_user_id
    on conflict on constraint kb_grants_one_per_grantee do update
      set role = case when array_position(array['viewer', 'downloader', 'editor', 'manager'], excluded.role)
                           > array_position(array['viewer', 'downloader', 'editor', 'manager'], public.kb_grants.role)
                      then excluded.role else public.kb_grants.role end;
    delete from public.kb_grants g where g.enterprise_id = p_enterprise_id and g.user_id = p_user_id;
    update public.community_posts p set author_id = v_target, author_name = v_target_name
     where p.enterprise_id = p_enterprise_id and p.author_id = p_user_id;
    update public.community_comments c set author_id = v_target, author_name = v_target_name
     where c.enterprise_id = p_enterprise_id and c.author_id = p_user_id;
  else
    update public.community_posts p set author_name = '前成员'
     where p.enterprise_id = p_enterprise_id and p.author_id = p_user_id;
    update public.community_comments c set author_name = '前成员'
     where c.enterprise_id = p_enterprise_id and c.author_id = p_user_id;
  end if;
  -- a manager chosen to receive content who leaves can't receive any more
  update public.member_content_rules r set transfer_to = null
   where r.enterprise_id = p_enterprise_id and r.transfer_to = p_user_id;
  perform set_config('zx.enterprise_status_change', coalesce(v_status_change, ''), true);
end $$;

-- Leaving and removal: after the membership row goes. An account being deleted was handled
-- before its row went (below); an enterprise being deleted keeps nothing.
create or replace function private.member_content_exit()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.enterprises e where e.id = old.enterprise_id)
     and exists (select 1 from auth.users u where u.id = old.user_id) then
    perform private.member_content_apply(old.enterprise_id, old.user_id, old.display_name,
                                         case when auth.uid() = old.user_id then 'left' else 'removed' end);
  end if;
  return old;
end $$;

-- Account cancellation: before auth.users loses the row (its content's author columns are set null
-- by the foreign keys, the membership goes by cascade), every membership is ended by the rule.
create or replace function private.member_content_account_deleted()
returns trigger language plpgsql security definer set search_path = '' as $$
declare
  v_m record;
begin
  for v_m in select m.enterprise_id, m.display_name from public.enterprise_members m where m.user_id = old.id loop
    perform private.member_content_apply(v_m.enterprise_id, old.id, v_m.display_name, 'cancelled');
  end loop;
  return old;
end $$;
create trigger member_content_account_deleted before delete on auth.users
  for each row execute function private.member_content_account_deleted();

create trigger member_content_exit after delete on public.enterprise_members
  for each row execute function private.member_content_exit();

-- Joining again: no longer a former member (their name shows again).
create or replace function private.member_content_rejoin()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  delete from public.former_members f where f.enterprise_id = new.enterprise_id and f.user_id = new.user_id;
  return new;
end $$;
create trigger member_content_rejoin after insert on public.enterprise_members
  for each row execute function private.member_content_rejoin();

-- Admins: the rule, the manager it transfers to, and who left.
create or replace function private.member_content_rule(p_enterprise_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare
  v_rule public.member_content_rules;
begin
  perform private.assert_admin(p_enterprise_id);
  select * into v_rule from public.member_content_rules r where r.enterprise_id = p_enterprise_id;
  return json_build_object(
    'rule', coalesce(v_rule.rule, 'keep'),
    'transfer_to', v_rule.transfer_to,
    'transfer_to_name', (select nullif(btrim(m.display_name), '') from public.enterprise_members m
                          where m.enterprise_id = p_enterprise_id and m.user_id = v_rule.transfer_to),
    'managers', coalesce((
      select json_agg(json_build_object('user_id', m.user_id, 'name', coalesce(nullif(btrim(m.display_name), ''), '成员'))
                      order by m.role, m.joined_at)
        from public.enterprise_members m
       where m.enterprise_id = p_enterprise_id and (m.role = 'admin' or 'content' = any (m.scopes))), '[]'::json),
    'former_members', coalesce((
      select json_agg(json_build_object('user_id', f.user_id, 'name', f.display_name, 'ended', f.ended, 'rule_applied', f.rule_applied,
                                        'left_at', f.left_at) order by f.left_at desc)
        from (select * from public.former_members x where x.enterprise_id = p_enterprise_id order by x.left_at desc limit 100) f), '[]'::json));
end $$;

create or replace function private.set_member_content_rule(p_enterprise_id uuid, p_rule text, p_transfer_to uuid default null)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform private.assert_admin(p_enterprise_id);
  perform private.assert_not_restricted();
  perform private.assert_enterprise_writable(p_enterprise_id);
  perform private.raise_if(p_rule is null or p_rule not in ('keep', 'transfer'), '22023', 'content_rule_invalid', '请选择保留为前成员或转交给管理者');
  perform private.raise_if(p_rule = 'transfer' and (p_transfer_to is null or not exists (
    select 1 from public.enterprise_members m
    where m.enterprise_id = p_enterprise_id and m.user_id = p_transfer_to and (m.role = 'admin' or 'content' = any (m.scopes)))), '22023', 'content_transfer_target_invalid', '请选择一位管理员或内容管理员接收内容');
  insert into public.member_content_rules (enterprise_id, rule, transfer_to, updated_by, updated_at)
  values (p_enterprise_id, p_rule, case when p_rule = 'transfer' then p_transfer_to end, auth.uid(), now())
  on conflict (enterprise_id) do update
    set rule = excluded.rule, transfer_to = excluded.transfer_to, updated_by = excluded.updated_by, updated_at = now();
end $$;

-- -----------------------------------------------------------------------------
-- 4. Approval before publishing
-- -----------------------------------------------------------------------------
-- Who manages a node (to notify them): admins and content managers of the enterprise, and members a
-- manager grant on its acl node names (directly, by department or a parent department, everyone).
create or replace function private.kb_node_manager_ids(p_node_id uuid)
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
declare
  v_node public.kb_nodes;
begin
  select * into v_node from public.kb_nodes n where n.id = p_node_id;
  if not found then
    return;
  end if;
  return query
    with recursive grant_depts as (
      select g.department_id as id from public.kb_grants g
       where g.node_id = v_node.acl_node_id and g.role = 'manager' and g.grantee_kind = 'department'
      union
      select d.id from public.departments d join grant_depts p on d.parent_id = p.id
    )
    select distinct m.user_id from public.enterprise_members m
      join public.enterprises e on e.id = m.enterprise_id
     where m.enterprise_id = v_node.enterprise_id
       and (m.role = 'admin'
            or ('content' = any (m.scopes) and exists (select 1 from public.edition_features f where f.edition = e.edition and f.feature = 'manager_roles'))
            or exists (select 1 from public.kb_grants g where g.node_id = v_node.acl_node_id and g.role = 'manager'
                        and (g.grantee_kind = 'everyone' or g.user_id = m.user_id))
            or m.department_id in (select gd.id from grant_depts gd))
     limit 200;
end $$;

-- Non-managers publish nothing in a space with approval except through a manager's approval.
create or replace function private.kb_versions_approval_guard()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  perform private.raise_if(auth.uid() is not null
    and exists (select 1 from public.kb_nodes n join public.kb_nodes s on s.id = n.space_id
    where n.id = new.node_id and s.approval_required)
    and private.kb_rank(new.node_id) < 4, 'P0001', 'kb_approval_required', '该空间的修改需经管理者审核后发布，请提交审核');
  return new;
end $$;
create trigger kb_page_versions_approval_guard before insert on public.kb_page_versions
  for each row execute function private.kb_versions_approval_guard();

-- Whether an editor's change to this node waits for a manager: a page in a space with approval, and
-- a caller who doesn't manage it.
create or replace function private.kb_needs_approval(p_node public.kb_nodes)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return p_node.kind = 'page'
     and coalesce((select s.approval_required from public.kb_nodes s where s.id = p_node.space_id), false)
     and private.kb_rank(p_node.id) < 4;
end $$;

-- Keeps an editor's change as their pending review of the page, replacing their earlier draft, and
-- tells the page's managers of a new one. p_title null keeps the draft's title (or the published
-- one); p_delta null (a rename) keeps the draft's body (or the published one) and its base version.
create or replace function private.kb_hold_for_review(p_node public.kb_nodes, p_title text, p_delta jsonb, p_base_version integer)
returns json language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := auth.uid();
  v_current integer;
  v_published jsonb;
  v_id uuid;
  v_title text;
  v_manager uuid;
begin
  select c.version_no, c.delta into v_current, v_published from public.kb_page_contents c where c.node_id = p_node.id;
  perform private.raise_if(p_base_version is not null and p_base_version <> coalesce(v_current, 0), 'P0001', 'kb_version_conflict', '页面已被他人更新，请刷新后再保存');
  update public.kb_page_reviews r
     set title = coalesce(p_title, r.title), delta = coalesce(p_delta, r.delta),
         body_text = case when p_delta is null then r.body_text else left(private.kb_delta_text(p_delta), 100000) end,
         base_version = case when p_delta is null then r.base_version else coalesce(v_current, 0) end, updated_at = now()
   where r.node_id = p_node.id and r.author_id = v_uid and r.status = 'pending'
  returning r.id, r.title into v_id, v_title;
  if v_id is null then
    v_title := coalesce(p_title, p_node.title);
    v_published := coalesce(p_delta, v_published, '{"ops": []}'::jsonb);
    insert into public.kb_page_reviews (enterprise_id, node_id, base_version, title, delta, body_text, author_id)
    values (p_node.enterprise_id, p_node.id, coalesce(v_current, 0), v_title, v_published, left(private.kb_delta_text(v_published), 100000), v_uid)
    returning id into v_id;
    for v_manager in select x from private.kb_node_manager_ids(p_node.id) x where x <> v_uid loop
      perform private.notify(v_manager, 'kb_review_requested', '有页面修改待审核',
                             private.kb_person_name(p_node.enterprise_id, v_uid) || ' 修改了「' || left(v_title, 40) || '」',
                             jsonb_build_object('review_id', v_id, 'node_id', p_node.id, 'enterprise_id', p_node.enterprise_id));
    end loop;
  end if;
  return json_build_object('published', false, 'version_no', coalesce(v_current, 0), 'review_id', v_id);
end $$;

-- The editor's save: published at once (no approval in the space, or a manager saving), or kept as
-- a pending review that replaces the editor's earlier draft of the page.
create or replace function private.kb_submit_page(p_node_id uuid, p_delta jsonb, p_title text default null, p_base_version integer default null)
returns json language plpgsql security definer set search_path = '' as $$
declare
  v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 3::smallint);
begin
  if not private.kb_needs_approval(v_node) then
    return json_build_object('published', true, 'version_no', private.kb_save_page(p_node_id, p_delta, p_title, p_base_version), 'review_id', null);
  end if;
  perform private.kb_assert_delta(p_delta);
  return private.kb_hold_for_review(v_node, case when p_title is not null then private.kb_clean_title(p_title) end, p_delta, p_base_version);
end $$;

-- Managers of the page: approve (published as a version by its editor) or reject with a reason.
create or replace function private.kb_review_page(p_review_id uuid, p_approve boolean, p_reason text default '')
returns json language plpgsql security definer set search_path = '' as $$
declare
  v_review public.kb_page_reviews;
  v_node public.kb_nodes;
  v_reason text := btrim(coalesce(p_reason, ''));
  v_no integer;
begin
  perform private.assert_cleared(); -- the gate speaks before any lookup
  select * into v_review from public.kb_page_reviews r where r.id = p_review_id;
  perform private.raise_if(not found or private.kb_rank(v_review.node_id) < 1, '22023', 'kb_review_not_found', '找不到该审核');
  v_node := private.kb_node_for(v_review.node_id, 4::smallint);
  perform private.assert_not_restricted();
  perform private.raise_if(p_approve is null, '22023', 'kb_flag_invalid', '请选择通过或驳回');
  perform private.raise_if(v_review.status <> 'pending', 'P0001', 'kb_review_decided', '该修改已经审核过了');
  perform private.raise_if(not p_approve and (char_length(v_reason) < 1 or char_length(v_reason) > 200), '22023', 'kb_review_reason_invalid', '请填写 1–200 个字的驳回原因');
  perform private.raise_if(char_length(v_reason) > 200, '22023', 'kb_review_reason_invalid', '请填写 1–200 个字的驳回原因');
  if p_approve then
    v_no := private.kb_save_page(v_review.node_id, v_review.delta, v_review.title, null);
    -- the editor wrote it: history and "updated by" name them, not the approving manager
    update public.kb_page_versions v set author_id = v_review.author_id where v_review.author_id is not null and v.node_id = v_review.node_id and v.version_no = v_no;
    update public.kb_page_contents c set updated_by = v_review.author_id where v_review.author_id is not null and c.node_id = v_review.node_id;
    update public.kb_nodes n set updated_by = v_review.author_id where v_review.author_id is not null and n.id = v_review.node_id;
  end if;
  update public.kb_page_reviews r
     set status = case when p_approve then 'approved' else 'rejected' end, reason = v_reason,
         decided_by = auth.uid(), decided_at = now(), published_version = v_no, updated_at = now()
   where r.id = v_review.id;
  if v_review.author_id is not null and v_review.author_id <> auth.uid() then
    perform private.notify(v_review.author_id, 'kb_review_decided',
                           case when p_approve then '你的修改已通过审核' else '你的修改未通过审核' end,
                           '「' || left(v_review.title, 40) || '」' || case when p_approve then '已发布' else '：' || v_reason end,
                           jsonb_build_object('node_id', v_review.node_id, 'review_id', v_review.id, 'enterprise_id', v_review.enterprise_id));
  end if;
  return json_build_object('status', case when p_approve then 'approved' else 'rejected' end, 'version_no', v_no);
end $$;

-- 待审核: the pending saves the caller may decide, oldest first.
create or replace function private.kb_pending_reviews(p_enterprise_id uuid)
returns table (review_id uuid, node_id uuid, title text, page_title text, space_title text, author_name text,
               base_version integer, current_version integer, created_at timestamptz, updated_at timestamptz)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  return query
    select r.id, r.node_id, r.title, n.title, s.title, private.kb_person_name(r.enterprise_id, r.author_id),
           r.base_version, c.version_no, r.created_at, r.updated_at
      from public.kb_page_reviews r
      join public.kb_nodes n on n.id = r.node_id and n.deleted_at is null
      join public.kb_nodes s on s.id = n.space_id
      left join public.kb_page_contents c on c.node_id = r.node_id
     where r.enterprise_id = p_enterprise_id and r.status = 'pending' and private.kb_rank(r.node_id) >= 4
     order by r.created_at
     limit 100;
end $$;

-- -----------------------------------------------------------------------------
-- 5. Owners and review dates
-- -----------------------------------------------------------------------------
-- A page's governance: owner, review date, the space's approval switch, the caller's open review
-- and the latest decision on it. Readers of the node.
create or replace function private.kb_page_governance(p_node_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare
  v_node public.kb_nodes := private.kb_node_for(p_node_id, 1::smallint);
  v_rank smallint := private.kb_rank(p_node_id);
  v_mine public.kb_page_reviews;
begin
  select * into v_mine from public.kb_page_reviews r
   where r.node_id = v_node.id and r.author_id = auth.uid() order by (r.status = 'pending') desc, r.updated_at desc limit 1;
  return json_build_object(
    'node_id', v_node.id,
    'owner_id', v_node.owner_id,
    'owner_name', private.kb_person_name(v_node.enterprise_id, v_node.owner_id),
    'updated_by_name', case when v_node.updated_by is not null then private.kb_person_name(v_node.enterprise_id, v_node.updated_by) end,
    'review_due', v_node.review_due,
    'reviewed_at', v_node.reviewed_at,
    'stale', v_node.review_due is not null and v_node.review_due <= private.shanghai_today(),
    'approval_required', coalesce((select s.approval_required from public.kb_nodes s where s.id = v_node.space_id), false),
    'can_manage', v_rank >= 4,
    'can_review_date', v_rank >= 4 or (v_rank >= 3 and v_node.owner_id = auth.uid()),
    'pending_count', case when v_rank >= 4 then (select count(*) from public.kb_page_reviews r where r.node_id = v_node.id and r.status = 'pending') else 0 end,
    'my_review', case when v_mine.id is null then null else json_build_object(
      'id', v_mine.id, 'status', v_mine.status, 'reason', v_mine.reason, 'updated_at', v_mine.updated_at) end);
end $$;

create or replace function private.kb_set_page_owner(p_node_id uuid, p_owner_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare
  v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 4::smallint);
begin
  perform private.assert_member_of(v_node.enterprise_id, p_owner_id);
  update public.kb_nodes set owner_id = p_owner_id, review_notified_for = null where id = v_node.id;
end $$;

-- A page's review date is the owner's (with editor rights) or a manager's to change: the node once
-- the caller is one of them.
create or replace function private.kb_node_for_review(p_node_id uuid)
returns public.kb_nodes language plpgsql security definer set search_path = '' as $$
declare
  v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 3::smallint);
begin
  perform private.raise_if(private.kb_rank(v_node.id) < 4 and v_node.owner_id is distinct from auth.uid(), '42501', 'kb_forbidden', '只有页面负责人或管理者可以设置复查日期');
  return v_node;
end $$;

-- The review date (null: none). Today at the earliest, five years ahead at the latest.
create or replace function private.kb_set_review_date(p_node_id uuid, p_due date)
returns void language plpgsql security definer set search_path = '' as $$
declare
  v_node public.kb_nodes := private.kb_node_for_review(p_node_id);
begin
  perform private.raise_if(v_node.kind not in ('page', 'file'), 'P0001', 'kb_not_a_page', '只有页面和文件可以设置复查日期');
  perform private.raise_if(p_due is not null and (p_due < private.shanghai_today() or p_due > private.shanghai_today() + 1826), '22023', 'kb_review_date_invalid', '复查日期须在今天到五年之内');
  update public.kb_nodes set review_due = p_due, review_notified_for = null where id = v_node.id;
end $$;

-- 「已复查」: the owner or a manager checked the page; the next review date (default: 90 days on).
create or replace function private.kb_mark_reviewed(p_node_id uuid, p_next date default null)
returns date language plpgsql security definer set search_path = '' as $$
declare
  v_node public.kb_nodes := private.kb_node_for_review(p_node_id);
  v_next date := coalesce(p_next, private.shanghai_today() + 90);
begin
  perform private.raise_if(v_next <= private.shanghai_today() or v_next > private.shanghai_today() + 1826, '22023', 'kb_review_date_invalid', '下次复查日期须在明天到五年之内');
  update public.kb_nodes set review_due = v_next, reviewed_at = now(), review_notified_for = null where id = v_node.id;
  return v_next;
end $$;

-- 待复查: the caller's own pages past their review date that they can still read.
create or replace function private.kb_stale_pages(p_enterprise_id uuid)
returns table (node_id uuid, kind text, title text, space_id uuid, review_due date)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  return query
    select n.id, n.kind, n.title, n.space_id, n.review_due
      from public.kb_nodes n
     where n.owner_id = auth.uid() and n.enterprise_id = p_enterprise_id and n.deleted_at is null
       and n.review_due <= private.shanghai_today() and private.kb_rank(n.id) >= 1
     order by n.review_due, n.title
     limit 100;
end $$;

-- The daily job (hosted: pg_cron; locally tools/local-stack/jobs.ts): one notice per owner, page
-- and due date, to owners still in the enterprise, in normal enterprises.
create or replace function private.kb_run_jobs()
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
  v_row record;
  v_count integer := 0;
begin
  for v_row in
    update public.kb_nodes n set review_notified_for = n.review_due
      from public.enterprises e
     where e.id = n.enterprise_id and e.status = 'normal' and n.deleted_at is null
       and n.review_due is not null and n.review_due <= private.shanghai_today()
       and n.review_notified_for is distinct from n.review_due
       and exists (select 1 from public.enterprise_members m where m.enterprise_id = n.enterprise_id and m.user_id = n.owner_id)
    returning n.id, n.enterprise_id, n.owner_id, n.title, n.review_due
  loop
    perform private.notify(v_row.owner_id, 'kb_review_due', '有页面需要复查',
                           '「' || left(v_row.title, 40) || '」的复查日期是 ' || to_char(v_row.review_due, 'YYYY-MM-DD'),
                           jsonb_build_object('node_id', v_row.id, 'enterprise_id', v_row.enterprise_id));
    v_count := v_count + 1;
  end loop;
  return jsonb_build_object('review_reminders', v_count);
end $$;

-- -----------------------------------------------------------------------------
-- 6. Storage usage per space (admins and content managers)
-- -----------------------------------------------------------------------------
create or replace function private.kb_storage_by_space(p_enterprise_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  perform private.raise_if(not (p_enterprise_id = any (private.kb_manager_enterprise_ids())), '42501', 'kb_forbidden', '只有管理员或内容管理员可以查看存储用量');
  return jsonb_build_object(
    'used', private.kb_storage_used(p_enterprise_id),
    'quota', private.kb_storage_quota(p_enterprise_id),
    'spaces', coalesce((
      select jsonb_agg(jsonb_build_object('space_id', s.id, 'title', s.title, 'bytes', coalesce(u.bytes, 0)) order by coalesce(u.bytes, 0) desc, s.sort_order)
        from public.kb_nodes s
        left join (
          select n.space_id, sum(coalesce((o.metadata->>'size')::bigint, 0))::bigint as bytes
            from storage.objects o
            join public.kb_nodes n on n.id::text = split_part(o.name, '/', 2) and n.enterprise_id = p_enterprise_id
           where o.bucket_id = 'kb' and o.name like p_enterprise_id::text || '/%'
           group by n.space_id) u on u.space_id = s.id
       where s.enterprise_id = p_enterprise_id and s.kind = 'space' and s.deleted_at is null), '[]'::jsonb));
end $$;

-- -----------------------------------------------------------------------------
-- 7. Policies
-- -----------------------------------------------------------------------------
create policy "Admins read their enterprise's member content rule"
  on public.member_content_rules for select to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()));

create policy "Admins read their enterprise's former members"
  on public.former_members for select to authenticated
  using (enterprise_id in (select private.my_admin_enterprise_ids()));

-- The editor's own drafts, and the managers of the page (nobody else: not readers, not other editors)
create policy "Authors and managers of a page read its pending saves"
  on public.kb_page_reviews for select to authenticated
  using (
    author_id = (select auth.uid())
    or enterprise_id = any ((select private.kb_manager_enterprise_ids())::uuid[])
    or exists (select 1 from public.kb_nodes n where n.id = node_id and n.acl_node_id = any ((select private.kb_acl_ids(4::smallint))::uuid[]))
  );

-- -----------------------------------------------------------------------------
-- 8. The API: public invoker wrappers and execute rights (private.expose_rpcs)
-- -----------------------------------------------------------------------------
select private.expose_rpcs(array['member_content_rule', 'set_member_content_rule', 'kb_submit_page',
  'kb_review_page', 'kb_pending_reviews', 'kb_page_governance', 'kb_set_page_owner', 'kb_set_review_date', 'kb_mark_reviewed',
  'kb_stale_pages', 'kb_storage_by_space'], p_service => array['kb_run_jobs']);

-- triggers and helpers the bodies call, as their owner
revoke all on function
  private.kb_default_owner(), private.kb_person_name(uuid, uuid), private.member_content_exit(), private.member_content_rejoin(),
  private.member_content_apply(uuid, uuid, text, text), private.member_content_account_deleted(),
  private.kb_node_manager_ids(uuid), private.kb_versions_approval_guard(),
  private.kb_node_for_review(uuid), private.kb_needs_approval(public.kb_nodes),
  private.kb_hold_for_review(public.kb_nodes, text, jsonb, integer)
  from public, anon, authenticated, service_role;
