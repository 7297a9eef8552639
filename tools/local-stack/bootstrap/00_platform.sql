-- What a Supabase database has before the first migration: roles, schemas, extensions, auth
-- helpers and default privileges, under Supabase's own names, so supabase/migrations run unchanged
-- here and on a real project. Applied as superuser at every stack start: must stay idempotent.

-- ------------------------------------------------------------------ roles
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- PostgREST logs in as authenticator and switches to the role named in the JWT.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'postgres';
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole password 'postgres';
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin login noinherit createrole password 'postgres';
  end if;
end
$$;

alter role service_role bypassrls;
grant anon, authenticated, service_role to authenticator;
-- Supabase lets postgres act as the API roles (e.g. `set role authenticated` in SQL tests).
grant anon, authenticated, service_role to postgres;
-- PostgREST: statement timeouts per role like Supabase sets them.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- ------------------------------------------------------------------ schemas
create schema if not exists extensions;
create schema if not exists auth authorization supabase_auth_admin;
create schema if not exists storage authorization supabase_storage_admin;
create schema if not exists graphql_public;

grant usage on schema public, extensions, graphql_public to anon, authenticated, service_role;
grant usage on schema auth, storage to anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin;
grant all on schema storage to supabase_storage_admin;
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;

-- ------------------------------------------------------------------ extensions (in `extensions`)
create extension if not exists pgcrypto with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists citext with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- Supabase's database-level search path; the API roles see extension functions unqualified.
do $$
begin
  execute format('alter database %I set search_path = "$user", public, extensions', current_database());
end
$$;

-- ------------------------------------------------------------------ auth helpers (GoTrue's)
-- Same signatures and results as GoTrue's; nullif() around request.jwt.claims keeps them from
-- failing on '' which a pooled connection holds after an earlier `set local` has ended.
-- auth.uid(), auth.role(), auth.email(): each one claim, from the one-claim setting or the claims.
do $$
declare
  f record;
begin
  for f in select * from (values ('uid', 'sub', 'uuid'), ('role', 'role', 'text'), ('email', 'email', 'text')) v(name, claim, type) loop
    execute format($fn$
      create or replace function auth.%1$I() returns %3$s
      language sql stable as $body$
        select nullif(
          coalesce(
            current_setting('request.jwt.claim.%2$s', true),
            (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> %2$L)
          ),
          ''
        )::%3$s
      $body$
    $fn$, f.name, f.claim, f.type);
  end loop;
end
$$;

create or replace function auth.jwt() returns jsonb
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

comment on function auth.uid() is 'Deprecated. Use auth.jwt() -> ''sub'' instead.';
comment on function auth.role() is 'Deprecated. Use auth.jwt() -> ''role'' instead.';
comment on function auth.email() is 'Deprecated. Use auth.jwt() -> ''email'' instead.';
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role, supabase_auth_admin, supabase_storage_admin;

-- ------------------------------------------------------------------ default privileges
-- Like a Supabase project: what `postgres` creates in public is reachable by the API roles, and
-- RLS decides which rows. (The CLI's auto_expose_new_tables = true behaviour.)
-- (No blanket `grant … on all tables` here: it would undo a migration's revokes on restart.)
alter default privileges for role postgres in schema public
  grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions
  grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema extensions
  grant all on functions to anon, authenticated, service_role;
grant all on all functions in schema extensions to anon, authenticated, service_role;

-- ------------------------------------------------------------------ realtime publication
-- Migrations may `alter publication supabase_realtime add table …` as on Supabase.
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- ------------------------------------------------------------------ PostgREST schema reload
-- Supabase reloads PostgREST's schema cache on DDL through two event triggers (pgrst_ddl_watch on
-- ddl_command_end, pgrst_drop_watch on sql_drop) that make the same tests as Supabase's; here one
-- function serves both, each event reading its own list of objects (one notify per transaction is
-- all PostgREST needs).
create or replace function extensions.pgrst_watch() returns event_trigger
language plpgsql as $$
begin
  if tg_event = 'sql_drop' then
    if exists (select from pg_event_trigger_dropped_objects() obj
                where obj.object_type in ('schema', 'table', 'foreign table', 'view', 'materialized view', 'function', 'trigger', 'type', 'rule')
                  and obj.is_temporary is false) then
      notify pgrst, 'reload schema';
    end if;
  elsif exists (select from pg_event_trigger_ddl_commands() cmd
                 where cmd.command_tag in (
                         'CREATE SCHEMA', 'ALTER SCHEMA', 'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO',
                         'ALTER TABLE', 'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE', 'CREATE VIEW', 'ALTER VIEW',
                         'CREATE MATERIALIZED VIEW', 'ALTER MATERIALIZED VIEW', 'CREATE FUNCTION', 'ALTER FUNCTION',
                         'CREATE TRIGGER', 'CREATE TYPE', 'ALTER TYPE', 'CREATE RULE', 'COMMENT')
                   and cmd.schema_name is distinct from 'pg_temp') then
    notify pgrst, 'reload schema';
  end if;
end
$$;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'pgrst_ddl_watch') then
    create event trigger pgrst_ddl_watch on ddl_command_end
      execute procedure extensions.pgrst_watch();
  end if;
  if not exists (select 1 from pg_event_trigger where evtname = 'pgrst_drop_watch') then
    create event trigger pgrst_drop_watch on sql_drop
      execute procedure extensions.pgrst_watch();
  end if;
end
$$;
