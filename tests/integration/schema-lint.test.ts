// Schema lint, read from the live catalog after all migrations: the database rules of
// docs/database.md ("Rules the lints enforce") and /work/shared/ARCHITECTURE.md "Database rules".
// Supabase's own advisors (splinter) run in splinter-lints.test.ts; these are our stricter rules:
// - RLS on every table of the exposed schemas; views run as the caller (security_invoker)
// - every function in public/private has a fixed search_path; no security definer function in
//   public (the definer body is private.<name>, public.<name> a security invoker wrapper), PUBLIC
//   executes no definer function, and a private definer function is executable by exactly the
//   roles that may call its public wrapper (or, for policy helpers, by authenticated)
// - the client roles hold no table privilege beyond the declared reads
// - policies evaluate auth.uid()/auth.jwt() and helper calls once per statement: wrapped in a
//   sub-select, never called per row
// - at most one permissive policy per table, role and command
// - every foreign key and every column a policy filters on is covered by an index that leads with it
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from '../support/clients';
import { THROWAWAY_BUCKET_LIKE, THROWAWAY_BUCKET_PREFIX, THROWAWAY_TABLE_LIKE, THROWAWAY_TABLE_PREFIX } from '../support/throwaway';

const EXPOSED = ['public', 'storage'];
const OWN = ['public', 'private', 'hooks'];

type Exec = 'anon' | 'authenticated' | 'service';
/** The only RPCs anon may call (before sign-in); every other public function needs a signed-in user or the service role. */
const ANON_CALLABLE = ['get_current_agreements', 'report_stolen_account', 'training_verify_certificate'];
/** Private helpers that RLS policies call as the querying role; every other private function is internal. */
const POLICY_HELPERS = ['is_cleared', 'assert_cleared', 'is_platform_operator', 'my_enterprise_ids', 'my_admin_enterprise_ids', 'closed_enterprise_ids', 'my_open_report_ids',
  'my_birth_evidence_count', 'training_manager_ids', 'training_media_readable', 'kb_acl_ids', 'kb_read_keys', 'kb_manager_enterprise_ids', 'kb_object_allowed', 'kb_search_ids',
  'my_community_enterprise_ids', 'my_community_moderated_ids', 'my_community_moderated_array', 'my_community_section_ids', 'my_community_section_array',
  'community_image_upload_allowed', 'community_image_readable'];
/** PostgREST's hooks (schema hooks), run as every request's role. */
const HOOKS: Record<string, Exec> = { begin_request: 'anon' };
/** Public tables anon may read (catalogues shown before sign-in). Everything else: authenticated only. */
const ANON_READABLE = ['notification_kinds', 'agreement_documents', 'agreement_versions', 'edition_features'];

const ROLE_SETS: Record<Exec, string[]> = {
  anon: ['anon', 'authenticated', 'service_role'],
  authenticated: ['authenticated', 'service_role'],
  service: ['service_role'],
};

