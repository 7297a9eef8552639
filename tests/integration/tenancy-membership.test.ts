// Issue 4, membership: creating enterprises, invitations (link / code), joining by each join rule,
// roles that never leave an enterprise without an admin, leaving and removal, switching, features by
// edition, and qualification documents uploaded through the Storage API and reviewed by the platform.
// Everything is driven through the gateway as the app (or an attacker) would.
import {
  callApi, createEnterpriseAs, inviteCode, joinEnterprise, makePlatformOperator, serviceClient, signInCleared, signInFresh,
  sql, storageObject, type SignedInUser,
} from '../support/clients';

const rpc = (u: SignedInUser, name: string, body: Record<string, unknown>) => callApi(`/rest/v1/rpc/${name}`, { token: u.token, body });

interface MyEnterprise {
  id: string;
  name: string;
  edition: string;
  role: string;
  scopes: string[];
  is_current: boolean;
  qualification_status: string;
  member_count: number;
}

async function myEnterprises(u: SignedInUser): Promise<MyEnterprise[]> {
  const { data, error } = await u.client.rpc('my_enterprises');
  if (error) throw error;
  return data as MyEnterprise[];
}

async function invitation(u: SignedInUser, code: string) {
  const { data, error } = await u.client.rpc('get_invitation', { p_code: code });
  if (error) throw error;
  return data as Record<string, unknown>;
}

async function accept(u: SignedInUser, code: string): Promise<string> {
  const { data, error } = await u.client.rpc('accept_invitation', { p_code: code });
  if (error) throw error;
  return (data as { status: string }).status;
}

/** What a person can read of an enterprise through the API's tables. */
async function visible(u: SignedInUser, enterpriseId: string) {
  const [e, d, m, i] = await Promise.all([
    u.client.from('enterprises').select('id').eq('id', enterpriseId),
    u.client.from('departments').select('id').eq('enterprise_id', enterpriseId),
    u.client.from('enterprise_members').select('user_id').eq('enterprise_id', enterpriseId),
    u.client.from('invitations').select('id').eq('enterprise_id', enterpriseId),
  ]);
  return { enterprises: e.data?.length, departments: d.data?.length, members: m.data?.length, invitations: i.data?.length };
}

async function currentEnterprise(userId: string): Promise<string | null> {
  const [row] = await sql<{ id: string | null }>('select current_enterprise_id as id from public.profiles where id = $1', [userId]);
  return row.id;
}

describe('creating an enterprise', () => {
  it('makes the creator its admin, opens it, on the basic edition; bad input is refused with a code', async () => {
    const owner = await signInCleared();
    const id = await createEnterpriseAs(owner, { name: '  知享测试公司  ', contact_phone: '+8613912345678' });
    expect(await myEnterprises(owner)).toEqual([
      expect.objectContaining({ id, name: '知享测试公司', edition: 'basic', role: 'admin', is_current: true, member_count: 1, qualification_status: 'none' }),
    ]);
    const [row] = await sql<{ contact_phone: string }>('select contact_phone from public.enterprises where id = $1', [id]);
    expect(row.contact_phone).toBe('8613912345678');
    const { data: me } = await owner.client.from('enterprise_members').select('role, display_name').eq('enterprise_id', id);
    expect(me).toEqual([{ role: 'admin', display_name: expect.any(String) }]);

    const good = { p_name: '好公司', p_industry: '制造', p_size_band: '50-199', p_contact_name: '王', p_contact_phone: '13800001111' };
    for (const [bad, code] of [
      [{ p_name: 'x' }, 'enterprise_name_invalid'],
      [{ p_name: 'a'.repeat(61) }, 'enterprise_name_invalid'],
      [{ p_industry: ' ' }, 'industry_invalid'],
      [{ p_size_band: '10-20' }, 'size_band_invalid'],
      [{ p_contact_name: '' }, 'contact_name_invalid'],
      [{ p_contact_phone: '12345' }, 'contact_phone_invalid'],
    ] as const) {
      const res = await rpc(owner, 'create_enterprise', { ...good, ...bad });
      expect({ status: res.status, code: res.body.message }).toEqual({ status: 400, code });
    }
    expect(await myEnterprises(owner)).toHaveLength(1);
  });

  it('is refused to a user the identity gate has not cleared', async () => {
    const uncleared = await signInFresh();
    const res = await rpc(uncleared, 'create_enterprise', {
      p_name: '未同意协议公司', p_industry: '软件', p_size_band: '1-49', p_contact_name: '某', p_contact_phone: '13800001111',
    });
    expect(res.status).toBe(403);
    expect(await sql('select 1 from public.enterprises where name = $1', ['未同意协议公司'])).toHaveLength(0);
  });
});

