// Issue 10 on the app side: what members and admins of a suspended or closed enterprise see through
// the API — my_enterprises() says so (with the reason), the definer reads of a closed enterprise
// refuse while leaving it still works, and an admin follows their cancellation request to its outcome.
import {
  callApi, createEnterpriseAs, joinEnterprise, makePlatformOperator, signInCleared, type SignedInUser,
} from '../support/clients';

async function operator(): Promise<SignedInUser> {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  return op;
}

const rpc = (u: SignedInUser | undefined, fn: string, body: Record<string, unknown>) =>
  callApi(`/rest/v1/rpc/${fn}`, { token: u?.token, body });

type Mine = { id: string; status: string; status_reason: string; role: string };

async function setStatus(op: SignedInUser, enterpriseId: string, status: string, reason: string): Promise<void> {
  const res = await rpc(op, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: status, p_reason: reason });
  expect(res.status).toBe(200);
}

describe('my_enterprises() carries the enterprise status', () => {
  it('lists normal, suspended and closed enterprises with their status and reason', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const normal = await createEnterpriseAs(admin);
    const suspended = await createEnterpriseAs(admin);
    const closed = await createEnterpriseAs(admin);
    for (const id of [normal, suspended, closed]) await joinEnterprise(admin, id, member);
    await setStatus(op, suspended, 'suspended', '涉嫌发布违规内容，暂停待查');
    await setStatus(op, closed, 'closed', '企业申请注销，已审核通过');

    const mine = await rpc(member, 'my_enterprises', {});
    expect(mine.status).toBe(200);
    const byId = Object.fromEntries((mine.body as Mine[]).map((e) => [e.id, { status: e.status, status_reason: e.status_reason }]));
    expect(byId).toEqual({
      [normal]: { status: 'normal', status_reason: '' },
      [suspended]: { status: 'suspended', status_reason: '涉嫌发布违规内容，暂停待查' },
      [closed]: { status: 'closed', status_reason: '企业申请注销，已审核通过' },
    });
  });
});

describe('definer reads refuse a closed enterprise', () => {
  it('directory, department_tree and enterprise_features answer 403 enterprise_closed; leaving still works', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const outsider = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    await joinEnterprise(admin, enterpriseId, member);
    await admin.client.rpc('create_department', { p_enterprise_id: enterpriseId, p_parent_id: null, p_name: '研发部' });

    // Before closing, the member reads them all.
    expect((await rpc(member, 'directory', { p_enterprise_id: enterpriseId })).body).toHaveLength(2);
    expect((await rpc(member, 'department_tree', { p_enterprise_id: enterpriseId })).body).toHaveLength(1);
    expect((await rpc(member, 'enterprise_features', { p_enterprise_id: enterpriseId })).status).toBe(200);

    await setStatus(op, enterpriseId, 'closed', '严重违规，终止服务');
    const closed = { status: 403, body: { message: 'enterprise_closed', hint: '该企业已注销' } };
    for (const u of [member, admin]) {
      expect(await rpc(u, 'directory', { p_enterprise_id: enterpriseId })).toMatchObject(closed);
      expect(await rpc(u, 'directory', { p_enterprise_id: enterpriseId, p_query: '研发' })).toMatchObject(closed);
      expect(await rpc(u, 'department_tree', { p_enterprise_id: enterpriseId })).toMatchObject(closed);
      expect(await rpc(u, 'enterprise_features', { p_enterprise_id: enterpriseId })).toMatchObject(closed);
    }
    // Someone outside learns nothing about its status.
    expect(await rpc(outsider, 'directory', { p_enterprise_id: enterpriseId }))
      .toMatchObject({ status: 403, body: { message: 'not_enterprise_member' } });

    // The member can still leave; afterwards the enterprise is gone from their list.
    expect((await rpc(member, 'leave_enterprise', { p_enterprise_id: enterpriseId })).status).toBe(204);
    const mine = await rpc(member, 'my_enterprises', {});
    expect((mine.body as Mine[]).map((e) => e.id)).toEqual([]);
  });

  it('a suspended enterprise is still readable by its members', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    await joinEnterprise(admin, enterpriseId, member);
    await setStatus(op, enterpriseId, 'suspended', '涉嫌违规，暂停待查');
    expect((await rpc(member, 'directory', { p_enterprise_id: enterpriseId })).body).toHaveLength(2);
    expect((await rpc(member, 'department_tree', { p_enterprise_id: enterpriseId })).status).toBe(200);
    expect((await rpc(member, 'enterprise_features', { p_enterprise_id: enterpriseId })).status).toBe(200);
  });
});

describe('the admin follows their cancellation request (LX 3.3)', () => {
  it('sees it pending, rejected with the operator reason, and approved once the enterprise is closed', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    await joinEnterprise(admin, enterpriseId, member);
    const reason = '公司业务调整，不再使用本平台，申请注销企业';
    const read = (u: SignedInUser) => u.client.from('enterprise_cancellation_requests')
      .select('id, status, reason, review_reason').eq('enterprise_id', enterpriseId).order('created_at', { ascending: false });

    const first = await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason });
    expect(first.status).toBe(200);
    expect((await read(admin)).data).toEqual([{ id: first.body.id, status: 'pending', reason, review_reason: '' }]);
    expect((await read(member)).data).toEqual([]);

    await rpc(op, 'platform_review_enterprise_cancellation', { p_request_id: first.body.id, p_approve: false, p_reason: '请先结清未完成的订单' });
    expect((await read(admin)).data).toEqual([{ id: first.body.id, status: 'rejected', reason, review_reason: '请先结清未完成的订单' }]);

    const second = await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason });
    await rpc(op, 'platform_review_enterprise_cancellation', { p_request_id: second.body.id, p_approve: true, p_reason: '' });
    // Closed: the admin still reads the decision, and my_enterprises says closed.
    expect((await read(admin)).data?.map((r) => r.status)).toEqual(['approved', 'rejected']);
    const mine = (await rpc(admin, 'my_enterprises', {})).body as Mine[];
    expect(mine).toEqual([expect.objectContaining({ id: enterpriseId, status: 'closed', role: 'admin' })]);
    expect(await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason }))
      .toMatchObject({ status: 403, body: { message: 'enterprise_closed' } });
  });
});
