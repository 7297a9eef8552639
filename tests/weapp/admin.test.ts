// 企业管理 in the compiled mini-program (the H5 build has its own suite in tests/e2e): an admin
// creates a department, moves a member into it and removes another; creates an invitation; approves
// one join request and rejects another with a reason the applicant is told. The enterprise, its
// members and the pending requests are arranged through the API; what the admin does happens in
// the simulated admin pages, then is checked in the database.
import { createEnterpriseAs, inviteCode, joinEnterprise, signInCleared, sql, type SignedInUser } from '../support/clients';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const ADMIN_PAGE = 'packages/admin/index';
const tag = () => Math.floor(Math.random() * 1e6).toString(36).toUpperCase();

const app = simulatedApp();

/** A new cleared member with a display name (arranged through the API and the database). */
async function person(name: string): Promise<SignedInUser> {
  const user = await signInCleared();
  await sql('update public.profiles set display_name = $2 where id = $1', [user.userId, name]);
  return user;
}

test('an admin manages departments, members, invitations and join requests', async () => {
  const [admin, moved, removed, approved, rejected] = await Promise.all(
    ['周芷若', '张三', '李四', '吴用', '郑和'].map((name) => person(name)),
  );
  const enterpriseId = await createEnterpriseAs(admin, { name: `管理测试${tag()}` });
  await joinEnterprise(admin, enterpriseId, moved);
  await joinEnterprise(admin, enterpriseId, removed);
  const settings = await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: { join_rule: 'approval' } });
  expect(settings.error).toBeNull();
  const code = await inviteCode(admin, enterpriseId);
  for (const applicant of [approved, rejected]) {
    const applied = await applicant.client.rpc('accept_invitation', { p_code: code });
    expect(applied.data).toMatchObject({ status: 'pending' });
  }

  // 部门: a new top-level department.
  const departments = await app.openAs(admin, ADMIN_PAGE, { id: enterpriseId, tab: 'departments' });
  await departments.waitFor(() => departments.text().includes('还没有部门'), 'the empty department list');
  await departments.type('请输入新建顶级部门', '研发部');
  await departments.tap('创建部门');
  await departments.waitFor(() => departments.text().includes('已创建研发部'), 'the department created');

  // 成员: move 张三 into it; remove 李四 (a second tap confirms).
  await departments.tap('成员');
  const members = departments;
  await members.waitFor(() => members.byTextWithin('张三', '调整'), 'the member list');
  await members.tap(members.byTextWithin('张三', '调整'));
  await members.tap(members.byTextWithin('张三', '研发部'));
  await members.tap(members.byTextWithin('张三', '保存部门'));
  await members.waitFor(() => members.text().includes('已调整 张三 的部门'), 'the member moved');
  await members.tap(members.byTextWithin('李四', '调整'));
  await members.tap(members.byTextWithin('李四', '移出企业'));
  await members.waitFor(() => members.text().includes('将 李四 移出企业后'), 'the consequence, before the second tap');
  await members.tap('确认移出');
  await members.waitFor(() => members.text().includes('已将 李四 移出企业'), 'the member removed');

  // 邀请: a new invitation with its code on screen.
  await members.tap('邀请');
  await members.tap('生成邀请');
  await members.waitFor(() => members.text().includes('邀请已创建'), 'the invitation created');
  const invitationScreen = members.text();

  // 加入申请: approve 吴用, reject 郑和 with a reason.
  await members.tap('加入申请');
  await members.waitFor(() => members.byTextWithin('吴用', '通过'), 'the pending requests');
  expect(members.text()).toContain('郑和');
  await members.tap(members.byTextWithin('吴用', '通过'));
  await members.waitFor(() => members.text().includes('已通过加入申请'), 'the approval');
  await members.tap(members.byTextWithin('郑和', '拒绝'));
  await members.type(members.inputAfter('拒绝原因（会通知申请人）'), '非本公司员工');
  await members.tap('确认拒绝');
  await members.waitFor(() => members.text().includes('已拒绝加入申请'), 'the rejection');
  await app.closeQuiet();

  const [dept] = await sql<{ id: string; name: string }>('select id, name from public.departments where enterprise_id = $1', [enterpriseId]);
  expect(dept.name).toBe('研发部');
  const roster = await sql<{ user_id: string; department_id: string | null }>(
    'select user_id, department_id from public.enterprise_members where enterprise_id = $1', [enterpriseId]);
  const byUser = new Map(roster.map((m) => [m.user_id, m.department_id]));
  expect([...byUser.keys()].sort()).toEqual([admin.userId, moved.userId, approved.userId].sort());
  expect(byUser.get(moved.userId)).toBe(dept.id);
  // Three invitations were arranged through the API (two single-use ones for the members, one for
  // the applicants); the fourth is the admin's, its code on screen.
  const invitations = await sql<{ code: string }>('select code from public.invitations where enterprise_id = $1 order by created_at', [enterpriseId]);
  expect(invitations).toHaveLength(4);
  expect(invitationScreen).toContain(invitations[3].code);
  const requests = await sql<{ user_id: string; status: string; reason: string }>(
    'select user_id, status, reason from public.join_requests where enterprise_id = $1 order by created_at', [enterpriseId]);
  expect(requests).toEqual([
    { user_id: approved.userId, status: 'approved', reason: '' },
    { user_id: rejected.userId, status: 'rejected', reason: '非本公司员工' },
  ]);
  // The rejected applicant is told, with the reason.
  const [notice] = await sql<{ body: string }>(
    `select body from public.notifications where user_id = $1 and data ->> 'enterprise_id' = $2`, [rejected.userId, enterpriseId]);
  expect(notice.body).toContain('非本公司员工');
});
