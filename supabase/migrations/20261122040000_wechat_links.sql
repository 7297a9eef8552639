-- =============================================================================
-- WeChat / WeCom sign-in links (issue 3, sign-in paths)
-- A WeChat openid (mini-program) or a WeCom member (corpid:userid) is linked to one auth user.
-- Only the `wechat-login` / `wecom-login` edge functions (service role) read or write links: a
-- client can neither see which WeChat account belongs to whom nor link one to somebody else.
-- =============================================================================

create table private.wechat_links (
  provider text not null check (provider in ('wechat', 'wecom')),
  -- wechat: the openid of our mini-program; wecom: '<corpid>:<userid>'
  subject text not null check (char_length(subject) between 1 and 200),
  -- wechat only, when the mini-program is bound to an open-platform account
  unionid text check (unionid is null or char_length(unionid) between 1 and 200),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  primary key (provider, subject),
  -- one WeChat account and one WeCom member per Zhixiang account (a link is how you sign in, not a list)
  unique (provider, user_id)
);
alter table private.wechat_links enable row level security;
revoke all on private.wechat_links from public, anon, authenticated;
create index wechat_links_user_id_idx on private.wechat_links (user_id);

-- -----------------------------------------------------------------------------
-- The linked user of a WeChat/WeCom subject, or null. Marks the sign-in time.
-- -----------------------------------------------------------------------------
create or replace function public.wechat_link_lookup(p_provider text, p_subject text)
returns uuid
language sql
security definer
set search_path = ''
as $$
  update private.wechat_links
     set last_login_at = now()
   where provider = p_provider and subject = p_subject
  returning user_id;
$$;

-- -----------------------------------------------------------------------------
-- The auth user that owns a phone (GoTrue's digits-only form, e.g. 8613800138000), or null.
-- -----------------------------------------------------------------------------
create or replace function public.wechat_user_by_phone(p_phone text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select u.id from auth.users u
   where p_phone ~ '^[1-9][0-9]{6,14}$' and u.phone = p_phone and u.deleted_at is null
   limit 1;
$$;

-- -----------------------------------------------------------------------------
-- Links a subject to a user. Returns the user the subject is linked to afterwards: an earlier link
-- of the same subject wins (two first logins racing end on one account). A user already linked to
-- another subject of the same provider is refused with `wechat_already_linked`.
-- -----------------------------------------------------------------------------
create or replace function public.wechat_link_bind(p_provider text, p_subject text, p_unionid text, p_user_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user uuid;
begin
  if p_provider is null or p_provider not in ('wechat', 'wecom') then
    raise exception using errcode = '22023', message = 'provider_invalid', hint = '登录方式无效';
  end if;
  if p_subject is null or char_length(p_subject) not between 1 and 200 then
    raise exception using errcode = '22023', message = 'subject_invalid', hint = '登录凭证无效';
  end if;
  insert into private.wechat_links (provider, subject, unionid, user_id, last_login_at)
  values (p_provider, p_subject, nullif(p_unionid, ''), p_user_id, now())
  on conflict (provider, subject) do update set last_login_at = now()
  returning user_id into v_user;
  return v_user;
exception
  when unique_violation then
    raise exception using errcode = 'P0001', message = 'wechat_already_linked',
      hint = case when p_provider = 'wechat' then '该手机号已绑定其他微信账号' else '该账号已绑定其他企业微信成员' end;
  when foreign_key_violation then
    raise exception using errcode = 'P0002', message = 'user_not_found', hint = '找不到该用户';
end;
$$;

revoke execute on function
  public.wechat_link_lookup(text, text), public.wechat_user_by_phone(text),
  public.wechat_link_bind(text, text, text, uuid)
from public, anon, authenticated;
grant execute on function
  public.wechat_link_lookup(text, text), public.wechat_user_by_phone(text),
  public.wechat_link_bind(text, text, text, uuid)
to service_role;
