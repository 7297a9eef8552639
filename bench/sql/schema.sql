-- =============================================================================
-- Bench-only schema: community-style rows (spaces, posts) on the real tenant tables
-- (public.enterprises, public.enterprise_members) and the real membership helpers
-- (private.my_enterprise_ids(), private.is_member()). Created by `npm run bench` on its own
-- throwaway stack, never by a migration. The policies follow the product's pattern so the
-- RLS-versus-owner ratio measures what the product's community tables will cost.
-- =============================================================================
drop schema if exists bench cascade;
drop schema if exists bench_private cascade;
create schema bench;
create schema bench_private;
grant usage on schema bench to authenticated, service_role;
grant usage on schema bench_private to authenticated;

-- -----------------------------------------------------------------------------
-- Tables (indexes are created after the bulk load, see indexes.sql)
-- -----------------------------------------------------------------------------
create table bench.spaces (
  id uuid primary key,
  enterprise_id uuid not null references public.enterprises (id) on delete cascade,
  name text not null,
  visibility text not null constraint spaces_visibility_valid check (visibility in ('open', 'private')),
  created_at timestamptz not null default now()
);
alter table bench.spaces enable row level security;

create table bench.space_members (
  space_id uuid not null references bench.spaces (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  primary key (space_id, user_id)
);
alter table bench.space_members enable row level security;

create table bench.posts (
  id uuid primary key,
  enterprise_id uuid not null,
  space_id uuid not null,
  author_id uuid not null,
  created_at timestamptz not null,
  title text not null,
  body text not null
);
alter table bench.posts enable row level security;

revoke all on bench.spaces, bench.space_members, bench.posts from anon, authenticated;
grant select on bench.spaces, bench.space_members, bench.posts to authenticated;

-- -----------------------------------------------------------------------------
-- Helpers (private schema, security definer, empty search_path: the product's rules)
-- -----------------------------------------------------------------------------
-- Spaces the caller may read: open spaces of their enterprises, private spaces they joined. The
-- enterprise set comes from the product helper private.my_enterprise_ids(), which applies the
-- identity gate. Like the product helpers: PL/pgSQL (plans cached per connection; a `language sql`
-- definer function is re-planned on every statement) and answered from the request context that
-- the pre-request hook resolves once per API request (supabase/migrations/20261130010000_…).
create or replace function bench_private.my_space_ids()
returns setof uuid language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_id uuid;
begin
  if v_uid is not null and current_setting('zx.ctx_uid', true) = v_uid::text
     and current_setting('zx.ctx_space_ids', true) <> '' then
    foreach v_id in array current_setting('zx.ctx_space_ids')::uuid[] loop
      return next v_id;
    end loop;
    return;
  end if;
  return query
    select s.id
      from bench.spaces s
     where s.enterprise_id in (select private.my_enterprise_ids())
       and (s.visibility = 'open'
            or exists (select 1 from bench.space_members sm where sm.space_id = s.id and sm.user_id = v_uid));
end;
$$;

-- The community module's part of the request context: the product hook, then the caller's spaces.
create or replace function bench_private.begin_request()
returns void language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform set_config('zx.ctx_space_ids', '', true);
  perform hooks.begin_request();
  if current_setting('zx.ctx_uid', true) <> '' then
    perform set_config('zx.ctx_space_ids',
      coalesce((select array_agg(s)::text from bench_private.my_space_ids() s), '{}'), true);
  end if;
end;
$$;
revoke execute on function bench_private.begin_request() from public;
grant execute on function bench_private.begin_request() to anon, authenticated, service_role;
grant usage on schema bench_private to anon, service_role;
alter role authenticator set pgrst.db_pre_request = 'bench_private.begin_request';
notify pgrst, 'reload config';

revoke execute on function bench_private.my_space_ids() from public, anon;
grant execute on function bench_private.my_space_ids() to authenticated;

-- -----------------------------------------------------------------------------
-- Policies (one per table and command, plain-English names)
-- -----------------------------------------------------------------------------
create policy "Members read spaces they may see"
  on bench.spaces for select
  to authenticated
  using (id in (select bench_private.my_space_ids()));

create policy "Members read their own space memberships"
  on bench.space_members for select
  to authenticated
  using (user_id = (select auth.uid()));

-- The product pattern (as on public.departments): a set-returning helper in an uncorrelated
-- subquery, evaluated once per statement, never per row.
create policy "Members read posts in spaces they may see"
  on bench.posts for select
  to authenticated
  using (space_id in (select bench_private.my_space_ids()));

-- -----------------------------------------------------------------------------
-- Bulk-load helpers: a real table's secondary indexes set aside before a load and built again
-- after it (one sorted build instead of a million index insertions; GIN above all). Indexes that
-- back constraints (primary keys, unique constraints the loads rely on) stay.
-- -----------------------------------------------------------------------------
create table bench.set_aside_indexes (name text primary key, tbl regclass not null, def text not null);

-- Runs the statements in order; returns how many ran.
create or replace function bench_private.execute_all(p_statements text[])
returns integer language plpgsql volatile set search_path = ''
as $$
declare
  v_sql text;
begin
  foreach v_sql in array p_statements loop
    execute v_sql;
  end loop;
  return cardinality(p_statements);
end;
$$;

-- Notes each secondary index of the tables, then drops it; returns how many.
create or replace function bench_private.set_aside_indexes(p_tables regclass[])
returns integer language sql volatile set search_path = ''
as $$
  with noted as (
    insert into bench.set_aside_indexes (name, tbl, def)
    select i.indexrelid::regclass::text, i.indrelid::regclass, pg_get_indexdef(i.indexrelid)
      from pg_index i
     where i.indrelid = any (p_tables)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    returning name
  )
  select bench_private.execute_all(array(select 'drop index ' || noted.name from noted));
$$;

-- Builds again every index set aside; returns how many.
create or replace function bench_private.restore_indexes()
returns integer language sql volatile set search_path = ''
as $$
  with restored as (delete from bench.set_aside_indexes returning def)
  select bench_private.execute_all(array(select restored.def from restored));
$$;

-- What has been generated on this stack (a bench run attached with --stack-env reuses it).
create table bench.generated (part text primary key, sizes jsonb not null, result jsonb not null, at timestamptz not null default now());
revoke all on bench.set_aside_indexes, bench.generated from anon, authenticated;
revoke execute on function bench_private.execute_all(text[]), bench_private.set_aside_indexes(regclass[]), bench_private.restore_indexes()
  from public, anon, authenticated;
