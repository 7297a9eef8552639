-- =============================================================================
-- Schema lint fixes (found by tests/integration/schema-lint.test.ts and the isolation matrix).
--
-- profiles (20261122020000_profiles.sql) revoked only insert/update/delete from the client roles,
-- so Supabase's default privileges left anon with SELECT (RLS showed it no row, but anon reads no
-- other private table) and both client roles with TRUNCATE, REFERENCES and TRIGGER. Every other
-- table revokes all and grants back the reads it means; profiles now does the same.
-- =============================================================================
revoke all on public.profiles from anon, authenticated;
grant select on public.profiles to authenticated;
