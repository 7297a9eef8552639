-- =============================================================================
-- Community RPCs. Each rule-bearing body is `private.community_*` (security definer, search_path
-- ''), executable by `authenticated` only because its public wrapper runs as the caller;
-- `public.community_*` is a thin security-invoker SQL wrapper with the API name.
--
-- Publishing (posts, edits, comments) consumes a ticket of the publishing check: the
-- community-publish edge function normalises the text, matches the platform's and the
-- enterprise's word lists and, for mini-program users, WeChat's msgSecCheck; then it records the
-- verdict for the caller and the exact text (community_check_record, service role only). A client
-- calling the publish RPC without going through the check has no ticket and is refused.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Shared checks
-- -----------------------------------------------------------------------------
-- A member who may write in the enterprise's community now: cleared, member, enterprise writable,
-- account not restricted, community membership neither restricted nor suspended.
create or replace function private.community_assert_writer(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  perform private.raise_if(not private.has_feature(p_enterprise_id, 'community'), 'P0001', 'feature_not_in_edition', '当前版本不包含社区功能');
  perform private.assert_enterprise_writable(p_enterprise_id);
  perform private.assert_not_restricted();
  perform private.assert_member_not_restricted(p_enterprise_id);
end $$;

create or replace function private.community_assert_moderator(p_enterprise_id uuid)
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  perform private.raise_if(not private.is_community_moderator(p_enterprise_id), '42501', 'not_community_moderator', '仅企业管理员或社区管理员可以执行此操作');
end $$;

create or replace function private.community_author_name(p_enterprise_id uuid, p_user_id uuid)
returns text language plpgsql stable security definer set search_path = '' as $$
begin
  -- someone who left shows as 「前成员」 (with the name for admins): private.kb_person_name,
  -- 20261215010000_kb_governance.sql (LX 2.1.2) — poll voters and event sign-ups included
  return private.kb_person_name(p_enterprise_id, p_user_id);
end $$;

-- Takes the caller's ticket for this exact text; returns its verdict ('pass' | 'review').
create or replace function private.community_take_ticket(p_enterprise_id uuid, p_title text, p_text text, out verdict text, out label text)
language plpgsql security definer set search_path = '' as $$
begin
  delete from private.community_publish_tickets t
   where t.id = (select t2.id from private.community_publish_tickets t2
                  where t2.user_id = auth.uid() and t2.enterprise_id = p_enterprise_id
                    and t2.digest = private.community_digest(p_enterprise_id, p_title, p_text)
                    and t2.expires_at > now()
                  order by t2.expires_at desc limit 1)
  returning t.verdict, t.label into verdict, label;
  perform private.raise_if(verdict is null, 'P0001', 'publish_check_required', '内容未经过发布检查，请重新提交');
end $$;

-- The visible target of a report or comment (a published item in a section the caller reads).
create or replace function private.community_target(p_target_type text, p_target_id uuid,
  out enterprise_id uuid, out author_id uuid, out status text, out post_id uuid, out excerpt text)
language plpgsql stable security definer set search_path = '' as $$
begin
  if p_target_type = 'post' then
    select p.enterprise_id, p.author_id, p.status, p.id, left(p.title || ' ' || p.body_text, 200)
      into enterprise_id, author_id, status, post_id, excerpt
      from public.community_posts p
     where p.id = p_target_id and p.section_id in (select private.my_community_section_ids());
  elsif p_target_type = 'comment' then
    select c.enterprise_id, c.author_id, c.status, c.post_id, left(c.body_text, 200)
      into enterprise_id, author_id, status, post_id, excerpt
      from public.community_comments c
     where c.id = p_target_id and c.section_id in (select private.my_community_section_ids());
  else
    raise exception using errcode = '22023', message = 'target_type_invalid', hint = '举报对象类型不正确';
  end if;
  perform private.raise_if(enterprise_id is null or status <> 'published', '22023', 'content_not_found', '内容不存在或已被删除');
end $$;

create or replace function private.community_set_target_status(p_target_type text, p_target_id uuid, p_status text, p_reason text)
returns void language plpgsql security definer set search_path = '' as $$
begin
  if p_target_type = 'post' then
    update public.community_posts p
       set status = p_status, hidden_reason = case when p_status = 'hidden' then p_reason end,
           edit_required_at = case when p_reason = 'edit_required' then now() end, updated_at = now()
     where p.id = p_target_id and p.status <> 'deleted';
  else
    update public.community_comments c
       set status = p_status, hidden_reason = case when p_status = 'hidden' then p_reason end
     where c.id = p_target_id and c.status <> 'deleted';
  end if;
end $$;

-- Notifies the enterprise's community moderators (admins and community managers).
create or replace function private.community_notify_moderators(p_enterprise_id uuid, p_kind text, p_title text, p_body text, p_data jsonb)
returns void language sql security definer set search_path = '' as $$
  insert into public.notifications (user_id, kind, title, body, data)
  select m.user_id, p_kind, p_title, p_body, p_data || jsonb_build_object('enterprise_id', p_enterprise_id)
    from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and (m.role = 'admin' or 'community' = any (m.scopes));
$$;

-- @mentions: the mentioned colleagues who can read the section are notified (others are dropped
-- without a word, so a mention can't probe who belongs to the enterprise); at most 20 per item.
create or replace function private.community_notify_mentions(p_enterprise_id uuid, p_section_id uuid, p_mentions uuid[],
  p_post_id uuid, p_comment_id uuid, p_excerpt text)
returns void language plpgsql security definer set search_path = '' as $$
begin
  perform private.raise_if(cardinality(coalesce(p_mentions, '{}')) > 20, '22023', 'too_many_mentions', '一次最多提及 20 位同事');
  insert into public.notifications (user_id, kind, title, body, data)
  select distinct m.user_id, 'community_mention', format('%s 在社区提到了你',
           case when exists (select 1 from public.community_posts p where p.id = p_post_id and p.anonymous and p.author_id = auth.uid())
                then private.community_anonymous_name() else private.community_author_name(p_enterprise_id, auth.uid()) end),
         left(p_excerpt, 80),
         jsonb_build_object('enterprise_id', p_enterprise_id, 'post_id', p_post_id, 'comment_id', p_comment_id)
    from public.enterprise_members m
    join public.community_sections s on s.id = p_section_id
   where m.enterprise_id = p_enterprise_id and m.user_id = any (coalesce(p_mentions, '{}')) and m.user_id <> auth.uid()
     and (s.department_ids = '{}' or m.department_id = any (s.department_ids) or m.role = 'admin' or 'community' = any (m.scopes));
end $$;

-- -----------------------------------------------------------------------------
-- Sections
-- -----------------------------------------------------------------------------
create or replace function private.community_create_section(p_enterprise_id uuid, p_name text, p_description text default '',
  p_department_ids uuid[] default '{}', p_sort_order integer default 0)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_name text := btrim(coalesce(p_name, ''));
  v_id uuid;
begin
  perform private.community_assert_moderator(p_enterprise_id);
  perform private.assert_enterprise_writable(p_enterprise_id);
  perform private.raise_if(char_length(v_name) not between 1 and 20, '22023', 'section_name_invalid', '版块名称须为 1–20 个字');
  perform private.raise_if(char_length(coalesce(p_description, '')) > 200, '22023', 'section_description_too_long', '版块简介不能超过 200 字');
  if cardinality(coalesce(p_department_ids, '{}')) > 50
     or exists (select 1 from unnest(coalesce(p_department_ids, '{}')) d(id)
                 where d.id is null or not exists (select 1 from public.departments x where x.id = d.id and x.enterprise_id = p_enterprise_id)) then
    raise exception using errcode = '22023', message = 'department_not_found', hint = '所选部门不存在';
  end if;
  if exists (select 1 from public.community_sections s
              where s.enterprise_id = p_enterprise_id and lower(btrim(s.name)) = lower(v_name) and s.archived_at is null) then
    raise exception using errcode = '22023', message = 'section_name_taken', hint = '已有同名版块';
  end if;
  insert into public.community_sections (enterprise_id, name, description, department_ids, sort_order, created_by)
  values (p_enterprise_id, v_name, coalesce(btrim(p_description), ''), coalesce(p_department_ids, '{}'),
          coalesce(p_sort_order, 0), auth.uid())
  returning id into v_id;
  return v_id;
end $$;

create or replace function private.community_archive_section(p_section_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_eid uuid := (select s.enterprise_id from public.community_sections s where s.id = p_section_id);
begin
  perform private.assert_cleared();
  perform private.raise_if(v_eid is null or not private.is_member(v_eid), '22023', 'section_not_found', '版块不存在');
  perform private.community_assert_moderator(v_eid);
  update public.community_sections set archived_at = coalesce(archived_at, now()) where id = p_section_id;
end $$;

-- -----------------------------------------------------------------------------
-- The publishing check's side (service role: the community-publish edge function)
-- -----------------------------------------------------------------------------
-- Both word lists with a version; when the caller already holds this version, only the version
-- (the edge function keeps the built matcher between requests).
create or replace function private.community_word_list(p_enterprise_id uuid, p_known_version text default null)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_version text;
begin
  select concat_ws(':', (select count(*) from private.community_platform_words),
                        (select extract(epoch from max(w.created_at)) from private.community_platform_words w),
                        (select count(*) from public.community_blocked_words w where w.enterprise_id = p_enterprise_id),
                        (select extract(epoch from max(w.created_at)) from public.community_blocked_words w where w.enterprise_id = p_enterprise_id))
    into v_version;
  if v_version = p_known_version then
    return json_build_object('version', v_version);
  end if;
  return json_build_object(
    'version', v_version,
    'platform', coalesce((select json_agg(w.word) from private.community_platform_words w), '[]'::json),
    'enterprise', coalesce((select json_agg(w.word) from public.community_blocked_words w where w.enterprise_id = p_enterprise_id), '[]'::json));
end $$;

-- The caller's mini-program openid, for WeChat's content check (msgSecCheck needs it).
create or replace function private.community_wechat_openid(p_user_id uuid)
returns text language sql stable security definer set search_path = '' as $$
  select l.subject from private.wechat_links l where l.provider = 'wechat' and l.user_id = p_user_id
   order by l.last_login_at desc nulls last limit 1;
$$;

-- Records the check's verdict for the user and the exact text; p_body (a Delta) or p_text (a comment).
create or replace function private.community_check_record(p_user_id uuid, p_enterprise_id uuid, p_title text, p_body jsonb default null,
  p_text text default null, p_verdict text default 'pass', p_label text default '', p_type text default null, p_extra jsonb default null)
returns json language plpgsql security definer set search_path = '' as $$
declare v_text text;
  v_digest text;
begin
  perform private.raise_if(p_verdict is null or p_verdict not in ('pass', 'review'), '22023', 'verdict_invalid', '检查结果不正确');
  perform private.raise_if(not exists (select 1 from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id), '42501', 'not_enterprise_member', '你不是该企业的成员');
  -- a post's text is its body and what its type adds (poll options, event place): the ticket covers both
  v_text := case when p_body is not null
                 then private.community_delta_text(p_body) || private.community_extra_text(p_type, p_extra)
                 else coalesce(p_text, '') end;
  v_digest := private.community_digest(p_enterprise_id, coalesce(p_title, ''), v_text);
  delete from private.community_publish_tickets t where t.user_id = p_user_id and t.expires_at <= now();
  insert into private.community_publish_tickets (user_id, enterprise_id, digest, verdict, label)
  values (p_user_id, p_enterprise_id, v_digest, p_verdict, left(coalesce(p_label, ''), 60));
  return json_build_object('digest', v_digest, 'verdict', p_verdict);
end $$;

-- -----------------------------------------------------------------------------
-- Posts
-- -----------------------------------------------------------------------------
create or replace function private.community_clean_images(p_enterprise_id uuid, p_images text[])
returns text[] language plpgsql immutable set search_path = '' as $$
begin
  if cardinality(coalesce(p_images, '{}')) > 9
     or exists (select 1 from unnest(coalesce(p_images, '{}')) i(path)
                 where i.path is null or i.path !~ ('^' || p_enterprise_id::text || '/[0-9a-f-]{36}/[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|webp|gif)$')) then
    raise exception using errcode = '22023', message = 'images_invalid', hint = '图片最多 9 张，且须先上传到本企业的社区空间';
  end if;
  return coalesce(p_images, '{}');
end $$;

create or replace function private.community_clean_title(p_title text)
returns text language plpgsql immutable set search_path = '' as $$
declare v text := btrim(coalesce(p_title, ''));
begin
  if char_length(v) not between 2 and 60 then
    raise exception using errcode = '22023', message = 'title_invalid', hint = '标题须为 2–60 个字';
  end if;
  return v;
end $$;

create or replace function private.community_create_post(p_section_id uuid, p_title text, p_body jsonb, p_images text[] default '{}',
  p_mentions uuid[] default '{}', p_type text default 'post', p_extra jsonb default '{}')
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_section public.community_sections;
  v_title text;
  v_text text;
  v_images text[];
  v_check record;
  v_status text;
  v_id uuid;
  v_post public.community_posts;
begin
  perform private.assert_cleared();
  select * into v_section from public.community_sections s
   where s.id = p_section_id and s.id in (select private.my_community_section_ids());
  perform private.raise_if(v_section.id is null or v_section.archived_at is not null, '22023', 'section_not_found', '版块不存在或已停用');
  perform private.community_assert_writer(v_section.enterprise_id);
  v_title := private.community_clean_title(p_title);
  v_text := private.community_delta_text(p_body);
  perform private.raise_if(char_length(btrim(v_text)) < 1 or char_length(v_text) > 20000, '22023', 'body_length_invalid', '正文须为 1–20000 个字');
  v_images := private.community_clean_images(v_section.enterprise_id, p_images);
  perform private.raise_if(p_type is null or p_type not in ('post', 'announcement', 'question', 'poll', 'event'), '22023', 'post_type_invalid', '内容类型不正确');
  v_check := private.community_take_ticket(v_section.enterprise_id, v_title, v_text || private.community_extra_text(p_type, p_extra));
  v_status := case when v_check.verdict = 'review' then 'held' else 'published' end;
  insert into public.community_posts (enterprise_id, section_id, author_id, author_name, title, body, body_text, images, status, post_type)
  values (v_section.enterprise_id, v_section.id, v_uid, private.community_author_name(v_section.enterprise_id, v_uid),
          v_title, p_body, v_text, v_images, v_status, p_type)
  returning * into v_post;
  v_id := v_post.id;
  perform private.community_save_type(v_post, p_extra);
  perform private.raise_if(cardinality(coalesce(p_mentions, '{}')) > 20, '22023', 'too_many_mentions', '一次最多提及 20 位同事');
  if v_status = 'held' then
    insert into public.community_cases (enterprise_id, target_type, target_id, author_id, source, check_label)
    values (v_section.enterprise_id, 'post', v_id, v_uid, 'publish_check', v_check.label);
  else
    perform private.community_notify_mentions(v_section.enterprise_id, v_section.id, p_mentions, v_id, null, v_title);
    perform private.community_announce(v_id);
  end if;
  return json_build_object('id', v_id, 'status', v_status);
end $$;

-- The author edits: allowed while published or held, and the way back from "edit required".
create or replace function private.community_edit_post(p_post_id uuid, p_title text, p_body jsonb, p_images text[] default '{}')
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_post public.community_posts;
  v_title text;
  v_text text;
  v_check record;
  v_status text;
begin
  perform private.assert_cleared();
  select * into v_post from public.community_posts p where p.id = p_post_id for update;
  perform private.raise_if(v_post.id is null or v_post.author_id is distinct from v_uid or v_post.status = 'deleted', '22023', 'post_not_found', '帖子不存在或不是你发布的');
  perform private.community_assert_writer(v_post.enterprise_id);
  perform private.raise_if(v_post.status = 'hidden' and v_post.hidden_reason is distinct from 'edit_required', '42501', 'post_hidden', '帖子已被屏蔽，不能修改；如有异议请申诉');
  v_title := private.community_clean_title(p_title);
  v_text := private.community_delta_text(p_body);
  perform private.raise_if(char_length(btrim(v_text)) < 1 or char_length(v_text) > 20000, '22023', 'body_length_invalid', '正文须为 1–20000 个字');
  -- an edit changes the title and body only (a poll's options, an event's details stay)
  v_check := private.community_take_ticket(v_post.enterprise_id, v_title, v_text);
  v_status := case when v_check.verdict = 'review' then 'held' else 'published' end;
  -- A held post stays held until a moderator releases it.
  if v_post.status = 'held' then
    v_status := 'held';
  end if;
  update public.community_posts
     set title = v_title, body = p_body, body_text = v_text,
         images = private.community_clean_images(v_post.enterprise_id, p_images),
         status = v_status, hidden_reason = null, edit_required_at = null, updated_at = now()
   where id = p_post_id;
  if v_status = 'held' and not exists (select 1 from public.community_cases c
                                        where c.target_type = 'post' and c.target_id = p_post_id and c.status <> 'resolved') then
    insert into public.community_cases (enterprise_id, target_type, target_id, author_id, source, check_label)
    values (v_post.enterprise_id, 'post', p_post_id, v_uid, 'publish_check', v_check.label);
  end if;
  return json_build_object('id', p_post_id, 'status', v_status);
end $$;

-- The author removes their own post or comment (allowed even while restricted: removing is never
-- harmful). A removed post leaves the pinned and featured lists; a removed published comment leaves
-- its post's count.
create or replace function private.community_delete_own(p_target_type text, p_target_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_enterprise_id uuid;
  v_author_id uuid;
  v_status text;
  v_post_id uuid;
begin
  perform private.assert_cleared();
  if p_target_type = 'post' then
    select p.enterprise_id, p.author_id, p.status into v_enterprise_id, v_author_id, v_status
      from public.community_posts p where p.id = p_target_id for update;
  else
    select c.enterprise_id, c.author_id, c.status, c.post_id into v_enterprise_id, v_author_id, v_status, v_post_id
      from public.community_comments c where c.id = p_target_id for update;
  end if;
  perform private.raise_if(v_enterprise_id is null or v_author_id is distinct from auth.uid() or v_status = 'deleted', '22023',
    p_target_type || '_not_found', case p_target_type when 'post' then '帖子' else '评论' end || '不存在或不是你发布的');
  perform private.assert_member(v_enterprise_id);
  perform private.assert_enterprise_writable(v_enterprise_id);
  if p_target_type = 'post' then
    update public.community_posts set status = 'deleted', pinned_at = null, featured_at = null, updated_at = now() where id = p_target_id;
  else
    update public.community_comments set status = 'deleted' where id = p_target_id;
    if v_status = 'published' then
      update public.community_posts set comment_count = greatest(0, comment_count - 1) where id = v_post_id;
    end if;
  end if;
end $$;

-- Pin / feature: moderators.
create or replace function private.community_mark_post(p_post_id uuid, p_mark text, p_on boolean)
returns void language plpgsql security definer set search_path = '' as $$
declare v_post public.community_posts;
begin
  perform private.assert_cleared();
  select * into v_post from public.community_posts p where p.id = p_post_id;
  perform private.raise_if(v_post.id is null or not private.is_member(v_post.enterprise_id) or v_post.status = 'deleted', '22023', 'post_not_found', '帖子不存在');
  perform private.community_assert_moderator(v_post.enterprise_id);
  perform private.assert_enterprise_writable(v_post.enterprise_id);
  perform private.raise_if(p_on is null, '22023', 'flag_required', '请选择开启或关闭');
  if p_mark = 'pinned' then
    update public.community_posts set pinned_at = case when p_on then now() end where id = p_post_id;
  else
    update public.community_posts set featured_at = case when p_on then now() end where id = p_post_id;
  end if;
end $$;

-- -----------------------------------------------------------------------------
-- Comments, likes, favourites
-- -----------------------------------------------------------------------------
create or replace function private.community_add_comment(p_post_id uuid, p_body_text text, p_parent_id uuid default null, p_quote_id uuid default null,
  p_mentions uuid[] default '{}')
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_post public.community_posts;
  v_text text := btrim(coalesce(p_body_text, ''));
  v_parent public.community_comments;
  v_check record;
  v_status text;
  v_id uuid;
  v_notify uuid[];
begin
  perform private.assert_cleared();
  select * into v_post from public.community_posts p
   where p.id = p_post_id and p.section_id in (select private.my_community_section_ids());
  perform private.raise_if(v_post.id is null or v_post.status <> 'published', '22023', 'post_not_found', '帖子不存在或暂不可评论');
  perform private.community_assert_writer(v_post.enterprise_id);
  perform private.raise_if(char_length(v_text) not between 1 and 2000, '22023', 'comment_length_invalid', '评论须为 1–2000 个字');
  if p_parent_id is not null then
    select * into v_parent from public.community_comments c where c.id = p_parent_id and c.post_id = p_post_id and c.status = 'published';
    perform private.raise_if(v_parent.id is null, '22023', 'parent_comment_not_found', '回复的评论不存在');
  end if;
  if p_quote_id is not null and not exists (select 1 from public.community_comments c
                                             where c.id = p_quote_id and c.post_id = p_post_id and c.status = 'published') then
    raise exception using errcode = '22023', message = 'quoted_comment_not_found', hint = '引用的评论不存在';
  end if;
  v_check := private.community_take_ticket(v_post.enterprise_id, '', v_text);
  v_status := case when v_check.verdict = 'review' then 'held' else 'published' end;
  insert into public.community_comments (enterprise_id, section_id, post_id, parent_id, quote_id, author_id, author_name, body_text, status)
  values (v_post.enterprise_id, v_post.section_id, p_post_id, p_parent_id, p_quote_id, v_uid,
          private.community_author_name(v_post.enterprise_id, v_uid), v_text, v_status)
  returning id into v_id;
  if v_status = 'held' then
    insert into public.community_cases (enterprise_id, target_type, target_id, author_id, source, check_label)
    values (v_post.enterprise_id, 'comment', v_id, v_uid, 'publish_check', v_check.label);
  else
    update public.community_posts set comment_count = comment_count + 1 where id = p_post_id;
    v_notify := array_remove(array_remove(array[v_post.author_id, v_parent.author_id], v_uid), null);
    insert into public.notifications (user_id, kind, title, body, data)
    select distinct u, 'community_reply', '你的帖子有新回复', left(v_text, 80),
           jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', p_post_id, 'comment_id', v_id)
      from unnest(v_notify) u where u is not null;
    perform private.community_notify_mentions(v_post.enterprise_id, v_post.section_id,
      array(select x from unnest(coalesce(p_mentions, '{}')) x where x <> all (v_notify)), p_post_id, v_id, v_text);
  end if;
  return json_build_object('id', v_id, 'status', v_status);
end $$;

-- Like or favourite on/off; returns the post's new count.
create or replace function private.community_react(p_post_id uuid, p_kind text, p_on boolean)
returns integer language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_post public.community_posts;
  v_changed integer;
  v_count integer;
begin
  perform private.assert_cleared();
  select * into v_post from public.community_posts p
   where p.id = p_post_id and p.section_id in (select private.my_community_section_ids()) and p.status = 'published';
  perform private.raise_if(v_post.id is null, '22023', 'post_not_found', '帖子不存在');
  perform private.community_assert_writer(v_post.enterprise_id);
  perform private.raise_if(p_on is null, '22023', 'flag_required', '请选择开启或关闭');
  if p_on then
    insert into public.community_post_marks (kind, post_id, user_id, enterprise_id) values (p_kind, p_post_id, v_uid, v_post.enterprise_id) on conflict do nothing;
  else
    delete from public.community_post_marks where kind = p_kind and post_id = p_post_id and user_id = v_uid;
  end if;
  get diagnostics v_changed = row_count;
  v_changed := case when p_on then v_changed else -v_changed end;
  update public.community_posts
     set like_count = greatest(0, like_count + case when p_kind = 'like' then v_changed else 0 end),
         favorite_count = greatest(0, favorite_count + case when p_kind = 'favorite' then v_changed else 0 end)
   where id = p_post_id
  returning case when p_kind = 'like' then like_count else favorite_count end into v_count;
  return v_count;
end $$;

-- The API's bodies (named like their wrappers) over the internal functions above.
create or replace function private.community_pin_post(p_post_id uuid, p_on boolean)
returns void language sql security definer set search_path = ''
as $$ select private.community_mark_post(p_post_id, 'pinned', p_on); $$;

create or replace function private.community_feature_post(p_post_id uuid, p_on boolean)
returns void language sql security definer set search_path = ''
as $$ select private.community_mark_post(p_post_id, 'featured', p_on); $$;

create or replace function private.community_set_like(p_post_id uuid, p_on boolean)
returns integer language sql security definer set search_path = ''
as $$ select private.community_react(p_post_id, 'like', p_on); $$;

create or replace function private.community_set_favorite(p_post_id uuid, p_on boolean)
returns integer language sql security definer set search_path = ''
as $$ select private.community_react(p_post_id, 'favorite', p_on); $$;

create or replace function private.community_delete_post(p_post_id uuid)
returns void language sql security definer set search_path = '' as $$ select private.community_delete_own('post', p_post_id); $$;

create or replace function private.community_delete_comment(p_comment_id uuid)
returns void language sql security definer set search_path = '' as $$ select private.community_delete_own('comment', p_comment_id); $$;

-- -----------------------------------------------------------------------------
-- Reports (LX 4.4): weighted by the reporter's accuracy; past the threshold the item is hidden
-- until a moderator reviews it.
-- -----------------------------------------------------------------------------
create or replace function private.community_report(p_target_type text, p_target_id uuid, p_category text, p_note text default '')
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_t record;
  v_case public.community_cases;
  v_weight numeric;
begin
  perform private.assert_cleared();
  v_t := private.community_target(p_target_type, p_target_id);
  perform private.assert_member(v_t.enterprise_id);
  perform private.assert_enterprise_writable(v_t.enterprise_id);
  perform private.raise_if(v_t.author_id = v_uid, '22023', 'own_content', '不能举报自己发布的内容');
  perform private.raise_if(p_category is null or not exists (select 1 from public.community_report_categories c where c.code = p_category), '22023', 'report_category_invalid', '请选择举报类型');
  perform private.raise_if(char_length(coalesce(p_note, '')) > 500, '22023', 'report_note_too_long', '补充说明不能超过 500 字');
  if exists (select 1 from public.community_reports r
              where r.target_type = p_target_type and r.target_id = p_target_id and r.reporter_id = v_uid) then
    raise exception using errcode = '22023', message = 'already_reported', hint = '你已举报过该内容，请等待处理';
  end if;
  perform private.raise_if((select count(*) from public.community_reports r where r.reporter_id = v_uid and r.created_at > now() - interval '1 day') >= 30, '22023', 'report_limit', '今天的举报次数已达上限，请明天再试');

  v_weight := private.community_reporter_weight(v_t.enterprise_id, v_uid);
  -- One open case per item; concurrent first reports meet on the unique index.
  insert into public.community_cases (enterprise_id, target_type, target_id, author_id, source)
  values (v_t.enterprise_id, p_target_type, p_target_id, v_t.author_id, 'reports')
  on conflict (target_type, target_id) where status <> 'resolved' do nothing;
  select * into v_case from public.community_cases c
   where c.target_type = p_target_type and c.target_id = p_target_id and c.status <> 'resolved' for update;
  insert into public.community_reports (enterprise_id, case_id, target_type, target_id, reporter_id, category, note, weight)
  values (v_t.enterprise_id, v_case.id, p_target_type, p_target_id, v_uid, p_category, btrim(coalesce(p_note, '')), v_weight);
  update public.community_cases
     set score = score + v_weight, report_count = report_count + 1
   where id = v_case.id
  returning * into v_case;
  if v_case.score >= private.community_hide_threshold(v_t.enterprise_id) and not v_case.hid_item and v_t.status = 'published' then
    perform private.community_set_target_status(p_target_type, p_target_id, 'hidden', 'reports');
    update public.community_cases set hid_item = true where id = v_case.id;
    perform private.community_notify_moderators(v_t.enterprise_id, 'community_report', '社区内容被多人举报，已暂时隐藏',
      left(v_t.excerpt, 80), jsonb_build_object('case_id', v_case.id));
    return json_build_object('case_id', v_case.id, 'hidden', true);
  end if;
  return json_build_object('case_id', v_case.id, 'hidden', v_case.hid_item);
end $$;

-- -----------------------------------------------------------------------------
-- Moderation queue and actions (LX 4.7.1, 5.1.5)
-- -----------------------------------------------------------------------------
-- Moderators: their enterprise's cases in a status. Operators (p_enterprise_id null): escalated cases.
create or replace function private.community_moderation_queue(p_enterprise_id uuid default null, p_status text default 'open')
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_operator boolean := private.is_platform_operator();
begin
  perform private.assert_cleared();
  perform private.raise_if(p_status is null or p_status not in ('open', 'escalated', 'resolved'), '22023', 'status_invalid', '状态不正确');
  if p_enterprise_id is null then
    perform private.raise_if(not v_operator, '42501', 'not_platform_operator', '仅平台运营人员可以执行此操作');
  else
    perform private.community_assert_moderator(p_enterprise_id);
  end if;
  return coalesce((
    select json_agg(row_to_json(x) order by x.opened_at desc)
      from (
        select c.id, c.enterprise_id, c.target_type, c.target_id, c.source, c.check_label, c.score, c.report_count,
               c.status, c.hid_item, c.opened_at, c.resolved_at, c.author_id,
               case when coalesce(p.anonymous, cm.anonymous)
                    then private.community_author_name(c.enterprise_id, c.author_id) || '（匿名提问）'
                    else coalesce(p.author_name, cm.author_name) end as author_name,
               coalesce(p.title, '') as title,
               left(coalesce(p.body_text, cm.body_text), 300) as excerpt,
               coalesce(p.status, cm.status) as content_status,
               coalesce(p.id, cm.post_id) as post_id,
               (select json_agg(json_build_object('category', g.category, 'clause', rc.clause, 'label', rc.label, 'count', g.n) order by g.n desc)
                  from (select r.category, count(*) as n from public.community_reports r where r.case_id = c.id group by r.category) g
                  join public.community_report_categories rc on rc.code = g.category) as categories,
               (select json_agg(r.note order by r.created_at) from (select r2.note, r2.created_at from public.community_reports r2
                  where r2.case_id = c.id and r2.note <> '' order by r2.created_at limit 10) r) as notes
          from public.community_cases c
          left join public.community_posts p on c.target_type = 'post' and p.id = c.target_id
          left join public.community_comments cm on c.target_type = 'comment' and cm.id = c.target_id
         where c.status = p_status
           and (case when p_enterprise_id is null then c.status = 'escalated' else c.enterprise_id = p_enterprise_id end)
         order by c.opened_at desc
         limit 200
      ) x), '[]'::json);
end $$;

create or replace function private.community_action_title(p_action text)
returns text language sql immutable set search_path = '' as $$
  select case p_action
    when 'hide' then '你发布的内容已被屏蔽'
    when 'delete' then '你发布的内容已被删除'
    when 'require_edit' then '请修改你发布的内容'
    when 'warn' then '社区警告'
    when 'restrict' then '你的社区发布功能已被限制'
    when 'suspend' then '你的社区成员资格已被暂停'
    when 'dismiss' then '你的内容经审核未发现违规'
    else '社区处理通知' end;
$$;

create or replace function private.community_moderate(p_case_id uuid, p_action text, p_reason text, p_clause text default null, p_days integer default null)
returns uuid language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_case public.community_cases;
  v_role text;
  v_clause text;
  v_reason text := btrim(coalesce(p_reason, ''));
  v_action_id uuid;
  v_upheld boolean;
begin
  perform private.assert_cleared();
  select * into v_case from public.community_cases c where c.id = p_case_id for update;
  perform private.raise_if(v_case.id is null, '22023', 'case_not_found', '待处理事项不存在');
  if v_case.status = 'escalated' then
    perform private.assert_platform_operator();
    v_role := 'operator';
  else
    perform private.raise_if(not private.is_member(v_case.enterprise_id), '22023', 'case_not_found', '待处理事项不存在');
    perform private.community_assert_moderator(v_case.enterprise_id);
    perform private.assert_enterprise_writable(v_case.enterprise_id);
    v_role := 'moderator';
  end if;
  perform private.raise_if(v_case.author_id = v_uid, '42501', 'own_content', '不能处理自己发布的内容，请由其他管理员处理');
  perform private.raise_if(p_action is null or p_action not in ('hide', 'delete', 'dismiss', 'require_edit', 'warn', 'restrict', 'suspend', 'escalate'), '22023', 'action_invalid', '处理方式不正确');
  perform private.raise_if(char_length(v_reason) not between 2 and 500, '22023', 'reason_required', '请填写处理理由（2–500 字）');
  perform private.raise_if(p_action in ('restrict', 'suspend') and (p_days is null or p_days not between 1 and 365), '22023', 'days_invalid', '请填写 1–365 天');
  perform private.raise_if(p_action in ('hide', 'delete', 'dismiss', 'require_edit', 'escalate') and v_case.status = 'resolved', '22023', 'case_closed', '该事项已处理');
  perform private.raise_if(p_action = 'escalate' and v_role = 'operator', '22023', 'case_already_escalated', '该事项已提交平台处理');
  perform private.raise_if(p_action in ('warn', 'restrict', 'suspend') and v_case.author_id is null, '22023', 'author_gone', '作者账号已注销，只能处理内容');
  -- The clause: the moderator's choice, else the most-reported category's.
  v_clause := coalesce(nullif(btrim(p_clause), ''),
    (select rc.clause from public.community_reports r join public.community_report_categories rc on rc.code = r.category
      where r.case_id = v_case.id group by rc.clause order by count(*) desc, rc.clause limit 1),
    'LX 4.4.2.5');
  perform private.raise_if(char_length(v_clause) > 40, '22023', 'clause_invalid', '条款不正确');

  insert into public.community_actions (enterprise_id, case_id, target_type, target_id, author_id, actor_id, actor_role,
                                        action, clause, reason, days)
  values (v_case.enterprise_id, v_case.id, v_case.target_type, v_case.target_id, v_case.author_id, v_uid, v_role,
          p_action, case when p_action in ('dismiss', 'escalate') then '' else v_clause end, v_reason,
          case when p_action in ('restrict', 'suspend') then p_days end)
  returning id into v_action_id;

  if p_action = 'hide' then
    perform private.community_set_target_status(v_case.target_type, v_case.target_id, 'hidden', 'moderation');
  elsif p_action = 'delete' then
    perform private.community_set_target_status(v_case.target_type, v_case.target_id, 'deleted', null);
  elsif p_action = 'require_edit' then
    perform private.community_set_target_status(v_case.target_type, v_case.target_id, 'hidden', 'edit_required');
  elsif p_action = 'dismiss' then
    perform private.community_set_target_status(v_case.target_type, v_case.target_id, 'published', null);
  elsif p_action in ('restrict', 'suspend') then
    insert into public.community_sanctions (enterprise_id, user_id, kind, ends_at, action_id)
    values (v_case.enterprise_id, v_case.author_id, case when p_action = 'restrict' then 'restricted' else 'suspended' end,
            now() + make_interval(days => p_days), v_action_id);
  end if;

  if p_action = 'escalate' then
    update public.community_cases set status = 'escalated' where id = v_case.id;
  elsif p_action in ('hide', 'delete', 'dismiss', 'require_edit') or v_case.status <> 'resolved' then
    update public.community_cases set status = 'resolved', resolved_at = now(), resolved_by = v_uid where id = v_case.id;
  end if;

  -- Reports are decided with the case's first decision; that decides the reporters' accuracy.
  if p_action <> 'escalate' then
    v_upheld := p_action <> 'dismiss';
    insert into public.notifications (user_id, kind, title, body, data)
    select r.reporter_id, 'community_report',
           case when v_upheld then '你的举报已处理' else '你举报的内容经审核未发现违规' end,
           case when v_upheld then '感谢你的举报，相关内容已按社区规范处理' else '感谢你的举报，管理员审核后认为该内容未违反社区规范' end,
           jsonb_build_object('enterprise_id', v_case.enterprise_id, 'case_id', v_case.id)
      from public.community_reports r where r.case_id = v_case.id and r.outcome = 'open' and r.reporter_id is not null;
    update public.community_reports set outcome = case when v_upheld then 'upheld' else 'dismissed' end
     where case_id = v_case.id and outcome = 'open';
  end if;

  -- The author learns what happened, under which clause, and that they may appeal once.
  if p_action <> 'escalate' and v_case.author_id is not null then
    perform private.notify(v_case.author_id, 'community_moderation', private.community_action_title(p_action),
      case when p_action = 'dismiss' then v_reason
           else format('依据《服务协议》%s：%s%s。如有异议，可在“我的社区处理记录”中申诉一次。', v_clause, v_reason,
                       case when p_days is not null and p_action in ('restrict', 'suspend') then format('（%s 天）', p_days) else '' end) end,
      jsonb_build_object('enterprise_id', v_case.enterprise_id, 'action_id', v_action_id, 'action', p_action,
                         'clause', v_clause, 'target_type', v_case.target_type, 'target_id', v_case.target_id));
  end if;
  return v_action_id;
end $$;

-- -----------------------------------------------------------------------------
-- Appeals: one per action, by the person it concerns, decided by someone other than who acted.
-- -----------------------------------------------------------------------------
create or replace function private.community_appeal(p_action_id uuid, p_text text)
returns void language plpgsql security definer set search_path = '' as $$
declare v_a public.community_actions;
  v_text text := btrim(coalesce(p_text, ''));
begin
  perform private.assert_cleared();
  select * into v_a from public.community_actions a where a.id = p_action_id for update;
  perform private.raise_if(v_a.id is null or v_a.author_id is distinct from auth.uid(), '22023', 'action_not_found', '处理记录不存在');
  perform private.raise_if(v_a.action in ('dismiss', 'escalate'), '22023', 'action_not_appealable', '该记录无需申诉');
  perform private.raise_if(v_a.appealed_at is not null, '22023', 'appeal_used', '每项处理只能申诉一次');
  perform private.raise_if(char_length(v_text) not between 5 and 1000, '22023', 'appeal_text_invalid', '申诉理由须为 5–1000 字');
  update public.community_actions set appeal_text = v_text, appealed_at = now(), appeal_status = 'pending' where id = p_action_id;
  perform private.community_notify_moderators(v_a.enterprise_id, 'community_appeal', '有新的社区申诉待处理', left(v_text, 80),
    jsonb_build_object('action_id', p_action_id));
end $$;

create or replace function private.community_decide_appeal(p_action_id uuid, p_uphold boolean, p_note text)
returns void language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_a public.community_actions;
  v_note text := btrim(coalesce(p_note, ''));
begin
  perform private.assert_cleared();
  select * into v_a from public.community_actions a where a.id = p_action_id for update;
  perform private.raise_if(v_a.id is null, '22023', 'action_not_found', '处理记录不存在');
  if v_a.actor_role = 'operator' then
    perform private.assert_platform_operator();
  else
    perform private.raise_if(not private.is_member(v_a.enterprise_id), '22023', 'action_not_found', '处理记录不存在');
    perform private.community_assert_moderator(v_a.enterprise_id);
  end if;
  perform private.raise_if(v_a.appeal_status is distinct from 'pending', '22023', 'appeal_not_pending', '没有待处理的申诉');
  perform private.raise_if(v_a.actor_id = v_uid or v_a.author_id = v_uid, '42501', 'appeal_needs_other_moderator', '申诉须由作出处理的人以外的管理员处理');
  perform private.raise_if(p_uphold is null, '22023', 'decision_required', '请选择维持或撤销');
  perform private.raise_if(char_length(v_note) not between 2 and 500, '22023', 'reason_required', '请填写处理理由（2–500 字）');
  update public.community_actions
     set appeal_status = case when p_uphold then 'upheld' else 'overturned' end,
         appeal_decided_by = v_uid, appeal_decided_at = now(), appeal_note = v_note
   where id = p_action_id;
  if not p_uphold then
    if v_a.action in ('hide', 'delete', 'require_edit') then
      perform private.community_set_target_status(v_a.target_type, v_a.target_id, 'published', null);
      -- the item was wrongly reported: the reporters' accuracy follows
      update public.community_reports set outcome = 'dismissed' where case_id = v_a.case_id and outcome = 'upheld';
    elsif v_a.action in ('restrict', 'suspend') then
      update public.community_sanctions set lifted_at = now() where action_id = p_action_id and lifted_at is null;
    end if;
  end if;
  perform private.notify(v_a.author_id, 'community_moderation',
    case when p_uphold then '你的申诉未获支持，原处理维持' else '你的申诉已获支持，原处理已撤销' end,
    v_note, jsonb_build_object('enterprise_id', v_a.enterprise_id, 'action_id', p_action_id, 'appeal', case when p_uphold then 'upheld' else 'overturned' end));
end $$;

-- -----------------------------------------------------------------------------
-- Word list and the caller's standing
-- -----------------------------------------------------------------------------
create or replace function private.community_set_word_list(p_enterprise_id uuid, p_words text[])
returns integer language plpgsql security definer set search_path = '' as $$
declare v_words text[];
begin
  perform private.community_assert_moderator(p_enterprise_id);
  perform private.assert_enterprise_writable(p_enterprise_id);
  perform private.raise_if(p_words is null or cardinality(p_words) > 2000, '22023', 'word_list_invalid', '词表最多 2000 个词');
  select coalesce(array_agg(distinct w), '{}') into v_words
    from (select btrim(x) as w from unnest(p_words) x) y where w is not null and w <> '';
  perform private.raise_if(exists (select 1 from unnest(v_words) w where char_length(w) > 30), '22023', 'word_too_long', '每个词不能超过 30 个字');
  delete from public.community_blocked_words where enterprise_id = p_enterprise_id and word <> all (v_words);
  insert into public.community_blocked_words (enterprise_id, word, created_by)
  select p_enterprise_id, w, auth.uid() from unnest(v_words) w on conflict do nothing;
  return cardinality(v_words);
end $$;

-- The enterprise's community rules (admins): the hiding threshold and what leaving does to posts.
create or replace function private.community_set_settings(p_enterprise_id uuid, p_hide_threshold numeric, p_on_leave text)
returns json language plpgsql security definer set search_path = '' as $$
declare v_row public.community_settings;
begin
  perform private.assert_admin(p_enterprise_id);
  perform private.assert_enterprise_writable(p_enterprise_id);
  perform private.raise_if(p_hide_threshold is null or p_hide_threshold not between 1 and 20, '22023', 'threshold_invalid', '隐藏阈值须在 1–20 之间');
  perform private.raise_if(p_on_leave is null or p_on_leave not in ('keep', 'hide'), '22023', 'on_leave_invalid', '请选择成员离开后内容的处理方式');
  insert into public.community_settings (enterprise_id, hide_threshold, on_leave, updated_by)
  values (p_enterprise_id, round(p_hide_threshold, 1), p_on_leave, auth.uid())
  on conflict (enterprise_id) do update
    set hide_threshold = excluded.hide_threshold, on_leave = excluded.on_leave, updated_by = excluded.updated_by, updated_at = now()
  returning * into v_row;
  return json_build_object('hide_threshold', v_row.hide_threshold, 'on_leave', v_row.on_leave);
end $$;

-- The platform's word list (operators): add and remove entries; every change is audited.
create or replace function private.platform_set_community_words(p_add text[], p_remove text[] default '{}', p_category text default 'other')
returns integer language plpgsql security definer set search_path = '' as $$
declare v_add text[];
  v_remove text[];
begin
  perform private.assert_platform_operator();
  if cardinality(coalesce(p_add, '{}')) + cardinality(coalesce(p_remove, '{}')) = 0
     or cardinality(coalesce(p_add, '{}')) > 5000 or cardinality(coalesce(p_remove, '{}')) > 5000 then
    raise exception using errcode = '22023', message = 'word_list_invalid', hint = '请填写要添加或删除的词（每次最多 5000 个）';
  end if;
  perform private.raise_if(p_category is null or not exists (select 1 from public.community_report_categories c where c.code = p_category), '22023', 'report_category_invalid', '请选择词语所属的违规类型');
  select coalesce(array_agg(distinct btrim(w)), '{}') into v_add from unnest(coalesce(p_add, '{}')) w where btrim(w) <> '';
  select coalesce(array_agg(distinct btrim(w)), '{}') into v_remove from unnest(coalesce(p_remove, '{}')) w where btrim(w) <> '';
  perform private.raise_if(exists (select 1 from unnest(v_add) w where char_length(w) > 30), '22023', 'word_too_long', '每个词不能超过 30 个字');
  delete from private.community_platform_words where word = any (v_remove);
  insert into private.community_platform_words (word, category) select w, p_category from unnest(v_add) w
  on conflict (word) do update set category = excluded.category;
  perform private.audit('community.platform_words', 'community_words', null, '',
    jsonb_build_object('removed', v_remove), jsonb_build_object('added', v_add, 'category', p_category));
  return (select count(*)::integer from private.community_platform_words);
end $$;

create or replace function private.community_my_status(p_enterprise_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_member(p_enterprise_id);
  return json_build_object(
    'is_moderator', private.is_community_moderator(p_enterprise_id),
    'account_restricted', exists (select 1 from private.accounts a where a.user_id = auth.uid() and a.status = 'restricted'),
    'restricted_until', (select max(s.ends_at) from public.community_sanctions s
                          where s.user_id = auth.uid() and s.enterprise_id = p_enterprise_id and s.kind = 'restricted'
                            and s.lifted_at is null and now() < s.ends_at),
    'suspended_until', (select max(s.ends_at) from public.community_sanctions s
                         where s.user_id = auth.uid() and s.enterprise_id = p_enterprise_id and s.kind = 'suspended'
                           and s.lifted_at is null and now() < s.ends_at));
end $$;

-- -----------------------------------------------------------------------------
-- Grants: internal helpers for nobody; the RPC bodies for the role their wrapper runs as.
-- -----------------------------------------------------------------------------
revoke all on function
  private.community_assert_writer(uuid), private.community_assert_moderator(uuid),
  private.community_author_name(uuid, uuid), private.community_take_ticket(uuid, text, text),
  private.community_target(text, uuid),
  private.community_notify_mentions(uuid, uuid, uuid[], uuid, uuid, text),
  private.community_set_target_status(text, uuid, text, text),
  private.community_notify_moderators(uuid, text, text, text, jsonb),
  private.community_clean_images(uuid, text[]), private.community_clean_title(text),
  private.community_action_title(text), private.community_mark_post(uuid, text, boolean),
  private.community_react(uuid, text, boolean), private.community_delete_own(text, uuid)
from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- Public API
-- -----------------------------------------------------------------------------

/**
  * -------------------------------------------------------
  * Section - Content types (from 20261213030000_community_types)
  * -------------------------------------------------------
  */

-- =============================================================================
-- Community content types (issue 15): announcements, Q&A, polls and events are posts of a section
-- with a `post_type`, so each goes through the publishing check, the feed, reports, the moderation
-- queue and appeals like any post. What a type adds lives beside the post:
--   - announcement (moderators only): optionally pinned, optionally required reading for chosen
--     departments (or everyone), with read receipts (community_post_marks, kind 'read') the moderators see;
--   - question: the answers are its top-level comments; the asker accepts one
--     (community_posts.accepted_comment_id);
--   - poll: options, single or multiple choice, deadline, anonymous or named, and when results show
--     (always / after voting / after the deadline); votes are readable only by the voter, results
--     only through community_poll, which applies those rules;
--   - event: time, place, capacity with a waiting list, sign-up deadline, sign-up and cancellation
--     (the first on the waiting list moves up and is told), a reminder notice before the start
--     (community_run_jobs, the scheduled job), check-in with the organiser's six-digit code.
-- The create path is private.community_create_post (20261213020000_community_rpcs.sql), which takes
-- p_type and p_extra; the publishing check's ticket covers the extra text too (poll options, place).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- 1. Tables
-- -----------------------------------------------------------------------------
alter table public.community_posts
  add column post_type text not null default 'post'
    constraint community_posts_post_type_valid check (post_type in ('post', 'announcement', 'question', 'poll', 'event')),
  -- question: the answer the asker accepted (a top-level comment of the post)
  add column accepted_comment_id uuid references public.community_comments (id) on delete set null,
  -- announcement: null = not required reading; '{}' = required for every member; else these departments
  add column required_department_ids uuid[]
    constraint community_posts_required_departments_size check (cardinality(required_department_ids) <= 50),
  add column read_count integer not null default 0;
create index community_posts_accepted_comment_idx on public.community_posts (accepted_comment_id);

create table public.community_polls (
  post_id uuid primary key,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  options text[] not null constraint community_polls_options_size check (cardinality(options) between 2 and 10),
  -- most options a voter may choose (1: single choice)
  max_choices integer not null default 1 constraint community_polls_max_choices_range check (max_choices between 1 and 10),
  -- anonymous: nobody sees who voted what; named: the voters' names show with the results
  anonymous boolean not null default true,
  show_results text not null default 'after_vote'
    constraint community_polls_show_results_valid check (show_results in ('always', 'after_vote', 'after_close')),
  closes_at timestamptz not null,
  voter_count integer not null default 0,
  constraint community_polls_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_polls enable row level security;
create index community_polls_enterprise_idx on public.community_polls (enterprise_id, post_id);

create table public.community_poll_votes (
  post_id uuid not null references public.community_polls (post_id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  -- positions in community_polls.options (0-based)
  choices smallint[] not null constraint community_poll_votes_choices_size check (cardinality(choices) between 1 and 10),
  voted_at timestamptz not null default now(),
  primary key (post_id, user_id)
);
alter table public.community_poll_votes enable row level security;
create index community_poll_votes_user_idx on public.community_poll_votes (user_id);
create index community_poll_votes_enterprise_idx on public.community_poll_votes (enterprise_id);

create table public.community_events (
  post_id uuid primary key,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz,
  place text not null constraint community_events_place_length check (char_length(btrim(place)) between 1 and 60),
  -- null: no limit
  capacity integer constraint community_events_capacity_range check (capacity between 1 and 10000),
  -- sign-up closes then (null: at the start)
  signup_closes_at timestamptz,
  going_count integer not null default 0,
  waitlist_count integer not null default 0,
  reminded_at timestamptz,
  constraint community_events_period_valid check (ends_at is null or ends_at > starts_at),
  constraint community_events_post_fk foreign key (enterprise_id, post_id)
    references public.community_posts (enterprise_id, id) on delete cascade
);
alter table public.community_events enable row level security;
create index community_events_enterprise_idx on public.community_events (enterprise_id, post_id);
create index community_events_reminder_idx on public.community_events (starts_at) where reminded_at is null;

create table public.community_event_signups (
  post_id uuid not null references public.community_events (post_id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  status text not null constraint community_event_signups_status_valid check (status in ('going', 'waitlist', 'cancelled')),
  signed_up_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- checked in at the event with the organiser's code
  checked_in_at timestamptz,
  primary key (post_id, user_id)
);
alter table public.community_event_signups enable row level security;
create index community_event_signups_user_idx on public.community_event_signups (user_id, enterprise_id);
create index community_event_signups_enterprise_idx on public.community_event_signups (enterprise_id, post_id);
create index community_event_signups_queue_idx on public.community_event_signups (post_id, status, signed_up_at);

-- The event's check-in code: the organiser shows it at the door; not readable by members.
create table private.community_event_codes (
  post_id uuid primary key references public.community_events (post_id) on delete cascade,
  code text not null constraint community_event_codes_code_format check (code ~ '^[0-9]{6}$')
);

-- Read receipts: community_post_marks, kind 'read' (any post may be marked read, only announcements show the count).

select private.refuse_writes_when_inactive(
  'public.community_polls', 'public.community_poll_votes', 'public.community_events',
  'public.community_event_signups'
);

insert into public.notification_kinds (kind, domain, mandatory, label, sort_order, target_kind, target_key) values
  ('community_announcement', 'community', true,  '社区必读公告', 250, 'community_post', 'post_id'),
  ('community_event',        'community', false, '社区活动提醒', 260, 'community_post', 'post_id'),
  ('community_answer',       'community', false, '社区问答',     270, 'community_post', 'post_id');
update public.notification_kinds set target_kind = 'community_post', target_key = 'post_id'
 where kind in ('community_reply', 'community_mention');

-- -----------------------------------------------------------------------------
-- 2. Read policies (writes only through the RPCs below)
-- -----------------------------------------------------------------------------
revoke all on public.community_polls, public.community_poll_votes, public.community_events,
  public.community_event_signups from anon, authenticated;
grant select on public.community_polls, public.community_poll_votes, public.community_events,
  public.community_event_signups to authenticated;

-- A poll's or event's details are readable by whoever reads its post (the posts' policy decides).
create policy "Readers of the post read its poll"
  on public.community_polls for select to authenticated
  using (post_id in (select p.id from public.community_posts p));

create policy "Voters read their own votes"
  on public.community_poll_votes for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Readers of the post read its event"
  on public.community_events for select to authenticated
  using (post_id in (select p.id from public.community_posts p));

create policy "Members read their sign-ups; moderators read their enterprise's"
  on public.community_event_signups for select to authenticated
  using (user_id = (select auth.uid()) or enterprise_id in (select private.my_community_moderated_ids()));


-- -----------------------------------------------------------------------------
-- 3. Helpers
-- -----------------------------------------------------------------------------
-- The human text a type adds (poll options, event place), checked with the title and body: the
-- publishing check's ticket covers it. Tolerant of any shape (the create path validates).
create or replace function private.community_extra_text(p_type text, p_extra jsonb)
returns text language plpgsql immutable set search_path = '' as $$
begin
  if p_extra is null or jsonb_typeof(p_extra) <> 'object' then
    return '';
  end if;
  if p_type = 'poll' and jsonb_typeof(p_extra -> 'options') = 'array' then
    return coalesce((select string_agg(o #>> '{}', E'\n' order by n) from jsonb_array_elements(p_extra -> 'options') with ordinality x(o, n)
                      where jsonb_typeof(o) = 'string'), '');
  elsif p_type = 'event' and jsonb_typeof(p_extra -> 'place') = 'string' then
    return p_extra ->> 'place';
  end if;
  return '';
end $$;

-- A timestamptz from a jsonb value, or a 400 naming the field.
create or replace function private.community_json_time(p_value jsonb, p_code text, p_hint text)
returns timestamptz language plpgsql stable set search_path = '' as $$
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    return null;
  end if;
  if jsonb_typeof(p_value) <> 'string' or (p_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' then
    raise exception using errcode = '22023', message = p_code, hint = p_hint;
  end if;
  begin
    return (p_value #>> '{}')::timestamptz;
  exception when others then
    raise exception using errcode = '22023', message = p_code, hint = p_hint;
  end;
end $$;

-- The type's own rows, written by private.community_create_post after the post row (same
-- transaction). Validates p_extra first: the caller learns every problem before anything is kept.
create or replace function private.community_save_type(p_post public.community_posts, p_extra jsonb)
returns void language plpgsql security definer set search_path = '' as $$
declare v_extra jsonb := coalesce(p_extra, '{}'::jsonb);
  v_options text[];
  v_max integer;
  v_closes timestamptz;
  v_show text;
  v_starts timestamptz;
  v_ends timestamptz;
  v_signup timestamptz;
  v_capacity integer;
  v_place text;
  v_required uuid[];
begin
  perform private.raise_if(jsonb_typeof(v_extra) <> 'object', '22023', 'extra_invalid', '内容设置格式不正确');
  -- 匿名提问 (20261216020000_community_anonymous.sql): the name others see; author_id stays for
  -- edits, acceptance and moderation, and API roles can't read it
  if p_post.post_type = 'question' and v_extra ? 'anonymous' then
    if jsonb_typeof(v_extra -> 'anonymous') <> 'boolean' then
      raise exception using errcode = '22023', message = 'question_anonymous_invalid', hint = '请选择实名或匿名提问';
    end if;
    if (v_extra ->> 'anonymous')::boolean then
      update public.community_posts set anonymous = true, author_name = private.community_anonymous_name() where id = p_post.id;
    end if;
  end if;
  if p_post.post_type = 'poll' then
    if jsonb_typeof(v_extra -> 'options') is distinct from 'array'
       or exists (select 1 from jsonb_array_elements(v_extra -> 'options') o where jsonb_typeof(o) <> 'string') then
      raise exception using errcode = '22023', message = 'poll_options_invalid', hint = '投票须有 2–10 个选项，每项 1–40 个字且不重复';
    end if;
    select array_agg(btrim(o #>> '{}') order by n) into v_options from jsonb_array_elements(v_extra -> 'options') with ordinality x(o, n);
    if cardinality(v_options) not between 2 and 10
       or exists (select 1 from unnest(v_options) o where char_length(o) not between 1 and 40)
       or (select count(distinct o) from unnest(v_options) o) <> cardinality(v_options) then
      raise exception using errcode = '22023', message = 'poll_options_invalid', hint = '投票须有 2–10 个选项，每项 1–40 个字且不重复';
    end if;
    if v_extra ? 'max_choices' and (jsonb_typeof(v_extra -> 'max_choices') <> 'number'
       or (v_extra ->> 'max_choices') !~ '^\d{1,2}$' or (v_extra ->> 'max_choices')::integer not between 1 and cardinality(v_options)) then
      raise exception using errcode = '22023', message = 'poll_max_choices_invalid', hint = '最多可选项数须在 1 与选项数之间';
    end if;
    v_max := coalesce((v_extra ->> 'max_choices')::integer, 1);
    perform private.raise_if((v_extra ? 'anonymous' and jsonb_typeof(v_extra -> 'anonymous') <> 'boolean'), '22023', 'poll_anonymous_invalid', '请选择匿名或实名投票');
    v_show := coalesce(v_extra ->> 'show_results', 'after_vote');
    perform private.raise_if(jsonb_typeof(coalesce(v_extra -> 'show_results', '"after_vote"')) <> 'string' or v_show not in ('always', 'after_vote', 'after_close'), '22023', 'poll_show_results_invalid', '请选择何时公布结果');
    v_closes := private.community_json_time(v_extra -> 'closes_at', 'poll_deadline_invalid', '截止时间须在现在之后的一年内');
    perform private.raise_if(v_closes is null or v_closes <= now() or v_closes > now() + interval '365 days', '22023', 'poll_deadline_invalid', '截止时间须在现在之后的一年内');
    insert into public.community_polls (post_id, enterprise_id, options, max_choices, anonymous, show_results, closes_at)
    values (p_post.id, p_post.enterprise_id, v_options, v_max, coalesce((v_extra ->> 'anonymous')::boolean, true), v_show, v_closes);
  elsif p_post.post_type = 'event' then
    v_starts := private.community_json_time(v_extra -> 'starts_at', 'event_time_invalid', '活动时间须在现在之后的一年内');
    v_ends := private.community_json_time(v_extra -> 'ends_at', 'event_time_invalid', '结束时间须晚于开始时间');
    perform private.raise_if(v_starts is null or v_starts <= now() or v_starts > now() + interval '365 days' or (v_ends is not null and v_ends <= v_starts), '22023', 'event_time_invalid', '活动时间须在现在之后的一年内，结束时间须晚于开始时间');
    v_signup := private.community_json_time(v_extra -> 'signup_closes_at', 'event_signup_deadline_invalid', '报名截止时间须在活动开始之前');
    perform private.raise_if(v_signup is not null and (v_signup <= now() or v_signup > v_starts), '22023', 'event_signup_deadline_invalid', '报名截止时间须在现在之后、活动开始之前');
    v_place := btrim(coalesce(case when jsonb_typeof(v_extra -> 'place') = 'string' then v_extra ->> 'place' end, ''));
    perform private.raise_if(char_length(v_place) not between 1 and 60, '22023', 'event_place_invalid', '活动地点须为 1–60 个字');
    if v_extra ? 'capacity' and jsonb_typeof(v_extra -> 'capacity') <> 'null' then
      if jsonb_typeof(v_extra -> 'capacity') <> 'number' or (v_extra ->> 'capacity') !~ '^\d{1,5}$'
         or (v_extra ->> 'capacity')::integer not between 1 and 10000 then
        raise exception using errcode = '22023', message = 'event_capacity_invalid', hint = '人数上限须为 1–10000，不限请留空';
      end if;
      v_capacity := (v_extra ->> 'capacity')::integer;
    end if;
    insert into public.community_events (post_id, enterprise_id, starts_at, ends_at, place, capacity, signup_closes_at)
    values (p_post.id, p_post.enterprise_id, v_starts, v_ends, v_place, v_capacity, v_signup);
    insert into private.community_event_codes (post_id, code)
    values (p_post.id, lpad((floor(random() * 1000000))::integer::text, 6, '0'));
  elsif p_post.post_type = 'announcement' then
    perform private.raise_if(not private.is_community_moderator(p_post.enterprise_id), '42501', 'announcement_moderators_only', '仅企业管理员或社区管理员可以发布公告');
    perform private.raise_if(v_extra ? 'pinned' and jsonb_typeof(v_extra -> 'pinned') <> 'boolean', '22023', 'extra_invalid', '内容设置格式不正确');
    if v_extra ? 'required_department_ids' and jsonb_typeof(v_extra -> 'required_department_ids') <> 'null' then
      if jsonb_typeof(v_extra -> 'required_department_ids') <> 'array' or jsonb_array_length(v_extra -> 'required_department_ids') > 50
         or exists (select 1 from jsonb_array_elements(v_extra -> 'required_department_ids') d
                     where jsonb_typeof(d) <> 'string'
                        or not exists (select 1 from public.departments x
                                        where x.id::text = d #>> '{}' and x.enterprise_id = p_post.enterprise_id)) then
        raise exception using errcode = '22023', message = 'department_not_found', hint = '所选部门不存在';
      end if;
      select coalesce(array_agg(distinct (d #>> '{}')::uuid), '{}') into v_required
        from jsonb_array_elements(v_extra -> 'required_department_ids') d;
    end if;
    update public.community_posts
       set pinned_at = case when coalesce((v_extra ->> 'pinned')::boolean, false) then now() end,
           required_department_ids = v_required
     where id = p_post.id;
  end if;
end $$;

-- Members who must read an announcement (required for everyone or for its departments), among
-- those who can read its section.
create or replace function private.community_required_readers(p_post_id uuid)
returns setof uuid language sql stable security definer set search_path = '' as $$
  select m.user_id
    from public.community_posts p
    join public.community_sections s on s.id = p.section_id
    join public.enterprise_members m on m.enterprise_id = p.enterprise_id
   where p.id = p_post_id and p.required_department_ids is not null
     and (p.required_department_ids = '{}' or m.department_id = any (p.required_department_ids))
     and (s.department_ids = '{}' or m.department_id = any (s.department_ids) or m.role = 'admin' or 'community' = any (m.scopes));
$$;

-- After an announcement is published (at once, or when a moderator releases it): the members who
-- must read it are told.
create or replace function private.community_announce(p_post_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_post public.community_posts;
begin
  select * into v_post from public.community_posts p where p.id = p_post_id;
  if v_post.post_type <> 'announcement' or v_post.status <> 'published' or v_post.required_department_ids is null then
    return;
  end if;
  insert into public.notifications (user_id, kind, title, body, data)
  select r, 'community_announcement', '必读公告：' || left(v_post.title, 40), left(v_post.body_text, 80),
         jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', v_post.id)
    from private.community_required_readers(p_post_id) r
   where r is distinct from v_post.author_id;
end $$;

-- The post the caller reads, of the given type, with its enterprise; 400 otherwise. Every RPC on a
-- post starts here, so the consent gate is checked first (403 before any argument check).
create or replace function private.community_typed_post(p_post_id uuid, p_type text)
returns public.community_posts language plpgsql stable security definer set search_path = '' as $$
declare v_post public.community_posts;
begin
  perform private.assert_cleared();
  select * into v_post from public.community_posts p
   where p.id = p_post_id and p.section_id in (select private.my_community_section_ids()) and p.status = 'published'
     and (p_type is null or p.post_type = p_type);
  perform private.raise_if(v_post.id is null, '22023', 'post_not_found', '帖子不存在');
  return v_post;
end $$;

-- -----------------------------------------------------------------------------
-- 4. RPC bodies
-- -----------------------------------------------------------------------------
-- A poll as the caller may see it: the options, their counts and (named polls) the voters' names
-- when the results show for them, their own choices, and whether it is closed.
create or replace function private.community_poll(p_post_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_post public.community_posts;
  v_poll public.community_polls;
  v_mine smallint[];
  v_closed boolean;
  v_visible boolean;
  v_moderator boolean;
begin
  v_post := private.community_typed_post(p_post_id, 'poll');
  select * into v_poll from public.community_polls x where x.post_id = p_post_id;
  select v.choices into v_mine from public.community_poll_votes v where v.post_id = p_post_id and v.user_id = auth.uid();
  v_closed := now() >= v_poll.closes_at;
  v_moderator := private.is_community_moderator(v_post.enterprise_id);
  v_visible := v_poll.show_results = 'always' or v_closed
               or (v_poll.show_results = 'after_vote' and v_mine is not null)
               or v_moderator or v_post.author_id = auth.uid();
  return json_build_object(
    'post_id', p_post_id, 'max_choices', v_poll.max_choices, 'anonymous', v_poll.anonymous,
    'show_results', v_poll.show_results, 'closes_at', v_poll.closes_at, 'closed', v_closed,
    'voter_count', v_poll.voter_count, 'my_choices', coalesce(to_json(v_mine), '[]'::json), 'results_visible', v_visible,
    'options', (select json_agg(json_build_object(
                   'index', o.n - 1, 'label', o.label,
                   'votes', case when v_visible then (select count(*) from public.community_poll_votes v
                                                       where v.post_id = p_post_id and (o.n - 1)::smallint = any (v.choices)) end,
                   'voters', case when v_visible and not v_poll.anonymous then
                                (select coalesce(json_agg(private.community_author_name(v.enterprise_id, v.user_id) order by v.voted_at), '[]'::json)
                                   from (select * from public.community_poll_votes v where v.post_id = p_post_id
                                           and (o.n - 1)::smallint = any (v.choices) order by v.voted_at limit 50) v) end)
                 order by o.n)
                  from unnest(v_poll.options) with ordinality o(label, n)));
end $$;

-- Vote, or change one's vote, until the deadline.
create or replace function private.community_vote(p_post_id uuid, p_choices integer[])
returns json language plpgsql security definer set search_path = '' as $$
declare v_post public.community_posts;
  v_poll public.community_polls;
  v_choices smallint[];
  v_new boolean;
begin
  v_post := private.community_typed_post(p_post_id, 'poll');
  perform private.community_assert_writer(v_post.enterprise_id);
  select * into v_poll from public.community_polls x where x.post_id = p_post_id for update;
  perform private.raise_if(now() >= v_poll.closes_at, '22023', 'poll_closed', '投票已截止');
  if p_choices is null or cardinality(p_choices) = 0
     or exists (select 1 from unnest(p_choices) c where c is null or c < 0 or c >= cardinality(v_poll.options))
     or (select count(distinct c) from unnest(p_choices) c) <> cardinality(p_choices) then
    raise exception using errcode = '22023', message = 'poll_choice_invalid', hint = '请选择有效的选项';
  end if;
  if cardinality(p_choices) > v_poll.max_choices then
    raise exception using errcode = '22023', message = 'poll_too_many_choices',
      hint = format('最多可选 %s 项', v_poll.max_choices);
  end if;
  select array_agg(c::smallint order by c) into v_choices from unnest(p_choices) c;
  v_new := not exists (select 1 from public.community_poll_votes v where v.post_id = p_post_id and v.user_id = auth.uid());
  insert into public.community_poll_votes (post_id, user_id, enterprise_id, choices)
  values (p_post_id, auth.uid(), v_post.enterprise_id, v_choices)
  on conflict (post_id, user_id) do update set choices = excluded.choices, voted_at = now();
  if v_new then
    update public.community_polls set voter_count = voter_count + 1 where post_id = p_post_id;
  end if;
  return private.community_poll(p_post_id);
end $$;

-- Sign up for an event (going, or on the waiting list when full) or cancel; a cancellation moves the
-- first on the waiting list up, and they are told.
create or replace function private.community_event_signup(p_post_id uuid, p_on boolean)
returns json language plpgsql security definer set search_path = '' as $$
declare v_uid uuid := auth.uid();
  v_post public.community_posts;
  v_event public.community_events;
  v_current text;
  v_status text;
  v_next uuid;
begin
  v_post := private.community_typed_post(p_post_id, 'event');
  perform private.raise_if(p_on is null, '22023', 'flag_required', '请选择报名或取消');
  if p_on then
    perform private.community_assert_writer(v_post.enterprise_id);
  else
    -- cancelling is never harmful: allowed while restricted
    perform private.assert_member(v_post.enterprise_id);
    perform private.assert_enterprise_writable(v_post.enterprise_id);
  end if;
  select * into v_event from public.community_events e where e.post_id = p_post_id for update;
  select s.status into v_current from public.community_event_signups s where s.post_id = p_post_id and s.user_id = v_uid;
  perform private.raise_if(now() >= v_event.starts_at, '22023', 'event_started', '活动已开始，不能再报名或取消');
  if p_on then
    if v_current in ('going', 'waitlist') then
      v_status := v_current;
    else
      perform private.raise_if(now() >= coalesce(v_event.signup_closes_at, v_event.starts_at), '22023', 'event_signup_closed', '报名已截止');
      v_status := case when v_event.capacity is null or v_event.going_count < v_event.capacity then 'going' else 'waitlist' end;
      insert into public.community_event_signups (post_id, user_id, enterprise_id, status)
      values (p_post_id, v_uid, v_post.enterprise_id, v_status)
      on conflict (post_id, user_id) do update set status = excluded.status, signed_up_at = now(), updated_at = now();
      update public.community_events
         set going_count = going_count + (v_status = 'going')::integer, waitlist_count = waitlist_count + (v_status = 'waitlist')::integer
       where post_id = p_post_id;
    end if;
  else
    v_status := 'cancelled';
    if v_current in ('going', 'waitlist') then
      update public.community_event_signups set status = 'cancelled', updated_at = now() where post_id = p_post_id and user_id = v_uid;
      update public.community_events
         set going_count = going_count - (v_current = 'going')::integer, waitlist_count = waitlist_count - (v_current = 'waitlist')::integer
       where post_id = p_post_id;
      if v_current = 'going' then
        select s.user_id into v_next from public.community_event_signups s
         where s.post_id = p_post_id and s.status = 'waitlist' order by s.signed_up_at, s.user_id limit 1;
        if v_next is not null then
          update public.community_event_signups set status = 'going', updated_at = now() where post_id = p_post_id and user_id = v_next;
          update public.community_events set going_count = going_count + 1, waitlist_count = waitlist_count - 1 where post_id = p_post_id;
          perform private.notify(v_next, 'community_event', '活动有空位，你已报名成功',
            format('%s（%s，%s）', left(v_post.title, 40), to_char(v_event.starts_at at time zone 'Asia/Shanghai', 'MM-DD HH24:MI'), v_event.place),
            jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', p_post_id));
        end if;
      end if;
    end if;
  end if;
  select * into v_event from public.community_events e where e.post_id = p_post_id;
  return json_build_object('status', v_status, 'going_count', v_event.going_count, 'waitlist_count', v_event.waitlist_count);
end $$;

-- The event, for its organiser (its author) or a moderator; 403 for anyone else.
create or replace function private.community_organised_event(p_post_id uuid)
returns public.community_posts language plpgsql stable security definer set search_path = '' as $$
declare v_post public.community_posts;
begin
  v_post := private.community_typed_post(p_post_id, 'event');
  perform private.raise_if(v_post.author_id is distinct from auth.uid() and not private.is_community_moderator(v_post.enterprise_id), '42501', 'not_event_organiser', '仅活动发起人或社区管理员可以执行此操作');
  return v_post;
end $$;

-- The organiser's list (the event's author and the moderators): who is going, who waits, who came.
create or replace function private.community_event_attendees(p_post_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_post public.community_posts := private.community_organised_event(p_post_id);
begin
  return coalesce((select json_agg(json_build_object('name', private.community_author_name(s.enterprise_id, s.user_id),
                                                     'status', s.status, 'signed_up_at', s.signed_up_at, 'checked_in_at', s.checked_in_at)
                                   order by s.status, s.signed_up_at)
                     from public.community_event_signups s where s.post_id = p_post_id and s.status <> 'cancelled'), '[]'::json);
end $$;

-- The check-in code the organiser shows at the event.
create or replace function private.community_event_checkin_code(p_post_id uuid)
returns text language plpgsql stable security definer set search_path = '' as $$
declare v_post public.community_posts := private.community_organised_event(p_post_id);
begin
  return (select c.code from private.community_event_codes c where c.post_id = v_post.id);
end $$;

-- A member who is going checks in with the organiser's code, from an hour before the start until
-- the end (or 12 hours after the start). Returns when they checked in (once; later calls keep it).
create or replace function private.community_event_check_in(p_post_id uuid, p_code text)
returns timestamptz language plpgsql security definer set search_path = '' as $$
declare v_post public.community_posts;
  v_event public.community_events;
  v_signup public.community_event_signups;
begin
  v_post := private.community_typed_post(p_post_id, 'event');
  perform private.assert_member(v_post.enterprise_id);
  perform private.assert_enterprise_writable(v_post.enterprise_id);
  select * into v_event from public.community_events e where e.post_id = p_post_id;
  select * into v_signup from public.community_event_signups s where s.post_id = p_post_id and s.user_id = auth.uid() for update;
  perform private.raise_if(v_signup.status is distinct from 'going', '22023', 'not_signed_up', '你没有报名该活动（或仍在候补中），不能签到');
  perform private.raise_if(now() < v_event.starts_at - interval '1 hour' or now() > coalesce(v_event.ends_at, v_event.starts_at + interval '12 hours'), '22023', 'checkin_closed', '活动开始前 1 小时至活动结束前可以签到');
  perform private.raise_if(p_code is null or not exists (select 1 from private.community_event_codes c where c.post_id = p_post_id and c.code = btrim(p_code)), '22023', 'checkin_code_invalid', '签到码不正确');
  update public.community_event_signups set checked_in_at = coalesce(checked_in_at, now()), updated_at = now()
   where post_id = p_post_id and user_id = auth.uid()
  returning checked_in_at into v_signup.checked_in_at;
  return v_signup.checked_in_at;
end $$;

-- The asker accepts one answer (a top-level published comment by someone else), or none (null).
create or replace function private.community_accept_answer(p_post_id uuid, p_comment_id uuid)
returns void language plpgsql security definer set search_path = '' as $$
declare v_post public.community_posts;
  v_answer public.community_comments;
begin
  v_post := private.community_typed_post(p_post_id, 'question');
  perform private.raise_if(v_post.author_id is distinct from auth.uid(), '42501', 'not_question_author', '只有提问者可以采纳回答');
  perform private.community_assert_writer(v_post.enterprise_id);
  if p_comment_id is not null then
    select * into v_answer from public.community_comments c
     where c.id = p_comment_id and c.post_id = p_post_id and c.parent_id is null and c.status = 'published';
    perform private.raise_if(v_answer.id is null, '22023', 'answer_not_found', '回答不存在');
    perform private.raise_if(v_answer.author_id = auth.uid(), '22023', 'own_answer', '不能采纳自己的回答');
  end if;
  update public.community_posts set accepted_comment_id = p_comment_id where id = p_post_id;
  if v_answer.author_id is not null and v_answer.id is distinct from v_post.accepted_comment_id then
    perform private.notify(v_answer.author_id, 'community_answer', '你的回答被采纳了', left(v_post.title, 80),
      jsonb_build_object('enterprise_id', v_post.enterprise_id, 'post_id', p_post_id, 'comment_id', p_comment_id));
  end if;
end $$;

-- "已读": the caller has read the post (once; later calls change nothing). Returns the read count.
create or replace function private.community_mark_read(p_post_id uuid)
returns integer language plpgsql security definer set search_path = '' as $$
declare v_post public.community_posts;
  v_count integer;
begin
  v_post := private.community_typed_post(p_post_id, null);
  insert into public.community_post_marks (kind, post_id, user_id, enterprise_id)
  values ('read', p_post_id, auth.uid(), v_post.enterprise_id) on conflict do nothing;
  if found then
    update public.community_posts set read_count = read_count + 1 where id = p_post_id returning read_count into v_count;
    return v_count;
  end if;
  return v_post.read_count;
end $$;

-- Read receipts of an announcement (moderators): how many read it, how many must, and who hasn't.
create or replace function private.community_read_receipts(p_post_id uuid)
returns json language plpgsql stable security definer set search_path = '' as $$
declare v_post public.community_posts;
begin
  v_post := private.community_typed_post(p_post_id, 'announcement');
  perform private.raise_if(not private.is_community_moderator(v_post.enterprise_id), '42501', 'not_community_moderator', '仅企业管理员或社区管理员可以执行此操作');
  return json_build_object(
    'read_count', v_post.read_count,
    'required', v_post.required_department_ids is not null,
    'required_count', (select count(*) from private.community_required_readers(p_post_id)),
    'required_read', (select count(*) from private.community_required_readers(p_post_id) r
                       where exists (select 1 from public.community_post_marks x where x.kind = 'read' and x.post_id = p_post_id and x.user_id = r)),
    'unread', coalesce((select json_agg(n order by n) from (
                 select private.community_author_name(v_post.enterprise_id, r) as n
                   from private.community_required_readers(p_post_id) r
                  where not exists (select 1 from public.community_post_marks x where x.kind = 'read' and x.post_id = p_post_id and x.user_id = r)
                  limit 200) u), '[]'::json));
end $$;

-- The scheduled job (hosted: pg_cron every few minutes; locally tools/local-stack/jobs.ts): a
-- reminder to everyone going, once, within 24 hours of an event's start.
create or replace function private.community_run_jobs()
returns jsonb language plpgsql security definer set search_path = '' as $$
declare v_events integer;
begin
  with due as (
    update public.community_events e set reminded_at = now()
      from public.community_posts p, public.enterprises x
     where p.id = e.post_id and x.id = e.enterprise_id and x.status = 'normal' and p.status = 'published'
       and e.reminded_at is null and e.starts_at > now() and e.starts_at <= now() + interval '24 hours'
    returning e.post_id, e.enterprise_id, e.starts_at, e.place, p.title
  ), sent as (
    insert into public.notifications (user_id, kind, title, body, data)
    select s.user_id, 'community_event', '活动提醒：' || left(d.title, 40),
           format('%s 开始，地点：%s', to_char(d.starts_at at time zone 'Asia/Shanghai', 'MM-DD HH24:MI'), d.place),
           jsonb_build_object('enterprise_id', d.enterprise_id, 'post_id', d.post_id)
      from due d join public.community_event_signups s on s.post_id = d.post_id and s.status = 'going'
    returning 1
  )
  select count(*) into v_events from due;
  return jsonb_build_object('event_reminders', v_events);
end $$;

revoke all on function
  private.community_extra_text(text, jsonb), private.community_json_time(jsonb, text, text),
  private.community_save_type(public.community_posts, jsonb), private.community_required_readers(uuid),
  private.community_announce(uuid), private.community_typed_post(uuid, text),
  private.community_organised_event(uuid)
from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- 5. Public API
-- -----------------------------------------------------------------------------

-- The API: public invoker wrappers of these private bodies, and both sides' grants (docs/database.md).
select private.expose_rpcs(array['community_create_section', 'community_archive_section',
  'community_create_post', 'community_edit_post', 'community_delete_post', 'community_add_comment',
  'community_delete_comment', 'community_pin_post', 'community_feature_post', 'community_set_like',
  'community_set_favorite', 'community_report', 'community_moderation_queue', 'community_moderate',
  'community_appeal', 'community_decide_appeal', 'community_set_word_list', 'community_set_settings',
  'platform_set_community_words', 'community_my_status', 'community_poll', 'community_vote',
  'community_event_signup', 'community_event_attendees', 'community_event_checkin_code',
  'community_event_check_in', 'community_accept_answer', 'community_mark_read', 'community_read_receipts'],
  p_service => array['community_word_list', 'community_wechat_openid', 'community_check_record',
  'community_run_jobs']);
