// Issue 10, platform operations: operators' own standing, restricted accounts, the audit log of
// every operator action, finding an account by phone, enterprise status (LX 3.2.5) and enterprise
// cancellation (LX 3.3) — through the gateway, as operators, members and attackers see them.
import {
  callApi, createEnterpriseAs, inviteCode, joinEnterprise, makePlatformOperator, signInCleared, sql, type SignedInUser,
} from '../support/clients';

async function operator(): Promise<SignedInUser> {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  return op;
}

const rpc = (u: SignedInUser | undefined, fn: string, body: Record<string, unknown>) =>
  callApi(`/rest/v1/rpc/${fn}`, { token: u?.token, body });

const nationalPhone = (u: SignedInUser) => u.phone.replace(/^\+?86/, '');

describe('operators and their own standing', () => {
  it('a suspended operator loses platform reads at once, with the token already issued', async () => {
    const op = await operator();
    const other = await operator();
    const user = await signInCleared();
    expect((await rpc(op, 'platform_act_on_account', { p_user_id: user.userId, p_action: 'warn', p_reason: '测试警告' })).status).toBe(200);
    const before = await op.client.from('operator_audit_log').select('id').eq('target_id', user.userId);
    expect(before.data?.length).toBe(1);
    const reportsBefore = await op.client.from('account_actions').select('id').eq('user_id', user.userId);
    expect(reportsBefore.data?.length).toBe(1);

    const suspended = await rpc(other, 'platform_act_on_account', { p_user_id: op.userId, p_action: 'suspend', p_reason: '运营账号泄露' });
    expect(suspended.status).toBe(200);
    // The same access token (still within its hour) now reads nothing of the platform.
    const after = await callApi(`/rest/v1/operator_audit_log?select=id&target_id=eq.${user.userId}`, { method: 'GET', token: op.token });
    expect(after).toMatchObject({ status: 200, body: [] });
    const actions = await callApi(`/rest/v1/account_actions?select=id&user_id=eq.${user.userId}`, { method: 'GET', token: op.token });
    expect(actions).toMatchObject({ status: 200, body: [] });
    const act = await rpc(op, 'platform_act_on_account', { p_user_id: user.userId, p_action: 'warn', p_reason: '再次警告' });
    expect(act).toMatchObject({ status: 403, body: { message: 'account_suspended' } });
  });
});

describe('restricted accounts', () => {
  it('read as before but create no enterprise and send no invitation', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    expect((await rpc(op, 'platform_act_on_account', { p_user_id: admin.userId, p_action: 'restrict', p_reason: '多次违规' })).status).toBe(200);

    const status = await admin.client.rpc('my_consent_status');
    expect(status.data).toMatchObject({ cleared: true, account_status: 'restricted' });
    const mine = await admin.client.rpc('my_enterprises');
    expect(mine.data?.map((e: { id: string }) => e.id)).toEqual([enterpriseId]);

    const create = await rpc(admin, 'create_enterprise', {
      p_name: '受限用户的企业', p_industry: '软件', p_size_band: '1-49', p_contact_name: '张三', p_contact_phone: '13800000000',
    });
    expect(create).toMatchObject({ status: 403, body: { message: 'account_restricted', hint: expect.stringContaining('账号功能受限') } });
    const invite = await rpc(admin, 'create_invitation', { p_enterprise_id: enterpriseId, p_role: 'member', p_valid_hours: 24 });
    expect(invite).toMatchObject({ status: 403, body: { message: 'account_restricted' } });

    expect((await rpc(op, 'platform_act_on_account', { p_user_id: admin.userId, p_action: 'restore', p_reason: '申诉成功' })).status).toBe(200);
    expect((await rpc(admin, 'create_invitation', { p_enterprise_id: enterpriseId, p_role: 'member', p_valid_hours: 24 })).status).toBe(200);
  });
});

