-- =============================================================================
-- Membership: creating enterprises, switching, settings, roles, invitations, joining (invite /
-- approval / allow-list), leaving and removal, qualification documents and their review.
--
-- Every RPC is `security definer set search_path = ''` and starts with the identity gate
-- (`private.assert_cleared()`, or `assert_member` / `assert_admin` / `assert_platform_operator`,
-- which include it), so an uncleared caller is refused before any input is looked at.
-- Errors follow the identity migration: 42501 → 403 (rights), 22023 → 400 (bad input),
-- P0001 → 400 (a rule refused the change); "not found" is 22023 → 400 too (this PostgREST answers
-- P0002 with 500, not 404); `message` = stable English
-- code, `hint` = Chinese text.
--
-- Changes that can reduce the number of admins (role change, leave, remove) lock the enterprise
-- row first, so two admins demoting each other at the same moment can never leave zero admins.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Notification kinds used by this module
-- -----------------------------------------------------------------------------
alter table public.notifications drop constraint notifications_kind_valid;
alter table public.notifications add constraint notifications_kind_valid
  check (kind in ('agreement_updated', 'account_action', 'account_report',
                  'enterprise_join_request', 'enterprise_membership', 'enterprise_qualification'));

-- -----------------------------------------------------------------------------
-- Private helpers
-- -----------------------------------------------------------------------------
-- Trimmed text when it is 1..max characters without control characters, else null.
create or replace function private.clean_text(p_value text, p_min integer, p_max integer)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when p_value is null then null
              when char_length(btrim(p_value)) between p_min and p_max and btrim(p_value) !~ '[[:cntrl:]]'
              then btrim(p_value) end;
$$;

-- Invitation codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
create or replace function private.new_invitation_code()
returns text
language sql
volatile
set search_path = ''
as $$
  select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', (get_byte(b.bytes, i) % 31) + 1, 1), '' order by i)
    from (select extensions.gen_random_bytes(8) as bytes) b
   cross join generate_series(0, 7) as i;
$$;

