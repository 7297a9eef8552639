-- =============================================================================
-- Training media (issue 16): bucket `training` (private) for course covers, lesson videos and
-- documents, under `<enterprise_id>/`. Training managers of that enterprise upload, replace and
-- remove; its members read (the app plays videos and opens documents through signed links the
-- member's own session creates, so another enterprise's members get nothing).
-- =============================================================================
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('training', 'training', false, 524288000, array[
  'image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'application/pdf',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'])
on conflict (id) do nothing;

create policy "Training managers upload training media"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'training'
              and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m));

create policy "Members read their enterprise's training media"
  on storage.objects for select to authenticated
  using (bucket_id = 'training'
         and (storage.foldername(name))[1] in (select e::text from private.my_enterprise_ids() e));

create policy "Training managers replace training media"
  on storage.objects for update to authenticated
  using (bucket_id = 'training'
         and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m))
  with check (bucket_id = 'training'
              and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m));

create policy "Training managers remove training media"
  on storage.objects for delete to authenticated
  using (bucket_id = 'training'
         and (storage.foldername(name))[1] in (select m::text from private.training_manager_ids() m));
