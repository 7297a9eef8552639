-- =============================================================================
-- Operator rights are read, not probed (issue 12)
-- The ops pages used to learn whether the caller is a platform operator by calling a mutating RPC
-- (platform_act_on_account) with an invalid action and reading which refusal came back. This is
-- the read they needed: the caller's platform role, or null.
--
-- Security invoker: it runs as the caller and only asks the existing policy helper
-- private.is_platform_operator() (already executable by authenticated), which counts an operator
-- only while their own account is cleared, the same rule every operator RPC applies.
-- Signed-out callers get 401 (no execute grant for anon), as with every signed-in-only RPC.
-- =============================================================================

create function public.my_platform_role()
returns text language sql stable security invoker set search_path = ''
as $$
  select case when (select private.is_platform_operator()) then 'operator' end;
$$;

comment on function public.my_platform_role() is
  'The caller''s platform role: ''operator'' for a cleared platform operator, otherwise null.';

revoke execute on function public.my_platform_role() from public, anon;
grant execute on function public.my_platform_role() to authenticated;
