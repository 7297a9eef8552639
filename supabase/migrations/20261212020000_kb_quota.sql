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
  on public.edition_quotas for select
  to authenticated
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
returns bigint language sql stable security definer set search_path = ''
as $$
  select coalesce(sum(coalesce((o.metadata->>'size')::bigint, 0)), 0)::bigint
    from storage.objects o
   where o.bucket_id = 'kb' and o.name like p_enterprise_id::text || '/%' and o.id is distinct from p_except;
$$;

-- The enterprise's quota in bytes; null = unlimited.
create or replace function private.kb_storage_quota(p_enterprise_id uuid)
returns bigint language sql stable security definer set search_path = ''
as $$
  select case when ov.enterprise_id is not null then ov.kb_storage_bytes else q.kb_storage_bytes end
    from public.enterprises e
    left join public.edition_quotas q on q.edition = e.edition
    left join private.kb_storage_overrides ov on ov.enterprise_id = e.id
   where e.id = p_enterprise_id;
$$;

-- 1.5 GB, 300 MB, 12 KB: what people read in the refusal and the admin page.
create or replace function private.kb_bytes_text(p_bytes bigint)
returns text language sql immutable set search_path = ''
as $$
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
returns void language plpgsql stable security definer set search_path = ''
as $$
declare
  v_quota bigint := private.kb_storage_quota(p_enterprise_id);
  v_text text;
begin
  if v_quota is not null and p_used + greatest(p_adding, 0) > v_quota then
    v_text := format('存储空间已满（已用 %s / 共 %s），请联系管理员清理或升级版本',
                     private.kb_bytes_text(p_used), private.kb_bytes_text(v_quota));
    raise exception using errcode = '22023', message = case when p_for_storage then v_text else 'kb_storage_full' end, hint = v_text;
  end if;
end;
$$;

-- Before a kb object row is written: the enterprise's other objects plus this one must fit. One
-- enterprise's uploads queue on an advisory lock so two parallel uploads can't both squeeze in.
create or replace function private.kb_objects_quota_check()
returns trigger language plpgsql security definer set search_path = ''
as $$
declare
  v_enterprise uuid;
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
end;
$$;

create trigger kb_objects_quota
  before insert or update of name, metadata, bucket_id on storage.objects
  for each row
  when (new.bucket_id = 'kb')
  execute function private.kb_objects_quota_check();

-- Admins and content managers: what the knowledge base takes and may take (quota null = unlimited).
create or replace function private.kb_storage_usage(p_enterprise_id uuid)
returns jsonb language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.assert_member(p_enterprise_id);
  if not (p_enterprise_id = any (private.kb_manager_enterprise_ids())) then
    raise exception using errcode = '42501', message = 'kb_forbidden', hint = '只有管理员或内容管理员可以查看存储用量';
  end if;
  return jsonb_build_object('used', private.kb_storage_used(p_enterprise_id), 'quota', private.kb_storage_quota(p_enterprise_id));
end;
$$;

revoke execute on function private.kb_storage_used(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.kb_storage_quota(uuid) from public, anon, authenticated;
revoke execute on function private.kb_bytes_text(bigint) from public, anon, authenticated;
revoke execute on function private.kb_assert_storage_room(uuid, bigint, bigint, boolean) from public, anon, authenticated;
revoke execute on function private.kb_objects_quota_check() from public, anon, authenticated;

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['kb_storage_usage']);