describe('schema lint', () => {
  it('every table in the exposed schemas has row level security enabled; views run as the caller', async () => {
    const rows = await sql<{ name: string; kind: string; rls: boolean; options: string[] | null }>(
      `select n.nspname || '.' || c.relname as name, c.relkind::text as kind, c.relrowsecurity as rls, c.reloptions as options
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm') and c.relname not like $2
        order by 1`,
      [EXPOSED, THROWAWAY_TABLE_LIKE],
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => (r.kind === 'r' || r.kind === 'p') && !r.rls).map((r) => r.name)).toEqual([]);
    // materialized views cannot have RLS: none may be exposed
    expect(rows.filter((r) => r.kind === 'm').map((r) => r.name)).toEqual([]);
    expect(rows.filter((r) => r.kind === 'v' && !(r.options ?? []).some((o) => /^security_invoker=(true|on|1)$/i.test(o))).map((r) => r.name)).toEqual([]);
  });

  it('every function of our schemas has a fixed search_path', async () => {
    const rows = await sql<{ name: string }>(
      `select n.nspname || '.' || p.proname as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any($1)
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')
        order by 1`,
      [OWN],
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('no security definer function in public: each one is an invoker wrapper of private.<name>', async () => {
    const rows = await sql<{ name: string; definer: boolean; lang: string; calls_private: boolean }>(
      `select p.proname as name, p.prosecdef as definer, l.lanname as lang,
              exists (select 1 from pg_proc q join pg_namespace qn on qn.oid = q.pronamespace
                       where qn.nspname = 'private' and q.proname = p.proname and q.prosecdef) as calls_private
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
        where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.definer).map((r) => r.name)).toEqual([]);
    // a wrapper is one SQL statement; a public function with logic of its own runs as the caller
    expect(rows.filter((r) => r.calls_private && r.lang !== 'sql').map((r) => r.name)).toEqual([]);
  });

  it('security definer functions: never executable by PUBLIC, and by the API roles exactly as their wrapper', async () => {
    const rows = await sql<{ schema: string; name: string; public_exec: boolean; roles: string[]; wrapper_roles: string[] | null }>(
      `with fn as (
         select p.oid, n.nspname, p.proname, p.prosecdef, coalesce(p.proacl, acldefault('f', p.proowner)) as acl
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       ), roles as (
         select fn.oid, array(select r from unnest(array['anon', 'authenticated', 'service_role']) r
                              where has_function_privilege(r, fn.oid, 'execute') order by r) as roles
           from fn
       )
       select f.nspname as schema, f.proname as name,
              exists (select 1 from aclexplode(f.acl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_exec,
              r.roles,
              (select wr.roles from fn w join roles wr on wr.oid = w.oid where w.nspname = 'public' and w.proname = f.proname) as wrapper_roles
         from fn f join roles r on r.oid = f.oid
        where f.nspname = any($1) and f.prosecdef
        order by 1, 2`,
      [[...OWN, 'storage']],
    );
    expect(rows.filter((r) => r.public_exec).map((r) => `${r.schema}.${r.name}`)).toEqual([]);
    const wrong: string[] = [];
    for (const r of rows) {
      let expected: string[];
      if (r.schema === 'hooks') expected = HOOKS[r.name] ? ROLE_SETS[HOOKS[r.name]] : [];
      else if (r.schema === 'private' && r.wrapper_roles) expected = r.wrapper_roles;
      else expected = POLICY_HELPERS.includes(r.name) && r.schema === 'private' ? ['authenticated'] : [];
      if (JSON.stringify(r.roles) !== JSON.stringify(expected)) wrong.push(`${r.schema}.${r.name}: executable by [${r.roles}] instead of [${expected}]`);
    }
    expect(wrong).toEqual([]);
    // the wrappers: anon calls only the declared ones
    const anon = await sql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by 1`,
    );
    expect(anon.map((r) => r.name)).toEqual(ANON_CALLABLE);
  });

  it('the client roles hold no table privilege but the declared reads', async () => {
    const rows = await sql<{ role: string; tbl: string; priv: string }>(
      `select r as role, c.relname as tbl, priv
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        cross join unnest(array['anon', 'authenticated']) r
        cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) priv
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname not like $1
          and has_table_privilege(r, c.oid, priv)
        order by 1, 2, 3`,
      [THROWAWAY_TABLE_LIKE],
    );
    const unexpected = rows.filter((r) => !(r.priv === 'SELECT' && (r.role === 'authenticated' || ANON_READABLE.includes(r.tbl))));
    expect(unexpected.map((r) => `${r.role} ${r.priv} ${r.tbl}`)).toEqual([]);
  });

  it('policies call auth.uid(), auth.jwt(), current_setting() and helpers once per statement (wrapped in a sub-select)', async () => {
    const rows = await sql<{ name: string; expr: string }>(
      `select schemaname || '.' || tablename || ' / ' || policyname as name, coalesce(qual, '') || ' ' || coalesce(with_check, '') as expr
         from pg_policies where schemaname = any($1) and not (tablename like $2 or policyname like $3) order by 1`,
      [EXPOSED, THROWAWAY_TABLE_LIKE, THROWAWAY_BUCKET_LIKE],
    );
    expect(rows.length).toBeGreaterThan(10);
    const found = rows.flatMap((r) => unwrappedCalls(r.expr).map((call) => `${r.name}: ${call}`));
    expect(found).toEqual([]);
  });

  // Postgres 17 re-plans a `language sql` function's body on every statement unless it is inlined,
  // and security definer functions or functions with a SET clause never are: a policy helper in SQL
  // costs a parse and plan per statement (bench/report.md). PL/pgSQL keeps its plans per connection.
  it('policies call no SQL function that Postgres has to re-plan on every statement', async () => {
    const rows = await sql<{ name: string; fn: string }>(
      `select distinct pol.polname || ' on ' || c.relname as name, n.nspname || '.' || p.proname as fn
         from pg_policy pol
         join pg_class c on c.oid = pol.polrelid
         join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = pol.oid and d.refclassid = 'pg_proc'::regclass
         join pg_proc p on p.oid = d.refobjid
         join pg_namespace n on n.oid = p.pronamespace
         join pg_language l on l.oid = p.prolang
        where l.lanname = 'sql' and (p.prosecdef or p.proconfig is not null)
          and not (c.relname like $1 or pol.polname like $2)
        order by 1, 2`,
      [THROWAWAY_TABLE_LIKE, THROWAWAY_BUCKET_LIKE],
    );
    expect(rows.map((r) => `${r.name}: ${r.fn}`)).toEqual([]);
    // The check sees policy dependencies at all (a helper every tenant policy uses).
    const seen = await sql<{ n: number }>(
      `select count(*)::int as n from pg_depend d join pg_proc p on p.oid = d.refobjid
        where d.classid = 'pg_policy'::regclass and p.proname = 'my_enterprise_ids'`,
    );
    expect(seen[0].n).toBeGreaterThan(3);
  });

  it('the wrapping check itself tells wrapped from unwrapped calls', () => {
    expect(unwrappedCalls('(user_id = auth.uid())')).toEqual(['auth.uid()']);
    expect(unwrappedCalls("(current_setting('request.jwt.claims'::text, true) IS NOT NULL)")).toEqual(['current_setting(']);
    expect(unwrappedCalls('(user_id = ( SELECT auth.uid() AS uid))')).toEqual([]);
    expect(unwrappedCalls('(x IN ( SELECT (a.a)::text AS a FROM private.my_admin_enterprise_ids() a(a)))')).toEqual([]);
    expect(unwrappedCalls("(name = 'auth.uid()')")).toEqual([]);
  });

  // storage.objects holds every bucket: there the rule is per bucket (the bucket_id a policy names),
  // as each bucket's policies are written (and the contract tests add their own throwaway buckets').
  it('at most one permissive policy per table (per bucket on storage.objects), role and command', async () => {
    const rows = await sql<{ tbl: string; role: string; cmd: string; n: number; names: string[] }>(
      `with expanded as (
         select p.schemaname || '.' || p.tablename
                || case when p.schemaname = 'storage' and p.tablename = 'objects'
                        then coalesce(' bucket ' || substring(coalesce(p.qual, p.with_check) from 'bucket_id = ''([^'']+)'''), '')
                        else '' end as tbl,
                p.policyname, r.role, c.cmd
           from pg_policies p
          cross join lateral unnest(case when p.roles = '{public}' then array['anon', 'authenticated'] else p.roles::text[] end) as r(role)
          cross join lateral unnest(case when p.cmd = 'ALL' then array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] else array[p.cmd] end) as c(cmd)
          where p.schemaname = any($1) and p.permissive = 'PERMISSIVE' and not (p.tablename like $2 or p.policyname like $3)
       )
       select tbl, role, cmd, count(*)::int as n, array_agg(policyname order by policyname) as names
         from expanded group by tbl, role, cmd having count(*) > 1 order by 1, 2, 3`,
      [EXPOSED, THROWAWAY_TABLE_LIKE, THROWAWAY_BUCKET_LIKE],
    );
    expect(rows).toEqual([]);
  });

  it('every foreign key is covered by an index that leads with its columns', async () => {
    const rows = await sql<{ name: string }>(
      `select c.conrelid::regclass::text || ' ' || c.conname || ' (' ||
              (select string_agg(a.attname, ', ') from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any (c.conkey)) || ')' as name
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = any($1)
          and not exists (
            select 1 from pg_index i
             where i.indrelid = c.conrelid
               and (select array_agg(k order by k) from unnest(i.indkey::int2[]) with ordinality u(k, ord) where ord <= cardinality(c.conkey))
                   = (select array_agg(k order by k) from unnest(c.conkey) k))
        order by 1`,
      [OWN],
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it('every column a policy filters on leads some index of its table', async () => {
    const policies = await sql<{ tbl: string; oid: number; name: string; expr: string }>(
      `select p.tablename as tbl, ('public.' || quote_ident(p.tablename))::regclass::oid::int as oid, p.policyname as name,
              coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '') as expr
         from pg_policies p where p.schemaname = 'public' and p.tablename not like $1 order by 1, 3`,
      [THROWAWAY_TABLE_LIKE],
    );
    const missing: string[] = [];
    for (const p of policies) {
      const cols = await sql<{ col: string; leads: boolean }>(
        `select a.attname as col,
                exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indkey[0] = a.attnum) as leads
           from pg_attribute a where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped`,
        [p.oid],
      );
      const text = stripLiterals(p.expr).replace(/\bAS\s+\w+/gi, '');
      for (const c of cols) {
        const used = new RegExp(`(?<![\\w."])"?${c.col}"?(?![\\w(])`).test(text);
        if (used && !c.leads) missing.push(`${p.tbl}.${c.col} (policy "${p.name}")`);
      }
    }
    expect(missing).toEqual([]);
  });

  // The checks above skip contract tests' throwaway objects by name (tests/support/throwaway.ts).
  it('no migration or seed creates anything under the throwaway prefixes the checks skip', () => {
    const dir = path.join(__dirname, '../../supabase');
    const files = [
      ...readdirSync(path.join(dir, 'migrations')).map((f) => path.join(dir, 'migrations', f)),
      path.join(dir, 'seed.sql'),
      ...readdirSync(path.join(dir, 'seeds')).filter((f) => f.endsWith('.sql')).map((f) => path.join(dir, 'seeds', f)),
    ];
    expect(files.length).toBeGreaterThan(5);
    const offending = files.filter((f) => {
      const text = readFileSync(f, 'utf8').toLowerCase();
      return text.includes(THROWAWAY_TABLE_PREFIX) || text.includes(THROWAWAY_BUCKET_PREFIX);
    });
    expect(offending).toEqual([]);
  });
});

function stripLiterals(expr: string): string {
  return expr.replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * Calls in a policy expression that Postgres would evaluate per row: schema-qualified calls
 * without arguments (auth.uid(), auth.jwt(), private.is_platform_operator() …) and
 * current_setting(…), unless they sit inside a parenthesised SELECT (then they are an InitPlan,
 * evaluated once per statement).
 */
function unwrappedCalls(expr: string): string[] {
  const text = stripLiterals(expr);
  // for every position: is it inside a "( SELECT …)"?
  const inSelect: boolean[] = new Array(text.length).fill(false);
  const stack: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') stack.push(/^\(\s*SELECT\b/i.test(text.slice(i, i + 12)));
    inSelect[i] = stack.some(Boolean);
    if (ch === ')') stack.pop();
  }
  const found: string[] = [];
  const pattern = /\b[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*\(\s*\)|\bcurrent_setting\(/gi;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!inSelect[m.index]) found.push(m[0]);
  }
  return found;
}
