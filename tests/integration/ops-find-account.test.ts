// Issue 13 (find an account by phone instead of pasting a UUID): `platform_find_account` as the ops
// console calls it — the operator finds the account behind any written form of a mainland number,
// sees it masked, and the lookup is audited; members, enterprise admins, strangers and the signed-out
// get nothing (and leave no audit row); bad phones are a 4xx, never a 5xx.
import fc from 'fast-check';
import { callApi, createEnterpriseAs, makePlatformOperator, signInCleared, signInFresh, sql, type SignedInUser } from '../support/clients';

const rpc = (u: SignedInUser | undefined, body: Record<string, unknown>) => callApi('/rest/v1/rpc/platform_find_account', { token: u?.token, body });
const national = (u: SignedInUser) => u.phone.replace(/^\+?86/, '');
const lookups = async (userId: string) =>
  Number((await sql<{ n: string }>(`select count(*) as n from public.operator_audit_log where action = 'account.lookup' and target_id = $1`, [userId]))[0].n);

describe('platform_find_account (ops: find by phone)', () => {
  let op: SignedInUser;
  let target: SignedInUser;

  beforeAll(async () => {
    op = await signInCleared();
    await makePlatformOperator(op.userId);
    target = await signInCleared();
    await sql(`update public.profiles set display_name = '被查找的人' where id = $1`, [target.userId]);
  });

  it('finds the account from the national, 86 and +86 forms: id, masked phone, name, status — each lookup audited', async () => {
    const n = national(target);
    for (const form of [n, `86${n}`, `+86${n}`]) {
      const res = await rpc(op, { p_phone: form });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ user_id: target.userId, display_name: '被查找的人', account_status: 'active', phone_masked: `${n.slice(0, 3)}****${n.slice(-4)}` });
      expect(JSON.stringify(res.body)).not.toContain(n);
    }
    expect(await lookups(target.userId)).toBe(3);
  });

  it('gives members, enterprise admins and the signed-out nothing, and writes no audit row for them', async () => {
    const admin = await signInCleared();
    await createEnterpriseAs(admin);
    const member = await signInCleared();
    const before = await lookups(target.userId);
    for (const caller of [member, admin]) {
      const res = await rpc(caller, { p_phone: national(target) });
      expect(res).toMatchObject({ status: 403, body: { message: 'not_platform_operator' } });
      expect(JSON.stringify(res.body)).not.toContain(target.userId);
    }
    expect((await rpc(undefined, { p_phone: national(target) })).status).toBe(401);
    // refused before the phone is looked at: a stranger who is not cleared, and an operator who is not
    expect(await rpc(await signInFresh(), { p_phone: 'not a phone' })).toMatchObject({ status: 403 });
    const unclearedOperator = await signInFresh();
    await makePlatformOperator(unclearedOperator.userId);
    const gated = await rpc(unclearedOperator, { p_phone: 'not a phone' });
    expect(gated.status).toBe(403);
    expect(gated.body.message).toMatch(/^(consent|birth_date)_required$/);
    expect(await lookups(target.userId)).toBe(before);
  });

  it('fuzz: bad phones are a 4xx with a code, never a 5xx', async () => {
    const badPhone = fc.oneof(
      fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 30 }),
      fc.constantFrom('', ' ', '\u0000', '1380013800', '138001380001', '12345678901', '+1 2025550123', '8613800138000x', '９'.repeat(11),
        "'; select * from auth.users; --", '1'.repeat(400)),
      fc.stringMatching(/^[0-9+\- ]{1,20}$/),
    );
    await fc.assert(
      fc.asyncProperty(badPhone, async (p) => {
        const res = await rpc(op, { p_phone: p });
        // a generated string can happen to be a real stack user's number: then 200 is right
        if (res.status === 200) return;
        const ok = res.status >= 400 && res.status < 500 && typeof res.body?.message === 'string';
        expect({ p, ok, status: res.status }).toEqual({ p, ok: true, status: res.status });
      }),
      { numRuns: 80 },
    );
  });
});
