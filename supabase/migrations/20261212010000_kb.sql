-- =============================================================================
-- Knowledge base (知识库, issue 14): spaces, a node tree (folders, pages, files), page versions,
-- trash, per-node grants with inheritance, reading signals (reads, favourites, likes, comments),
-- Chinese search, and the `kb` Storage bucket.
--
-- The tree
--   Every space is a node of kind 'space' (its `space_kind`: enterprise-wide, team or private) and
--   the root of its tree; folders, pages and files hang below it. `path` is the materialised path
--   (ancestor ids, root first, the node itself last) with a GIN index: a subtree is
--   `path @> array[x]`, the ancestors are the path itself.
--
-- Rights (LeXiang's roles: manager > editor > downloader > viewer; ranks 4..1)
--   A node either sets grants (`sets_grants`; every space does) or inherits them. `acl_node_id` is
--   the nearest ancestor-or-self node that sets grants, kept up to date by every RPC that changes
--   the tree or the grants. A member's rank on a node = the highest grant on its acl node that
--   names the member, a department the member is in (a grant to a department covers its
--   sub-departments) or everyone in the enterprise. Setting grants on a node stops inheritance
--   there; "inherit again" drops the node's own grants. The content-manager scope (and admins)
--   manage the whole knowledge base of their enterprise, private spaces included.
--   private.kb_my_grants() is the one place that decides which grants apply to the caller. Its
--   answer is resolved once per kb_* request into the request context (kb_load_context, called by
--   hooks.begin_request), and the policies take it once per statement as an array (an InitPlan).
--   `read_key` folds the common case in: a node whose acl node grants everyone carries its
--   enterprise id, so the caller's key set is their enterprises plus the acl nodes that name
--   them or their departments.
--
-- Reads go through RLS everywhere: nodes, page contents, versions, comments, the caller's own
-- reads/favourites/likes, grants (managers only) and Storage objects. Counters are given only by
-- kb_open_page(), after the rights check. Writes are RPCs (POST): private security definer bodies
-- behind public security invoker wrappers of the same name.
--
-- Rich text: pages store the Quill Delta (`{"ops": [...]}`) that both the mini-program <editor>
-- and Quill 2 produce, plus the plain text derived from it (for search and snippets).
--
-- Errors: 42501 → 403 (rights), 22023 → 400 (bad input; also an id the caller may not see:
-- `kb_node_not_found`, so ids of hidden nodes are neither confirmed nor changed), P0001 → 400 (a
-- rule refused the change). `message` = stable English code, `hint` = Chinese text.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------
create table public.kb_nodes (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  space_id uuid not null,
  parent_id uuid,
  kind text not null constraint kb_nodes_kind_valid check (kind in ('space', 'folder', 'page', 'file')),
  space_kind text constraint kb_nodes_space_kind_valid check (space_kind in ('enterprise', 'team', 'private')),
  title text not null constraint kb_nodes_title_length check (char_length(btrim(title)) between 1 and 100),
  description text not null default '' constraint kb_nodes_description_length check (char_length(description) <= 500),
  path uuid[] not null,
  acl_node_id uuid not null,
  -- who may read it, in one key: the enterprise id when its acl node grants everyone at least
  -- viewer, the acl node otherwise (private.kb_read_keys() lists the caller's keys)
  read_key uuid not null,
  sets_grants boolean not null default false,
  sort_order integer not null default 0,
  comments_enabled boolean not null default true,
  -- spaces: pages and previews carry a watermark with the viewer's name, phone tail and the time
  watermark boolean not null default false,
  -- files: the object in bucket `kb` (`<enterprise_id>/<node_id>/<name>`), its type and size
  file_path text constraint kb_nodes_file_path_format check (file_path is null or file_path ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}/[^/]{1,200}$'),
  file_mime text not null default '' constraint kb_nodes_file_mime_length check (char_length(file_mime) <= 100),
  file_size bigint not null default 0 constraint kb_nodes_file_size_range check (file_size >= 0),
  -- pages: the plain text of the current Delta (search, snippets); the Delta itself is in kb_page_contents
  body_text text not null default '',
  search_grams text[] not null default '{}',
  title_grams text[] not null default '{}',
  created_by uuid references auth.users (id) on delete set null,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- trash: the trashed node and its whole subtree carry the time and the trashed root
  deleted_at timestamptz,
  deleted_by uuid,
  deleted_root_id uuid,
  constraint kb_nodes_enterprise_id_unique unique (enterprise_id, id),
  constraint kb_nodes_parent_fk foreign key (enterprise_id, parent_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade,
  constraint kb_nodes_space_fk foreign key (enterprise_id, space_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade,
  constraint kb_nodes_root_is_space check ((kind = 'space') = (parent_id is null)),
  constraint kb_nodes_space_kind_only_on_spaces check ((kind = 'space') = (space_kind is not null)),
  constraint kb_nodes_space_sets_grants check (kind <> 'space' or sets_grants),
  constraint kb_nodes_path_ends_with_self check (path[cardinality(path)] = id and cardinality(path) between 1 and 20)
);
alter table public.kb_nodes enable row level security;
comment on table public.kb_nodes is 'Knowledge-base tree: spaces, folders, pages, files. Written only through kb_* RPCs.';
create index kb_nodes_parent_idx on public.kb_nodes (enterprise_id, parent_id, sort_order);
create index kb_nodes_space_idx on public.kb_nodes (enterprise_id, space_id);
create index kb_nodes_acl_idx on public.kb_nodes (acl_node_id);
create index kb_nodes_read_key_idx on public.kb_nodes (read_key);
create index kb_nodes_path_idx on public.kb_nodes using gin (path);
create index kb_nodes_search_idx on public.kb_nodes using gin (search_grams);
create index kb_nodes_title_search_idx on public.kb_nodes using gin (title_grams);
-- search walks an enterprise's nodes newest first when a term is common (it stops after 20 hits)
create index kb_nodes_recent_idx on public.kb_nodes (enterprise_id, updated_at desc);
create index kb_nodes_created_by_idx on public.kb_nodes (created_by);
create index kb_nodes_deleted_idx on public.kb_nodes (deleted_at) where deleted_at is not null;
create index kb_nodes_spaces_idx on public.kb_nodes (enterprise_id, kind) where kind = 'space';

create table public.kb_grants (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  node_id uuid not null,
  role text not null constraint kb_grants_role_valid check (role in ('viewer', 'downloader', 'editor', 'manager')),
  grantee_kind text not null constraint kb_grants_grantee_kind_valid check (grantee_kind in ('member', 'department', 'everyone')),
  user_id uuid references auth.users (id) on delete cascade,
  department_id uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint kb_grants_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade,
  constraint kb_grants_department_fk foreign key (enterprise_id, department_id)
    references public.departments (enterprise_id, id) on delete cascade,
  constraint kb_grants_grantee_shape check (
    (grantee_kind = 'member' and user_id is not null and department_id is null)
    or (grantee_kind = 'department' and department_id is not null and user_id is null)
    or (grantee_kind = 'everyone' and user_id is null and department_id is null)),
  constraint kb_grants_one_per_grantee unique nulls not distinct (node_id, grantee_kind, user_id, department_id)
);
alter table public.kb_grants enable row level security;
create index kb_grants_node_idx on public.kb_grants (node_id);
create index kb_grants_enterprise_node_idx on public.kb_grants (enterprise_id, node_id);
create index kb_grants_everyone_idx on public.kb_grants (enterprise_id) where grantee_kind = 'everyone';
create index kb_grants_user_idx on public.kb_grants (user_id) where user_id is not null;
create index kb_grants_department_idx on public.kb_grants (enterprise_id, department_id);
create index kb_grants_created_by_idx on public.kb_grants (created_by);

create table public.kb_page_contents (
  node_id uuid primary key,
  enterprise_id uuid not null,
  delta jsonb not null default '{"ops": []}'::jsonb,
  version_no integer not null default 0,
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  constraint kb_page_contents_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade
);
alter table public.kb_page_contents enable row level security;
create index kb_page_contents_enterprise_node_idx on public.kb_page_contents (enterprise_id, node_id);
create index kb_page_contents_updated_by_idx on public.kb_page_contents (updated_by);

create table public.kb_page_versions (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null,
  node_id uuid not null,
  version_no integer not null constraint kb_page_versions_version_no_positive check (version_no > 0),
  title text not null,
  delta jsonb not null,
  body_text text not null default '',
  author_id uuid references auth.users (id) on delete set null,
  restored_from integer,
  created_at timestamptz not null default now(),
  constraint kb_page_versions_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade,
  constraint kb_page_versions_unique unique (node_id, version_no)
);
alter table public.kb_page_versions enable row level security;
create index kb_page_versions_enterprise_node_idx on public.kb_page_versions (enterprise_id, node_id);
create index kb_page_versions_author_idx on public.kb_page_versions (author_id);

-- One row per reader and node: unique read counts, "recently viewed".
create table public.kb_reads (
  node_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null,
  first_read_at timestamptz not null default now(),
  last_read_at timestamptz not null default now(),
  read_count integer not null default 1,
  primary key (node_id, user_id),
  constraint kb_reads_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade
);
alter table public.kb_reads enable row level security;
create index kb_reads_user_idx on public.kb_reads (user_id, last_read_at desc);
create index kb_reads_enterprise_node_idx on public.kb_reads (enterprise_id, node_id);

-- Favourites (收藏) and likes (点赞): one row per reader, node and kind.
create table public.kb_marks (
  node_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null,
  kind text not null constraint kb_marks_kind_valid check (kind in ('favorite', 'like')),
  created_at timestamptz not null default now(),
  primary key (node_id, kind, user_id),
  constraint kb_marks_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade
);
alter table public.kb_marks enable row level security;
create index kb_marks_user_idx on public.kb_marks (user_id, kind, created_at desc);
create index kb_marks_enterprise_node_idx on public.kb_marks (enterprise_id, node_id);

create table public.kb_comments (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null,
  node_id uuid not null,
  author_id uuid references auth.users (id) on delete set null,
  body text not null constraint kb_comments_body_length check (char_length(btrim(body)) between 1 and 1000),
  created_at timestamptz not null default now(),
  constraint kb_comments_node_fk foreign key (enterprise_id, node_id)
    references public.kb_nodes (enterprise_id, id) on delete cascade
);
alter table public.kb_comments enable row level security;
create index kb_comments_node_idx on public.kb_comments (node_id, created_at);
create index kb_comments_enterprise_node_idx on public.kb_comments (enterprise_id, node_id);
create index kb_comments_author_idx on public.kb_comments (author_id);

revoke all on public.kb_nodes, public.kb_grants, public.kb_page_contents, public.kb_page_versions,
  public.kb_reads, public.kb_marks, public.kb_comments from anon, authenticated;
grant select on public.kb_nodes, public.kb_grants, public.kb_page_contents, public.kb_page_versions,
  public.kb_reads, public.kb_marks, public.kb_comments to authenticated;

-- Suspended / closed enterprises: nothing of theirs is written (reads are recorded only in normal ones).
select private.refuse_writes_when_inactive(
  'public.kb_nodes', 'public.kb_grants', 'public.kb_page_contents', 'public.kb_comments'
);

insert into public.notification_kinds (kind, domain, mandatory, label, sort_order) values
  ('kb_comment', 'kb', false, '知识库评论', 200);

-- -----------------------------------------------------------------------------
-- Rights: which grants apply to the caller (the one place that decides it)
-- -----------------------------------------------------------------------------
-- (acl node, highest rank, named specifically) for every grant naming the caller — directly,
-- through a department the caller is in or one of its parent departments, or as everyone — in the
-- caller's cleared, not closed enterprises. A removed member matches nothing: the membership row is
-- gone. `specific`: a member or department grant names the caller there (not only "everyone").
-- This computes; the helpers below answer from the request context when it holds the answer.
-- p_specific: only the grants naming the caller by member or department (the read keys' part).
create or replace function private.kb_my_grants(p_acl_node_id uuid default null, p_specific boolean default false)
returns table (node_id uuid, rank smallint, specific boolean)
language plpgsql stable security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_ents uuid[];
  v_depts uuid[];
begin
  if v_uid is null then
    return;
  end if;
  -- in steps, so each grant lookup is an index scan on known values (one query over CTEs let the
  -- planner guess a hundred departments and scan every grant)
  select coalesce(array_agg(m.enterprise_id), '{}'), coalesce(array_agg(m.department_id) filter (where m.department_id is not null), '{}')
    into v_ents, v_depts
    from public.enterprise_members m
    join public.enterprises e on e.id = m.enterprise_id and e.status <> 'closed'
   where m.user_id = v_uid and m.enterprise_id in (select private.my_enterprise_ids());
  if cardinality(v_ents) = 0 then
    return;
  end if;
  if cardinality(v_depts) > 0 then
    with recursive up as (
      select d.id, d.parent_id from public.departments d where d.id = any (v_depts)
      union
      select p.id, p.parent_id from public.departments p join up c on p.id = c.parent_id
    )
    select array_agg(up.id) into v_depts from up;
  end if;
  if p_acl_node_id is not null then
    -- one acl node (a page being opened): its few grants by the node index, whatever plan is cached
    return query
      select g.node_id, max(case g.role when 'viewer' then 1 when 'downloader' then 2 when 'editor' then 3 else 4 end)::smallint,
             bool_or(g.grantee_kind <> 'everyone')
        from public.kb_grants g
       where g.node_id = p_acl_node_id and g.enterprise_id = any (v_ents)
         and (g.grantee_kind = 'everyone' or g.user_id = v_uid or g.department_id = any (v_depts))
         and (not p_specific or g.grantee_kind <> 'everyone')
       group by g.node_id;
    return;
  end if;
  return query
    select h.node_id,
           max(case h.role when 'viewer' then 1 when 'downloader' then 2 when 'editor' then 3 else 4 end)::smallint,
           bool_or(h.specific)
      from (
        select g.node_id, g.role, false as specific from public.kb_grants g
         where g.grantee_kind = 'everyone' and g.enterprise_id = any (v_ents) and not p_specific
        union all
        select g.node_id, g.role, true from public.kb_grants g
         where g.user_id = v_uid and g.enterprise_id = any (v_ents)
        union all
        select g.node_id, g.role, true from public.kb_grants g
         where g.enterprise_id = any (v_ents) and g.department_id = any (v_depts)
      ) h
     group by h.node_id;
end $$;

-- Enterprises whose whole knowledge base the caller manages (admins, and the content scope where
-- the edition has manager roles: private.has_scope). Closed enterprises are excluded. Computes (see
-- kb_my_grants).
create or replace function private.kb_managed_enterprise_ids()
returns setof uuid language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select x from private.my_enterprise_ids() x
     where private.has_scope(x, 'content')
       and not exists (select 1 from public.enterprises e where e.id = x and e.status = 'closed');
end $$;

-- -----------------------------------------------------------------------------
-- The knowledge-base request context: the caller's rights, resolved once per request
-- -----------------------------------------------------------------------------
-- A knowledge-base request reads kb_nodes several times (search: candidates, then the rows; a page:
-- its node, content, counters), and every read needs the caller's grants — a walk over memberships,
-- department parents and grants that costs more than the reads themselves. hooks.begin_request()
-- resolves them once, for requests to kb_* endpoints, into transaction-local settings beside the
-- platform's request context (20261201010000_platform.sql); the helpers below answer from there.
-- Safe as the platform's context is: transaction-local; used only while the platform's context
-- stands for the same auth.uid() (a change of membership, account or agreements drops it); any
-- change to grants, departments or enterprises in this transaction drops it too (statement
-- triggers below); without it the helpers compute as before.
--   zx.ctx_kb_uid      the caller the entries were made for
--   zx.ctx_kb_keys     read keys: cleared, not closed enterprises + acl nodes named specifically
--   zx.ctx_kb_managed  enterprises whose knowledge base the caller manages
-- It holds no list of every acl node the caller may read with its rank: at 1M nodes (32,000 in one
-- enterprise) that was 2,010 nodes, 74 KB of text made at each request and parsed again at each
-- rank check, 12 ms of the hook and most of opening a page (bench/notes/full-1m.md). A rank on one
-- node is two index lookups (kb_grant_rank); the read keys (565 there) stay.
create or replace function private.kb_load_context()
returns void language plpgsql volatile security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_specific uuid[];
begin
  perform set_config('zx.ctx_kb_uid', '', true);
  if v_uid is null or current_setting('zx.ctx_uid', true) is distinct from v_uid::text then
    return;
  end if;
  select coalesce(array_agg(g.node_id), '{}') into v_specific from private.kb_my_grants(null, true) g;
  perform set_config('zx.ctx_kb_keys', (array(
    select x from private.my_enterprise_ids() x
     where not exists (select 1 from public.enterprises e where e.id = x and e.status = 'closed')) || v_specific)::text, true);
  perform set_config('zx.ctx_kb_managed', array(select private.kb_managed_enterprise_ids())::text, true);
  perform set_config('zx.ctx_kb_uid', v_uid::text, true);
end $$;

-- Whether the kb context answers for the caller now; loads it when the platform's context stands
-- but the kb part was not made (a request outside kb_* paths, or dropped by a change).
create or replace function private.kb_context_ready()
returns boolean language plpgsql stable security definer set search_path = '' as $$
declare v_uid text := auth.uid()::text;
begin
  if v_uid is null or current_setting('zx.ctx_uid', true) is distinct from v_uid then
    return false;
  end if;
  if current_setting('zx.ctx_kb_uid', true) is distinct from v_uid then
    perform private.kb_load_context();
  end if;
  return current_setting('zx.ctx_kb_uid', true) = v_uid;
end $$;

-- What the kb context is made of changed in this transaction: answer from the tables again. The kb
-- part is used only while the platform's context stands, so dropping that one drops both
-- (memberships already drop it: 20261201060000_enterprises.sql).
create trigger kb_forget_context_on_grants after insert or update or delete or truncate on public.kb_grants
  for each statement execute function private.forget_request_context();
create trigger kb_forget_context_on_departments after insert or update or delete or truncate on public.departments
  for each statement execute function private.forget_request_context();
create trigger kb_forget_context_on_enterprises after insert or update or delete or truncate on public.enterprises
  for each statement execute function private.forget_request_context();

-- Policy helpers return arrays, taken once per statement as an InitPlan (`= any ((select …))`): a
-- set-returning helper was unnested and hashed on every statement, which cost more than a folder
-- listing itself once a member's grants run into the hundreds. kb_nodes has no index on read_key
-- or on a list of enterprises the planner could turn the array into, so it stays a filter.

-- Enterprises whose whole knowledge base the caller manages (policy helper).
create or replace function private.kb_manager_enterprise_ids()
returns uuid[] language plpgsql stable security definer set search_path = '' as $$
declare v_uid text := auth.uid()::text;
begin
  -- the common case inline (a nested PL/pgSQL call costs as much as the rest of this helper)
  if current_setting('zx.ctx_kb_uid', true) = v_uid and current_setting('zx.ctx_uid', true) = v_uid or private.kb_context_ready() then
    return current_setting('zx.ctx_kb_managed')::uuid[];
  end if;
  return array(select private.kb_managed_enterprise_ids());
end $$;

-- The acl nodes on which the caller holds at least the given rank (policy helper of kb_grants:
-- the permission editor's reads). Computed: the request context no longer lists every acl node.
create or replace function private.kb_acl_ids(p_min smallint)
returns uuid[] language plpgsql stable security definer set search_path = '' as $$
begin
  return array(select g.node_id from private.kb_my_grants(null) g where g.rank >= p_min);
end $$;

-- The caller's read keys (policy helper): their cleared, not closed enterprises first (nodes
-- everyone there may read: most of them, matched early) and the acl nodes whose member or
-- department grants name them.
create or replace function private.kb_read_keys()
returns uuid[] language plpgsql stable security definer set search_path = '' as $$
declare v_uid text := auth.uid()::text;
begin
  if current_setting('zx.ctx_kb_uid', true) = v_uid and current_setting('zx.ctx_uid', true) = v_uid or private.kb_context_ready() then
    return current_setting('zx.ctx_kb_keys')::uuid[];
  end if;
  return array(
    select x from private.my_enterprise_ids() x
     where not exists (select 1 from public.enterprises e where e.id = x and e.status = 'closed'))
    || array(select g.node_id from private.kb_my_grants(null, true) g);
end $$;

-- The caller's highest rank from the grants on one acl node (0: none).
create or replace function private.kb_grant_rank(p_acl_node_id uuid)
returns smallint language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce((select g.rank from private.kb_my_grants(p_acl_node_id) g), 0);
end $$;

-- The caller's rank on one node: 0 none … 4 manager. Trashed nodes: managers of the enterprise,
-- or managers of the node, only.
create or replace function private.kb_rank(p_node_id uuid)
returns smallint language plpgsql stable security definer set search_path = '' as $$
declare v_node record;
  v_rank smallint;
begin
  select n.enterprise_id, n.acl_node_id, n.deleted_at into v_node from public.kb_nodes n where n.id = p_node_id;
  if not found then
    return 0;
  end if;
  if v_node.enterprise_id = any (private.kb_manager_enterprise_ids()) then
    return 4;
  end if;
  v_rank := private.kb_grant_rank(v_node.acl_node_id);
  if v_node.deleted_at is not null and v_rank < 4 then
    return 0;
  end if;
  return v_rank;
end $$;

-- The node with the caller's rank, refusing below p_min. A node the caller can't see at all is
-- "not found" (22023), so ids of hidden nodes are never confirmed; one the caller sees but may not
-- change is 42501.
create or replace function private.kb_node_for(p_node_id uuid, p_min smallint, p_allow_deleted boolean default false)
returns public.kb_nodes language plpgsql stable security definer set search_path = '' as $$
declare v_node public.kb_nodes;
  v_rank smallint;
begin
  perform private.assert_cleared();
  select * into v_node from public.kb_nodes n where n.id = p_node_id;
  v_rank := case when found then private.kb_rank(p_node_id) else 0 end;
  perform private.raise_if(v_rank = 0 or (v_node.deleted_at is not null and not p_allow_deleted), '22023', 'kb_node_not_found', '找不到该内容，或你没有查看权限');
  if v_rank < p_min then
    raise exception using errcode = '42501', message = 'kb_forbidden',
      hint = case p_min when 2 then '你没有下载权限' when 3 then '你没有编辑权限' else '你没有管理权限' end;
  end if;
  return v_node;
end $$;

-- The node a write changes: kb_node_for's checks, then the caller not restricted and the enterprise
-- writable (the guard sequence the changing RPCs start with).
create or replace function private.kb_node_to_change(p_node_id uuid, p_min smallint)
returns public.kb_nodes language plpgsql stable security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, p_min);
begin
  perform private.assert_not_restricted();
  perform private.assert_enterprise_writable(v_node.enterprise_id);
  return v_node;
end $$;

-- Storage objects of bucket `kb` are `<enterprise_id>/<node_id>/<name>`: readable with viewer rights
-- on a page (its images) and downloader rights on a file (editor rights on a PDF while its space's
-- watermark is on: downloaders get it stamped through kb-pdf); written with editor rights.
create or replace function private.kb_object_allowed(p_name text, p_min smallint)
returns boolean language plpgsql stable security definer set search_path = '' as $$
declare v_parts text[] := string_to_array(coalesce(p_name, ''), '/');
  v_node public.kb_nodes;
  v_need smallint;
begin
  if cardinality(v_parts) <> 3 or v_parts[1] !~ '^[0-9a-f-]{36}$' or v_parts[2] !~ '^[0-9a-f-]{36}$' then
    return false;
  end if;
  select * into v_node from public.kb_nodes n
   where n.id = v_parts[2]::uuid and n.enterprise_id = v_parts[1]::uuid and n.deleted_at is null and n.kind in ('page', 'file');
  if not found then
    return false;
  end if;
  -- files are read by their downloaders; a PDF in a space with the watermark on only by its
  -- editors and managers (who may replace it anyway): everyone else gets it stamped through kb-pdf
  v_need := case when v_node.kind <> 'file' or p_min >= 3 then p_min
                 when v_node.file_mime = 'application/pdf'
                      and (select s.watermark from public.kb_nodes s where s.id = v_node.space_id) then 3
                 else greatest(p_min, 2) end;
  return private.kb_rank(v_node.id) >= v_need;
end $$;

-- -----------------------------------------------------------------------------
-- Search terms: CJK unigrams + bigrams, Latin/digit word prefixes (1..12 characters)
-- -----------------------------------------------------------------------------
create or replace function private.kb_grams(p_text text)
returns text[] language sql immutable strict parallel safe set search_path = '' as $$
  select coalesce(array_agg(distinct g), '{}') from (
    select substr(r.m[1], i, 1) as g
      from regexp_matches(lower(p_text), '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') as r(m),
           generate_series(1, char_length(r.m[1])) as i
    union all
    select substr(r.m[1], i, 2)
      from regexp_matches(lower(p_text), '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') as r(m),
           generate_series(1, char_length(r.m[1]) - 1) as i
    union all
    select substr(w.m[1], 1, k)
      from regexp_matches(lower(p_text), '([a-z0-9]+)', 'g') as w(m),
           generate_series(1, least(12, char_length(w.m[1]))) as k
  ) t
$$;

-- The fewest terms that imply a query's text (what search asks the index for): a single CJK character
-- itself, a longer CJK run its bigrams (its unigrams are implied), a Latin word its prefix of at most
-- 12. Fewer, uncorrelated terms also keep the planner's row estimate honest.
create or replace function private.kb_query_grams(p_text text)
returns text[] language sql immutable strict parallel safe set search_path = '' as $$
  select coalesce(array_agg(distinct g), '{}') from (
    select case when char_length(r.m[1]) = 1 then r.m[1] else substr(r.m[1], i, 2) end as g
      from regexp_matches(lower(p_text), '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)', 'g') as r(m),
           generate_series(1, greatest(char_length(r.m[1]) - 1, 1)) as i
    union all
    select substr(w.m[1], 1, 12) from regexp_matches(lower(p_text), '([a-z0-9]+)', 'g') as w(m)
  ) t
$$;

-- The plain text of a Quill Delta: the string inserts in order (embeds such as images count as a space).
create or replace function private.kb_delta_text(p_delta jsonb)
returns text language sql immutable set search_path = '' as $$
  select coalesce(string_agg(case when jsonb_typeof(op -> 'insert') = 'string' then op ->> 'insert' else ' ' end, '' order by ord), '')
    from jsonb_array_elements(case when jsonb_typeof(p_delta -> 'ops') = 'array' then p_delta -> 'ops' else '[]'::jsonb end)
         with ordinality as o(op, ord)
$$;

-- A Delta as the editors produce it: {"ops": [...]} of insert ops (text, or an image / video embed)
-- with optional attributes; at most 2,000 ops and 200 KB. Anything else is refused, not stored.
create or replace function private.kb_assert_delta(p_delta jsonb)
returns void language plpgsql immutable set search_path = '' as $$
begin
  perform private.raise_if(p_delta is null or jsonb_typeof(p_delta) <> 'object' or coalesce(jsonb_typeof(p_delta -> 'ops'), '') <> 'array', '22023', 'kb_delta_invalid', '页面内容格式不正确');
  if jsonb_array_length(p_delta -> 'ops') > 2000 or octet_length(p_delta::text) > 204800
     or exists (
       select 1 from jsonb_array_elements(p_delta -> 'ops') op
        where case
                when jsonb_typeof(op) <> 'object' or not (op ? 'insert') then true
                when exists (select 1 from jsonb_object_keys(op) k where k not in ('insert', 'attributes')) then true
                when op ? 'attributes' and jsonb_typeof(op -> 'attributes') <> 'object' then true
                when jsonb_typeof(op -> 'insert') = 'string' then false
                -- embeds: exactly one of image / video, given as a string (the renderers check the URL)
                when jsonb_typeof(op -> 'insert') = 'object' then
                  (select count(*) from jsonb_object_keys(op -> 'insert')) <> 1
                  or not (op -> 'insert' ? 'image' or op -> 'insert' ? 'video')
                  or coalesce(jsonb_typeof(coalesce(op -> 'insert' -> 'image', op -> 'insert' -> 'video')), '') <> 'string'
                else true
              end)
  then
    raise exception using errcode = '22023', message = 'kb_delta_invalid', hint = '页面内容格式不正确';
  end if;
end $$;

create or replace function private.kb_clean_title(p_title text)
returns text language plpgsql immutable set search_path = '' as $$
declare v text := btrim(coalesce(p_title, ''));
begin
  perform private.raise_if(char_length(v) < 1 or char_length(v) > 100 or v ~ '[[:cntrl:]/\\]', '22023', 'kb_title_invalid', '标题须为 1–100 个字符，不能包含斜杠');
  return v;
end $$;

-- Recomputes the search terms of a node from its title and (pages) body, plus one term naming the
-- enterprise ('@<id>'), so a search is a single GIN lookup (the enterprise's posting list intersected
-- with the query's) instead of a per-row array check over every node of the enterprise.
create or replace function private.kb_reindex(p_node_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  update public.kb_nodes n
     set search_grams = private.kb_grams(n.title || ' ' || n.body_text) || ('@' || n.enterprise_id::text),
         title_grams = private.kb_grams(n.title) || ('@' || n.enterprise_id::text)
   where n.id = p_node_id;
end $$;

-- Recomputes acl_node_id (the nearest ancestor-or-self that sets grants) and read_key for a subtree.
create or replace function private.kb_refresh_acl(p_root_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  update public.kb_nodes n
     set acl_node_id = (
       select a.id from unnest(n.path) with ordinality p(id, ord)
         join public.kb_nodes a on a.id = p.id
        where a.sets_grants order by p.ord desc limit 1)
   where n.path @> array[p_root_id];
  update public.kb_nodes n
     set read_key = case when exists (select 1 from public.kb_grants g where g.node_id = n.acl_node_id and g.grantee_kind = 'everyone')
                         then n.enterprise_id else n.acl_node_id end
   where n.path @> array[p_root_id];
end $$;

-- -----------------------------------------------------------------------------
-- RPC bodies (private, definer) and their public invoker wrappers
-- -----------------------------------------------------------------------------

-- Spaces. Enterprise-wide spaces: content managers; everyone in the enterprise reads them.
-- Team and private spaces: any member; the creator manages, nobody else is granted anything yet.
create or replace function private.kb_create_space(p_enterprise_id uuid, p_kind text, p_title text, p_description text default '')
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_id uuid := gen_random_uuid();
  v_title text;
  v_desc text := btrim(coalesce(p_description, ''));
begin
  perform private.assert_member(p_enterprise_id);
  perform private.assert_not_restricted();
  perform private.assert_enterprise_writable(p_enterprise_id);
  -- after the membership checks: an uncleared caller hears about the gate, not about the title
  v_title := private.kb_clean_title(p_title);
  perform private.raise_if(p_kind is null or p_kind not in ('enterprise', 'team', 'private'), '22023', 'kb_space_kind_invalid', '空间类型须为企业、团队或个人');
  perform private.raise_if(char_length(v_desc) > 500, '22023', 'kb_description_invalid', '描述最多 500 个字符');
  perform private.raise_if(p_kind = 'enterprise' and not (p_enterprise_id = any (private.kb_manager_enterprise_ids())), '42501', 'kb_forbidden', '只有内容管理员可以创建企业空间');
  insert into public.kb_nodes (id, enterprise_id, space_id, kind, space_kind, title, description, path, acl_node_id, read_key, sets_grants,
                               created_by, updated_by, sort_order)
  values (v_id, p_enterprise_id, v_id, 'space', p_kind, v_title, v_desc, array[v_id], v_id,
          case when p_kind = 'enterprise' then p_enterprise_id else v_id end, true, v_uid, v_uid,
          (select coalesce(max(n.sort_order), 0) + 1 from public.kb_nodes n where n.enterprise_id = p_enterprise_id and n.kind = 'space'));
  insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, created_by)
  values (p_enterprise_id, v_id, 'manager', 'member', v_uid, v_uid);
  if p_kind = 'enterprise' then
    insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, created_by)
    values (p_enterprise_id, v_id, 'viewer', 'everyone', v_uid);
  end if;
  perform private.kb_reindex(v_id);
  return v_id;
end $$;

create or replace function private.kb_create_node(p_parent_id uuid, p_kind text, p_title text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_parent public.kb_nodes;
  v_id uuid := gen_random_uuid();
  v_title text;
begin
  v_parent := private.kb_node_to_change(p_parent_id, 3::smallint);
  perform private.raise_if(p_kind is null or p_kind not in ('folder', 'page', 'file'), '22023', 'kb_kind_invalid', '只能创建文件夹、页面或文件');
  perform private.raise_if(v_parent.kind not in ('space', 'folder'), 'P0001', 'kb_parent_not_folder', '只能在空间或文件夹中创建内容');
  perform private.raise_if(cardinality(v_parent.path) >= 12, 'P0001', 'kb_too_deep', '目录层级最多 12 层');
  v_title := private.kb_clean_title(p_title);
  insert into public.kb_nodes (id, enterprise_id, space_id, parent_id, kind, title, path, acl_node_id, read_key, created_by, updated_by, sort_order)
  values (v_id, v_parent.enterprise_id, v_parent.space_id, v_parent.id, p_kind, v_title, v_parent.path || v_id, v_parent.acl_node_id,
          v_parent.read_key, v_uid, v_uid,
          (select coalesce(max(n.sort_order), 0) + 1 from public.kb_nodes n
            where n.enterprise_id = v_parent.enterprise_id and n.parent_id = v_parent.id));
  if p_kind = 'page' then
    insert into public.kb_page_contents (node_id, enterprise_id, updated_by) values (v_id, v_parent.enterprise_id, v_uid);
  end if;
  perform private.kb_reindex(v_id);
  return v_id;
end $$;

-- Renaming: a page in a space with approval, renamed by an editor who doesn't manage it, keeps its
-- published title for readers; the new title waits in the editor's pending review like a body change
-- (20261215010000_kb_governance.sql). Everything else is renamed at once.
create or replace function private.kb_rename_node(p_node_id uuid, p_title text, p_description text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 3::smallint);
  v_desc text := btrim(coalesce(p_description, v_node.description));
  v_title text;
begin
  perform private.assert_not_restricted();
  perform private.raise_if(char_length(v_desc) > 500, '22023', 'kb_description_invalid', '描述最多 500 个字符');
  v_title := private.kb_clean_title(p_title);
  if v_title <> v_node.title and private.kb_needs_approval(v_node) then
    perform private.assert_enterprise_writable(v_node.enterprise_id);
    perform private.raise_if(v_desc <> v_node.description, 'P0001', 'kb_approval_required', '该空间的修改需经管理者审核后发布，请提交审核');
    return private.kb_hold_for_review(v_node, v_title, null, null);
  end if;
  update public.kb_nodes set title = v_title, description = v_desc, updated_by = auth.uid(), updated_at = now()
   where id = v_node.id;
  perform private.kb_reindex(v_node.id);
  return json_build_object('published', true, 'review_id', null);
end $$;

-- Move (and reorder): manager of the node, editor of the new parent, same enterprise; never into
-- its own subtree. Nodes that inherit take their new parent's rights.
create or replace function private.kb_move_node(p_node_id uuid, p_new_parent_id uuid, p_sort_order integer default null)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 4::smallint);
  v_parent public.kb_nodes := private.kb_node_for(p_new_parent_id, 3::smallint);
  v_depth integer;
begin
  perform private.assert_not_restricted();
  perform private.raise_if(v_node.kind = 'space', 'P0001', 'kb_space_not_movable', '空间不能移动');
  perform private.raise_if(v_parent.kind not in ('space', 'folder') or v_parent.enterprise_id <> v_node.enterprise_id, 'P0001', 'kb_parent_not_folder', '只能移动到空间或文件夹中');
  perform private.raise_if(v_parent.path @> array[v_node.id], 'P0001', 'kb_move_into_itself', '不能移动到自身或其子文件夹中');
  select max(cardinality(n.path)) - cardinality(v_node.path) into v_depth from public.kb_nodes n where n.path @> array[v_node.id];
  perform private.raise_if(cardinality(v_parent.path) + 1 + v_depth > 12, 'P0001', 'kb_too_deep', '目录层级最多 12 层');
  perform private.raise_if(p_sort_order is not null and (p_sort_order < 0 or p_sort_order > 1000000), '22023', 'kb_sort_order_invalid', '排序值不正确');
  update public.kb_nodes n
     set path = v_parent.path || n.path[array_position(n.path, v_node.id):],
         space_id = v_parent.space_id
   where n.path @> array[v_node.id];
  update public.kb_nodes set parent_id = v_parent.id, updated_by = auth.uid(), updated_at = now(),
         sort_order = coalesce(p_sort_order, (select coalesce(max(x.sort_order), 0) + 1 from public.kb_nodes x
                                               where x.enterprise_id = v_parent.enterprise_id and x.parent_id = v_parent.id))
   where id = v_node.id;
  perform private.kb_refresh_acl(v_node.id);
end $$;

-- Every save is a version (author, time). p_base_version: the version the editor started from; a
-- newer one saved meanwhile is refused instead of silently overwritten.
create or replace function private.kb_save_page(p_node_id uuid, p_delta jsonb, p_title text default null, p_base_version integer default null)
returns integer language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 3::smallint);
  v_content public.kb_page_contents;
  v_title text;
  v_text text;
begin
  perform private.raise_if(v_node.kind <> 'page', 'P0001', 'kb_not_a_page', '只有页面可以编辑正文');
  perform private.kb_assert_delta(p_delta);
  v_title := case when p_title is null then v_node.title else private.kb_clean_title(p_title) end;
  select * into v_content from public.kb_page_contents c where c.node_id = v_node.id for update;
  perform private.raise_if(p_base_version is not null and p_base_version <> v_content.version_no, 'P0001', 'kb_version_conflict', '页面已被他人更新，请刷新后再保存');
  v_text := left(private.kb_delta_text(p_delta), 100000);
  insert into public.kb_page_versions (enterprise_id, node_id, version_no, title, delta, body_text, author_id)
  values (v_node.enterprise_id, v_node.id, v_content.version_no + 1, v_title, p_delta, v_text, v_uid);
  update public.kb_page_contents set delta = p_delta, version_no = v_content.version_no + 1,
         updated_by = v_uid, updated_at = now()
   where node_id = v_node.id;
  update public.kb_nodes set title = v_title, body_text = v_text, updated_by = v_uid, updated_at = now() where id = v_node.id;
  perform private.kb_reindex(v_node.id);
  return v_content.version_no + 1;
end $$;

-- Restoring a version saves its content again as a new version (history is never rewritten).
create or replace function private.kb_restore_version(p_version_id uuid)
returns integer language plpgsql security definer set search_path = '' as $$
declare v_version public.kb_page_versions;
  v_no integer;
begin
  perform private.assert_cleared(); -- the gate speaks before any lookup
  select * into v_version from public.kb_page_versions v where v.id = p_version_id;
  perform private.raise_if(not found, '22023', 'kb_version_not_found', '找不到该版本');
  v_no := private.kb_save_page(v_version.node_id, v_version.delta, v_version.title, null);
  update public.kb_page_versions set restored_from = v_version.version_no where node_id = v_version.node_id and version_no = v_no;
  return v_no;
end $$;

-- Files: after uploading the object into `<enterprise>/<node>/<name>` (editor rights, Storage
-- policy), the editor records it on the file node.
create or replace function private.kb_set_file(p_node_id uuid, p_object_path text, p_mime text, p_size bigint)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 3::smallint);
begin
  perform private.assert_not_restricted();
  perform private.raise_if(v_node.kind <> 'file', 'P0001', 'kb_not_a_file', '只有文件节点可以上传文件');
  perform private.raise_if(p_object_path is null or p_object_path not like v_node.enterprise_id::text || '/' || v_node.id::text || '/%'
    or not exists (select 1 from storage.objects o where o.bucket_id = 'kb' and o.name = p_object_path), '22023', 'kb_file_missing', '请先上传文件');
  perform private.raise_if(p_mime is null or char_length(p_mime) > 100 or p_size is null or p_size < 0, '22023', 'kb_file_invalid', '文件信息不正确');
  -- the object is stored already (and counted); an enterprise over its quota (a downgrade) records nothing new
  perform private.kb_assert_storage_room(v_node.enterprise_id, private.kb_storage_used(v_node.enterprise_id), 0, false);
  update public.kb_nodes set file_path = p_object_path, file_mime = p_mime, file_size = p_size, updated_by = auth.uid(), updated_at = now()
   where id = v_node.id;
end $$;

-- Trash: managers of the node, or its creator with editor rights. The subtree goes with it.
create or replace function private.kb_trash_node(p_node_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 3::smallint);
begin
  perform private.assert_not_restricted();
  perform private.raise_if(private.kb_rank(v_node.id) < 4 and v_node.created_by is distinct from auth.uid(), '42501', 'kb_forbidden', '只有管理者或创建者可以删除');
  update public.kb_nodes n set deleted_at = now(), deleted_by = auth.uid(), deleted_root_id = v_node.id
   where n.path @> array[v_node.id] and n.deleted_at is null;
end $$;

create or replace function private.kb_restore_node(p_node_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 4::smallint, true);
begin
  perform private.assert_not_restricted();
  perform private.raise_if(v_node.deleted_at is null or v_node.deleted_root_id <> v_node.id, 'P0001', 'kb_not_in_trash', '该内容不在回收站中');
  perform private.raise_if(v_node.deleted_at < now() - interval '30 days', 'P0001', 'kb_trash_expired', '已超过 30 天，无法恢复');
  perform private.raise_if(exists (select 1 from public.kb_nodes p where p.id = v_node.parent_id and p.deleted_at is not null), 'P0001', 'kb_parent_in_trash', '上级文件夹也在回收站中，请先恢复上级文件夹');
  update public.kb_nodes n set deleted_at = null, deleted_by = null, deleted_root_id = null
   where n.deleted_root_id = v_node.id;
end $$;

-- The trash of a space: trashed roots the caller manages, newest first.
create or replace function private.kb_trash(p_space_id uuid)
returns table (id uuid, kind text, title text, parent_id uuid, deleted_at timestamptz, deleted_by uuid, purge_at timestamptz)
language plpgsql stable security definer set search_path = '' as $$
declare v_space public.kb_nodes := private.kb_node_for(p_space_id, 1::smallint);
begin
  return query
    select n.id, n.kind, n.title, n.parent_id, n.deleted_at, n.deleted_by, n.deleted_at + interval '30 days'
      from public.kb_nodes n
     where n.enterprise_id = v_space.enterprise_id and n.space_id = v_space.id
       and n.deleted_root_id = n.id and n.deleted_at > now() - interval '30 days'
       and private.kb_rank(n.id) >= 4
     order by n.deleted_at desc
     limit 200;
end $$;

-- Removes what has been in the trash for more than 30 days (called by the scheduler / service role).
create or replace function private.kb_purge_trash()
returns integer language plpgsql security definer set search_path = '' as $$
declare v_count integer;
begin
  delete from public.kb_nodes n where n.deleted_root_id = n.id and n.deleted_at < now() - interval '30 days';
  get diagnostics v_count = row_count;
  delete from storage.objects o
   where o.bucket_id = 'kb' and not exists (
     select 1 from public.kb_nodes n where n.id::text = (storage.foldername(o.name))[2]);
  return v_count;
end $$;

-- Grants: replaces the node's own grant list and stops inheritance there. A space keeps at least
-- one manager grant (content managers always manage anyway). Each item:
-- {"role": "viewer|downloader|editor|manager", "kind": "member|department|everyone", "id": uuid}.
create or replace function private.kb_set_grants(p_node_id uuid, p_grants jsonb)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 4::smallint);
  v_item jsonb;
  v_id uuid;
  v_roles text[] := array['viewer', 'downloader', 'editor', 'manager'];
begin
  perform private.raise_if(p_grants is null or jsonb_typeof(p_grants) <> 'array' or jsonb_array_length(p_grants) > 200, '22023', 'kb_grants_invalid', '权限设置格式不正确');
  delete from public.kb_grants g where g.node_id = v_node.id;
  for v_item in select * from jsonb_array_elements(p_grants) loop
    perform private.raise_if(jsonb_typeof(v_item) <> 'object' or coalesce(v_item ->> 'role', '') not in ('viewer', 'downloader', 'editor', 'manager')
      or coalesce(v_item ->> 'kind', '') not in ('member', 'department', 'everyone')
      or (v_item ->> 'kind' <> 'everyone' and coalesce(v_item ->> 'id', '') !~ '^[0-9a-fA-F-]{36}$'), '22023', 'kb_grants_invalid', '权限设置格式不正确');
    v_id := case when v_item ->> 'kind' = 'everyone' then null else (v_item ->> 'id')::uuid end;
    if v_item ->> 'kind' = 'member' then
      perform private.assert_member_of(v_node.enterprise_id, v_id);
    elsif v_item ->> 'kind' = 'department' then
      perform private.assert_department_in(v_node.enterprise_id, v_id);
    end if;
    insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id, department_id, created_by)
    values (v_node.enterprise_id, v_node.id, v_item ->> 'role', v_item ->> 'kind',
            case when v_item ->> 'kind' = 'member' then v_id end,
            case when v_item ->> 'kind' = 'department' then v_id end, auth.uid())
    on conflict on constraint kb_grants_one_per_grantee do update
      set role = case when array_position(v_roles, excluded.role) > array_position(v_roles, public.kb_grants.role)
                      then excluded.role else public.kb_grants.role end;
  end loop;
  if not v_node.sets_grants then
    update public.kb_nodes set sets_grants = true where id = v_node.id;
  end if;
  perform private.kb_refresh_acl(v_node.id); -- an everyone grant added or removed changes read_key below
end $$;

-- Inherit again: drops the node's own grants; its rights come from above once more.
create or replace function private.kb_inherit_grants(p_node_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 4::smallint);
begin
  perform private.assert_not_restricted();
  perform private.raise_if(v_node.kind = 'space', 'P0001', 'kb_space_must_set_grants', '空间必须设置自己的权限');
  delete from public.kb_grants g where g.node_id = v_node.id;
  update public.kb_nodes set sets_grants = false where id = v_node.id;
  perform private.kb_refresh_acl(v_node.id);
end $$;

-- Who can see this node: the grants that decide it (on the acl node), with names. Managers only.
create or replace function private.kb_node_access(p_node_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 4::smallint);
begin
  return json_build_object(
    'node_id', v_node.id,
    'inherits', not v_node.sets_grants,
    'acl_node_id', v_node.acl_node_id,
    'acl_node_title', (select a.title from public.kb_nodes a where a.id = v_node.acl_node_id),
    'grants', coalesce((
      select json_agg(json_build_object(
               'role', g.role, 'kind', g.grantee_kind,
               'id', coalesce(g.user_id, g.department_id),
               'name', case g.grantee_kind
                         when 'everyone' then '企业全员'
                         when 'department' then (select d.name from public.departments d where d.id = g.department_id)
                         else coalesce(nullif((select m.display_name from public.enterprise_members m
                                                where m.enterprise_id = g.enterprise_id and m.user_id = g.user_id), ''), '前成员')
                       end) order by array_position(array['viewer', 'downloader', 'editor', 'manager'], g.role) desc, g.created_at)
        from public.kb_grants g where g.node_id = v_node.acl_node_id), '[]'::json));
end $$;

-- Opening a page (or file, folder, space): content, the caller's rights, counters; records the read.
create or replace function private.kb_open_page(p_node_id uuid)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_node public.kb_nodes;
  v_rank smallint;
  v_content public.kb_page_contents;
begin
  -- kb_node_for's checks, with the rank computed once (it is also the role shown)
  perform private.assert_cleared();
  select * into v_node from public.kb_nodes n where n.id = p_node_id;
  v_rank := case when found then private.kb_rank(p_node_id) else 0 end;
  perform private.raise_if(v_rank = 0 or v_node.deleted_at is not null, '22023', 'kb_node_not_found', '找不到该内容，或你没有查看权限');
  if (select e.status from public.enterprises e where e.id = v_node.enterprise_id) = 'normal' then
    insert into public.kb_reads (node_id, user_id, enterprise_id) values (v_node.id, v_uid, v_node.enterprise_id)
    on conflict (node_id, user_id) do update set last_read_at = now(), read_count = public.kb_reads.read_count + 1;
  end if;
  select * into v_content from public.kb_page_contents c where c.node_id = v_node.id;
  return json_build_object(
    'id', v_node.id, 'kind', v_node.kind, 'title', v_node.title, 'space_id', v_node.space_id, 'parent_id', v_node.parent_id,
    'enterprise_id', v_node.enterprise_id,
    'delta', coalesce(v_content.delta, '{"ops": []}'::jsonb), 'version_no', coalesce(v_content.version_no, 0),
    'updated_at', v_node.updated_at,
    -- 前成员 once they left (LX 2.1.2; admins also see the name): 20261215010000_kb_governance.sql
    'updated_by_name', case when v_node.updated_by is not null then private.kb_person_name(v_node.enterprise_id, v_node.updated_by) end,
    'file_path', case when v_rank >= 2 then v_node.file_path end, 'file_mime', v_node.file_mime, 'file_size', v_node.file_size,
    'role', case v_rank when 4 then 'manager' when 3 then 'editor' when 2 then 'downloader' else 'viewer' end,
    'comments_enabled', v_node.comments_enabled,
    -- the space's protection: the app draws the viewer's mark over the page when it is on
    'watermark', (select s.watermark from public.kb_nodes s where s.id = v_node.space_id),
    -- copy restriction (20261215500000_kb_content.sql): the apps make the text unselectable
    'copy_protect', (select s.copy_protect from public.kb_nodes s where s.id = v_node.space_id),
    'viewer_mark', case when (select s.watermark from public.kb_nodes s where s.id = v_node.space_id) then
      concat_ws(' ', nullif((select m.display_name from public.enterprise_members m where m.enterprise_id = v_node.enterprise_id and m.user_id = v_uid), ''),
                right((select u.phone from auth.users u where u.id = v_uid), 4)) end,
    'reads', (select count(*) from public.kb_reads r where r.node_id = v_node.id),
    'likes', (select count(*) from public.kb_marks l where l.node_id = v_node.id and l.kind = 'like'),
    'favorites', (select count(*) from public.kb_marks f where f.node_id = v_node.id and f.kind = 'favorite'),
    'comments', case when v_node.comments_enabled then (select count(*) from public.kb_comments c where c.node_id = v_node.id) else 0 end,
    'liked', exists (select 1 from public.kb_marks l where l.node_id = v_node.id and l.kind = 'like' and l.user_id = v_uid),
    'favorited', exists (select 1 from public.kb_marks f where f.node_id = v_node.id and f.kind = 'favorite' and f.user_id = v_uid));
end $$;

-- A reader's favourite (p_kind 'favorite') or like ('like') of a node, on or off.
create or replace function private.kb_set_mark(p_node_id uuid, p_kind text, p_on boolean)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 1::smallint);
begin
  perform private.raise_if(p_kind is null or p_kind not in ('favorite', 'like'), '22023', 'kb_mark_invalid', '只能收藏或点赞');
  if coalesce(p_on, false) then
    insert into public.kb_marks (node_id, kind, user_id, enterprise_id) values (v_node.id, p_kind, auth.uid(), v_node.enterprise_id)
    on conflict do nothing;
  else
    delete from public.kb_marks m where m.node_id = v_node.id and m.kind = p_kind and m.user_id = auth.uid();
  end if;
