// Our port of Supabase's database linter (splinter: the SQL behind the dashboard's Security and
// Performance Advisors, https://github.com/supabase/splinter, Apache-2.0). Written from the lints'
// documented checks, not copied: each query answers one row per finding with `detail`. Differences
// from upstream, on purpose:
// - "exposed" means the schemas PostgREST serves (supabase/config.toml [api] schemas); upstream's
//   definer-function lints (0028/0029) look at every non-system schema, but a function in `private`
//   is not reachable over HTTP, and our public wrappers must be able to call their private bodies.
// - the schemas of Supabase itself (auth, storage, extensions…) are skipped as upstream does, except
//   storage.objects' policies, which are ours (public_bucket_allows_listing).
// - lints about things this project does not run (pg_graphql exposure, pgmq queues, replication
//   slots, extension versions, table bloat, unused indexes on a fresh database) are left out.

export type LintLevel = 'ERROR' | 'WARN' | 'INFO';
export type Lint = { name: string; level: LintLevel; category: 'SECURITY' | 'PERFORMANCE'; sql: string };

/** The schemas PostgREST exposes (supabase/config.toml [api] schemas). */
export const API_SCHEMAS = ['public', 'graphql_public'];

// Shared SQL fragments. $1 is always API_SCHEMAS.
const NOT_SYSTEM = `n.nspname not in ('auth', 'storage', 'extensions', 'graphql', 'graphql_public', 'realtime', 'vault',
  'pgsodium', 'pgsodium_masks', 'pgbouncer', 'pg_catalog', 'information_schema', 'net', 'cron', 'pgtle',
  'supabase_functions', 'supabase_migrations', 'pgmq', 'repack', 'topology', 'tiger') and n.nspname not like 'pg_temp%'
  and n.nspname not like 'pg_toast%'`;
const API_ROLE = `(has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select'))`;
/** Policies with their command spelled out and whether they reach the client roles. */
const POLICIES = `select n.nspname as schema_name, c.relname as table_name, c.relrowsecurity as rls, p.polname as policy,
         p.polpermissive as permissive,
         case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end as cmd,
         (p.polroles = '{0}' or exists (select 1 from unnest(p.polroles) r where r::regrole::text in ('anon', 'authenticated'))) as client_roles,
         coalesce(pg_get_expr(p.polqual, p.polrelid), '') as using_expr,
         coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as check_expr,
         p.polqual is null as no_using, p.polwithcheck is null as no_check
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace`;