describe('audit log', () => {
  it('account actions and qualification reviews are written with operator, reason, before and after', async () => {
    const op = await operator();
    const user = await signInCleared();
    await rpc(op, 'platform_act_on_account', { p_user_id: user.userId, p_action: 'restrict', p_reason: '发布广告' });
    await rpc(op, 'platform_act_on_account', { p_user_id: user.userId, p_action: 'restore', p_reason: '已整改' });
    const log = await rpc(op, 'platform_audit_log', { p_target_type: 'account', p_target_id: user.userId });
    expect(log.status).toBe(200);
    expect(log.body.map((r: Record<string, unknown>) => ({ action: r.action, operator: r.operator_id, reason: r.reason, before: r.before, after: (r.after as { status: string }).status })))
      .toEqual([
        { action: 'account.restore', operator: op.userId, reason: '已整改', before: { status: 'restricted' }, after: 'active' },
        { action: 'account.restrict', operator: op.userId, reason: '发布广告', before: { status: 'active' }, after: 'restricted' },
      ]);

    const admin = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    const objectPath = `${enterpriseId}/licence.png`;
    await sql(`insert into storage.objects (bucket_id, name, owner, owner_id) values ('qualifications', $1, $2::uuid, $2::text)`, [objectPath, admin.userId]);
    const doc = await admin.client.rpc('submit_qualification', { p_enterprise_id: enterpriseId, p_kind: 'business_licence', p_object_path: objectPath, p_file_name: 'licence.png' });
    expect(doc.error).toBeNull();
    expect((await rpc(op, 'platform_review_qualification', { p_document_id: doc.data, p_approve: false, p_reason: '照片模糊' })).status).toBe(204);
    const review = await rpc(op, 'platform_audit_log', { p_target_type: 'qualification_document', p_target_id: doc.data });
    expect(review.body).toEqual([expect.objectContaining({
      action: 'qualification.reject', operator_id: op.userId, reason: '照片模糊',
      before: expect.objectContaining({ status: 'pending', qualification_status: 'pending' }),
      after: expect.objectContaining({ status: 'rejected', qualification_status: 'rejected' }),
    })]);
  });

  it('operators page through it newest first and filter by operator; others may not read it', async () => {
    const op = await operator();
    const user = await signInCleared();
    for (const reason of ['第一次', '第二次', '第三次']) {
      await rpc(op, 'platform_act_on_account', { p_user_id: user.userId, p_action: 'warn', p_reason: reason });
    }
    const page1 = await rpc(op, 'platform_audit_log', { p_operator_id: op.userId, p_limit: 2 });
    expect(page1.body.map((r: { reason: string }) => r.reason)).toEqual(['第三次', '第二次']);
    const page2 = await rpc(op, 'platform_audit_log', { p_operator_id: op.userId, p_limit: 2, p_before_id: page1.body[1].id });
    expect(page2.body.map((r: { reason: string }) => r.reason)).toEqual(['第一次']);
    expect(await rpc(user, 'platform_audit_log', {})).toMatchObject({ status: 403, body: { message: 'not_platform_operator' } });
    expect((await rpc(op, 'platform_audit_log', { p_limit: 1000 })).status).toBe(400);
  });
});

describe('finding an account by phone', () => {
  it('returns the account with its phone masked and no birth date, audits the lookup, and is operators only', async () => {
    const op = await operator();
    const user = await signInCleared();
    const found = await rpc(op, 'platform_find_account', { p_phone: nationalPhone(user) });
    expect(found.status).toBe(200);
    const n = nationalPhone(user);
    expect(found.body).toMatchObject({
      user_id: user.userId, account_status: 'active', age_band: 'adult', phone_masked: `${n.slice(0, 3)}****${n.slice(-4)}`, enterprises: [],
    });
    expect(JSON.stringify(found.body)).not.toContain(n);
    expect(found.body).not.toHaveProperty('birth_date');
    const audit = await rpc(op, 'platform_audit_log', { p_target_type: 'account', p_target_id: user.userId });
    expect(audit.body.map((r: { action: string }) => r.action)).toEqual(['account.lookup']);

    expect(await rpc(op, 'platform_find_account', { p_phone: '12345' })).toMatchObject({ status: 400, body: { message: 'phone_invalid' } });
    expect(await rpc(op, 'platform_find_account', { p_phone: '13900000009' })).toMatchObject({ status: 400, body: { message: 'user_not_found' } });
    expect(await rpc(user, 'platform_find_account', { p_phone: nationalPhone(op) })).toMatchObject({ status: 403, body: { message: 'not_platform_operator' } });
  });
});

