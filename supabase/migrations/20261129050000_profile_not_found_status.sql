-- get_my_profile answered a missing profile (a session outliving its account) with SQLSTATE P0002,
-- which PostgREST turns into a 500. It is the caller's session that is no longer valid: 403, like
-- every other refusal of a session without a usable account.
create or replace function public.get_my_profile()
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_result json;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'not_authenticated', hint = '请先登录';
  end if;
  select json_build_object(
           'id', p.id,
           'display_name', p.display_name,
           'phone_masked', private.mask_phone(u.phone),
           'has_password', u.encrypted_password is not null and u.encrypted_password <> ''
         )
    into v_result
    from public.profiles p
    join auth.users u on u.id = p.id
   where p.id = v_uid;
  if v_result is null then
    raise exception using errcode = '42501', message = 'profile_not_found', hint = '找不到你的资料，请重新登录';
  end if;
  return v_result;
end;
$$;