end $$;

create or replace function private.kb_add_comment(p_node_id uuid, p_body text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 1::smallint);
  v_body text := btrim(coalesce(p_body, ''));
  v_id uuid;
begin
  perform private.assert_not_restricted();
  perform private.raise_if(not v_node.comments_enabled or v_node.kind = 'space', 'P0001', 'kb_comments_disabled', '该页面已关闭评论');
  perform private.raise_if(char_length(v_body) < 1 or char_length(v_body) > 1000, '22023', 'kb_comment_invalid', '评论须为 1–1000 个字符');
  insert into public.kb_comments (enterprise_id, node_id, author_id, body) values (v_node.enterprise_id, v_node.id, auth.uid(), v_body)
  returning id into v_id;
  if v_node.created_by is not null and v_node.created_by <> auth.uid()
     and exists (select 1 from public.enterprise_members m where m.enterprise_id = v_node.enterprise_id and m.user_id = v_node.created_by) then
    perform private.notify(v_node.created_by, 'kb_comment', '你的页面有新评论', left(v_node.title, 40) || '：' || left(v_body, 60),
                           jsonb_build_object('node_id', v_node.id, 'comment_id', v_id, 'enterprise_id', v_node.enterprise_id));
  end if;
  return v_id;
end $$;

create or replace function private.kb_delete_comment(p_comment_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_comment public.kb_comments;
  v_node public.kb_nodes;
begin
  perform private.assert_cleared(); -- the gate speaks before any lookup
  select * into v_comment from public.kb_comments c where c.id = p_comment_id;
  perform private.raise_if(not found, '22023', 'kb_comment_not_found', '找不到该评论');
  v_node := private.kb_node_for(v_comment.node_id, 1::smallint);
  perform private.raise_if(v_comment.author_id is distinct from auth.uid() and private.kb_rank(v_node.id) < 4, '42501', 'kb_forbidden', '只能删除自己的评论');
  delete from public.kb_comments where id = v_comment.id;
end $$;

create or replace function private.kb_set_comments_enabled(p_node_id uuid, p_enabled boolean)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_for(p_node_id, 4::smallint);
begin
  perform private.raise_if(p_enabled is null, '22023', 'kb_flag_invalid', '请选择开启或关闭');
  update public.kb_nodes set comments_enabled = p_enabled where id = v_node.id;
end $$;

-- -----------------------------------------------------------------------------
-- Reads that need no definer rights (RLS decides): search, recently viewed
-- -----------------------------------------------------------------------------
-- Highlight ranges ([start, length], 0-based characters) of the terms in a snippet.
create or replace function private.kb_highlights(p_text text, p_terms text[])
returns jsonb language plpgsql immutable set search_path = '' as $$
declare v_out jsonb := '[]'::jsonb;
  v_lower text := lower(coalesce(p_text, ''));
  v_term text;
  v_from integer;
  v_pos integer;
begin
  foreach v_term in array coalesce(p_terms, '{}') loop
    v_from := 1;
    loop
      v_pos := strpos(substr(v_lower, v_from), lower(v_term));
      exit when v_pos = 0 or jsonb_array_length(v_out) >= 20;
      v_out := v_out || jsonb_build_array(jsonb_build_array(v_from + v_pos - 2, char_length(v_term)));
      v_from := v_from + v_pos - 1 + char_length(v_term);
    end loop;
  end loop;
  return v_out;
end $$;

-- Search candidates among the nodes of one enterprise the caller may read: (id, 1) for nodes with
-- every term in the title, (id, 0) for the newest matches anywhere; each path stops at its limit.
-- Definer, because RLS would keep the index away: `@>` on arrays is not leakproof, so under a
-- policy Postgres may not use it as an index condition and scans the table. The read check here is
-- the policy's own (manager of the enterprise, or a read key of the caller, from the same helpers
-- and request context), and kb_search reads the rows themselves under RLS again. The query is
-- planned for its values (EXECUTE) with the enterprise as a plain column filter, so the planner's
-- estimate is honest: for a common term it walks the enterprise's nodes by recency and stops after
-- enough hits; for a rare one it and-s the term's GIN posting lists with the enterprise's rows.
-- (Giving the enterprise as a gram too made the planner count it twice and pick the GIN path for
-- common terms, reading thousands of rows.)
create or replace function private.kb_search_ids(p_enterprise_id uuid, p_grams text[], p_pats text[], p_recheck boolean, p_limit integer)
-- rows 40: at most 3 × p_limit, read back by id, not by scanning
returns table (id uuid, in_title integer) language plpgsql stable security definer rows 40 set search_path = '' as $$
begin
  -- `coalesce(read_key = any(keys), false)`: a filter, never an index condition (with the read_key
  -- index the planner and-ed in a bitmap of most of the enterprise), and one the planner can't size:
  -- written `(… = any(keys)) is true` it was sized from read_key's statistics as if independent of
  -- the enterprise (~3 % of rows instead of ~75 %), so for a common title term it and-ed the term's
  -- GIN list over all enterprises (50k+ nodes at 1M) with the enterprise's 32k instead of walking the
  -- enterprise's nodes by recency: 127 → 8 ms for 绩效 at load 20 (bench/notes/full-1m.md).
  return query execute $q$
    with in_title as (
      select n.id from public.kb_nodes n
       where n.enterprise_id = $7 and n.title_grams @> $1 and n.deleted_at is null and ($4 or coalesce(n.read_key = any($5), false))
         and (not $3 or not exists (select 1 from unnest($2) p where not (n.title ilike p)))
       order by n.updated_at desc
       limit $6
    ), anywhere as (
      select n.id from public.kb_nodes n
       where n.enterprise_id = $7 and n.search_grams @> $1 and n.deleted_at is null and ($4 or coalesce(n.read_key = any($5), false))
         and (not $3 or not exists (select 1 from unnest($2) p where not (n.title ilike p or n.body_text ilike p)))
       order by n.updated_at desc
       limit $6 * 2
    )
    select x.id, max(x.r)::integer from (select t.id, 1 as r from in_title t union all select a.id, 0 from anywhere a) x group by x.id
  $q$ using p_grams, p_pats, p_recheck,
            p_enterprise_id = any (private.kb_manager_enterprise_ids()), private.kb_read_keys(),
            p_limit, p_enterprise_id;