describe('enterprise status (LX 3.2.5)', () => {
  it('suspended: members read, nothing is written, nobody joins; admins are notified; restore reopens it', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const joiner = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    await joinEnterprise(admin, enterpriseId, member);
    const pendingCode = await inviteCode(admin, enterpriseId);
    const dept = await admin.client.rpc('create_department', { p_enterprise_id: enterpriseId, p_parent_id: null, p_name: '研发部' });
    expect(dept.error).toBeNull();

    expect(await rpc(member, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: 'suspended', p_reason: '违规' }))
      .toMatchObject({ status: 403, body: { message: 'not_platform_operator' } });
    expect(await rpc(op, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: 'paused', p_reason: '违规内容' }))
      .toMatchObject({ status: 400, body: { message: 'enterprise_status_invalid' } });
    const suspend = await rpc(op, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: 'suspended', p_reason: '发布违规内容，暂停整改' });
    expect(suspend).toMatchObject({ status: 200, body: { status: 'suspended' } });

    // Reads go on.
    const ent = await member.client.from('enterprises').select('status, status_reason').eq('id', enterpriseId).single();
    expect(ent.data).toEqual({ status: 'suspended', status_reason: '发布违规内容，暂停整改' });
    const depts = await member.client.from('departments').select('name').eq('enterprise_id', enterpriseId);
    expect(depts.data).toEqual([{ name: '研发部' }]);
    expect((await member.client.rpc('directory', { p_enterprise_id: enterpriseId })).error).toBeNull();

    // Writes and joins are refused.
    expect(await rpc(admin, 'create_invitation', { p_enterprise_id: enterpriseId, p_role: 'member', p_valid_hours: 24 }))
      .toMatchObject({ status: 403, body: { message: 'enterprise_suspended', hint: expect.stringContaining('暂停') } });
    expect((await rpc(joiner, 'accept_invitation', { p_code: pendingCode })).status).toBeGreaterThanOrEqual(400);
    expect(await rpc(admin, 'update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: { members_can_invite: true } }))
      .toMatchObject({ status: 403, body: { message: 'enterprise_suspended' } });
    expect(await rpc(admin, 'create_department', { p_enterprise_id: enterpriseId, p_parent_id: null, p_name: '市场部' }))
      .toMatchObject({ status: 403, body: { message: 'enterprise_suspended' } });
    expect(await rpc(admin, 'remove_member', { p_enterprise_id: enterpriseId, p_user_id: member.userId }))
      .toMatchObject({ status: 403, body: { message: 'enterprise_suspended' } });
    const members = await sql<{ n: number }>('select count(*)::int as n from public.enterprise_members where enterprise_id = $1', [enterpriseId]);
    expect(members[0].n).toBe(2);

    // Admins are told, and the operator's action is in the log.
    const notices = await admin.client.from('notifications').select('kind, title, body').eq('kind', 'enterprise_status');
    expect(notices.data).toEqual([{ kind: 'enterprise_status', title: '企业已被暂停', body: expect.stringContaining('发布违规内容') }]);
    const log = await rpc(op, 'platform_audit_log', { p_target_type: 'enterprise', p_target_id: enterpriseId });
    expect(log.body).toEqual([expect.objectContaining({ action: 'enterprise.suspend', before: expect.objectContaining({ status: 'normal' }), after: expect.objectContaining({ status: 'suspended' }) })]);

    // A member may still leave.
    expect((await rpc(member, 'leave_enterprise', { p_enterprise_id: enterpriseId })).status).toBeLessThan(300);

    expect((await rpc(op, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: 'normal', p_reason: '整改完成' })).status).toBe(200);
    expect((await rpc(admin, 'create_invitation', { p_enterprise_id: enterpriseId, p_role: 'member', p_valid_hours: 24 })).status).toBe(200);
  });

  it('closed: members read only that it is closed; it is final', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    await joinEnterprise(admin, enterpriseId, member);
    await admin.client.rpc('create_department', { p_enterprise_id: enterpriseId, p_parent_id: null, p_name: '研发部' });

    expect((await rpc(op, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: 'closed', p_reason: '严重违规，终止服务' })).status).toBe(200);
    const ent = await member.client.from('enterprises').select('status').eq('id', enterpriseId).single();
    expect(ent.data).toEqual({ status: 'closed' });
    for (const table of ['departments', 'enterprise_members', 'invitations']) {
      const rows = await admin.client.from(table).select('enterprise_id').eq('enterprise_id', enterpriseId);
      expect({ table, rows: rows.data }).toEqual({ table, rows: [] });
    }
    const opView = await op.client.from('enterprises').select('status, status_reason').eq('id', enterpriseId);
    expect(opView.data).toEqual([{ status: 'closed', status_reason: '严重违规，终止服务' }]);
    expect(await rpc(op, 'platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: 'normal', p_reason: '误操作恢复' }))
      .toMatchObject({ status: 400, body: { message: 'enterprise_already_closed' } });
  });
});

