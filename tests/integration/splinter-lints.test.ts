// Supabase's Security and Performance Advisors (splinter), ported in splinter-lints.ts, run against
// the live catalog after all migrations (docs/database.md "Lints"). Any security ERROR or WARN fails,
// and so do the two performance lints every RLS policy here is written against.
import { sql } from '../support/clients';
import { API_SCHEMAS, LINTS, type Lint } from './splinter-lints';
import { THROWAWAY_BUCKET_PREFIX, THROWAWAY_TABLE_PREFIX } from '../support/throwaway';

const ENFORCED = (l: Lint) => (l.category === 'SECURITY' && l.level !== 'INFO') || ['auth_rls_initplan', 'multiple_permissive_policies'].includes(l.name);

/** A lint that names the API schemas takes them as $1. */
const params = (l: Lint) => (l.sql.includes('$1') ? [API_SCHEMAS] : []);

async function findings(lint: Lint): Promise<string[]> {
  const rows = await sql<{ detail: string }>(lint.sql, params(lint));
  // contract tests create throwaway tables and buckets while this suite may run
  return rows.map((r) => r.detail).filter((d) => !d.includes(THROWAWAY_TABLE_PREFIX) && !d.includes(THROWAWAY_BUCKET_PREFIX)).sort();
}

describe('splinter lints', () => {
  it('ports every lint we enforce', () => {
    expect(LINTS.filter(ENFORCED).map((l) => l.name)).toEqual(expect.arrayContaining([
      'auth_rls_initplan', 'multiple_permissive_policies', 'rls_disabled_in_public', 'security_definer_view',
      'function_search_path_mutable', 'anon_security_definer_function_executable', 'authenticated_security_definer_function_executable',
    ]));
  });

  it.each(LINTS.filter(ENFORCED).map((l) => [l.name, l] as const))('%s finds nothing', async (_name, lint) => {
    expect(await findings(lint)).toEqual([]);
  });

  // Each lint query must see what it is written to see: a throwaway schema object per shape, in one
  // transaction that is rolled back (nothing is left for the suites running alongside).
  it('the lints find what they are written to find', async () => {
    const p = `public.${THROWAWAY_TABLE_PREFIX}splinter`;
    const statements = [
      // RLS on, with the policy mistakes the lints are for
      `create table ${p}_rls (id uuid primary key, user_id uuid)`,
      `alter table ${p}_rls enable row level security`,
      `create policy "probe own rows" on ${p}_rls for select to authenticated using (user_id = auth.uid())`,
      `create policy "probe every row" on ${p}_rls for select to authenticated using (true)`,
      `create policy "probe anon" on ${p}_rls for select to anon using ((select auth.uid()) is null or user_id = (select auth.uid()))`,
      `create policy "probe writes" on ${p}_rls for update to authenticated using (true)`,
      // RLS off, with a policy and a credential column
      `create table ${p}_open (id uuid primary key, password text)`,
      `create policy "probe unused" on ${p}_open for select to authenticated using (false)`,
      `grant select on ${p}_open to authenticated`,
      `create view ${p}_view as select id from ${p}_open`,
      `grant select on ${p}_view to authenticated`,
      `create function ${p}_definer() returns int language sql security definer as 'select 1'`,
    ];
    const expected = ['auth_rls_initplan', 'multiple_permissive_policies', 'rls_policy_always_true', 'rls_policy_null_auth_disjunct',
      'rls_disabled_in_public', 'policy_exists_rls_disabled', 'sensitive_columns_exposed', 'security_definer_view',
      'function_search_path_mutable', 'anon_security_definer_function_executable', 'authenticated_security_definer_function_executable'];
    const hits = await withRollback(statements, async (q) => {
      const out: string[] = [];
      for (const lint of LINTS) {
        const rows = await q(lint.sql, params(lint));
        if (rows.some((r) => String(r.detail).includes(THROWAWAY_TABLE_PREFIX))) out.push(lint.name);
      }
      return out;
    });
    expect(hits.sort()).toEqual([...expected].sort());
  });
});

/** Runs the statements and the probe in one transaction on a dedicated connection, then rolls back. */
async function withRollback<T>(statements: string[], probe: (q: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const { getStack } = await import('../support/stack');
  const client = new Client({ connectionString: getStack().databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const s of statements) await client.query(s);
    return await probe(async (text, params) => (await client.query(text, params)).rows);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}