describe('invitations with the join rule "invite"', () => {
  let admin: SignedInUser;
  let eid: string;
  beforeAll(async () => {
    admin = await signInCleared();
    eid = await createEnterpriseAs(admin, { name: '邀请测试公司' });
  });

  it('an invitee sees the enterprise and inviter, joins at once; a second person declines; max uses is enforced', async () => {
    const code = await inviteCode(admin, eid, { maxUses: 2 });
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const [joiner, decliner, third, late] = await Promise.all([signInCleared(), signInCleared(), signInCleared(), signInCleared()]);

    expect(await invitation(joiner, code.toLowerCase())).toEqual(
      expect.objectContaining({ enterprise_id: eid, enterprise_name: '邀请测试公司', role: 'member', join_rule: 'invite', state: 'valid' }),
    );
    expect(await visible(joiner, eid)).toEqual({ enterprises: 0, departments: 0, members: 0, invitations: 0 });
    expect(await accept(joiner, code)).toBe('joined');
    expect(await myEnterprises(joiner)).toEqual([expect.objectContaining({ id: eid, role: 'member', is_current: true, member_count: 2 })]);
    expect((await invitation(joiner, code)).state).toBe('already_member');
    const again = await rpc(joiner, 'accept_invitation', { p_code: code });
    expect({ status: again.status, code: again.body.message }).toEqual({ status: 400, code: 'already_member' });

    const declined = await decliner.client.rpc('decline_invitation', { p_code: code });
    expect(declined.error).toBeNull();
    expect(await myEnterprises(decliner)).toEqual([]);
    const { data: requests } = await admin.client.from('join_requests').select('user_id, status').eq('enterprise_id', eid);
    expect(requests).toEqual([{ user_id: decliner.userId, status: 'declined' }]);

    expect(await accept(third, code)).toBe('joined');
    expect((await invitation(late, code)).state).toBe('used_up');
    const full = await rpc(late, 'accept_invitation', { p_code: code });
    expect({ status: full.status, code: full.body.message }).toEqual({ status: 400, code: 'invitation_used_up' });
    expect(await myEnterprises(late)).toEqual([]);
    const [{ use_count }] = await sql<{ use_count: number }>('select use_count from public.invitations where code = $1', [code]);
    expect(use_count).toBe(2);
  });

  it('an expired or revoked invitation admits nobody; unknown and malformed codes are refused with their own codes', async () => {
    const expiring = await inviteCode(admin, eid, { validHours: 1 });
    // arrange: the hour has passed
    await sql(`update public.invitations set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where code = $1`, [expiring]);
    const revoked = await inviteCode(admin, eid);
    const { data: inv } = await admin.client.from('invitations').select('id').eq('code', revoked).single();
    const member = await signInCleared();
    await joinEnterprise(admin, eid, member);

    const notAdmin = await rpc(member, 'revoke_invitation', { p_invitation_id: inv!.id });
    expect({ status: notAdmin.status, code: notAdmin.body.message }).toEqual({ status: 403, code: 'not_enterprise_admin' });
    expect((await admin.client.rpc('revoke_invitation', { p_invitation_id: inv!.id })).error).toBeNull();

    const outsider = await signInCleared();
    expect((await invitation(outsider, expiring)).state).toBe('expired');
    expect((await invitation(outsider, revoked)).state).toBe('revoked');
    for (const [code, err] of [[expiring, 'invitation_expired'], [revoked, 'invitation_revoked']]) {
      const res = await rpc(outsider, 'accept_invitation', { p_code: code });
      expect({ status: res.status, code: res.body.message }).toEqual({ status: 400, code: err });
    }
    expect(await myEnterprises(outsider)).toEqual([]);

    const unknown = await rpc(outsider, 'get_invitation', { p_code: 'ZZZZ2222' });
    expect({ status: unknown.status, code: unknown.body.message }).toEqual({ status: 400, code: 'invitation_not_found' });
    const malformed = await rpc(outsider, 'accept_invitation', { p_code: 'O0I1L' });
    expect({ status: malformed.status, code: malformed.body.message }).toEqual({ status: 400, code: 'invitation_code_invalid' });
  });

  it('plain members invite only when the enterprise allows it, only as members, never into another department', async () => {
    const member = await signInCleared();
    await joinEnterprise(admin, eid, member);
    const before = await rpc(member, 'create_invitation', { p_enterprise_id: eid });
    expect({ status: before.status, code: before.body.message }).toEqual({ status: 403, code: 'invitation_not_allowed' });

    expect((await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { members_can_invite: true } })).error).toBeNull();
    const asAdmin = await rpc(member, 'create_invitation', { p_enterprise_id: eid, p_role: 'admin' });
    expect({ status: asAdmin.status, code: asAdmin.body.message }).toEqual({ status: 403, code: 'invitation_not_allowed' });
    const [{ id: dept }] = await sql<{ id: string }>(
      `insert into public.departments (enterprise_id, name) values ($1, '保密部') returning id`, [eid]);
    const intoDept = await rpc(member, 'create_invitation', { p_enterprise_id: eid, p_department_id: dept });
    expect({ status: intoDept.status, code: intoDept.body.message }).toEqual({ status: 403, code: 'invitation_not_allowed' });
    const code = await inviteCode(member, eid);
    const friend = await signInCleared();
    expect(await accept(friend, code)).toBe('joined');
    expect(await myEnterprises(friend)).toEqual([expect.objectContaining({ id: eid, role: 'member' })]);

    const outsider = await signInCleared();
    const notMember = await rpc(outsider, 'create_invitation', { p_enterprise_id: eid });
    expect({ status: notMember.status, code: notMember.body.message }).toEqual({ status: 403, code: 'not_enterprise_member' });
    await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { members_can_invite: false } });
  });
});