describe('enterprise cancellation (LX 3.3)', () => {
  it('an admin asks with a reason; an operator rejects with a reason or approves, which closes the enterprise', async () => {
    const op = await operator();
    const admin = await signInCleared();
    const member = await signInCleared();
    const enterpriseId = await createEnterpriseAs(admin);
    await joinEnterprise(admin, enterpriseId, member);

    const reason = '公司业务调整，不再使用本平台，申请注销企业';
    expect(await rpc(member, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason }))
      .toMatchObject({ status: 403, body: { message: 'not_enterprise_admin' } });
    expect(await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: '不用了' }))
      .toMatchObject({ status: 400, body: { message: 'cancellation_reason_invalid' } });
    expect(await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason, p_document_paths: ['other/file.pdf'] }))
      .toMatchObject({ status: 400, body: { message: 'cancellation_documents_invalid' } });
    const docPath = `${enterpriseId}/cancellation.pdf`;
    await sql(`insert into storage.objects (bucket_id, name, owner, owner_id) values ('qualifications', $1, $2::uuid, $2::text)`, [docPath, admin.userId]);
    const first = await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason, p_document_paths: [docPath] });
    expect(first).toMatchObject({ status: 200, body: { status: 'pending' } });
    expect(await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason }))
      .toMatchObject({ status: 400, body: { message: 'cancellation_already_pending' } });

    const pending = await op.client.from('enterprise_cancellation_requests').select('id, reason, document_paths, status').eq('enterprise_id', enterpriseId);
    expect(pending.data).toEqual([{ id: first.body.id, reason, document_paths: [docPath], status: 'pending' }]);
    expect((await member.client.from('enterprise_cancellation_requests').select('id').eq('enterprise_id', enterpriseId)).data).toEqual([]);

    expect(await rpc(op, 'platform_review_enterprise_cancellation', { p_request_id: first.body.id, p_approve: false, p_reason: '' }))
      .toMatchObject({ status: 400 });
    const rejected = await rpc(op, 'platform_review_enterprise_cancellation', { p_request_id: first.body.id, p_approve: false, p_reason: '请先结清未完成的订单' });
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected' } });
    const rejNotice = await admin.client.from('notifications').select('title, body').eq('kind', 'enterprise_cancellation');
    expect(rejNotice.data).toEqual([{ title: '企业注销申请未通过', body: expect.stringContaining('请先结清未完成的订单') }]);

    const second = await rpc(admin, 'request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason });
    expect((await rpc(op, 'platform_review_enterprise_cancellation', { p_request_id: second.body.id, p_approve: true, p_reason: '' })).status).toBe(200);
    const ent = await member.client.from('enterprises').select('status').eq('id', enterpriseId).single();
    expect(ent.data).toEqual({ status: 'closed' });
    const log = await rpc(op, 'platform_audit_log', { p_target_type: 'enterprise', p_target_id: enterpriseId });
    expect(log.body.map((r: { action: string }) => r.action)).toEqual(['enterprise.close', 'enterprise.cancellation.approve', 'enterprise.cancellation.reject']);
    const closedNotice = await admin.client.from('notifications').select('title').eq('kind', 'enterprise_status');
    expect(closedNotice.data).toEqual([{ title: '企业已注销' }]);
  });
});
