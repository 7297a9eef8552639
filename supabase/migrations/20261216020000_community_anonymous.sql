-- =============================================================================
-- Community: anonymous questions (issue 15, PRODUCT.md §5). The asker chooses 匿名提问; other
-- members never learn who asked, by any route; the enterprise's moderators (admins, community
-- managers) see the asker in the moderation queue, for rule enforcement — and the compose form
-- says so.
--
-- How the asker stays hidden:
--   - `anonymous` on the question (and on the asker's own comments in its thread, set by a trigger);
--     such rows keep the real `author_id` (edits, acceptance, moderation and sanctions work as for
--     any post) but store `author_name` as 匿名提问者;
--   - `author_id` of community_posts and community_comments is not selectable by API roles (column
--     privileges: nor filterable, so `?author_id=eq.<someone>` can't probe); `visible_author_id` is
--     the author for everyone to see, null on anonymous rows. The app asks `community_post_mine`
--     whether a post is the caller's own;
--   - images have no person in their path (20261216010000_community_images.sql); @mention notices
--     from an anonymous question or the asker's replies name 匿名提问者 (community_notify_mentions);
--     the moderation queue names the real asker (community_moderation_queue).
-- A column added to these tables later must be granted to `authenticated` explicitly (schema-lint
-- checks that every column but author_id is selectable).
-- =============================================================================

alter table public.community_posts
  add column anonymous boolean not null default false,
  add constraint community_posts_anonymous_question check (not anonymous or post_type = 'question'),
  add column visible_author_id uuid generated always as (case when anonymous then null else author_id end) stored;

alter table public.community_comments
  add column anonymous boolean not null default false,
  add column visible_author_id uuid generated always as (case when anonymous then null else author_id end) stored;

-- The name shown for an anonymous asker.
create or replace function private.community_anonymous_name()
returns text language sql immutable set search_path = '' as $$ select '匿名提问者'::text; $$;

-- The asker's own comments in the thread of their anonymous question are anonymous too.
create or replace function private.community_comment_anonymous()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.community_posts p where p.id = new.post_id and p.anonymous and p.author_id = new.author_id) then
    new.anonymous := true;
    new.author_name := private.community_anonymous_name();
  end if;
  return new;
end $$;
create trigger community_comment_anonymous before insert on public.community_comments
  for each row execute function private.community_comment_anonymous();

-- Whether the caller wrote the post (the app's "mine" for questions it may accept answers on, and for
-- hiding 举报 on one's own post); false for a post the caller can't read.
create or replace function private.community_post_mine(p_post_id uuid)
returns boolean language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.assert_cleared();
  if p_post_id is null then
    raise exception using errcode = '22023', message = 'post_not_found', hint = '帖子不存在';
  end if;
  return exists (select 1 from public.community_posts p
                  where p.id = p_post_id and p.author_id = auth.uid() and p.section_id in (select private.my_community_section_ids()));
end $$;

revoke all on function private.community_anonymous_name(), private.community_comment_anonymous() from public, anon, authenticated;
select private.expose_rpcs(array['community_post_mine']);

-- Column privileges: every column but author_id.
do $$
declare
  t text;
begin
  foreach t in array array['community_posts', 'community_comments'] loop
    execute format('revoke select on public.%I from authenticated', t);
    execute format('grant select (%s) on public.%I to authenticated',
      (select string_agg(quote_ident(a.attname), ', ' order by a.attnum) from pg_attribute a
        where a.attrelid = format('public.%I', t)::regclass and a.attnum > 0 and not a.attisdropped and a.attname <> 'author_id'), t);
  end loop;
end $$;
