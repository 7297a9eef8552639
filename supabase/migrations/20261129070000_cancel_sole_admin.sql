-- =============================================================================
-- Account cancellation and enterprises: an enterprise never loses its last admin.
-- The only admin of an enterprise that has other members must first make someone else admin;
-- cancelling would otherwise leave those members with nobody to manage them (LX 3.3, 1.1).
-- An admin alone in their enterprise may cancel: the enterprise is left without members, for
-- platform review as the product's enterprise-cancellation path describes.
-- =============================================================================

create or replace function private.assert_not_sole_admin(p_user_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_name text;
begin
  select e.name into v_name
    from public.enterprise_members m
    join public.enterprises e on e.id = m.enterprise_id
   where m.user_id = p_user_id and m.role = 'admin'
     and not exists (select 1 from public.enterprise_members o
                      where o.enterprise_id = m.enterprise_id and o.user_id <> p_user_id and o.role = 'admin')
     and exists (select 1 from public.enterprise_members o
                  where o.enterprise_id = m.enterprise_id and o.user_id <> p_user_id)
   order by e.name
   limit 1;
  if v_name is not null then
    raise exception using errcode = 'P0001', message = 'sole_enterprise_admin',
      hint = '你是企业「' || v_name || '」唯一的管理员，请先指定其他成员为管理员，再注销账号';
  end if;
end;
$$;
revoke execute on function private.assert_not_sole_admin(uuid) from public, anon, authenticated;

create or replace function public.account_cancel_issue_code(p_user_id uuid)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phone text;
begin
  perform private.assert_not_sole_admin(p_user_id);
  select u.phone into v_phone from auth.users u where u.id = p_user_id;
  if v_phone is null or v_phone = '' then
    raise exception using errcode = 'P0001', message = 'phone_required', hint = '账号未绑定手机号，请联系客服注销';
  end if;
  return json_build_object('code', private.issue_sms_challenge(p_user_id, 'cancel', v_phone), 'phone', '+' || v_phone);
end;
$$;

create or replace function public.account_cancel_verify(p_user_id uuid, p_code text)
returns json
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_err text := private.check_sms_challenge(p_user_id, 'cancel', p_code);
begin
  perform private.assert_not_sole_admin(p_user_id);
  if v_err is not null then
    return json_build_object('ok', false, 'error', v_err);
  end if;
  -- Personal data is cleared now, in case the auth deletion that follows fails: the account is then
  -- anonymised and blocked (no birth date), and the user can retry the cancellation.
  update public.profiles set display_name = '已注销用户', updated_at = now() where id = p_user_id;
  update private.accounts set birth_date = null, birth_date_set_at = null where user_id = p_user_id;
  delete from public.guardians where user_id = p_user_id;
  update public.account_reports set real_name = '已注销用户', contact = '', reported_phone = ''
   where reporter_user_id = p_user_id;
  return json_build_object('ok', true);
end;
$$;
