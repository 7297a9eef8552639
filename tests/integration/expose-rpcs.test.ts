// private.expose_rpcs (docs/database.md "Definer bodies in private, invoker wrappers in public"):
// every migration exposes its RPCs with it, so what it writes is what the API is. Probed on
// throwaway bodies in a transaction that is rolled back (nothing is visible to other sessions).
import { Client } from 'pg';
import { getStack } from '../support/stack';

type Row = Record<string, unknown>;

const BODIES = [
  `create function private.zz_test_rpc(p_a integer, p_b text default 'x', out o_a integer, out o_b text)
   language plpgsql stable security definer set search_path = '' as $$ begin o_a := p_a; o_b := p_b; end $$`,
  `create function private.zz_test_rows(p_n integer) returns setof integer
   language sql security definer set search_path = '' as $$ select generate_series(1, p_n) $$`,
  `create function private.zz_test_anon() returns text
   language sql immutable security definer set search_path = '' as $$ select 'ok' $$`,
  `select private.expose_rpcs(array['zz_test_rpc'], p_anon => array['zz_test_anon'], p_service => array['zz_test_rows'])`,
];

async function withRollback<T>(probe: (q: (text: string) => Promise<Row[]>) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: getStack().databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const s of BODIES) await client.query(s);
    return await probe(async (text) => (await client.query(text)).rows);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

const ROLES = ['anon', 'authenticated', 'service_role'];

describe('private.expose_rpcs', () => {
  it('writes each wrapper with its body’s signature, as a one-statement security invoker SQL function', async () => {
    const rows = await withRollback((q) =>
      q(`select n.nspname as ns, p.proname as name, pg_get_function_arguments(p.oid) as args,
                pg_get_function_result(p.oid) as result, p.provolatile as vol, p.prosecdef as definer,
                l.lanname as lang, p.proconfig::text as config
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
          where p.proname like 'zz\\_test\\_%' order by p.proname, n.nspname`),
    );
    const byName = (name: string, ns: string) => rows.find((r) => r.name === name && r.ns === ns)!;
    for (const name of ['zz_test_anon', 'zz_test_rows', 'zz_test_rpc']) {
      const body = byName(name, 'private');
      const wrapper = byName(name, 'public');
      expect({ args: wrapper.args, result: wrapper.result, vol: wrapper.vol }).toEqual({
        args: body.args,
        result: body.result,
        vol: body.vol,
      });
      expect({ definer: wrapper.definer, lang: wrapper.lang, config: wrapper.config }).toEqual({
        definer: false,
        lang: 'sql',
        config: '{"search_path=\\"\\""}',
      });
    }
    expect(byName('zz_test_rpc', 'public').args).toBe("p_a integer, p_b text DEFAULT 'x'::text, OUT o_a integer, OUT o_b text");
  });

  it('gives wrapper and body the same execute rights: signed-in, pre-clearance (anon too), service role only', async () => {
    const rights = await withRollback(async (q) => {
      const out: Record<string, string[]> = {};
      for (const [fn, sig] of [['zz_test_rpc', '(integer, text)'], ['zz_test_anon', '()'], ['zz_test_rows', '(integer)']]) {
        for (const ns of ['public', 'private']) {
          const [r] = await q(
            `select array_remove(array[${ROLES.map((role) => `case when has_function_privilege('${role}', '${ns}.${fn}${sig}', 'execute') then '${role}' end`).join(', ')}], null) as roles`,
          );
          out[`${ns}.${fn}`] = r.roles as string[];
        }
      }
      return out;
    });
    expect(rights).toEqual({
      'public.zz_test_rpc': ['authenticated', 'service_role'],
      'private.zz_test_rpc': ['authenticated', 'service_role'],
      'public.zz_test_anon': ['anon', 'authenticated', 'service_role'],
      'private.zz_test_anon': ['anon', 'authenticated', 'service_role'],
      'public.zz_test_rows': ['service_role'],
      'private.zz_test_rows': ['service_role'],
    });
  });

  it('the wrappers answer what the bodies answer (rows as columns, defaults applied)', async () => {
    const answers = await withRollback(async (q) => ({
      rpc: await q(`select * from public.zz_test_rpc(2)`),
      rows: await q(`select * from public.zz_test_rows(3) as n`),
      anon: await q(`select public.zz_test_anon() as v`),
    }));
    expect(answers.rpc).toEqual([{ o_a: 2, o_b: 'x' }]);
    expect(answers.rows.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(answers.anon).toEqual([{ v: 'ok' }]);
  });

  it('refuses a name without a private body, and no API role may call it', async () => {
    const client = new Client({ connectionString: getStack().databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`select private.expose_rpcs(array['zz_test_missing'])`)).rejects.toThrow(
        'expose_rpcs: no function private.zz_test_missing to expose',
      );
      const [r] = (
        await client.query(
          `select array_remove(array[${ROLES.map((role) => `case when has_function_privilege('${role}', 'private.expose_rpcs(text[], text[], text[])', 'execute') then '${role}' end`).join(', ')}], null) as roles`,
        )
      ).rows;
      expect(r.roles).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
