// Account cancellation meets tenancy: cancelling must not leave an enterprise's members without an
// admin. The sole admin of an enterprise with other members is refused (and told what to do); once
// someone else is admin, or when the admin is alone, cancellation goes through.
import { callApi, createEnterpriseAs, joinEnterprise, latestSmsCode, signInCleared, sql, type SignedInUser } from '../support/clients';

const cancelFn = (u: SignedInUser, body: unknown) => callApi('/functions/v1/account-cancel', { token: u.token, body });

async function cancel(user: SignedInUser): Promise<{ status: number; body: Record<string, unknown> }> {
  const sent = await cancelFn(user, { action: 'send' });
  if (sent.status !== 200) return sent;
  const code = await latestSmsCode(user.phone);
  return cancelFn(user, { action: 'confirm', code, acknowledge_irreversible: true });
}

describe('cancelling the account of an enterprise admin', () => {
  it('the only admin of an enterprise with members is refused until another member is admin', async () => {
    const [admin, member] = await Promise.all([signInCleared(), signInCleared()]);
    const enterpriseId = await createEnterpriseAs(admin, { name: `注销测试${Date.now().toString(36)}` });
    await joinEnterprise(admin, enterpriseId, member);

    const refused = await cancelFn(admin, { action: 'send' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('sole_enterprise_admin');
    expect(String(refused.body.message)).toMatch(/唯一的管理员/);
    expect(await sql('select 1 from auth.users where id = $1', [admin.userId])).toHaveLength(1);

    const promoted = await admin.client.rpc('set_member_role', {
      p_enterprise_id: enterpriseId, p_user_id: member.userId, p_role: 'admin', p_scopes: [],
    });
    expect(promoted.error).toBeNull();
    const done = await cancel(admin);
    expect(done.status).toBe(200);
    expect(await sql('select 1 from auth.users where id = $1', [admin.userId])).toHaveLength(0);
    const admins = await sql<{ user_id: string }>(
      `select user_id from public.enterprise_members where enterprise_id = $1 and role = 'admin'`, [enterpriseId]);
    expect(admins).toEqual([{ user_id: member.userId }]);
  });

  it('an admin alone in their enterprise can cancel', async () => {
    const admin = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    const done = await cancel(admin);
    expect(done.status).toBe(200);
    expect(await sql('select 1 from public.enterprise_members where enterprise_id = $1', [enterpriseId])).toHaveLength(0);
  });
});