-- What people type or scan: upper case, spaces and dashes ignored. Null when it cannot be a code.
create or replace function private.normalize_invitation_code(p_code text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when c ~ '^[A-HJKMNP-Z2-9]{8}$' then c end
    from (select upper(regexp_replace(coalesce(p_code, ''), '[\s-]', '', 'g')) as c) x;
$$;

create or replace function private.admin_count(p_enterprise_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::integer from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.role = 'admin';
$$;

create or replace function private.notify_admins(p_enterprise_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'::jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (user_id, kind, title, body, data)
  select m.user_id, p_kind, p_title, p_body, coalesce(p_data, '{}'::jsonb) || jsonb_build_object('enterprise_id', p_enterprise_id)
    from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.role = 'admin';
$$;

-- A membership ends (leave / remove): what the person held in the enterprise goes with it.
-- Their unused invitations are revoked — otherwise a removed admin could rejoin through a link
-- they created beforehand.
create or replace function private.end_membership(p_enterprise_id uuid, p_user_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.enterprise_members m where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  update public.departments d set head_user_id = null
   where d.enterprise_id = p_enterprise_id and d.head_user_id = p_user_id;
  update public.invitations i set revoked_at = now()
   where i.enterprise_id = p_enterprise_id and i.created_by = p_user_id and i.revoked_at is null;
  update public.profiles p set current_enterprise_id = null, updated_at = now()
   where p.id = p_user_id and p.current_enterprise_id = p_enterprise_id;
end;
$$;

-- An approve / reject decision (join requests, qualification reviews): `p_approve` must be given and
-- a rejection needs a reason the person is shown. Returns the trimmed reason.
create or replace function private.decision_reason(p_approve boolean, p_reason text, p_max integer, p_yes text, p_no text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  if p_approve is null then
    raise exception using errcode = '22023', message = 'approve_invalid', hint = '请选择' || p_yes || '或' || p_no;
  end if;
  if char_length(v_reason) > p_max or v_reason ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'reason_invalid', hint = '理由不超过 ' || p_max || ' 个字符';
  end if;
  if not p_approve and char_length(v_reason) < 2 then
    raise exception using errcode = '22023', message = 'reason_required', hint = p_no || '时请填写理由（至少 2 个字）';
  end if;
  return v_reason;
end;
$$;

-- Adds a member (accepting an invitation, or an approved request). Joining by oneself makes it the
-- current enterprise; an admin's approval does so only for someone without one, so a member working
-- in another enterprise does not find the app switched under them.
create or replace function private.add_member(p_enterprise_id uuid, p_user_id uuid, p_role text, p_department_id uuid, p_invited_by uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.enterprise_members (enterprise_id, user_id, role, department_id, display_name, invited_by)
  select p_enterprise_id, p_user_id, coalesce(p_role, 'member'),
         (select d.id from public.departments d where d.enterprise_id = p_enterprise_id and d.id = p_department_id),
         coalesce((select left(p.display_name, 40) from public.profiles p where p.id = p_user_id), ''),
         (select u.id from auth.users u where u.id = p_invited_by)
  on conflict (enterprise_id, user_id) do nothing;
  update public.profiles p set current_enterprise_id = p_enterprise_id, updated_at = now()
   where p.id = p_user_id and (p.current_enterprise_id is null or p_user_id = (select auth.uid()));
end;
$$;

-- An invitation looked up by code (row locked when asked), or P0002 invitation_not_found.
create or replace function private.invitation_by_code(p_code text, p_lock boolean)
returns public.invitations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_code text := private.normalize_invitation_code(p_code);
  v_inv public.invitations;
begin
  if v_code is null then
    raise exception using errcode = '22023', message = 'invitation_code_invalid', hint = '邀请码为 8 位字母或数字';
  end if;
  if p_lock then
    select * into v_inv from public.invitations i where i.code = v_code for update;
  else
    select * into v_inv from public.invitations i where i.code = v_code;
  end if;
  if not found then
    raise exception using errcode = '22023', message = 'invitation_not_found', hint = '邀请不存在，请确认邀请码或链接是否正确';
  end if;
  return v_inv;
end;
$$;

-- valid | expired | revoked | used_up (the invitation alone, whoever looks at it)
create or replace function private.invitation_state(p_inv public.invitations)
returns text
language sql
stable
set search_path = ''
as $$
  select case when p_inv.revoked_at is not null then 'revoked'
              when p_inv.expires_at <= now() then 'expired'
              when p_inv.max_uses is not null and p_inv.use_count >= p_inv.max_uses then 'used_up'
              else 'valid' end;
$$;

create or replace function private.assert_enterprise_id(p_enterprise_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_enterprise_id is null then
    raise exception using errcode = '22023', message = 'enterprise_id_required', hint = '请选择企业';
  end if;
end;
$$;

-- =============================================================================
-- Enterprises: create, list, switch, features, settings
-- =============================================================================
create or replace function public.create_enterprise(
  p_name text, p_industry text, p_size_band text, p_contact_name text, p_contact_phone text
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_name text := private.clean_text(p_name, 2, 60);
  v_industry text := private.clean_text(p_industry, 1, 40);
  v_contact text := private.clean_text(p_contact_name, 1, 40);
  v_phone text := private.normalize_cn_mobile(btrim(p_contact_phone));
  v_id uuid;
begin
  perform private.assert_cleared();
  if v_name is null then
    raise exception using errcode = '22023', message = 'enterprise_name_invalid', hint = '企业名称须为 2–60 个字符';
  end if;
  if v_industry is null then
    raise exception using errcode = '22023', message = 'industry_invalid', hint = '请填写行业（1–40 个字符）';
  end if;
  if p_size_band is null or p_size_band not in ('1-49', '50-199', '200-999', '1000+') then
    raise exception using errcode = '22023', message = 'size_band_invalid', hint = '请选择人员规模';
  end if;
  if v_contact is null then
    raise exception using errcode = '22023', message = 'contact_name_invalid', hint = '请填写联系人姓名（1–40 个字符）';
  end if;
  if v_phone is null then
    raise exception using errcode = '22023', message = 'contact_phone_invalid', hint = '请填写联系人的中国大陆手机号';
  end if;
  if (select count(*) from public.enterprises e
       where e.created_by = v_uid and e.created_at > now() - interval '1 day') >= 10 then
    raise exception using errcode = 'P0001', message = 'enterprise_create_rate_limited', hint = '今天创建的企业已达上限，请明天再试';
  end if;

  insert into public.enterprises (name, industry, size_band, edition, contact_name, contact_phone, created_by)
  values (v_name, v_industry, p_size_band, 'basic', v_contact, v_phone, v_uid)
  returning id into v_id;
  perform private.add_member(v_id, v_uid, 'admin', null, null);
  return v_id;
end;
$$;

create or replace function public.my_enterprises()
returns table (id uuid, name text, industry text, edition text, role text, scopes text[], is_current boolean,
               qualification_status text, member_count integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
begin
  perform private.assert_cleared();
  return query
  select e.id, e.name, e.industry, e.edition, m.role, m.scopes,
         coalesce(p.current_enterprise_id = e.id, false),
         e.qualification_status,
         (select count(*)::integer from public.enterprise_members c where c.enterprise_id = e.id)
    from public.enterprise_members m
    join public.enterprises e on e.id = m.enterprise_id
    left join public.profiles p on p.id = m.user_id
   where m.user_id = v_uid
   order by m.joined_at, e.name;
end;
$$;

create or replace function public.switch_enterprise(p_enterprise_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  update public.profiles p set current_enterprise_id = p_enterprise_id, updated_at = now()
   where p.id = (select auth.uid());
end;
$$;

-- The app's feature gate: what the enterprise's edition includes.
create or replace function public.enterprise_features(p_enterprise_id uuid)
returns text[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  return coalesce((select array_agg(f.feature order by f.feature)
                     from public.enterprises e
                     join public.edition_features f on f.edition = e.edition
                    where e.id = p_enterprise_id), '{}');
end;
$$;

create or replace function public.update_enterprise_settings(p_enterprise_id uuid, p_settings jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_e public.enterprises;
  v_key text;
  v_val jsonb;
  v_text text;
  v_fields text[];
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  if p_settings is null or jsonb_typeof(p_settings) <> 'object' or p_settings = '{}'::jsonb then
    raise exception using errcode = '22023', message = 'settings_invalid', hint = '请提供要修改的设置';
  end if;
  select * into v_e from public.enterprises e where e.id = p_enterprise_id for update;

  for v_key, v_val in select s.key, s.value from jsonb_each(p_settings) s loop
    v_text := case when jsonb_typeof(v_val) = 'string' then v_val #>> '{}' end;
    case v_key
      when 'name' then
        v_e.name := private.clean_text(v_text, 2, 60);
        if v_e.name is null then
          raise exception using errcode = '22023', message = 'enterprise_name_invalid', hint = '企业名称须为 2–60 个字符';
        end if;
      when 'industry' then
        v_e.industry := private.clean_text(v_text, 1, 40);
        if v_e.industry is null then
          raise exception using errcode = '22023', message = 'industry_invalid', hint = '请填写行业（1–40 个字符）';
        end if;
      when 'size_band' then
        if v_text is null or v_text not in ('1-49', '50-199', '200-999', '1000+') then
          raise exception using errcode = '22023', message = 'size_band_invalid', hint = '请选择人员规模';
        end if;
        v_e.size_band := v_text;
      when 'contact_name' then
        v_e.contact_name := private.clean_text(v_text, 1, 40);
        if v_e.contact_name is null then
          raise exception using errcode = '22023', message = 'contact_name_invalid', hint = '请填写联系人姓名（1–40 个字符）';
        end if;
      when 'contact_phone' then
        v_e.contact_phone := private.normalize_cn_mobile(btrim(v_text));
        if v_e.contact_phone is null then
          raise exception using errcode = '22023', message = 'contact_phone_invalid', hint = '请填写联系人的中国大陆手机号';
        end if;
      when 'join_rule' then
        if v_text is null or v_text not in ('invite', 'approval', 'allowlist') then
          raise exception using errcode = '22023', message = 'join_rule_invalid', hint = '加入方式须为邀请直接加入、管理员审批或手机号白名单';
        end if;
        v_e.join_rule := v_text;
      when 'members_can_invite' then
        if jsonb_typeof(v_val) <> 'boolean' then
          raise exception using errcode = '22023', message = 'members_can_invite_invalid', hint = '“成员可邀请”须为是或否';
        end if;
        v_e.members_can_invite := (v_val #>> '{}')::boolean;
      when 'directory_scope' then
        if v_text is null or v_text not in ('all', 'department') then
          raise exception using errcode = '22023', message = 'directory_scope_invalid', hint = '通讯录可见范围须为全部成员或本部门';
        end if;
        v_e.directory_scope := v_text;
      when 'directory_hidden_fields' then
        if jsonb_typeof(v_val) <> 'array'
           or exists (select 1 from jsonb_array_elements(v_val) x
                       where jsonb_typeof(x) <> 'string'
                          or (x #>> '{}') not in ('phone', 'email', 'title', 'employee_no')) then
          raise exception using errcode = '22023', message = 'directory_hidden_fields_invalid',
            hint = '隐藏字段只能是手机号、邮箱、职务或工号';
        end if;
        select coalesce(array_agg(distinct x order by x), '{}') into v_fields from jsonb_array_elements_text(v_val) x;
        v_e.directory_hidden_fields := v_fields;
      else
        raise exception using errcode = '22023', message = 'unknown_setting', hint = '不支持的设置项：' || left(v_key, 40);
    end case;
  end loop;

  update public.enterprises e
     set name = v_e.name, industry = v_e.industry, size_band = v_e.size_band, contact_name = v_e.contact_name,
         contact_phone = v_e.contact_phone, join_rule = v_e.join_rule, members_can_invite = v_e.members_can_invite,
         directory_scope = v_e.directory_scope, directory_hidden_fields = v_e.directory_hidden_fields,
         updated_at = now()
   where e.id = p_enterprise_id;
end;
$$;

-- =============================================================================
-- Roles
-- =============================================================================
create or replace function public.set_member_role(p_enterprise_id uuid, p_user_id uuid, p_role text, p_scopes text[] default '{}')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.enterprise_members;
  v_scopes text[];
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  if p_role is null or p_role not in ('admin', 'member') then
    raise exception using errcode = '22023', message = 'role_invalid', hint = '角色须为管理员或成员';
  end if;
  if cardinality(coalesce(p_scopes, '{}')) > 10
     or exists (select 1 from unnest(coalesce(p_scopes, '{}')) s
                 where s is null or s not in ('content', 'training', 'community', 'service')) then
    raise exception using errcode = '22023', message = 'scopes_invalid', hint = '管理范围只能是内容、培训、社区或客服';
  end if;
  select coalesce(array_agg(distinct s order by s), '{}') into v_scopes from unnest(coalesce(p_scopes, '{}')) s;
  if cardinality(v_scopes) > 0 and not private.has_feature(p_enterprise_id, 'manager_roles') then
    raise exception using errcode = 'P0001', message = 'feature_not_in_edition', hint = '当前版本不支持分级管理员，请升级到专业版';
  end if;

  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.assert_admin(p_enterprise_id); -- again: another admin may have demoted the caller meanwhile
  select * into v_member from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'member_not_found', hint = '该用户不是本企业成员';
  end if;
  if v_member.role = 'admin' and p_role <> 'admin' and private.admin_count(p_enterprise_id) <= 1 then
    raise exception using errcode = 'P0001', message = 'last_admin', hint = '企业至少需要一名管理员，请先指定其他管理员';
  end if;

  update public.enterprise_members m set role = p_role, scopes = v_scopes
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  if v_member.role <> p_role then
    perform private.notify(p_user_id, 'enterprise_membership',
      case p_role when 'admin' then '你已成为企业管理员' else '你的企业管理员权限已取消' end,
      (select e.name from public.enterprises e where e.id = p_enterprise_id),
      jsonb_build_object('enterprise_id', p_enterprise_id, 'role', p_role));
  end if;
end;
$$;

-- =============================================================================
-- Invitations
-- =============================================================================
create or replace function public.create_invitation(
  p_enterprise_id uuid, p_role text default 'member', p_department_id uuid default null,
  p_valid_hours integer default 168, p_max_uses integer default null
)
returns table (id uuid, code text, expires_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
  v_e public.enterprises;
  v_admin boolean;
  v_own_department uuid;
  v_row public.invitations;
  v_try integer := 0;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  select * into v_e from public.enterprises e where e.id = p_enterprise_id;
  v_admin := private.is_admin(p_enterprise_id);
  if p_role is null or p_role not in ('admin', 'member') then
    raise exception using errcode = '22023', message = 'role_invalid', hint = '角色须为管理员或成员';
  end if;
  if p_valid_hours is null or p_valid_hours not between 1 and 720 then
    raise exception using errcode = '22023', message = 'valid_hours_invalid', hint = '有效期须为 1–720 小时';
  end if;
  if p_max_uses is not null and p_max_uses not between 1 and 10000 then
    raise exception using errcode = '22023', message = 'max_uses_invalid', hint = '使用次数上限须为 1–10000';
  end if;
  if p_department_id is not null and not exists (
    select 1 from public.departments d where d.enterprise_id = p_enterprise_id and d.id = p_department_id
  ) then
    raise exception using errcode = '22023', message = 'department_not_found', hint = '找不到该部门';
  end if;
  if not v_admin then
    select m.department_id into v_own_department from public.enterprise_members m
     where m.enterprise_id = p_enterprise_id and m.user_id = v_uid;
    -- Members invite colleagues as members, into no department or their own.
    if not v_e.members_can_invite or p_role <> 'member'
       or (p_department_id is not null and p_department_id is distinct from v_own_department) then
      raise exception using errcode = '42501', message = 'invitation_not_allowed', hint = '你没有权限发出这样的邀请';
    end if;
  end if;
  if not private.has_feature(p_enterprise_id, 'invitations') then
    raise exception using errcode = 'P0001', message = 'feature_not_in_edition', hint = '当前版本不支持邀请';
  end if;
  if (select count(*) from public.invitations i
       where i.enterprise_id = p_enterprise_id and i.created_at > now() - interval '1 day') >= 500 then
    raise exception using errcode = 'P0001', message = 'invitation_rate_limited', hint = '今天发出的邀请已达上限，请明天再试';
  end if;

  loop
    begin
      insert into public.invitations as i (enterprise_id, code, role, department_id, created_by, expires_at, max_uses)
      values (p_enterprise_id, private.new_invitation_code(), p_role, p_department_id, v_uid,
              now() + make_interval(hours => p_valid_hours), p_max_uses)
      returning i.* into v_row;
      exit;
    exception when unique_violation then
      v_try := v_try + 1;
      if v_try >= 5 then raise; end if;
    end;
  end loop;

  id := v_row.id;
  code := v_row.code;
  expires_at := v_row.expires_at;
  return next;
end;
$$;

create or replace function public.revoke_invitation(p_invitation_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_inv public.invitations;
begin
  perform private.assert_cleared();
  if p_invitation_id is null then
    raise exception using errcode = '22023', message = 'invitation_id_required', hint = '请选择邀请';
  end if;
  select * into v_inv from public.invitations i where i.id = p_invitation_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'invitation_not_found', hint = '邀请不存在';
  end if;
  if not (private.is_admin(v_inv.enterprise_id)
          or (v_inv.created_by = (select auth.uid()) and private.is_member(v_inv.enterprise_id))) then
    raise exception using errcode = '42501', message = 'not_enterprise_admin', hint = '仅企业管理员或邀请人可以撤销邀请';
  end if;
  update public.invitations i set revoked_at = now() where i.id = p_invitation_id and i.revoked_at is null;
end;
$$;

-- What an invitee sees before deciding. Shown to any cleared user holding the code.
create or replace function public.get_invitation(p_code text)
returns table (enterprise_id uuid, enterprise_name text, industry text, inviter_name text, role text,
               expires_at timestamptz, join_rule text, state text)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
  v_inv public.invitations;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, false);
  return query
  select e.id, e.name, e.industry,
         coalesce(nullif(im.display_name, ''), nullif(ip.display_name, ''), '企业管理员'),
         v_inv.role, v_inv.expires_at, e.join_rule,
         case when exists (select 1 from public.enterprise_members m where m.enterprise_id = e.id and m.user_id = v_uid)
                then 'already_member'
              when exists (select 1 from public.join_requests r
                            where r.enterprise_id = e.id and r.user_id = v_uid and r.status = 'pending')
                then 'pending_request'
              else private.invitation_state(v_inv) end
    from public.enterprises e
    left join public.enterprise_members im on im.enterprise_id = e.id and im.user_id = v_inv.created_by
    left join public.profiles ip on ip.id = v_inv.created_by
   where e.id = v_inv.enterprise_id;
end;
$$;

create or replace function public.accept_invitation(p_code text)
returns table (enterprise_id uuid, status text)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_uid uuid := (select auth.uid());
  v_inv public.invitations;
  v_e public.enterprises;
  v_state text;
  v_join boolean;
  v_request uuid;
  v_name text;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, true);
  select * into v_e from public.enterprises e where e.id = v_inv.enterprise_id for update;
  if exists (select 1 from public.enterprise_members m where m.enterprise_id = v_e.id and m.user_id = v_uid) then
    raise exception using errcode = 'P0001', message = 'already_member', hint = '你已经是该企业的成员';
  end if;
  if exists (select 1 from public.join_requests r
              where r.enterprise_id = v_e.id and r.user_id = v_uid and r.status = 'pending') then
    enterprise_id := v_e.id;
    status := 'pending';
    return next;
    return;
  end if;
  v_state := private.invitation_state(v_inv);
  if v_state = 'revoked' then
    raise exception using errcode = 'P0001', message = 'invitation_revoked', hint = '该邀请已被撤销';
  elsif v_state = 'expired' then
    raise exception using errcode = 'P0001', message = 'invitation_expired', hint = '该邀请已过期，请联系邀请人重新邀请';
  elsif v_state = 'used_up' then
    raise exception using errcode = 'P0001', message = 'invitation_used_up', hint = '该邀请的使用次数已满';
  end if;

  v_join := case v_e.join_rule
              when 'invite' then true
              when 'allowlist' then exists (
                select 1 from public.enterprise_phone_allowlist a
                  join auth.users u on u.phone = a.phone
                 where a.enterprise_id = v_e.id and u.id = v_uid)
              else false end;
  update public.invitations i set use_count = i.use_count + 1 where i.id = v_inv.id;

  if v_join then
    perform private.add_member(v_e.id, v_uid, v_inv.role, v_inv.department_id, v_inv.created_by);
    enterprise_id := v_e.id;
    status := 'joined';
  else
    insert into public.join_requests as r (enterprise_id, user_id, invitation_id)
    values (v_e.id, v_uid, v_inv.id)
    returning r.id into v_request;
    select p.display_name into v_name from public.profiles p where p.id = v_uid;
    perform private.notify_admins(v_e.id, 'enterprise_join_request', '新的加入申请',
      coalesce(nullif(v_name, ''), '有人') || ' 申请加入 ' || v_e.name,
      jsonb_build_object('join_request_id', v_request));
    enterprise_id := v_e.id;
    status := 'pending';
  end if;
  return next;
end;
$$;

create or replace function public.decline_invitation(p_code text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_inv public.invitations;
begin
  perform private.assert_cleared();
  v_inv := private.invitation_by_code(p_code, false);
  if exists (select 1 from public.enterprise_members m where m.enterprise_id = v_inv.enterprise_id and m.user_id = v_uid) then
    raise exception using errcode = 'P0001', message = 'already_member', hint = '你已经是该企业的成员';
  end if;
  if exists (select 1 from public.join_requests r
              where r.enterprise_id = v_inv.enterprise_id and r.user_id = v_uid and r.status = 'pending') then
    raise exception using errcode = 'P0001', message = 'join_request_pending', hint = '你已提交加入申请，如不想加入请撤回申请';
  end if;
  -- One record per person and invitation: declining twice changes nothing.
  insert into public.join_requests (enterprise_id, user_id, invitation_id, status, decided_by, decided_at)
  select v_inv.enterprise_id, v_uid, v_inv.id, 'declined', v_uid, now()
   where not exists (select 1 from public.join_requests r
                      where r.invitation_id = v_inv.id and r.user_id = v_uid and r.status = 'declined');
end;
$$;

-- =============================================================================
-- Join requests
-- =============================================================================
create or replace function public.decide_join_request(p_request_id uuid, p_approve boolean, p_reason text default '')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_req public.join_requests;
  v_inv public.invitations;
  v_reason text;
  v_name text;
begin
  perform private.assert_cleared();
  if p_request_id is null then
    raise exception using errcode = '22023', message = 'join_request_id_required', hint = '请选择加入申请';
  end if;
  v_reason := private.decision_reason(p_approve, p_reason, 200, '同意', '拒绝');
  select * into v_req from public.join_requests r where r.id = p_request_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'join_request_not_found', hint = '找不到该加入申请';
  end if;
  perform private.assert_admin(v_req.enterprise_id);
  if v_req.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'join_request_not_pending', hint = '该申请已处理';
  end if;

  update public.join_requests r
     set status = case when p_approve then 'approved' else 'rejected' end,
         reason = v_reason, decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id;
  select e.name into v_name from public.enterprises e where e.id = v_req.enterprise_id;
  if p_approve then
    select * into v_inv from public.invitations i where i.id = v_req.invitation_id;
    perform private.add_member(v_req.enterprise_id, v_req.user_id, coalesce(v_inv.role, 'member'),
                               v_inv.department_id, v_inv.created_by);
    perform private.notify(v_req.user_id, 'enterprise_membership', '加入申请已通过', '你已加入 ' || v_name,
      jsonb_build_object('enterprise_id', v_req.enterprise_id, 'join_request_id', v_req.id, 'status', 'approved'));
  else
    perform private.notify(v_req.user_id, 'enterprise_membership', '加入申请未通过', v_name || '：' || v_reason,
      jsonb_build_object('enterprise_id', v_req.enterprise_id, 'join_request_id', v_req.id, 'status', 'rejected'));
  end if;
end;
$$;

-- The admin's review list: who is asking (name from their profile, phone masked), through whose
-- invitation and with which role / department. Profiles are private to their owner, so the raw
-- join_requests rows alone would show admins only user ids.
create or replace function public.list_join_requests(p_enterprise_id uuid, p_status text default 'pending')
returns table (id uuid, user_id uuid, display_name text, phone_masked text, invitation_id uuid, inviter_name text,
               role text, department_id uuid, status text, reason text, created_at timestamptz, decided_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  if p_status is null or p_status not in ('pending', 'approved', 'rejected', 'declined', 'withdrawn', 'all') then
    raise exception using errcode = '22023', message = 'status_invalid', hint = '状态须为 pending、approved、rejected、declined、withdrawn 或 all';
  end if;
  return query
  select r.id, r.user_id, coalesce(p.display_name, ''), private.mask_phone(u.phone), r.invitation_id,
         coalesce(nullif(im.display_name, ''), ip.display_name), coalesce(i.role, 'member'), i.department_id,
         r.status, r.reason, r.created_at, r.decided_at
    from public.join_requests r
    left join public.profiles p on p.id = r.user_id
    left join auth.users u on u.id = r.user_id
    left join public.invitations i on i.id = r.invitation_id
    left join public.enterprise_members im on im.enterprise_id = r.enterprise_id and im.user_id = i.created_by
    left join public.profiles ip on ip.id = i.created_by
   where r.enterprise_id = p_enterprise_id and (p_status = 'all' or r.status = p_status)
   order by r.created_at desc
   limit 500;
end;
$$;

create or replace function public.withdraw_join_request(p_request_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_req public.join_requests;
begin
  perform private.assert_cleared();
  if p_request_id is null then
    raise exception using errcode = '22023', message = 'join_request_id_required', hint = '请选择加入申请';
  end if;
  select * into v_req from public.join_requests r
   where r.id = p_request_id and r.user_id = (select auth.uid()) for update;
  if not found then
    raise exception using errcode = '22023', message = 'join_request_not_found', hint = '找不到该加入申请';
  end if;
  if v_req.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'join_request_not_pending', hint = '该申请已处理';
  end if;
  update public.join_requests r set status = 'withdrawn', decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id;
end;
$$;

-- =============================================================================
-- Phone allow-list
-- =============================================================================
create or replace function public.set_phone_allowlist(p_enterprise_id uuid, p_phones text[])
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_phones text[];
  v_bad text;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  if p_phones is null then
    raise exception using errcode = '22023', message = 'phones_invalid', hint = '请提供手机号列表';
  end if;
  if cardinality(p_phones) > 5000 then
    raise exception using errcode = '22023', message = 'phones_too_many', hint = '白名单最多 5000 个手机号';
  end if;
  select x into v_bad from unnest(p_phones) x where private.normalize_cn_mobile(btrim(x)) is null limit 1;
  if found then
    raise exception using errcode = '22023', message = 'phone_invalid',
      hint = '手机号格式不正确：' || left(coalesce(v_bad, '（空）'), 20);
  end if;
  select coalesce(array_agg(distinct private.normalize_cn_mobile(btrim(x))), '{}') into v_phones from unnest(p_phones) x;

  delete from public.enterprise_phone_allowlist a where a.enterprise_id = p_enterprise_id;
  insert into public.enterprise_phone_allowlist (enterprise_id, phone, added_by)
  select p_enterprise_id, x, (select auth.uid()) from unnest(v_phones) x;
  return cardinality(v_phones);
end;
$$;

-- =============================================================================
-- Leaving and removal
-- =============================================================================
create or replace function public.leave_enterprise(p_enterprise_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_member(p_enterprise_id);
  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.assert_member(p_enterprise_id); -- again, now that concurrent changes are settled
  if private.is_admin(p_enterprise_id) and private.admin_count(p_enterprise_id) <= 1 then
    raise exception using errcode = 'P0001', message = 'last_admin', hint = '你是唯一的管理员，请先指定其他管理员再退出';
  end if;
  perform private.end_membership(p_enterprise_id, v_uid);
end;
$$;

create or replace function public.remove_member(p_enterprise_id uuid, p_user_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.enterprise_members;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  perform 1 from public.enterprises e where e.id = p_enterprise_id for update;
  perform private.assert_admin(p_enterprise_id); -- again, now that concurrent role changes are settled
  select * into v_member from public.enterprise_members m
   where m.enterprise_id = p_enterprise_id and m.user_id = p_user_id;
  if not found then
    raise exception using errcode = '22023', message = 'member_not_found', hint = '该用户不是本企业成员';
  end if;
  if v_member.role = 'admin' and private.admin_count(p_enterprise_id) <= 1 then
    raise exception using errcode = 'P0001', message = 'last_admin', hint = '企业至少需要一名管理员';
  end if;
  perform private.end_membership(p_enterprise_id, p_user_id);
  perform private.notify(p_user_id, 'enterprise_membership', '你已被移出企业',
    (select e.name from public.enterprises e where e.id = p_enterprise_id),
    jsonb_build_object('enterprise_id', p_enterprise_id, 'status', 'removed'));
end;
$$;

-- =============================================================================
-- Qualification documents (files in bucket `qualifications` under `<enterprise_id>/`)
-- =============================================================================
create or replace function public.submit_qualification(p_enterprise_id uuid, p_kind text, p_object_path text, p_file_name text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_path text := btrim(coalesce(p_object_path, ''));
  v_file text := btrim(coalesce(p_file_name, ''));
  v_id uuid;
begin
  perform private.assert_cleared();
  perform private.assert_enterprise_id(p_enterprise_id);
  perform private.assert_admin(p_enterprise_id);
  if p_kind is null or p_kind not in ('business_licence', 'legal_rep_id') then
    raise exception using errcode = '22023', message = 'qualification_kind_invalid', hint = '材料类型须为营业执照或法定代表人身份证';
  end if;
  if char_length(v_path) > 240 or v_path not like p_enterprise_id::text || '/%'
     or v_path !~ '^[0-9a-f-]{36}/[^/]{1,200}$' or v_path ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'object_path_invalid', hint = '文件路径须在本企业的资质目录下';
  end if;
  if char_length(v_file) > 200 or v_file ~ '[[:cntrl:]]' then
    raise exception using errcode = '22023', message = 'file_name_invalid', hint = '文件名不超过 200 个字符';
  end if;
  if not exists (select 1 from storage.objects o where o.bucket_id = 'qualifications' and o.name = v_path) then
    raise exception using errcode = 'P0001', message = 'qualification_file_not_found', hint = '请先上传文件';
  end if;
  if (select count(*) from public.qualification_documents q
       where q.enterprise_id = p_enterprise_id and q.created_at > now() - interval '1 day') >= 50 then
    raise exception using errcode = 'P0001', message = 'qualification_rate_limited', hint = '今天提交的材料已达上限，请明天再试';
  end if;

  insert into public.qualification_documents (enterprise_id, kind, object_path, file_name, submitted_by)
  values (p_enterprise_id, p_kind, v_path, v_file, (select auth.uid()))
  returning id into v_id;
  update public.enterprises e set qualification_status = 'pending', updated_at = now() where e.id = p_enterprise_id;
  return v_id;
end;
$$;

create or replace function public.platform_review_qualification(p_document_id uuid, p_approve boolean, p_reason text default '')
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_doc public.qualification_documents;
  v_reason text;
  v_status text;
begin
  perform private.assert_platform_operator();
  if p_document_id is null then
    raise exception using errcode = '22023', message = 'qualification_id_required', hint = '请选择资质材料';
  end if;
  v_reason := private.decision_reason(p_approve, p_reason, 500, '通过', '驳回');
  select * into v_doc from public.qualification_documents q where q.id = p_document_id for update;
  if not found then
    raise exception using errcode = '22023', message = 'qualification_not_found', hint = '找不到该资质材料';
  end if;
  if v_doc.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'qualification_already_reviewed', hint = '该材料已审核';
  end if;
  perform 1 from public.enterprises e where e.id = v_doc.enterprise_id for update;

  update public.qualification_documents q
     set status = case when p_approve then 'approved' else 'rejected' end,
         review_reason = v_reason, reviewed_by = (select auth.uid()), reviewed_at = now()
   where q.id = p_document_id;

  -- The enterprise's summary from the latest document of each kind.
  with latest as (
    select distinct on (q.kind) q.kind, q.status
      from public.qualification_documents q
     where q.enterprise_id = v_doc.enterprise_id
     order by q.kind, q.created_at desc, q.id desc
  )
  select case when exists (select 1 from latest where latest.status = 'rejected') then 'rejected'
              when (select count(*) from latest where latest.status = 'approved') = 2 then 'approved'
              else 'pending' end
    into v_status;
  update public.enterprises e set qualification_status = v_status, updated_at = now() where e.id = v_doc.enterprise_id;

  perform private.notify_admins(v_doc.enterprise_id, 'enterprise_qualification',
    case when p_approve then '资质材料审核通过' else '资质材料被驳回' end,
    case when p_approve then '企业资质状态：' || case v_status when 'approved' then '已认证' when 'rejected' then '未通过' else '审核中' end
         else '驳回理由：' || v_reason end,
    jsonb_build_object('document_id', v_doc.id, 'kind', v_doc.kind, 'status', case when p_approve then 'approved' else 'rejected' end,
                       'qualification_status', v_status));
end;
$$;

-- -----------------------------------------------------------------------------
-- Storage: bucket `qualifications`. Admins of the enterprise named by the first path segment
-- upload and read; platform operators read; nobody updates or deletes through the API.
-- -----------------------------------------------------------------------------
create policy "Enterprise admins upload qualification files"
  on storage.objects for insert
  to authenticated
  with check (
    bucket_id = 'qualifications'
    and (storage.foldername(name))[1] in (select a::text from private.my_admin_enterprise_ids() a)
  );

create policy "Admins and platform operators read qualification files"
  on storage.objects for select
  to authenticated
  using (
    bucket_id = 'qualifications'
    and ((storage.foldername(name))[1] in (select a::text from private.my_admin_enterprise_ids() a)
         or (select private.is_platform_operator()))
  );

-- -----------------------------------------------------------------------------
-- Grants
-- -----------------------------------------------------------------------------
revoke execute on function
  private.clean_text(text, integer, integer), private.new_invitation_code(), private.normalize_invitation_code(text),
  private.admin_count(uuid), private.notify_admins(uuid, text, text, text, jsonb), private.end_membership(uuid, uuid),
  private.add_member(uuid, uuid, text, uuid, uuid), private.invitation_by_code(text, boolean),
  private.decision_reason(boolean, text, integer, text, text),
  private.invitation_state(public.invitations), private.assert_enterprise_id(uuid)
from public, anon, authenticated;

revoke execute on function
  public.create_enterprise(text, text, text, text, text), public.my_enterprises(), public.switch_enterprise(uuid),
  public.enterprise_features(uuid), public.update_enterprise_settings(uuid, jsonb),
  public.set_member_role(uuid, uuid, text, text[]), public.create_invitation(uuid, text, uuid, integer, integer),
  public.revoke_invitation(uuid), public.get_invitation(text), public.accept_invitation(text),
  public.decline_invitation(text), public.decide_join_request(uuid, boolean, text), public.withdraw_join_request(uuid),
  public.list_join_requests(uuid, text),
  public.set_phone_allowlist(uuid, text[]), public.leave_enterprise(uuid), public.remove_member(uuid, uuid),
  public.submit_qualification(uuid, text, text, text), public.platform_review_qualification(uuid, boolean, text)
from public, anon;
grant execute on function
  public.create_enterprise(text, text, text, text, text), public.my_enterprises(), public.switch_enterprise(uuid),
  public.enterprise_features(uuid), public.update_enterprise_settings(uuid, jsonb),
  public.set_member_role(uuid, uuid, text, text[]), public.create_invitation(uuid, text, uuid, integer, integer),
  public.revoke_invitation(uuid), public.get_invitation(text), public.accept_invitation(text),
  public.decline_invitation(text), public.decide_join_request(uuid, boolean, text), public.withdraw_join_request(uuid),
  public.list_join_requests(uuid, text),
  public.set_phone_allowlist(uuid, text[]), public.leave_enterprise(uuid), public.remove_member(uuid, uuid),
  public.submit_qualification(uuid, text, text, text), public.platform_review_qualification(uuid, boolean, text)
to authenticated;
