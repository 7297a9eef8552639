-- =============================================================================
-- Knowledge base, content (issue 14): page templates per enterprise, copy restriction per space,
-- copying a page or a folder subtree. Same conventions as 20261212010000_kb.sql: definer bodies in
-- `private`, security invoker wrappers in `public`; 22023 → 400 (bad input, or a node the caller may
-- not see), 42501 → 403, P0001 → 400 (a rule refused it); `message` = English code, `hint` = Chinese.
-- =============================================================================
set check_function_bodies = off;

-- -----------------------------------------------------------------------------
-- Copy restriction: when on, page text can't be selected or copied in the apps (watermark's sibling)
-- -----------------------------------------------------------------------------
alter table public.kb_nodes add column copy_protect boolean not null default false;
comment on column public.kb_nodes.copy_protect is 'Spaces: page text can''t be selected or copied in the apps (kb_set_space_flag).';

-- -----------------------------------------------------------------------------
-- Page templates: built-in ones live in the app; these are saved from pages by their managers
-- -----------------------------------------------------------------------------
create table public.kb_templates (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  title text not null constraint kb_templates_title_length check (char_length(btrim(title)) between 1 and 50),
  delta jsonb not null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
alter table public.kb_templates enable row level security;
comment on table public.kb_templates is 'Knowledge-base page templates of an enterprise. Written only through kb_save_template / kb_delete_template.';
create index kb_templates_enterprise_idx on public.kb_templates (enterprise_id, created_at desc);
create index kb_templates_created_by_idx on public.kb_templates (created_by);
revoke all on public.kb_templates from anon, authenticated;
grant select on public.kb_templates to authenticated;
-- suspended / closed enterprises: no template is saved or deleted
select private.refuse_writes_when_inactive('public.kb_templates');

create policy "Members read their enterprise's page templates"
  on public.kb_templates for select to authenticated
  using (enterprise_id in (select private.my_enterprise_ids()));

-- Managers of a page save it (its current content) as a template of the enterprise; at most 100.
create or replace function private.kb_save_template(p_node_id uuid, p_title text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 4::smallint);
  v_title text := btrim(coalesce(p_title, ''));
  v_id uuid;
begin
  perform private.raise_if(v_node.kind <> 'page', 'P0001', 'kb_not_a_page', '只有页面可以保存为模板');
  perform private.raise_if(char_length(v_title) < 1 or char_length(v_title) > 50 or v_title ~ '[[:cntrl:]]', '22023', 'kb_template_title_invalid', '模板名称须为 1–50 个字符');
  perform 1 from public.enterprises e where e.id = v_node.enterprise_id for update;
  perform private.raise_if((select count(*) from public.kb_templates t where t.enterprise_id = v_node.enterprise_id) >= 100, 'P0001', 'kb_template_limit', '模板最多 100 个，请先删除不用的模板');
  insert into public.kb_templates (enterprise_id, title, delta, created_by)
  select v_node.enterprise_id, v_title, coalesce(c.delta, '{"ops": []}'::jsonb), auth.uid()
    from public.kb_page_contents c where c.node_id = v_node.id
  returning id into v_id;
  return v_id;
end $$;

-- Its author or a knowledge-base manager of the enterprise deletes a template.
create or replace function private.kb_delete_template(p_template_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_template public.kb_templates;
begin
  perform private.assert_cleared(); -- the gate speaks before any lookup
  perform private.assert_not_restricted();
  select * into v_template from public.kb_templates t
   where t.id = p_template_id and t.enterprise_id in (select private.my_enterprise_ids());
  perform private.raise_if(not found, '22023', 'kb_template_not_found', '找不到该模板');
  perform private.raise_if(v_template.created_by is distinct from auth.uid()
    and not v_template.enterprise_id = any ((select private.kb_manager_enterprise_ids())::uuid[]), '42501', 'kb_forbidden', '只有模板的创建者或知识库管理员可以删除模板');
  perform private.assert_enterprise_writable(v_template.enterprise_id);
  delete from public.kb_templates where id = v_template.id;
end $$;

-- A space's switches, on or off (managers of the space, enterprise writable, spaces only):
-- `watermark` (the viewer's mark over pages and previews, stamped PDF downloads), `copy_protect`
-- (page text can't be selected or copied in the apps), `approval_required` (an editor's change waits
-- for a manager: 20261215010000_kb_governance.sql).
create or replace function private.kb_set_space_flag(p_space_id uuid, p_flag text, p_on boolean)
returns void language plpgsql security definer set search_path = '' as $$
declare v_node public.kb_nodes := private.kb_node_to_change(p_space_id, 4::smallint);
begin
  perform private.raise_if(p_flag is null or p_flag not in ('watermark', 'copy_protect', 'approval_required'), '22023', 'kb_space_flag_invalid', '空间设置只能是水印、防复制或发布前审核');
  perform private.raise_if(p_on is null, '22023', 'kb_flag_invalid', '请选择开启或关闭');
  perform private.raise_if(v_node.kind <> 'space', 'P0001', 'kb_not_a_space', '只能为空间设置水印或防复制');
  update public.kb_nodes n
     set watermark = case when p_flag = 'watermark' then p_on else n.watermark end,
         copy_protect = case when p_flag = 'copy_protect' then p_on else n.copy_protect end,
         approval_required = case when p_flag = 'approval_required' then p_on else n.approval_required end
   where n.id = v_node.id;
end $$;

-- The objects of bucket `kb` in this enterprise a Delta's images and videos refer to
-- (`kb/<enterprise>/<node>/<name>`): their object path and name.
create or replace function private.kb_delta_objects(p_delta jsonb, p_enterprise_id uuid)
returns table (object_path text, file_name text) language sql immutable set search_path = '' as $$
  select distinct r.m[1] || '/' || r.m[2] || '/' || r.m[3], r.m[3]
    from jsonb_array_elements(case when jsonb_typeof(p_delta -> 'ops') = 'array' then p_delta -> 'ops' else '[]'::jsonb end) op
   cross join lateral (select regexp_match(coalesce(op -> 'insert' ->> 'image', op -> 'insert' ->> 'video'),
                                           '^kb/([0-9a-f-]{36})/([0-9a-f-]{36})/([^/]{1,200})$') as m) r
   where jsonb_typeof(op -> 'insert') = 'object' and r.m[1] = p_enterprise_id::text
$$;

-- The Delta with every image / video of this enterprise's bucket `kb` pointing into p_node_id's folder
-- (same file name): what a copied page refers to once its objects are copied there.
create or replace function private.kb_delta_relink(p_delta jsonb, p_enterprise_id uuid, p_node_id uuid)
returns jsonb language sql immutable set search_path = '' as $$
  select p_delta || jsonb_build_object('ops', coalesce(jsonb_agg(
           case when r.m[1] = p_enterprise_id::text
                then jsonb_set(o.op, array['insert', r.k], to_jsonb('kb/' || r.m[1] || '/' || p_node_id::text || '/' || r.m[3]))
                else o.op end order by o.ord), '[]'::jsonb))
    from jsonb_array_elements(case when jsonb_typeof(p_delta -> 'ops') = 'array' then p_delta -> 'ops' else '[]'::jsonb end)
         with ordinality o(op, ord)
   cross join lateral (select k.k, regexp_match(o.op -> 'insert' ->> k.k, '^kb/([0-9a-f-]{36})/([0-9a-f-]{36})/([^/]{1,200})$') as m
                         from (select case when jsonb_typeof(o.op -> 'insert') = 'object' and o.op -> 'insert' ? 'video'
                                           then 'video' else 'image' end as k) k) r
$$;

-- The stored objects of this enterprise's bucket `kb` a Delta refers to, each with the path it gets in
-- p_node_id's folder (one object per name there): what kb-copy copies for a copied page or a page made
-- from a template.
create or replace function private.kb_delta_media(p_delta jsonb, p_enterprise_id uuid, p_node_id uuid)
returns table (object_path text, copy_path text) language sql stable set search_path = '' as $$
  select distinct on (o.file_name) o.object_path, p_enterprise_id || '/' || p_node_id || '/' || o.file_name
    from private.kb_delta_objects(p_delta, p_enterprise_id) o
   where exists (select 1 from storage.objects so where so.bucket_id = 'kb' and so.name = o.object_path)
   order by o.file_name, o.object_path
$$;

-- Copy a page or a folder with its subtree into a folder or space (default: beside the original).
-- Content is copied (titles, page Deltas as a first version); grants are not: the copy inherits
-- its new parent's rights. Only nodes the caller can read along their whole path are copied (a
-- restricted subfolder they can't see stays behind); files are not copied (their objects belong to
-- the original node). Editor of the original and of the target; at most 500 nodes, 12 levels.
-- A copied page refers to its images in its own folder (`kb/<enterprise>/<copy>/<name>`), never to the
-- original's: a reader of the copy may not read the original, and the original may be deleted. The
-- answer lists the objects to copy there ({"id": root, "media": [{"from", "to"}]}); the kb-copy edge
-- function copies them through Storage with the caller's own rights (read the original's, write the
-- copy's), so Storage RLS decides each one as for any upload.
create or replace function private.kb_copy_node(p_node_id uuid, p_new_parent_id uuid default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_node public.kb_nodes := private.kb_node_to_change(p_node_id, 3::smallint);
  v_parent public.kb_nodes;
  v_map jsonb;
  v_count integer;
  v_depth integer;
  v_root uuid;
  v_id uuid;
  v_media json;
begin
  perform private.raise_if(v_node.kind not in ('folder', 'page'), 'P0001', 'kb_copy_kind_invalid', '只能复制页面或文件夹');
  v_parent := private.kb_node_for(coalesce(p_new_parent_id, v_node.parent_id), 3::smallint);
  perform private.raise_if(v_parent.kind not in ('space', 'folder') or v_parent.enterprise_id <> v_node.enterprise_id, 'P0001', 'kb_parent_not_folder', '只能复制到空间或文件夹中');
  perform private.raise_if(v_parent.path @> array[v_node.id], 'P0001', 'kb_copy_into_itself', '不能复制到自身或其子文件夹中');
  select jsonb_object_agg(n.id::text, gen_random_uuid()), count(*), max(cardinality(n.path)) - cardinality(v_node.path)
    into v_map, v_count, v_depth
    from public.kb_nodes n
   where n.path @> array[v_node.id] and n.deleted_at is null and n.kind in ('folder', 'page')
     and not exists (select 1 from unnest(n.path[array_position(n.path, v_node.id):]) a(id) where private.kb_rank(a.id) < 1);
  perform private.raise_if(v_count > 500, 'P0001', 'kb_copy_too_large', '一次最多复制 500 个页面和文件夹');
  perform private.raise_if(cardinality(v_parent.path) + 1 + v_depth > 12, 'P0001', 'kb_too_deep', '目录层级最多 12 层');
  v_root := (v_map ->> v_node.id::text)::uuid;
  insert into public.kb_nodes (id, enterprise_id, space_id, parent_id, kind, title, description, path, acl_node_id, read_key,
                               comments_enabled, body_text, created_by, updated_by, sort_order)
  select (v_map ->> n.id::text)::uuid, n.enterprise_id, v_parent.space_id,
         case when n.id = v_node.id then v_parent.id else (v_map ->> n.parent_id::text)::uuid end,
         n.kind, case when n.id = v_node.id then left(n.title, 97) || ' 副本' else n.title end, n.description,
         v_parent.path || array(select (v_map ->> p.id::text)::uuid
                                  from unnest(n.path[array_position(n.path, v_node.id):]) with ordinality p(id, ord) order by p.ord),
         v_parent.acl_node_id, v_parent.read_key, n.comments_enabled, n.body_text, v_uid, v_uid,
         case when n.id = v_node.id then (select coalesce(max(x.sort_order), 0) + 1 from public.kb_nodes x
                                           where x.enterprise_id = v_parent.enterprise_id and x.parent_id = v_parent.id)
              else n.sort_order end
    from public.kb_nodes n
   where v_map ? n.id::text;
  insert into public.kb_page_contents (node_id, enterprise_id, delta, version_no, updated_by)
  select (v_map ->> c.node_id::text)::uuid, c.enterprise_id, private.kb_delta_relink(c.delta, c.enterprise_id, (v_map ->> c.node_id::text)::uuid), 1, v_uid
    from public.kb_page_contents c where v_map ? c.node_id::text;
  -- the stored objects the originals refer to, each to be copied into its copy's folder once
  select coalesce(json_agg(json_build_object('from', m.object_path, 'to', m.copy_path) order by m.copy_path), '[]'::json) into v_media
    from public.kb_page_contents c, private.kb_delta_media(c.delta, c.enterprise_id, (v_map ->> c.node_id::text)::uuid) m
   where v_map ? c.node_id::text;
  insert into public.kb_page_versions (enterprise_id, node_id, version_no, title, delta, body_text, author_id)
  select n.enterprise_id, n.id, 1, n.title, c.delta, n.body_text, v_uid
    from public.kb_nodes n join public.kb_page_contents c on c.node_id = n.id
   where n.path @> array[v_root] and n.kind = 'page';
  perform private.kb_refresh_acl(v_root);
  for v_id in select n.id from public.kb_nodes n where n.path @> array[v_root] loop
    perform private.kb_reindex(v_id);
  end loop;
  return json_build_object('id', v_root, 'media', v_media);
end $$;

-- A new page under p_parent_id filled from one of the enterprise's saved templates (its first version,
-- by the caller; editor of the parent). Like a copy, the page refers to the template's images in its
-- own folder, never to the page the template was saved from (its readers may not read that page, and
-- it may be deleted): the answer lists the objects to copy there and the kb-copy function copies them
-- with the caller's rights, so a caller who may not read the source page gets those images `missing`.
-- Built-in templates (no images) are created with kb_create_node + kb_save_page by the apps.
create or replace function private.kb_create_from_template(p_parent_id uuid, p_template_id uuid, p_title text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_id uuid := private.kb_create_node(p_parent_id, 'page', p_title);
  v_ent uuid := (select n.enterprise_id from public.kb_nodes n where n.id = v_id);
  v_template public.kb_templates;
begin
  select * into v_template from public.kb_templates t where t.id = p_template_id and t.enterprise_id = v_ent;
  perform private.raise_if(not found, '22023', 'kb_template_not_found', '找不到该模板');
  perform private.kb_save_page(v_id, private.kb_delta_relink(v_template.delta, v_ent, v_id), null, 0);
  return json_build_object('id', v_id, 'media', (
    select coalesce(json_agg(json_build_object('from', m.object_path, 'to', m.copy_path) order by m.copy_path), '[]'::json)
      from private.kb_delta_media(v_template.delta, v_ent, v_id) m));
end $$;

revoke execute on function private.kb_delta_objects(jsonb, uuid), private.kb_delta_relink(jsonb, uuid, uuid),
  private.kb_delta_media(jsonb, uuid, uuid) from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['kb_save_template', 'kb_delete_template', 'kb_set_space_flag', 'kb_copy_node', 'kb_create_from_template']);
