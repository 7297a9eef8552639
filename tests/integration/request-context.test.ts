// The request context (migration 20261201010000_platform.sql): PostgREST's pre-request
// hook resolves the caller's gate and enterprises once per request, and the policy helpers read that
// answer back. A stale or borrowed answer would let someone read what they may no longer read, so
// each test opens a transaction the way PostgREST does (claims, role, hook), changes something the
// answer depends on within that same transaction, and reads under RLS as the caller.
import { Client } from 'pg';
import { getStack } from '../support/stack';
import { createEnterpriseAs, joinEnterprise, signInCleared, sql, type SignedInUser } from '../support/clients';
import { asOwner, inRequestOf as inRequestOfId, type Q } from '../support/request';

const inRequestOf = <T>(user: SignedInUser, work: (q: Q) => Promise<T>) => inRequestOfId(user.userId, work);

/** Enterprises the caller reads under RLS, as the app lists them. */
async function visibleEnterprises(q: Q): Promise<string[]> {
  return (await q('select id from public.enterprises order by id')).map((r) => String(r.id));
}

describe('request context', () => {
  let admin: SignedInUser;
  let member: SignedInUser;
  let outsider: SignedInUser;
  let entA: string;
  let entB: string;

  beforeAll(async () => {
    [admin, member, outsider] = await Promise.all([signInCleared(), signInCleared(), signInCleared()]);
    [entA, entB] = await Promise.all([createEnterpriseAs(admin), createEnterpriseAs(admin)]);
    await joinEnterprise(admin, entA, member);
  });

  it('PostgREST is configured to call the hook before every request', async () => {
    const rows = await sql<{ setting: string }>(
      `select c as setting from pg_db_role_setting s join pg_roles r on r.oid = s.setrole, unnest(s.setconfig) c
        where r.rolname = 'authenticator' and c like 'pgrst.db_pre_request=%'`,
    );
    expect(rows.map((r) => r.setting)).toEqual(['pgrst.db_pre_request=hooks.begin_request']);
    // The hook runs as anon too: signed-out pages read the public catalogues through it.
    const anon = await fetch(`${getStack().url}/rest/v1/edition_features?select=edition&limit=1`, { headers: { apikey: getStack().anonKey } });
    expect(anon.status).toBe(200);
  });

  it('a member removed during the request no longer reads the enterprise in that request', async () => {
    await inRequestOf(member, async (q) => {
      expect(await visibleEnterprises(q)).toEqual([entA]);
      await asOwner(q, 'delete from public.enterprise_members where enterprise_id = $1 and user_id = $2', [entA, member.userId]);
      expect(await visibleEnterprises(q)).toEqual([]);
    });
  });

  it('a person who joins during the request reads the enterprise in that request', async () => {
    await inRequestOf(outsider, async (q) => {
      expect(await visibleEnterprises(q)).toEqual([]);
      await asOwner(q, `insert into public.enterprise_members (enterprise_id, user_id, role) values ($1, $2, 'member')`, [entB, outsider.userId]);
      expect(await visibleEnterprises(q)).toEqual([entB]);
    });
  });

  it('an account suspended during the request reads nothing more in that request', async () => {
    await inRequestOf(member, async (q) => {
      expect(await visibleEnterprises(q)).toEqual([entA]);
      await asOwner(q, `update private.accounts set status = 'suspended' where user_id = $1`, [member.userId]);
      expect(await visibleEnterprises(q)).toEqual([]);
      const [row] = await q('select private.is_cleared() as cleared');
      expect(row.cleared).toBe(false);
    });
  });

  it('an agreement version published during the request refuses the caller in that request', async () => {
    await inRequestOf(member, async (q) => {
      expect(await visibleEnterprises(q)).toEqual([entA]);
      await asOwner(
        q,
        `insert into public.agreement_versions (document_id, version, title, body_md, effective_at)
         select document_id, max(version) + 1, '测试新版本', '新的条款', now() from public.agreement_versions
          where document_id = $1 group by document_id`,
        ['a0000000-0000-4000-8000-000000000001'],
      );
      expect(await visibleEnterprises(q)).toEqual([]);
    });
  });

  it('an answer resolved for one identity is never used for another', async () => {
    await inRequestOf(admin, async (q) => {
      expect(await visibleEnterprises(q)).toEqual([entA, entB].sort());
      // Same transaction, other claims, no new hook call: the outsider must compute their own answer.
      await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: outsider.userId, role: 'authenticated' })]);
      expect(await visibleEnterprises(q)).toEqual([]);
      const admins = await q('select private.my_admin_enterprise_ids() as id');
      expect(admins).toEqual([]);
    });
  });

  it('the answer ends with the request: the next transaction on the connection starts without it', async () => {
    const c = new Client({ connectionString: getStack().databaseUrl });
    await c.connect();
    try {
      await c.query('begin');
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: admin.userId, role: 'authenticated' })]);
      await c.query('select hooks.begin_request()');
      expect((await c.query(`select current_setting('zx.ctx_uid', true) as uid`)).rows[0].uid).toBe(admin.userId);
      await c.query('commit');
      expect((await c.query(`select coalesce(current_setting('zx.ctx_uid', true), '') as uid`)).rows[0].uid).toBe('');
      // Claims left on the session (not PostgREST's way, but possible for direct SQL) compute afresh.
      await c.query('begin');
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: member.userId, role: 'authenticated' })]);
      const rows = (await c.query('select private.my_enterprise_ids() as id')).rows.map((r) => r.id);
      expect(rows).toEqual([entA]);
      await c.query('rollback');
    } finally {
      await c.end();
    }
  });
});
