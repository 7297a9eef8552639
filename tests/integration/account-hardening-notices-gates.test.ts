// Issue 10: admin notices are deduplicated (a join/withdraw loop used to send one per loop), and
// publishing an agreement version no longer recomputes every account's cached gate in the
// publishing transaction — yet refuses at once everyone who has not accepted the new version.
import { createEnterpriseAs, inviteCode, signInCleared, sql } from '../support/clients';
import { holdAgreements, type AgreementsLock } from '../support/agreement-lock';
import { Client } from 'pg';
import { getStack } from '../support/stack';

describe('admin notices', () => {
  it('a join/withdraw loop leaves one unread notice per admin; once read, the next request is new', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin, { name: '去重测试公司' });
    expect((await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { join_rule: 'approval' } })).error).toBeNull();
    const code = await inviteCode(admin, eid);
    const applicant = await signInCleared();
    for (let i = 0; i < 4; i++) {
      expect((await applicant.client.rpc('accept_invitation', { p_code: code })).error).toBeNull();
      const [req] = await sql<{ id: string }>(`select id from public.join_requests where user_id = $1 and status = 'pending'`, [applicant.userId]);
      expect((await applicant.client.rpc('withdraw_join_request', { p_request_id: req.id })).error).toBeNull();
    }
    const notices = async () =>
      (await admin.client.from('notifications').select('id, read_at').eq('kind', 'enterprise_join_request')).data as Array<{ id: string; read_at: string | null }>;
    const unread = await notices();
    expect(unread).toHaveLength(1);

    expect((await admin.client.rpc('mark_notifications_read', { p_ids: [unread[0].id] })).error).toBeNull();
    expect((await applicant.client.rpc('accept_invitation', { p_code: code })).error).toBeNull();
    const after = await notices();
    expect(after).toHaveLength(2);
    expect(after.filter((n) => n.read_at === null)).toHaveLength(1);
  });
});

describe('publishing an agreement version', () => {
  let lock: AgreementsLock;
  beforeAll(async () => {
    lock = await holdAgreements('change');
  });
  afterAll(async () => lock.release());

  it('does not recompute accounts while publishing, refuses the un-accepted at once, and batches catch up', async () => {
    const member = await signInCleared();
    const c = new Client({ connectionString: getStack().databaseUrl });
    await c.connect();
    try {
      await c.query('begin');
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: member.userId, role: 'authenticated' })]);
      // publish as the seed's service-terms document would be republished
      await c.query(
        `insert into public.agreement_versions (document_id, version, title, body_md, effective_at)
         select document_id, max(version) + 1, '新版', '新的条款', now() from public.agreement_versions
          where document_id = 'a0000000-0000-4000-8000-000000000001' group by document_id`);
      // nothing per account was written by the publishing transaction
      const [{ current }] = (await c.query(
        `select count(*)::int as current from private.accounts where gate_epoch = (select epoch from private.gate_epoch)`)).rows;
      expect(current).toBe(0);
      // and the gate already refuses the member who has not accepted the new version
      await c.query('set local role authenticated');
      const [{ cleared }] = (await c.query('select private.is_cleared() as cleared')).rows;
      expect(cleared).toBe(false);
      await c.query('reset role');

      // the scheduler's batches recompute the accounts, a bounded number at a time
      await c.query('set local role service_role');
      const first = (await c.query('select public.gate_refresh_batch(2) as r')).rows[0].r;
      expect(first.refreshed).toBe(2);
      await c.query('reset role');
      const [{ stale }] = (await c.query(
        `select count(*)::int as stale from private.accounts where gate_epoch is distinct from (select epoch from private.gate_epoch)`)).rows;
      expect(first.remaining).toBe(stale);
    } finally {
      await c.query('rollback').catch(() => undefined);
      await c.end();
    }
  });
});
