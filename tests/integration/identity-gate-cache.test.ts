// The identity gate's answer is cached per account (migration 20261201020000_profiles.sql). A stale
// cache must never let anyone through: these tests build the situations in which a cached
// "cleared" would be wrong and check that the caller is refused anyway — through the RPCs a member
// calls, under the member's JWT, the way PostgREST runs them.
//
// Each scenario runs in one transaction that is rolled back: an agreement version published for real
// would make every user of the parallel suites re-consent. `session_replication_role = replica`
// holds back the triggers that would otherwise refresh the cache, so the cached answer is the one
// that was computed before the change — the situation a change nobody refreshed would leave.
import { Client } from 'pg';
import { getStack } from '../support/stack';
import { signInCleared, sql, type SignedInUser } from '../support/clients';
import { holdAgreements, type AgreementsLock } from '../support/agreement-lock';

const SERVICE_DOC = 'a0000000-0000-4000-8000-000000000001';

/** A minor of `age` whose guardian has confirmed (arranged in the database; the guardian flow has its own suite). */
async function clearedMinor(age: number): Promise<SignedInUser> {
  const minor = await signInCleared({ age });
  await sql(
    `insert into public.guardians (user_id, guardian_name, relationship, guardian_phone, phone_verified_at, channel)
     values ($1, '王监护', 'mother', '8613900000000', now(), 'h5')`,
    [minor.userId],
  );
  return minor;
}

async function inRolledBackTransaction<T>(work: (q: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: getStack().databaseUrl });
  await c.connect();
  try {
    await c.query('begin');
    return await work(async (text, params = []) => (await c.query(text, params)).rows);
  } finally {
    await c.query('rollback').catch(() => undefined);
    await c.end();
  }
}

/** The gate as the member sees it: my_consent_status() under their JWT claims, in this transaction. */
async function gateAs(q: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>, userId: string): Promise<unknown> {
  await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
  await q('set local role authenticated');
  const [row] = await q('select private.is_cleared() as cleared');
  await q('reset role');
  return row.cleared;
}

async function versionRow(q: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>, effective: string): Promise<void> {
  await q(
    `insert into public.agreement_versions (document_id, version, title, body_md, effective_at)
     select $1, max(version) + 1, '测试新版本', '新的条款', ${effective}
       from public.agreement_versions where document_id = $1`,
    [SERVICE_DOC],
  );
}

describe('cached gate', () => {
  let lock: AgreementsLock;
  beforeAll(async () => {
    lock = await holdAgreements('rely'); // its minors must be cleared to begin with
  });
  afterAll(() => lock?.release());

  it('a member cleared before a required version became effective is refused once it is', async () => {
    const member = await signInCleared();
    await inRolledBackTransaction(async (q) => {
      expect(await gateAs(q, member.userId)).toBe(true);
      // The cache was computed an hour ago; a new version became effective half an hour ago.
      await q(`update private.accounts set gate_checked_at = now() - interval '1 hour' where user_id = $1`, [member.userId]);
      await q('set local session_replication_role = replica');
      await versionRow(q, `now() - interval '30 minutes'`);
      expect(await gateAs(q, member.userId)).toBe(false);
    });
  });

  it('a member cleared in an earlier agreement epoch is computed afresh', async () => {
    const member = await signInCleared();
    await inRolledBackTransaction(async (q) => {
      expect(await gateAs(q, member.userId)).toBe(true);
      await q('set local session_replication_role = replica');
      // A version that counts from before the cache was computed (a migration or seed backfill):
      // only the epoch tells the cache it is out of date.
      await versionRow(q, `now() - interval '1 day'`);
      await q('update private.gate_epoch set epoch = epoch + 1');
      expect(await gateAs(q, member.userId)).toBe(false);
    });
  });

  it('publishing a required version through the triggers refuses every member at once', async () => {
    const member = await signInCleared();
    await inRolledBackTransaction(async (q) => {
      expect(await gateAs(q, member.userId)).toBe(true);
      await versionRow(q, 'now()');
      expect(await gateAs(q, member.userId)).toBe(false);
      // Issue 10: publishing recomputes nobody in its own transaction (the epoch alone makes every cached
      // answer stale); the scheduler's gate_refresh_batch catches up later.
      const [cached] = await q(
        'select gate_epoch = (select epoch from private.gate_epoch) as current from private.accounts where user_id = $1', [member.userId]);
      expect(cached.current).toBe(false);
    });
  });

  it('a member whose 18th birthday the cache predates is computed afresh on the day', async () => {
    // A 17-year-old whose guardian confirmed: cleared. Withdraw the guardian behind the cache's back
    // and move the birthday boundary to today: the cached "cleared" is not used for the new age band.
    const minor = await clearedMinor(17);
    await inRolledBackTransaction(async (q) => {
      expect(await gateAs(q, minor.userId)).toBe(true);
      await q('set local session_replication_role = replica');
      await q('update public.guardians set withdrawn_at = now() where user_id = $1', [minor.userId]);
      await q(`update private.accounts set gate_valid_until = private.shanghai_today() where user_id = $1`, [minor.userId]);
      expect(await gateAs(q, minor.userId)).toBe(false);
    });
  });

  it('every change a member makes refreshes the cache (withdrawing the guardian blocks at once)', async () => {
    const minor = await clearedMinor(16);
    const before = await sql<{ gate_code: string | null }>('select gate_code from private.accounts where user_id = $1', [minor.userId]);
    expect(before[0].gate_code).toBeNull(); // cleared
    const withdrawn = await minor.client.rpc('withdraw_guardian_consent', { p_channel: 'h5' });
    expect(withdrawn.error).toBeNull();
    const after = await sql<{ gate_code: string | null }>('select gate_code from private.accounts where user_id = $1', [minor.userId]);
    expect(after[0].gate_code).toBe('guardian_required');
    const refused = await minor.client.rpc('update_my_profile', { p_display_name: '新名字' });
    expect(refused.error?.message).toBe('guardian_required');
  });
});