describe('join rule "approval"', () => {
  it('accepting files a request the admins are told about; reject needs a reason; approve admits with the invitation’s role and department', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin, { name: '审批测试公司' });
    const [applicant, member] = await Promise.all([signInCleared(), signInCleared()]);
    await joinEnterprise(admin, eid, member);
    expect((await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { join_rule: 'approval' } })).error).toBeNull();
    const [{ id: dept }] = await sql<{ id: string }>(`insert into public.departments (enterprise_id, name) values ($1, '销售部') returning id`, [eid]);
    const code = await inviteCode(admin, eid, { role: 'admin', departmentId: dept });

    expect(await accept(applicant, code)).toBe('pending');
    expect(await accept(applicant, code)).toBe('pending'); // asking twice files one request
    expect((await invitation(applicant, code)).state).toBe('pending_request');
    expect(await myEnterprises(applicant)).toEqual([]);
    expect(await visible(applicant, eid)).toEqual({ enterprises: 0, departments: 0, members: 0, invitations: 0 });
    const { data: notices } = await admin.client.from('notifications').select('kind, data').eq('kind', 'enterprise_join_request');
    expect(notices).toHaveLength(1);
    const requestId = (notices![0].data as { join_request_id: string }).join_request_id;
    const { data: mine } = await applicant.client.from('join_requests').select('id, status');
    expect(mine).toEqual([{ id: requestId, status: 'pending' }]);

    const { data: review } = await admin.client.rpc('list_join_requests', { p_enterprise_id: eid });
    expect(review).toEqual([expect.objectContaining({
      id: requestId, user_id: applicant.userId, role: 'admin', department_id: dept, status: 'pending',
      phone_masked: `${applicant.phone.slice(3, 6)}****${applicant.phone.slice(-4)}`,
    })]);
    const listByMember = await rpc(member, 'list_join_requests', { p_enterprise_id: eid });
    expect({ status: listByMember.status, code: listByMember.body.message }).toEqual({ status: 403, code: 'not_enterprise_admin' });
    const byMember = await rpc(member, 'decide_join_request', { p_request_id: requestId, p_approve: true });
    expect({ status: byMember.status, code: byMember.body.message }).toEqual({ status: 403, code: 'not_enterprise_admin' });
    const noReason = await rpc(admin, 'decide_join_request', { p_request_id: requestId, p_approve: false, p_reason: ' ' });
    expect({ status: noReason.status, code: noReason.body.message }).toEqual({ status: 400, code: 'reason_required' });
    expect((await admin.client.rpc('decide_join_request', { p_request_id: requestId, p_approve: false, p_reason: '请使用公司手机号' })).error).toBeNull();
    const { data: told } = await applicant.client.from('notifications').select('title, body').eq('kind', 'enterprise_membership');
    expect(told).toEqual([{ title: '加入申请未通过', body: expect.stringContaining('请使用公司手机号') }]);
    const twice = await rpc(admin, 'decide_join_request', { p_request_id: requestId, p_approve: true });
    expect({ status: twice.status, code: twice.body.message }).toEqual({ status: 400, code: 'join_request_not_pending' });
    expect(await myEnterprises(applicant)).toEqual([]);

    // asks again, is approved: joins as the invitation said
    expect(await accept(applicant, code)).toBe('pending');
    const { data: pending } = await admin.client.from('join_requests').select('id').eq('status', 'pending').eq('user_id', applicant.userId);
    expect((await admin.client.rpc('decide_join_request', { p_request_id: pending![0].id, p_approve: true })).error).toBeNull();
    expect(await myEnterprises(applicant)).toEqual([expect.objectContaining({ id: eid, role: 'admin', is_current: true })]);
    const { data: membership } = await applicant.client.from('enterprise_members').select('department_id').eq('user_id', applicant.userId);
    expect(membership).toEqual([{ department_id: dept }]);
    const { data: approved } = await applicant.client.from('notifications').select('title').eq('kind', 'enterprise_membership').order('created_at');
    expect(approved?.map((n) => n.title)).toEqual(['加入申请未通过', '加入申请已通过']);
  });

  it('an applicant withdraws their own pending request, and only their own', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin);
    await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { join_rule: 'approval' } });
    const code = await inviteCode(admin, eid);
    const [applicant, other] = await Promise.all([signInCleared(), signInCleared()]);
    expect(await accept(applicant, code)).toBe('pending');
    const { data: req } = await applicant.client.from('join_requests').select('id').single();
    const declineWhilePending = await rpc(applicant, 'decline_invitation', { p_code: code });
    expect({ status: declineWhilePending.status, code: declineWhilePending.body.message }).toEqual({ status: 400, code: 'join_request_pending' });
    const notMine = await rpc(other, 'withdraw_join_request', { p_request_id: req!.id });
    expect({ status: notMine.status, code: notMine.body.message }).toEqual({ status: 400, code: 'join_request_not_found' });
    expect((await applicant.client.rpc('withdraw_join_request', { p_request_id: req!.id })).error).toBeNull();
    const { data: after } = await admin.client.from('join_requests').select('status').eq('id', req!.id);
    expect(after).toEqual([{ status: 'withdrawn' }]);
    const approveWithdrawn = await rpc(admin, 'decide_join_request', { p_request_id: req!.id, p_approve: true });
    expect(approveWithdrawn.status).toBe(400);
    expect(await myEnterprises(applicant)).toEqual([]);
  });
});

