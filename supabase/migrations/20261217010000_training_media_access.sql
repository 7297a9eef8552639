-- =============================================================================
-- Training media follow their course (issue 16). Until now every member of an enterprise read
-- every object under its folder of bucket `training`, so a draft course's video, or a file a
-- manager uploaded and never attached, could be fetched by anyone who guessed its name.
-- Decision: an object is readable by the enterprise's training managers, and by its members only
-- when a course they can read refers to it: the cover of a published course or the video or
-- document of a lesson in a published course. That is the same rule as the course rows themselves
-- (training_courses' select policy: members read published courses), so hiding a course (back to
-- draft, archived) hides its media on the next signed link. Courses are not restricted to their
-- assignees (every member may browse and take a published course); if they ever are, this function
-- is the one place to add it.
-- =============================================================================

-- The references the read check looks objects up by.
create index training_courses_cover_idx on public.training_courses (cover_path) where cover_path is not null;
create index training_lessons_video_idx on public.training_lessons (video_path) where video_path is not null;
create index training_lessons_document_idx on public.training_lessons (document_path) where document_path is not null;

-- Objects are `<enterprise_id>/<anything>`; true when the caller may read the object `p_name`.
create or replace function private.training_media_readable(p_name text)
returns boolean language plpgsql stable security definer set search_path = '' as $$
declare v_enterprise uuid;
begin
  if p_name is null or p_name !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/' then
    return false;
  end if;
  v_enterprise := substr(p_name, 1, 36)::uuid;
  if v_enterprise in (select private.training_manager_ids()) then
    return true;
  end if;
  if v_enterprise not in (select private.my_enterprise_ids()) then
    return false;
  end if;
  return exists (select 1 from public.training_courses c
                  where c.cover_path = p_name and c.enterprise_id = v_enterprise and c.status = 'published')
      or exists (select 1 from public.training_lessons l join public.training_courses c on c.id = l.course_id
                  where l.video_path = p_name and l.enterprise_id = v_enterprise and c.status = 'published')
      or exists (select 1 from public.training_lessons l join public.training_courses c on c.id = l.course_id
                  where l.document_path = p_name and l.enterprise_id = v_enterprise and c.status = 'published');
end;
$$;
revoke execute on function private.training_media_readable(text) from public, anon;
grant execute on function private.training_media_readable(text) to authenticated;

drop policy "Members read their enterprise's training media" on storage.objects;

create policy "Members read the media of training courses they can read"
  on storage.objects for select to authenticated
  using (bucket_id = 'training' and (select private.training_media_readable(name)));
