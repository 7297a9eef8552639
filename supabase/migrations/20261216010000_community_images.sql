-- =============================================================================
-- Community: images in posts, checked by WeChat's mediaCheckAsync (issue 15, LX 4.4).
--
-- Objects live in the private bucket `community` at `<enterprise_id>/<upload uuid>/<name>.<ext>`
-- (the path names no person: an anonymous question's images must not reveal the asker; the
-- uploader is Storage's `owner_id`). A member uploads into an enterprise whose community they may
-- write in; a post may only carry images its author uploaded (checked when the post is written).
--
-- Each image of a post has a row in community_post_images with the check's state:
--   pending  waiting for WeChat's verdict: shown to its author (“审核中”) and the moderators only;
--   pass     shown to everyone who reads the post;
--   review   WeChat asked for a person, or the image could not be checked (H5 / WeCom: no openid,
--            or WeChat unreachable): the post goes into the moderation queue; a moderator's
--            "dismiss" passes the image, hide/delete act on the post;
--   risky    removed from the post (community_posts.images), the author is told why; the row stays
--            so that a replayed verdict and a re-attached path are both refused.
-- The community-publish function starts the checks after the post is written; WeChat pushes the
-- verdicts to the community-media-push function, which records them here once per trace_id
-- (private.community_media_verdicts): a push that arrives before the trace id was recorded is kept
-- and applied when it is.
-- =============================================================================

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('community', 'community', false, 10485760, array['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
on conflict (id) do nothing;

create table public.community_post_images (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  post_id uuid not null,
  path text not null,
  -- the uploader (= the post's author); not readable by members (anonymous questions)
  author_id uuid references auth.users (id) on delete set null,
  status text not null default 'pending' constraint community_post_images_status_valid check (status in ('pending', 'pass', 'review', 'risky')),
  -- WeChat's trace id of the mediaCheckAsync call; null until the check started
  trace_id text constraint community_post_images_trace_id_format check (trace_id ~ '^[A-Za-z0-9._-]{1,128}$'),
  -- WeChat's label, or `unchecked` / `wechat:unavailable`
  label text not null default '' constraint community_post_images_label_length check (char_length(label) <= 60),
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  checked_at timestamptz,
  constraint community_post_images_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade,
  constraint community_post_images_post_path_key unique (post_id, path)
);
alter table public.community_post_images enable row level security;
create unique index community_post_images_trace_key on public.community_post_images (trace_id) where trace_id is not null;
create index community_post_images_path_idx on public.community_post_images (path);
create index community_post_images_enterprise_idx on public.community_post_images (enterprise_id, post_id);
create index community_post_images_author_idx on public.community_post_images (author_id);
-- the read policy's `status = 'pass'`
create index community_post_images_status_idx on public.community_post_images (status, post_id);

-- Verdicts as WeChat pushed them, once per trace id (WeChat retries a push it got no answer to).
create table private.community_media_verdicts (
  trace_id text primary key,
  suggest text not null check (suggest in ('pass', 'review', 'risky')),
  label integer not null,
  received_at timestamptz not null default now(),
  applied_at timestamptz
);

select private.refuse_writes_when_inactive('public.community_post_images');

-- -----------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------
-- Storage insert check: a well-formed path in an enterprise whose community the caller may write in.
create or replace function private.community_image_upload_allowed(p_name text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise uuid := private.object_enterprise_id(p_name, '^[0-9a-f-]{36}/[0-9a-f-]{36}/[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|webp|gif)$');
begin
  return v_enterprise is not null
     and v_enterprise in (select private.my_community_enterprise_ids())
     and private.has_feature(v_enterprise, 'community')
     and not exists (select 1 from public.community_sanctions s
                      where s.user_id = auth.uid() and s.enterprise_id = v_enterprise
                        and s.lifted_at is null and now() >= s.starts_at and now() < s.ends_at);
end $$;

-- Storage read check (besides the uploader): the image is on a post the caller reads, and has
-- passed the check; moderators of the post's enterprise read it at any state.
create or replace function private.community_image_readable(p_name text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (
    select 1 from public.community_post_images i
      join public.community_posts p on p.id = i.post_id
     where i.path = p_name and i.status <> 'risky'
       and p.section_id in (select private.my_community_section_ids())
       and ((i.status = 'pass' and p.status = 'published') or p.enterprise_id in (select private.my_community_moderated_ids())));
end $$;

-- Keeps community_post_images in step with community_posts.images: new paths must be objects the
-- author uploaded into the post's enterprise folder and start as pending; paths no longer on the
-- post lose their row (a risky one keeps it, and can't come back).
create or replace function private.community_sync_images()
returns trigger language plpgsql security definer set search_path = '' as $$
declare v_path text;
  v_n integer := 0;
begin
  if tg_op = 'UPDATE' then
    delete from public.community_post_images i
     where i.post_id = new.id and i.status <> 'risky' and not (i.path = any (new.images));
  end if;
  foreach v_path in array new.images loop
    v_n := v_n + 1;
    if exists (select 1 from public.community_post_images i where i.post_id = new.id and i.path = v_path) then
      if exists (select 1 from public.community_post_images i where i.post_id = new.id and i.path = v_path and i.status = 'risky') then
        raise exception using errcode = '22023', message = 'image_refused', hint = '该图片未通过内容审核，不能再次使用';
      end if;
      update public.community_post_images set sort_order = v_n where post_id = new.id and path = v_path;
      continue;
    end if;
    if split_part(v_path, '/', 1) <> new.enterprise_id::text
       or not exists (select 1 from storage.objects o
                       where o.bucket_id = 'community' and o.name = v_path and o.owner_id = new.author_id::text) then
      raise exception using errcode = '22023', message = 'images_invalid', hint = '图片最多 9 张，且须先上传到本企业的社区空间';
    end if;
    insert into public.community_post_images (enterprise_id, post_id, path, author_id, sort_order)
    values (new.enterprise_id, new.id, v_path, new.author_id, v_n);
  end loop;
  return null;
end $$;
create trigger community_sync_images after insert or update of images on public.community_posts
  for each row execute function private.community_sync_images();

-- A moderator dismisses a case about a post (nothing wrong with it): images held for review pass.
create or replace function private.community_images_after_action()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  update public.community_post_images i set status = 'pass', checked_at = now()
   where i.post_id = new.target_id and i.status = 'review';
  return null;
end $$;
create trigger community_images_after_action after insert on public.community_actions
  for each row when (new.action = 'dismiss' and new.target_type = 'post') execute function private.community_images_after_action();

-- WeChat's label in words people understand.
create or replace function private.community_label_text(p_label integer)
returns text language sql immutable set search_path = ''
as $$ select case p_label when 10001 then '广告' when 20001 then '时政' when 20002 then '色情' when 20003 then '辱骂'
  when 20006 then '违法犯罪' when 20008 then '欺诈' when 20012 then '低俗' when 20013 then '版权' else '违规' end; $$;

-- Applies a received verdict to its image (once): pass shows it; review opens a case in the
-- moderation queue; risky removes it from the post and tells the author why.
create or replace function private.community_apply_media_verdict(p_trace_id text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_verdict private.community_media_verdicts;
  v_img public.community_post_images;
  v_post public.community_posts;
begin
  select * into v_verdict from private.community_media_verdicts v where v.trace_id = p_trace_id and v.applied_at is null for update;
  if v_verdict.trace_id is null then
    return json_build_object('applied', false);
  end if;
  select * into v_img from public.community_post_images i where i.trace_id = p_trace_id and i.status = 'pending' for update;
  if v_img.id is null then
    return json_build_object('applied', false);
  end if;
  update private.community_media_verdicts set applied_at = now() where trace_id = p_trace_id;
  update public.community_post_images
     set status = v_verdict.suggest, label = v_verdict.label::text, checked_at = now()
   where id = v_img.id;
  select * into v_post from public.community_posts p where p.id = v_img.post_id;
  -- the verdict is the platform's: it applies in a suspended enterprise too
  perform set_config('zx.enterprise_status_change', 'on', true);
  if v_verdict.suggest = 'risky' then
    update public.community_posts set images = array_remove(images, v_img.path) where id = v_img.post_id;
    if v_img.author_id is not null then
      perform private.notify(v_img.author_id, 'community_moderation', '图片未通过内容审核',
        format('你在「%s」中上传的一张图片可能涉及%s信息，已从帖子中移除。', v_post.title, private.community_label_text(v_verdict.label)),
        jsonb_build_object('enterprise_id', v_img.enterprise_id, 'post_id', v_img.post_id, 'target_type', 'post',
                           'target_id', v_img.post_id, 'label', v_verdict.label));
    end if;
  elsif v_verdict.suggest = 'review' then
    perform private.community_open_image_case(v_img, 'wechat-media:' || v_verdict.label);
  end if;
  perform set_config('zx.enterprise_status_change', '', true);
  return json_build_object('applied', true, 'post_id', v_img.post_id, 'status', v_verdict.suggest);
end $$;

-- An image needs a person: the post gets an open case in its enterprise's moderation queue.
create or replace function private.community_open_image_case(p_img public.community_post_images, p_label text)
returns void language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.community_cases c where c.target_type = 'post' and c.target_id = p_img.post_id and c.status <> 'resolved') then
    insert into public.community_cases (enterprise_id, target_type, target_id, author_id, source, check_label)
    select p.enterprise_id, 'post', p.id, p.author_id, 'publish_check', left('image:' || p_label, 60)
      from public.community_posts p where p.id = p_img.post_id;
  end if;
end $$;

-- -----------------------------------------------------------------------------
-- Service-role RPC bodies (the community-publish and community-media-push functions)
-- -----------------------------------------------------------------------------
-- The check of one pending image started (p_trace_id), or could not run (p_label: `unchecked` for
-- H5 / WeCom authors without an openid, `wechat:unavailable`): then it waits for a moderator.
create or replace function private.community_image_check(p_image_id uuid, p_trace_id text default null, p_label text default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_img public.community_post_images;
begin
  select * into v_img from public.community_post_images i where i.id = p_image_id and i.status = 'pending' and i.trace_id is null for update;
  if v_img.id is null then
    raise exception using errcode = '22023', message = 'image_not_pending', hint = '图片不存在或已在审核中';
  end if;
  if p_trace_id is not null then
    if p_trace_id !~ '^[A-Za-z0-9._-]{1,128}$' then
      raise exception using errcode = '22023', message = 'trace_id_invalid', hint = '审核编号不正确';
    end if;
    update public.community_post_images set trace_id = p_trace_id where id = v_img.id;
    -- WeChat may have pushed the verdict before we got here
    return private.community_apply_media_verdict(p_trace_id);
  end if;
  update public.community_post_images set status = 'review', label = left(coalesce(nullif(p_label, ''), 'unchecked'), 60), checked_at = now()
   where id = v_img.id;
  perform private.community_open_image_case(v_img, coalesce(nullif(p_label, ''), 'unchecked'));
  return json_build_object('applied', true, 'post_id', v_img.post_id, 'status', 'review');
end $$;

-- A verdict WeChat pushed: kept once per trace id (a replay changes nothing) and applied.
create or replace function private.community_media_verdict(p_trace_id text, p_suggest text, p_label integer default null)
returns json language plpgsql security definer set search_path = '' as $$
begin
  if p_trace_id is null or p_trace_id !~ '^[A-Za-z0-9._-]{1,128}$' then
    raise exception using errcode = '22023', message = 'trace_id_invalid', hint = '审核编号不正确';
  end if;
  if p_suggest is null or p_suggest not in ('pass', 'review', 'risky') then
    raise exception using errcode = '22023', message = 'verdict_invalid', hint = '检查结果不正确';
  end if;
  insert into private.community_media_verdicts (trace_id, suggest, label)
  values (p_trace_id, p_suggest, coalesce(p_label, 21000))
  on conflict (trace_id) do nothing;
  if not found then
    return json_build_object('applied', false, 'duplicate', true);
  end if;
  return private.community_apply_media_verdict(p_trace_id);
end $$;

revoke all on function private.community_image_upload_allowed(text), private.community_image_readable(text),
  private.community_sync_images(), private.community_images_after_action(), private.community_label_text(integer),
  private.community_apply_media_verdict(text), private.community_open_image_case(public.community_post_images, text)
  from public, anon, authenticated;
-- storage policies run as the caller
grant execute on function private.community_image_upload_allowed(text), private.community_image_readable(text) to authenticated;
-- the edge functions' entry points (community-publish, community-media-push)
select private.expose_rpcs(array[]::text[], p_service => array['community_image_check', 'community_media_verdict']);

-- -----------------------------------------------------------------------------
-- Read policies
-- -----------------------------------------------------------------------------
revoke all on public.community_post_images from anon, authenticated;
-- not author_id (an anonymous question's images) nor trace_id
grant select (id, enterprise_id, post_id, path, status, label, sort_order, created_at, checked_at)
  on public.community_post_images to authenticated;

create policy "Readers of a post read its checked images; the author and moderators read all"
  on public.community_post_images for select to authenticated
  using (author_id = (select auth.uid())
         or enterprise_id in (select private.my_community_moderated_ids())
         or (status = 'pass' and exists (select 1 from public.community_posts p where p.id = post_id)));

create policy "Members upload community images into their enterprise's folder"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'community' and owner_id = (select auth.uid())::text
              and (select private.community_image_upload_allowed(name)));

create policy "Uploaders, and readers of a post with its checked images, read community images"
  on storage.objects for select to authenticated
  using (bucket_id = 'community' and (owner_id = (select auth.uid())::text or (select private.community_image_readable(name))));

create policy "Uploaders delete their community images"
  on storage.objects for delete to authenticated
  using (bucket_id = 'community' and owner_id = (select auth.uid())::text);