describe('join rule "allowlist"', () => {
  it('phones on the list join at once, others wait for approval; the list is admin-only and replaced whole', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin);
    const [listed, unlisted, member] = await Promise.all([signInCleared(), signInCleared(), signInCleared()]);
    await joinEnterprise(admin, eid, member);
    await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { join_rule: 'allowlist' } });

    const local = listed.phone.replace(/^\+86/, '');
    const { data: count, error } = await admin.client.rpc('set_phone_allowlist', {
      p_enterprise_id: eid, p_phones: [local, listed.phone, '8613700000000', ' 13700000001 '],
    });
    expect(error).toBeNull();
    expect(count).toBe(3);
    const { data: rows } = await admin.client.from('enterprise_phone_allowlist').select('phone').eq('enterprise_id', eid).order('phone');
    expect(rows?.map((r) => r.phone).sort()).toEqual(['8613700000000', '8613700000001', listed.phone.slice(1)].sort());
    const { data: hidden } = await member.client.from('enterprise_phone_allowlist').select('phone').eq('enterprise_id', eid);
    expect(hidden).toEqual([]);
    const byMember = await rpc(member, 'set_phone_allowlist', { p_enterprise_id: eid, p_phones: [] });
    expect(byMember.status).toBe(403);
    const bad = await rpc(admin, 'set_phone_allowlist', { p_enterprise_id: eid, p_phones: ['13700000002', '1234'] });
    expect({ status: bad.status, code: bad.body.message }).toEqual({ status: 400, code: 'phone_invalid' });
    const tooMany = await rpc(admin, 'set_phone_allowlist', {
      p_enterprise_id: eid, p_phones: Array.from({ length: 5001 }, (_, i) => `1370${String(i).padStart(7, '0')}`),
    });
    expect({ status: tooMany.status, code: tooMany.body.message }).toEqual({ status: 400, code: 'phones_too_many' });

    const code = await inviteCode(admin, eid);
    expect(await accept(listed, code)).toBe('joined');
    expect(await accept(unlisted, code)).toBe('pending');
    expect(await myEnterprises(unlisted)).toEqual([]);

    expect((await admin.client.rpc('set_phone_allowlist', { p_enterprise_id: eid, p_phones: [] })).data).toBe(0);
    expect(await sql('select 1 from public.enterprise_phone_allowlist where enterprise_id = $1', [eid])).toHaveLength(0);
  });
});

