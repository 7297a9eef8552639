// The knowledge-base request context (migration 20261212010000_kb.sql): for requests to kb_*
// endpoints PostgREST's pre-request hook also resolves the caller's grants once, and the kb policy
// helpers read them back. A stale answer would show a folder to someone whose right was just taken
// away, so each test opens a transaction the way PostgREST does (claims, path, role, hook), changes
// what the answer depends on within that same transaction, and reads under RLS as the caller.
import { sql } from '../support/clients';
import { asOwner, inRequestOf, type Q } from '../support/request';
import { buildKbWorld, type KbWorld } from './kb-support';

const inKbRequestOf = <T>(userId: string, path: string, work: (q: Q) => Promise<T>) => inRequestOf(userId, work, { path });

const seesNode = async (q: Q, id: string) => (await q('select id from public.kb_nodes where id = $1', [id])).length === 1;

let w: KbWorld;
beforeAll(async () => {
  w = await buildKbWorld();
});

describe('knowledge-base request context', () => {
  it('is made for kb_* requests only, and for the caller', async () => {
    const made = (path: string) =>
      inKbRequestOf(w.people.dept.userId, path, async (q) => String((await q(`select current_setting('zx.ctx_kb_uid', true) as v`))[0].v ?? ''));
    expect(await made('/rpc/kb_search')).toBe(w.people.dept.userId);
    expect(await made('/kb_nodes')).toBe(w.people.dept.userId);
    expect(await made('/notifications')).toBe('');
  });

  it('a grant taken away within the request hides the folder at once', async () => {
    await inKbRequestOf(w.people.dept.userId, '/kb_nodes', async (q) => {
      expect(await seesNode(q, w.secretPage)).toBe(true);
      await asOwner(q, `delete from public.kb_grants where node_id = $1 and grantee_kind = 'department'`, [w.secretFolder]);
      expect(await seesNode(q, w.secretPage)).toBe(false);
      expect((await q('select count(*)::int as n from public.kb_search($1, $2, 20)', [w.ent, '年终奖']))[0].n).toBe(0);
    });
  });

  it('leaving the department within the request takes the department’s rights with it', async () => {
    await inKbRequestOf(w.people.subDept.userId, '/rpc/kb_open_page', async (q) => {
      expect(await seesNode(q, w.secretPage)).toBe(true);
      await asOwner(q, 'update public.enterprise_members set department_id = $3 where enterprise_id = $1 and user_id = $2',
        [w.ent, w.people.subDept.userId, w.depts.market]);
      expect(await seesNode(q, w.secretPage)).toBe(false);
    });
  });

  it('moving a department out from under the granted one within the request takes the rights too', async () => {
    await inKbRequestOf(w.people.subDept.userId, '/kb_nodes', async (q) => {
      expect(await seesNode(q, w.secretPage)).toBe(true);
      await asOwner(q, 'update public.departments set parent_id = $2 where id = $1', [w.depts.fe, w.depts.market]);
      expect(await seesNode(q, w.secretPage)).toBe(false);
    });
  });

  it('an answer made for one caller is not used for another in the same transaction', async () => {
    await inKbRequestOf(w.people.dept.userId, '/kb_nodes', async (q) => {
      expect(await seesNode(q, w.secretPage)).toBe(true);
      await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: w.people.everyoneOnly.userId, role: 'authenticated' })]);
      expect(await seesNode(q, w.secretPage)).toBe(false);
      expect(await seesNode(q, w.publicPage)).toBe(true);
    });
  });

  it('nothing of it outlives the transaction', async () => {
    const rows = await sql<{ v: string | null }>(`select current_setting('zx.ctx_kb_uid', true) as v`);
    expect(rows[0].v ?? '').toBe('');
  });
});