end $$;

-- Chinese-first search over the titles and page bodies the caller may read (RLS on kb_nodes
-- decides), in one enterprise. Terms are split on spaces (at most 5); every term must occur.
-- Candidates come from the grams (`search_grams @> grams(query)`, GIN); where the grams are not
-- exact (a CJK run longer than 2 characters, or CJK mixed with Latin in one term) ILIKE rechecks the
-- substring. One- and two-character CJK terms and single Latin words (≤ 12) are exact on the grams.
-- Ranked: every term in the title first (rank 1), then recency.
create or replace function public.kb_search(p_enterprise_id uuid, p_query text, p_limit integer default 20)
returns table (node_id uuid, kind text, title text, space_id uuid, parent_id uuid, snippet text, highlights jsonb,
               title_highlights jsonb, rank integer, updated_at timestamptz)
language plpgsql stable security invoker set search_path = '' as $$
declare v_query text := btrim(regexp_replace(coalesce(p_query, ''), '\s+', ' ', 'g'));
  v_terms text[];
  v_pats text[];
  v_grams text[];
  v_recheck boolean;
begin
  perform private.assert_cleared(); -- the gate speaks first (403 with its code)
  -- (an invoker function: the API roles may not call private.raise_if)
  if p_enterprise_id is null or not exists (select 1 from private.my_enterprise_ids() x where x = p_enterprise_id) then
    raise exception using errcode = '42501', message = 'not_enterprise_member', hint = '你不是该企业的成员';
  end if;
  if char_length(v_query) < 1 or char_length(v_query) > 100 then
    raise exception using errcode = '22023', message = 'kb_query_invalid', hint = '请输入 1–100 个字符的搜索词';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 50 then
    raise exception using errcode = '22023', message = 'kb_limit_invalid', hint = '每页最多 50 条';
  end if;
  v_terms := (select array_agg(distinct t) from (select unnest(string_to_array(lower(v_query), ' ')) t limit 5) x where t <> '');
  v_pats := (select array_agg('%' || replace(replace(replace(t, '\', '\\'), '%', '\%'), '_', '\_') || '%') from unnest(v_terms) t);
  v_grams := private.kb_query_grams(array_to_string(v_terms, ' '));
  v_recheck := exists (select 1 from unnest(v_terms) t
                        where not (t ~ '^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,2}$' or t ~ '^[a-z0-9]{1,12}$'));
  -- Candidates come from private.kb_search_ids (below); the rows themselves are read here, under RLS.
  return query execute $q$
    with hits as (
      select n.id, n.kind, n.title, n.space_id, n.parent_id, n.updated_at, n.body_text, p.in_title
        from private.kb_search_ids($1, $3, $4, $5, $6) p join public.kb_nodes n on n.id = p.id
       order by p.in_title desc, n.updated_at desc
       limit $6
    ), snip as (
      select h.*, coalesce((select min(nullif(strpos(lower(h.body_text), t), 0)) from unnest($2) t), 1) as pos from hits h
    ), cut as (
      select s.*, substr(s.body_text, greatest(1, s.pos - 30), 120) as snippet from snip s
    )
    select c.id, c.kind, c.title, c.space_id, c.parent_id, c.snippet, private.kb_highlights(c.snippet, $2),
           private.kb_highlights(c.title, $2), c.in_title, c.updated_at
      from cut c
     order by c.in_title desc, c.updated_at desc
  $q$ using p_enterprise_id, v_terms, v_grams, v_pats, v_recheck, p_limit;
end $$;

-- The caller's recently viewed nodes in one enterprise (only those still readable).
create or replace function public.kb_recent(p_enterprise_id uuid, p_limit integer default 20)
returns table (node_id uuid, kind text, title text, space_id uuid, last_read_at timestamptz, updated_since_read boolean)
language plpgsql stable security invoker set search_path = '' as $$
begin
  -- an uncleared caller hears the gate's code (403), as from every other gated RPC
  perform private.assert_cleared();
  return query
  select n.id, n.kind, n.title, n.space_id, r.last_read_at, n.updated_at > r.last_read_at
    from public.kb_reads r
    join public.kb_nodes n on n.id = r.node_id and n.deleted_at is null
   where r.user_id = (select auth.uid()) and r.enterprise_id = p_enterprise_id
   order by r.last_read_at desc
   limit least(greatest(coalesce(p_limit, 20), 1), 50);
end $$;

-- -----------------------------------------------------------------------------
-- Policies
-- -----------------------------------------------------------------------------
create policy "Members read the knowledge-base nodes they have rights on"
  on public.kb_nodes for select to authenticated
  using (
    enterprise_id = any ((select private.kb_manager_enterprise_ids())::uuid[])
    or (deleted_at is null and read_key = any ((select private.kb_read_keys())::uuid[]))
  );

create policy "Managers of a node read its grants"
  on public.kb_grants for select to authenticated
  using (
    enterprise_id = any ((select private.kb_manager_enterprise_ids())::uuid[])
    or node_id = any ((select private.kb_acl_ids(4::smallint))::uuid[])
  );

create policy "Readers of a page read its content"
  on public.kb_page_contents for select to authenticated
  using (exists (select 1 from public.kb_nodes n where n.id = node_id));

create policy "Readers of a page read its versions"
  on public.kb_page_versions for select to authenticated
  using (exists (select 1 from public.kb_nodes n where n.id = node_id));

create policy "Readers of a page read its comments while comments are on"
  on public.kb_comments for select to authenticated
  using (exists (select 1 from public.kb_nodes n where n.id = node_id and n.comments_enabled));

create policy "Members read their own reads of nodes they can still read"
  on public.kb_reads for select to authenticated
  using (user_id = (select auth.uid()) and exists (select 1 from public.kb_nodes n where n.id = node_id));

create policy "Members read their own favourites and likes of nodes they can still read"
  on public.kb_marks for select to authenticated
  using (user_id = (select auth.uid()) and exists (select 1 from public.kb_nodes n where n.id = node_id));

-- -----------------------------------------------------------------------------
-- Storage: bucket `kb`, objects `<enterprise_id>/<node_id>/<name>`
-- -----------------------------------------------------------------------------
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('kb', 'kb', false, 104857600, array[
  'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'video/mp4', 'text/plain', 'text/markdown',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'])
on conflict (id) do nothing;

create policy "Readers of a page or downloaders of a file read its knowledge-base objects"
  on storage.objects for select to authenticated
  using (bucket_id = 'kb' and (select private.kb_object_allowed(name, 1::smallint)));

create policy "Editors upload knowledge-base objects"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'kb' and (select private.kb_object_allowed(name, 3::smallint)));

create policy "Editors replace knowledge-base objects"
  on storage.objects for update to authenticated
  using (bucket_id = 'kb' and (select private.kb_object_allowed(name, 3::smallint)));

create policy "Editors delete knowledge-base objects"
  on storage.objects for delete to authenticated
  using (bucket_id = 'kb' and (select private.kb_object_allowed(name, 3::smallint)));

-- -----------------------------------------------------------------------------
-- Execute rights
-- -----------------------------------------------------------------------------
do $$
declare
  r record;
begin
  for r in select p.oid::regprocedure as sig, p.proname, n.nspname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in ('public', 'private') and p.proname like 'kb\_%' loop
    execute format('revoke execute on function %s from public, anon', r.sig);
    -- private helpers only the definer bodies call stay closed to the API roles (expose_rpcs below
    -- grants the bodies behind the public wrappers)
    if r.nspname = 'public' or r.proname in (
         -- policy helpers, and what the invoker functions kb_search / kb_recent call
         'kb_acl_ids', 'kb_read_keys', 'kb_manager_enterprise_ids', 'kb_object_allowed', 'kb_grams', 'kb_query_grams',
         'kb_highlights', 'kb_search_ids') then
      execute format('grant execute on function %s to authenticated', r.sig);
    else
      execute format('revoke execute on function %s from authenticated', r.sig);
    end if;
  end loop;
end $$;

-- The invoker read functions (kb_search, kb_recent) let the gate answer first, as the definer RPCs do.
grant execute on function private.assert_cleared() to authenticated;

/**
  * -------------------------------------------------------
  * Section - Storage quota (from 20261212020000_kb_quota)
  * -------------------------------------------------------
  */

-- Issue 14: knowledge-base storage quota per edition. Every object of the `kb` bucket lives under
-- `<enterprise>/<node>/<name>` (page images and file-node files alike), so an enterprise's usage is
-- the sum of `metadata.size` of the objects under its folder. The database refuses an upload that
-- would take the enterprise past its quota (a trigger on storage.objects, so it holds whatever
-- Storage server writes the row, hosted or the local stand-in), and kb_set_file refuses to record a
-- file while the enterprise is over it (after a downgrade, say).

-- The numbers, one row per edition; null = unlimited. Written only by migrations.
create table public.edition_quotas (
  edition public.enterprise_edition primary key,
  kb_storage_bytes bigint
    constraint edition_quotas_kb_storage_bytes_range check (kb_storage_bytes is null or kb_storage_bytes >= 0)
);

alter table public.edition_quotas enable row level security;

comment on table public.edition_quotas is 'Per-edition quotas (kb_storage_bytes: knowledge-base Storage bytes; null = unlimited). Written only by migrations.';

revoke all on public.edition_quotas from anon, authenticated;
grant select on public.edition_quotas to authenticated;

create policy "Signed-in people can read edition quotas"
  on public.edition_quotas for select to authenticated
  using (true);

insert into public.edition_quotas (edition, kb_storage_bytes) values
  ('basic', 5::bigint * 1024 * 1024 * 1024),
  ('professional', 100::bigint * 1024 * 1024 * 1024),
  ('private', null);

-- A per-enterprise quota set by the platform (a contract, or a test) instead of the edition's;
-- not exposed through the API.
create table private.kb_storage_overrides (
  enterprise_id uuid primary key references public.enterprises (id) on delete cascade,
  kb_storage_bytes bigint
    constraint kb_storage_overrides_bytes_range check (kb_storage_bytes is null or kb_storage_bytes >= 0)
);

alter table private.kb_storage_overrides enable row level security;

comment on table private.kb_storage_overrides is 'Per-enterprise knowledge-base Storage quota replacing the edition''s (null = unlimited). Service role only.';

revoke all on private.kb_storage_overrides from public, anon, authenticated;

-- Bytes the enterprise's knowledge-base objects take (all of them, whoever may read them), but the
-- object p_except (the row being written, which the trigger counts with its new size).
create or replace function private.kb_storage_used(p_enterprise_id uuid, p_except uuid default null)
returns bigint language sql stable security definer set search_path = '' as $$
  select coalesce(sum(coalesce((o.metadata->>'size')::bigint, 0)), 0)::bigint
    from storage.objects o
   where o.bucket_id = 'kb' and o.name like p_enterprise_id::text || '/%' and o.id is distinct from p_except;
$$;

-- The enterprise's quota in bytes; null = unlimited.
create or replace function private.kb_storage_quota(p_enterprise_id uuid)
returns bigint language sql stable security definer set search_path = '' as $$
  select case when ov.enterprise_id is not null then ov.kb_storage_bytes else q.kb_storage_bytes end
    from public.enterprises e
    left join public.edition_quotas q on q.edition = e.edition
    left join private.kb_storage_overrides ov on ov.enterprise_id = e.id
   where e.id = p_enterprise_id;
$$;

-- 1.5 GB, 300 MB, 12 KB: what people read in the refusal and the admin page.
create or replace function private.kb_bytes_text(p_bytes bigint)
returns text language sql immutable set search_path = '' as $$
  select case
    when p_bytes >= 1024::bigint * 1024 * 1024 then trim(trailing '.' from trim(trailing '0' from to_char(p_bytes / (1024.0 * 1024 * 1024), 'FM999999990.0'))) || ' GB'
    when p_bytes >= 1024 * 1024 then trim(trailing '.' from trim(trailing '0' from to_char(p_bytes / (1024.0 * 1024), 'FM999990.0'))) || ' MB'
    when p_bytes >= 1024 then trim(trailing '.' from trim(trailing '0' from to_char(p_bytes / 1024.0, 'FM999990.0'))) || ' KB'
    else p_bytes || ' B'
  end;
$$;

-- Refuses when the enterprise would hold more than its quota with p_adding more bytes. RPCs get the
-- usual code + hint; Storage relays only an error's message, so there (p_for_storage) the message is
-- the Chinese text itself, which the client shows (lib/data mapStorageError).
create or replace function private.kb_assert_storage_room(p_enterprise_id uuid, p_used bigint, p_adding bigint, p_for_storage boolean)
returns void language plpgsql stable security definer set search_path = '' as $$
declare v_quota bigint := private.kb_storage_quota(p_enterprise_id);
  v_text text;
begin
  if v_quota is not null and p_used + greatest(p_adding, 0) > v_quota then
    v_text := format('存储空间已满（已用 %s / 共 %s），请联系管理员清理或升级版本',
                     private.kb_bytes_text(p_used), private.kb_bytes_text(v_quota));
    raise exception using errcode = '22023', message = case when p_for_storage then v_text else 'kb_storage_full' end, hint = v_text;
  end if;
end $$;

-- Before a kb object row is written: the enterprise's other objects plus this one must fit. One
-- enterprise's uploads queue on an advisory lock so two parallel uploads can't both squeeze in.
create or replace function private.kb_objects_quota_check()
returns trigger language plpgsql security definer set search_path = '' as $$
declare v_enterprise uuid;
begin
  if new.bucket_id <> 'kb' then
    return new;
  end if;
  begin
    v_enterprise := (storage.foldername(new.name))[1]::uuid;
  exception when invalid_text_representation then
    return new; -- not an enterprise folder: the insert policy refuses it
  end;
  perform pg_advisory_xact_lock(hashtextextended('kb_storage:' || v_enterprise::text, 0));
  -- a row without its size yet (Storage's permission probe) still needs the enterprise not to be full
  perform private.kb_assert_storage_room(v_enterprise, private.kb_storage_used(v_enterprise, new.id), greatest(coalesce((new.metadata->>'size')::bigint, 1), 1), true);
  return new;
end $$;

create trigger kb_objects_quota
  before insert or update of name, metadata, bucket_id on storage.objects
  for each row
  when (new.bucket_id = 'kb')
  execute function private.kb_objects_quota_check();

-- Admins and content managers: what the knowledge base takes and may take (quota null = unlimited).
create or replace function private.kb_storage_usage(p_enterprise_id uuid)
returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  perform private.raise_if(not (p_enterprise_id = any (private.kb_manager_enterprise_ids())), '42501', 'kb_forbidden', '只有管理员或内容管理员可以查看存储用量');
  return jsonb_build_object('used', private.kb_storage_used(p_enterprise_id), 'quota', private.kb_storage_quota(p_enterprise_id));
end $$;

revoke execute on function private.kb_storage_used(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.kb_storage_quota(uuid) from public, anon, authenticated;
revoke execute on function private.kb_bytes_text(bigint) from public, anon, authenticated;
revoke execute on function private.kb_assert_storage_room(uuid, bigint, bigint, boolean) from public, anon, authenticated;
revoke execute on function private.kb_objects_quota_check() from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['kb_create_space', 'kb_create_node', 'kb_rename_node', 'kb_move_node',
  'kb_save_page', 'kb_restore_version', 'kb_set_file', 'kb_trash_node', 'kb_restore_node', 'kb_trash',
  'kb_set_grants', 'kb_inherit_grants', 'kb_node_access', 'kb_open_page', 'kb_set_mark',
  'kb_add_comment', 'kb_delete_comment', 'kb_set_comments_enabled',
  'kb_storage_usage']);