describe('roles', () => {
  it('an enterprise never has zero admins; manager scopes need the professional edition; only admins change roles', async () => {
    const [first, second] = await Promise.all([signInCleared(), signInCleared()]);
    const eid = await createEnterpriseAs(first);
    await joinEnterprise(first, eid, second);

    const bySecond = await rpc(second, 'set_member_role', { p_enterprise_id: eid, p_user_id: second.userId, p_role: 'admin' });
    expect({ status: bySecond.status, code: bySecond.body.message }).toEqual({ status: 403, code: 'not_enterprise_admin' });
    const lastDemote = await rpc(first, 'set_member_role', { p_enterprise_id: eid, p_user_id: first.userId, p_role: 'member' });
    expect({ status: lastDemote.status, code: lastDemote.body.message }).toEqual({ status: 400, code: 'last_admin' });
    const lastLeave = await rpc(first, 'leave_enterprise', { p_enterprise_id: eid });
    expect({ status: lastLeave.status, code: lastLeave.body.message }).toEqual({ status: 400, code: 'last_admin' });

    const scopes = await rpc(first, 'set_member_role', { p_enterprise_id: eid, p_user_id: second.userId, p_role: 'member', p_scopes: ['content'] });
    expect({ status: scopes.status, code: scopes.body.message }).toEqual({ status: 400, code: 'feature_not_in_edition' });
    const badScope = await rpc(first, 'set_member_role', { p_enterprise_id: eid, p_user_id: second.userId, p_role: 'member', p_scopes: ['root'] });
    expect({ status: badScope.status, code: badScope.body.message }).toEqual({ status: 400, code: 'scopes_invalid' });
    await sql(`update public.enterprises set edition = 'professional' where id = $1`, [eid]); // arrange: an upgraded enterprise
    expect((await first.client.rpc('set_member_role', {
      p_enterprise_id: eid, p_user_id: second.userId, p_role: 'member', p_scopes: ['training', 'content', 'training'],
    })).error).toBeNull();
    expect(await myEnterprises(second)).toEqual([expect.objectContaining({ role: 'member', scopes: ['content', 'training'] })]);

    // hand over: promote the second, then the first may step down and leave
    expect((await first.client.rpc('set_member_role', { p_enterprise_id: eid, p_user_id: second.userId, p_role: 'admin' })).error).toBeNull();
    const { data: promoted } = await second.client.from('notifications').select('title').eq('kind', 'enterprise_membership');
    expect(promoted).toEqual([{ title: '你已成为企业管理员' }]);
    expect((await first.client.rpc('set_member_role', { p_enterprise_id: eid, p_user_id: first.userId, p_role: 'member' })).error).toBeNull();
    expect((await first.client.rpc('leave_enterprise', { p_enterprise_id: eid })).error).toBeNull();
    const secondLast = await rpc(second, 'set_member_role', { p_enterprise_id: eid, p_user_id: second.userId, p_role: 'member' });
    expect(secondLast.body.message).toBe('last_admin');
    expect(await sql(`select user_id from public.enterprise_members where enterprise_id = $1 and role = 'admin'`, [eid])).toEqual([{ user_id: second.userId }]);
  });

  it('two admins demoting each other at the same moment still leave one admin', async () => {
    const [a, b] = await Promise.all([signInCleared(), signInCleared()]);
    const eid = await createEnterpriseAs(a);
    await joinEnterprise(a, eid, b, { role: 'admin' });
    const results = await Promise.all([
      rpc(a, 'set_member_role', { p_enterprise_id: eid, p_user_id: b.userId, p_role: 'member' }),
      rpc(b, 'set_member_role', { p_enterprise_id: eid, p_user_id: a.userId, p_role: 'member' }),
    ]);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from public.enterprise_members where enterprise_id = $1 and role = 'admin'`, [eid]);
    expect(n).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([204, 403].sort());
  });
});

describe('leaving, removal and switching', () => {
  it('a member who leaves sees nothing of the enterprise any more, and it is no longer their current one', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin);
    await sql(`insert into public.departments (enterprise_id, name) values ($1, '研发部')`, [eid]);
    const member = await signInCleared();
    await joinEnterprise(admin, eid, member);
    expect(await visible(member, eid)).toEqual({ enterprises: 1, departments: 1, members: 1, invitations: 0 });
    expect(await currentEnterprise(member.userId)).toBe(eid);

    expect((await member.client.rpc('leave_enterprise', { p_enterprise_id: eid })).error).toBeNull();
    expect(await visible(member, eid)).toEqual({ enterprises: 0, departments: 0, members: 0, invitations: 0 });
    expect(await myEnterprises(member)).toEqual([]);
    expect(await currentEnterprise(member.userId)).toBeNull();
    const features = await rpc(member, 'enterprise_features', { p_enterprise_id: eid });
    expect({ status: features.status, code: features.body.message }).toEqual({ status: 403, code: 'not_enterprise_member' });
    const again = await rpc(member, 'leave_enterprise', { p_enterprise_id: eid });
    expect(again.status).toBe(403);
  });

  it('a removed member is told, sees nothing, and cannot come back through an invitation they made while inside', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin, { name: '移除测试公司' });
    const insider = await signInCleared();
    await joinEnterprise(admin, eid, insider, { role: 'admin' });
    const backdoor = await inviteCode(insider, eid, { role: 'admin', validHours: 720 });
    const [{ id: dept }] = await sql<{ id: string }>(
      `insert into public.departments (enterprise_id, name, head_user_id) values ($1, '财务部', $2) returning id`, [eid, insider.userId]);

    const byNobody = await rpc(await signInCleared(), 'remove_member', { p_enterprise_id: eid, p_user_id: insider.userId });
    expect(byNobody.status).toBe(403);
    expect((await admin.client.rpc('remove_member', { p_enterprise_id: eid, p_user_id: insider.userId })).error).toBeNull();

    expect(await visible(insider, eid)).toEqual({ enterprises: 0, departments: 0, members: 0, invitations: 0 });
    expect(await myEnterprises(insider)).toEqual([]);
    expect(await currentEnterprise(insider.userId)).toBeNull();
    const { data: told } = await insider.client.from('notifications').select('title, body').eq('kind', 'enterprise_membership').eq('title', '你已被移出企业');
    expect(told).toEqual([{ title: '你已被移出企业', body: '移除测试公司' }]);
    const back = await rpc(insider, 'accept_invitation', { p_code: backdoor });
    expect({ status: back.status, code: back.body.message }).toEqual({ status: 400, code: 'invitation_revoked' });
    expect(await sql('select head_user_id from public.departments where id = $1', [dept])).toEqual([{ head_user_id: null }]);

    const notMember = await rpc(admin, 'remove_member', { p_enterprise_id: eid, p_user_id: insider.userId });
    expect({ status: notMember.status, code: notMember.body.message }).toEqual({ status: 400, code: 'member_not_found' });
    const self = await rpc(admin, 'remove_member', { p_enterprise_id: eid, p_user_id: admin.userId });
    expect({ status: self.status, code: self.body.message }).toEqual({ status: 400, code: 'last_admin' });
  });

  it('a person in two enterprises switches between them, never into one they do not belong to', async () => {
    const [a, b, person] = await Promise.all([signInCleared(), signInCleared(), signInCleared()]);
    const ea = await createEnterpriseAs(a);
    const eb = await createEnterpriseAs(b);
    const foreign = await createEnterpriseAs(await signInCleared());
    await joinEnterprise(a, ea, person);
    await joinEnterprise(b, eb, person);
    const current = async () => (await myEnterprises(person)).filter((e) => e.is_current).map((e) => e.id);
    expect(await current()).toEqual([eb]);
    expect((await person.client.rpc('switch_enterprise', { p_enterprise_id: ea })).error).toBeNull();
    expect(await current()).toEqual([ea]);
    const denied = await rpc(person, 'switch_enterprise', { p_enterprise_id: foreign });
    expect({ status: denied.status, code: denied.body.message }).toEqual({ status: 403, code: 'not_enterprise_member' });
    expect(await current()).toEqual([ea]);
  });
});

describe('features and settings', () => {
  it('features follow the edition and are shown to members only', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin);
    const features = async () => (await admin.client.rpc('enterprise_features', { p_enterprise_id: eid })).data as string[];
    expect(await features()).toEqual(['community', 'directory', 'invitations', 'knowledge_base']);
    await sql(`update public.enterprises set edition = 'professional' where id = $1`, [eid]);
    expect(await features()).toEqual(expect.arrayContaining(['training', 'exams', 'manager_roles']));
    expect(await features()).not.toContain('custom_branding');
    await sql(`update public.enterprises set edition = 'private' where id = $1`, [eid]);
    expect(await features()).toEqual(expect.arrayContaining(['training', 'private_deployment', 'custom_branding']));
    const outsider = await rpc(await signInCleared(), 'enterprise_features', { p_enterprise_id: eid });
    expect(outsider.status).toBe(403);
  });

  it('admins change settings key by key; unknown keys and wrong values are refused whole', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin, { name: '设置测试公司' });
    const member = await signInCleared();
    await joinEnterprise(admin, eid, member);
    expect((await admin.client.rpc('update_enterprise_settings', {
      p_enterprise_id: eid,
      p_settings: { name: '设置测试公司（新）', directory_scope: 'department', directory_hidden_fields: ['phone', 'email'], contact_phone: '+8613911112222' },
    })).error).toBeNull();
    const { data } = await member.client.from('enterprises').select('name, directory_scope, directory_hidden_fields, contact_phone').eq('id', eid);
    expect(data).toEqual([{ name: '设置测试公司（新）', directory_scope: 'department', directory_hidden_fields: ['email', 'phone'], contact_phone: '8613911112222' }]);

    for (const [settings, code] of [
      [{ name: '改名', is_admin: true }, 'unknown_setting'],
      [{ name: '改名', join_rule: 'open' }, 'join_rule_invalid'],
      [{ members_can_invite: 'yes' }, 'members_can_invite_invalid'],
      [{ directory_hidden_fields: ['salary'] }, 'directory_hidden_fields_invalid'],
      [{}, 'settings_invalid'],
    ] as const) {
      const res = await rpc(admin, 'update_enterprise_settings', { p_enterprise_id: eid, p_settings: settings });
      expect({ status: res.status, code: res.body.message }).toEqual({ status: 400, code });
    }
    const byMember = await rpc(member, 'update_enterprise_settings', { p_enterprise_id: eid, p_settings: { name: '被成员改名' } });
    expect(byMember.status).toBe(403);
    expect((await member.client.from('enterprises').select('name').eq('id', eid)).data).toEqual([{ name: '设置测试公司（新）' }]);
  });
});

describe('qualification documents', () => {
  const pdf = { bytes: new TextEncoder().encode('%PDF-1.4 test licence'), contentType: 'application/pdf' };

  it('admins upload through Storage and submit; operators read and review; the enterprise status follows the latest of each kind', async () => {
    const [admin, member, otherAdmin, op] = await Promise.all([signInCleared(), signInCleared(), signInCleared(), signInCleared()]);
    await makePlatformOperator(op.userId);
    const eid = await createEnterpriseAs(admin);
    await createEnterpriseAs(otherAdmin);
    await joinEnterprise(admin, eid, member);

    expect((await storageObject(admin.token, 'POST', 'qualifications', `${eid}/licence.pdf`, pdf)).status).toBe(200);
    expect((await storageObject(admin.token, 'POST', 'qualifications', `${eid}/id.pdf`, pdf)).status).toBe(200);
    expect((await storageObject(member.token, 'POST', 'qualifications', `${eid}/member.pdf`, pdf)).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(otherAdmin.token, 'POST', 'qualifications', `${eid}/forged.pdf`, pdf)).status).toBeGreaterThanOrEqual(400);
    expect(await sql(`select name from storage.objects where bucket_id = 'qualifications' and name like $1 order by name`, [`${eid}/%`]))
      .toEqual([{ name: `${eid}/id.pdf` }, { name: `${eid}/licence.pdf` }]);
    expect((await storageObject(member.token, 'GET', 'qualifications', `${eid}/licence.pdf`)).status).toBeGreaterThanOrEqual(400);
    expect((await storageObject(otherAdmin.token, 'GET', 'qualifications', `${eid}/licence.pdf`)).status).toBeGreaterThanOrEqual(400);

    const missing = await rpc(admin, 'submit_qualification', { p_enterprise_id: eid, p_kind: 'business_licence', p_object_path: `${eid}/nothing.pdf`, p_file_name: 'x.pdf' });
    expect({ status: missing.status, code: missing.body.message }).toEqual({ status: 400, code: 'qualification_file_not_found' });
    const elsewhere = await rpc(admin, 'submit_qualification', { p_enterprise_id: eid, p_kind: 'business_licence', p_object_path: `../${eid}/licence.pdf`, p_file_name: 'x.pdf' });
    expect({ status: elsewhere.status, code: elsewhere.body.message }).toEqual({ status: 400, code: 'object_path_invalid' });
    const byMember = await rpc(member, 'submit_qualification', { p_enterprise_id: eid, p_kind: 'business_licence', p_object_path: `${eid}/licence.pdf`, p_file_name: 'x.pdf' });
    expect(byMember.status).toBe(403);

    const licence = (await admin.client.rpc('submit_qualification', {
      p_enterprise_id: eid, p_kind: 'business_licence', p_object_path: `${eid}/licence.pdf`, p_file_name: '营业执照.pdf',
    })).data as string;
    const idCard = (await admin.client.rpc('submit_qualification', {
      p_enterprise_id: eid, p_kind: 'legal_rep_id', p_object_path: `${eid}/id.pdf`, p_file_name: '法人身份证.pdf',
    })).data as string;
    expect((await myEnterprises(admin))[0].qualification_status).toBe('pending');

    // Issue 10: operators read through a link from storage-sign (at most one hour), not Storage directly
    expect((await storageObject(op.token, 'GET', 'qualifications', `${eid}/licence.pdf`)).status).toBeGreaterThanOrEqual(400);
    const link = await callApi('/functions/v1/storage-sign', { token: op.token, body: { bucket: 'qualifications', path: `${eid}/licence.pdf` } });
    expect(link.status).toBe(200);
    expect(await (await fetch(link.body.url)).text()).toBe('%PDF-1.4 test licence');
    const { data: queue } = await op.client.from('qualification_documents').select('id, status').eq('enterprise_id', eid).order('kind');
    expect(queue).toEqual([{ id: licence, status: 'pending' }, { id: idCard, status: 'pending' }]);

    const notOp = await rpc(admin, 'platform_review_qualification', { p_document_id: licence, p_approve: true });
    expect({ status: notOp.status, code: notOp.body.message }).toEqual({ status: 403, code: 'not_platform_operator' });
    const noReason = await rpc(op, 'platform_review_qualification', { p_document_id: idCard, p_approve: false });
    expect({ status: noReason.status, code: noReason.body.message }).toEqual({ status: 400, code: 'reason_required' });

    expect((await op.client.rpc('platform_review_qualification', { p_document_id: licence, p_approve: true })).error).toBeNull();
    expect((await myEnterprises(admin))[0].qualification_status).toBe('pending');
    expect((await op.client.rpc('platform_review_qualification', { p_document_id: idCard, p_approve: false, p_reason: '照片模糊，请重新上传' })).error).toBeNull();
    expect((await myEnterprises(admin))[0].qualification_status).toBe('rejected');
    const { data: told } = await admin.client.from('notifications').select('title, body').eq('kind', 'enterprise_qualification').order('created_at');
    expect(told?.map((n) => n.title)).toEqual(['资质材料审核通过', '资质材料被驳回']);
    expect(told?.[1].body).toContain('照片模糊');
    const twice = await rpc(op, 'platform_review_qualification', { p_document_id: idCard, p_approve: true });
    expect({ status: twice.status, code: twice.body.message }).toEqual({ status: 400, code: 'qualification_already_reviewed' });

    expect((await storageObject(admin.token, 'POST', 'qualifications', `${eid}/id-2.pdf`, pdf)).status).toBe(200);
    const resubmitted = (await admin.client.rpc('submit_qualification', {
      p_enterprise_id: eid, p_kind: 'legal_rep_id', p_object_path: `${eid}/id-2.pdf`, p_file_name: '法人身份证（清晰）.pdf',
    })).data as string;
    expect((await myEnterprises(admin))[0].qualification_status).toBe('pending');
    expect((await op.client.rpc('platform_review_qualification', { p_document_id: resubmitted, p_approve: true })).error).toBeNull();
    expect((await myEnterprises(admin))[0].qualification_status).toBe('approved');
  });
});

describe('account cancellation and memberships', () => {
  it('a deleted account leaves its enterprises; the enterprise and its other members stay', async () => {
    const [admin, member] = await Promise.all([signInCleared(), signInCleared()]);
    const eid = await createEnterpriseAs(admin);
    await joinEnterprise(admin, eid, member);
    const { error } = await serviceClient().auth.admin.deleteUser(admin.userId);
    expect(error).toBeNull();
    expect(await sql('select user_id from public.enterprise_members where enterprise_id = $1', [eid])).toEqual([{ user_id: member.userId }]);
    expect(await myEnterprises(member)).toEqual([expect.objectContaining({ id: eid, member_count: 1 })]);
  });
});