export const LINTS: Lint[] = [
  {
    // 0002: a view that reads auth.users hands every user's e-mail and phone to the API roles.
    name: 'auth_users_exposed', level: 'ERROR', category: 'SECURITY',
    sql: `select distinct format('%s.%s reads auth.users and the API roles can select it', n.nspname, c.relname) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid in (select oid from pg_rewrite where ev_class = c.oid)
           where n.nspname = any($1) and c.relkind in ('v', 'm') and ${API_ROLE}
             and d.refobjid = 'auth.users'::regclass
             and not coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions), false)`,
  },
  {
    // 0003: auth.uid() and friends evaluated per row instead of once per statement.
    name: 'auth_rls_initplan', level: 'WARN', category: 'PERFORMANCE',
    sql: `with p as (${POLICIES})
          select format('%s.%s policy "%s" calls an auth function per row: wrap it as (select auth.<fn>())', schema_name, table_name, policy) as detail
            from p
           where rls and exists (
                   select 1 from unnest(array[using_expr, check_expr]) e
                    where e ~ '(auth\\.(uid|jwt|role|email)\\(\\)|current_setting\\()'
                      and lower(e) !~ 'select\\s+(auth\\.(uid|jwt|role|email)\\(\\)|current_setting\\()')`,
  },
  {
    // 0006: every permissive policy runs for every row; two for one role and action cost twice.
    name: 'multiple_permissive_policies', level: 'WARN', category: 'PERFORMANCE',
    sql: `select format('%s.%s has %s permissive policies for %s %s: %s', n.nspname, c.relname, count(*), r.rolname, a.cmd,
                        string_agg(p.polname, ', ' order by p.polname)) as detail
            from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
            join pg_roles r on p.polroles @> array[r.oid] or p.polroles = '{0}'
            cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT']
                                       when 'w' then array['UPDATE'] when 'd' then array['DELETE']
                                       else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) a(cmd)
           where c.relkind = 'r' and p.polpermissive and ${NOT_SYSTEM}
             and r.rolname not like 'pg\\_%' and r.rolname not like 'supabase%admin' and not r.rolbypassrls
           group by n.nspname, c.relname, r.rolname, a.cmd having count(*) > 1`,
  },
  {
    // 0007: policies written but RLS off: the policies do nothing.
    name: 'policy_exists_rls_disabled', level: 'ERROR', category: 'SECURITY',
    sql: `select format('%s.%s has policies but row level security is disabled', n.nspname, c.relname) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind = 'r' and not c.relrowsecurity and ${NOT_SYSTEM}
             and exists (select 1 from pg_policy p where p.polrelid = c.oid)`,
  },
  {
    // 0010: a view runs as its owner unless security_invoker: it bypasses the caller's RLS.
    name: 'security_definer_view', level: 'ERROR', category: 'SECURITY',
    sql: `select format('view %s.%s runs as its owner (set security_invoker = true)', n.nspname, c.relname) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind = 'v' and n.nspname = any($1) and ${API_ROLE}
             and not coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions)
                              or 'security_invoker=1' = any(c.reloptions), false)`,
  },
  {
    // 0011: without a fixed search_path, a definer (or any) function resolves names the caller chose.
    name: 'function_search_path_mutable', level: 'WARN', category: 'SECURITY',
    sql: `select format('function %s.%s(%s) has no fixed search_path', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as detail
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where ${NOT_SYSTEM}
             and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
             and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
  },
  {
    // 0013: a table in an exposed schema without RLS is readable and writable by whoever holds grants.
    name: 'rls_disabled_in_public', level: 'ERROR', category: 'SECURITY',
    sql: `select format('table %s.%s is exposed and has row level security disabled', n.nspname, c.relname) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind in ('r', 'p') and n.nspname = any($1) and not c.relrowsecurity`,
  },
  {
    // 0014: extension objects in public become API surface.
    name: 'extension_in_public', level: 'WARN', category: 'SECURITY',
    sql: `select format('extension %s is installed in schema public', e.extname) as detail
            from pg_extension e join pg_namespace n on n.oid = e.extnamespace where n.nspname = 'public'`,
  },
  {
    // 0015: user_metadata is writable by the user: a policy trusting it is no policy.
    name: 'rls_references_user_metadata', level: 'ERROR', category: 'SECURITY',
    sql: `with p as (${POLICIES})
          select format('%s.%s policy "%s" reads user_metadata, which every user can change', schema_name, table_name, policy) as detail
            from p where (using_expr || ' ' || check_expr) ~* 'user_metadata|raw_user_meta_data'`,
  },
  {
    // 0016: a materialized view has no RLS; exposed, it shows every row.
    name: 'materialized_view_in_api', level: 'WARN', category: 'SECURITY',
    sql: `select format('materialized view %s.%s is selectable over the API', n.nspname, c.relname) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind = 'm' and n.nspname = any($1) and ${API_ROLE}`,
  },
  {
    // 0017: foreign tables have no RLS either.
    name: 'foreign_table_in_api', level: 'WARN', category: 'SECURITY',
    sql: `select format('foreign table %s.%s is selectable over the API', n.nspname, c.relname) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where c.relkind = 'f' and n.nspname = any($1) and ${API_ROLE}`,
  },
  {
    // 0018: reg* columns store OIDs that pg_upgrade cannot carry over.
    name: 'unsupported_reg_types', level: 'WARN', category: 'SECURITY',
    sql: `select format('%s.%s.%s has type %s, which pg_upgrade cannot keep', n.nspname, c.relname, a.attname, format_type(a.atttypid, null)) as detail
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
           where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'm', 'p') and ${NOT_SYSTEM}
             and a.atttypid in ('regcollation'::regtype, 'regconfig'::regtype, 'regdictionary'::regtype, 'regnamespace'::regtype,
                                'regoper'::regtype, 'regoperator'::regtype, 'regproc'::regtype, 'regprocedure'::regtype)`,
  },
  {
    // 0021: a foreign key to a unique constraint of auth.users other than its key breaks Auth's upgrades.
    name: 'fkey_to_auth_unique', level: 'ERROR', category: 'SECURITY',
    sql: `select format('%s references auth.users through %s, not its primary key', f.conrelid::regclass, u.conname) as detail
            from pg_constraint f join pg_constraint u on u.conindid = f.conindid and u.contype in ('u')
           where f.contype = 'f' and f.confrelid = 'auth.users'::regclass and u.conrelid = 'auth.users'::regclass`,
  },
  {
    // 0023: credential-like columns in an exposed table without RLS.
    name: 'sensitive_columns_exposed', level: 'ERROR', category: 'SECURITY',
    sql: `select format('%s.%s exposes %s without row level security', n.nspname, c.relname, string_agg(a.attname, ', ')) as detail
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
           where c.relkind = 'r' and n.nspname = any($1) and not c.relrowsecurity and ${API_ROLE}
             and replace(lower(a.attname), '-', '_') ~ '^(password|passwd|pwd|passphrase|secret|secret_key|private_key|api_?key|auth_key|token|jwt|access_token|refresh_token|oauth_token|session_(token|id|key|secret)|bearer_token|auth_code|recovery_code|backup_code|verification_code|otp|two_factor|2fa_(secret|code)|ssn|social_security(_number)?|drivers?_license|license_number|passport_(number|id)|national_id|tax_id|credit_card|card_number|cvv|cvc|cvn|bank_account|account_number|routing_number|iban|swift_code|bic|health_record|medical_record|patient_id|(health_|medical_)?insurance(_number)?|treatment|mac_address|macaddr|imei|device_uuid|pgp_key|gpg_key|ssh_key|certificate|license_key|activation_key|facial_recognition)$'
           group by n.nspname, c.relname`,
  },
  {
    // 0024: USING (true) / WITH CHECK (true) on a write policy for the client roles.
    name: 'rls_policy_always_true', level: 'WARN', category: 'SECURITY',
    sql: `with p as (${POLICIES}),
          norm as (select *, regexp_replace(lower(using_expr), '\\s', '', 'g') as u, regexp_replace(lower(check_expr), '\\s', '', 'g') as w from p)
          select format('%s.%s policy "%s" (%s) lets the client roles write any row', schema_name, table_name, policy, cmd) as detail
            from norm
           where rls and permissive and client_roles and schema_name not in ('auth', 'storage', 'extensions', 'realtime', 'vault')
             and ((cmd in ('UPDATE', 'DELETE', 'ALL') and (u in ('true', '(true)', '1=1', '(1=1)') or no_using))
               or w in ('true', '(true)', '1=1', '(1=1)')
               or (cmd = 'INSERT' and no_check)
               or (cmd in ('UPDATE', 'ALL') and no_check and u in ('true', '(true)', '1=1', '(1=1)')))`,
  },
  {
    // 0025: a public bucket serves files by URL already; a SELECT policy also lets clients list them.
    name: 'public_bucket_allows_listing', level: 'WARN', category: 'SECURITY',
    sql: `select format('public bucket %s can be listed through policy "%s"', b.id, p.polname) as detail
            from storage.buckets b join pg_policy p on p.polrelid = 'storage.objects'::regclass
           where b.public and p.polcmd in ('r', '*')
             and (p.polroles = '{0}' or exists (select 1 from unnest(p.polroles) r where r::regrole::text in ('anon', 'authenticated')))
             and coalesce(pg_get_expr(p.polqual, p.polrelid), '') ~ ('bucket_id\\s*=\\s*''' || b.id || '''')`,
  },
  {
    // 0028: anon can run a function with its owner's rights over the API.
    name: 'anon_security_definer_function_executable', level: 'WARN', category: 'SECURITY',
    sql: `select format('security definer function %s.%s(%s) is executable by anon over the API', n.nspname, p.proname,
                        pg_get_function_identity_arguments(p.oid)) as detail
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where p.prosecdef and n.nspname = any($1) and has_function_privilege('anon', p.oid, 'execute')`,
  },
  {
    // 0029: the same for signed-in users.
    name: 'authenticated_security_definer_function_executable', level: 'WARN', category: 'SECURITY',
    sql: `select format('security definer function %s.%s(%s) is executable by authenticated over the API', n.nspname, p.proname,
                        pg_get_function_identity_arguments(p.oid)) as detail
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where p.prosecdef and n.nspname = any($1) and has_function_privilege('authenticated', p.oid, 'execute')`,
  },
  {
    // 0030: "auth.uid() is null or …" at the top of a read policy admits every row to anon.
    name: 'rls_policy_null_auth_disjunct', level: 'WARN', category: 'SECURITY',
    sql: `with p as (${POLICIES}),
          s as (
            -- (select auth.uid() as uid) counts as auth.uid() here: wrapped or not, it is null for anon
            select *, regexp_replace(regexp_replace(regexp_replace(regexp_replace(lower(regexp_replace(using_expr, '\\s', '', 'g')),
                        '\\(select(auth\\.(uid|jwt|role)\\(\\))as[a-z_]+\\)', '\\1', 'g'),
                        'not\\((auth\\.(uid|jwt|role)\\(\\)|current_setting\\([^)]*,true\\))isnotnull\\)', 'nullcheck', 'g'),
                        '(auth\\.(uid|jwt|role)\\(\\)|current_setting\\([^)]*,true\\))isnull', 'nullcheck', 'g'),
                        '(auth\\.(uid|jwt|role)\\(\\)|current_setting\\([^)]*\\))', 'fn', 'g') as e
              from p where rls and permissive and client_roles and cmd in ('SELECT', 'ALL')),
          top as (
            -- drop the outer parentheses, then collapse nested groups until only the top level is left
            select *, regexp_replace(regexp_replace(e, '^\\(', ''), '\\)$', '') as inner_expr from s),
          flat as (
            select *, regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(inner_expr,
                        '\\([^()]*\\)', '_', 'g'), '\\([^()]*\\)', '_', 'g'), '\\([^()]*\\)', '_', 'g'),
                        '\\([^()]*\\)', '_', 'g'), '\\([^()]*\\)', '_', 'g') as core from top)
          select format('%s.%s policy "%s" is true for every row when the auth function is null', schema_name, table_name, policy) as detail
            from flat
           where core ~ 'or' and core !~ 'and' and inner_expr ~ '(^|or)\\(nullcheck\\)($|or)'`,
  },
];
