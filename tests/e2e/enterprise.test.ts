// Enterprises on the H5 build, in Debian Chromium against the live local stack: create an
// enterprise, invite by link, accept on a second account and decline on a third, the approval
// flow, switching enterprises, directory visibility, and removal (the removed member then sees
// nothing of the enterprise). Users are arranged as cleared through the API (onboarding has its
// own suite); what a test is about happens in the browser, and is then checked in the database.
import type { BrowserContext } from 'playwright-core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';
import { birthDateForAge, callApi, markCleared, randomPhone, serviceClient, signInCleared, sql, type SignedInUser } from '../support/clients';
import { localPhone, maskPhone } from '../../src/lib/phone';
import { getStack } from '../support/stack';
import { mobileContext } from './support/browser';
import { EnterprisePages, routeOfLink } from './support/enterprise-pages';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const contexts: BrowserContext[] = [];

afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
});

const tag = () => Math.floor(Math.random() * 1e6).toString(36).toUpperCase();

interface Person extends SignedInUser {
  name: string;
}

/** A new cleared member with a display name (arranged through the API and the database). */
async function person(name: string): Promise<Person> {
  const user = await signInCleared();
  await sql('update public.profiles set display_name = $2 where id = $1', [user.userId, name]);
  return { ...user, name };
}

/** Opens the app signed in as `who` on `route`, in a browser context of their own. */
async function openAs(who: Person, route: string): Promise<EnterprisePages> {
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const app = new EnterprisePages(await context.newPage(), suite.server.url);
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  await app.openSignedIn(data.session, route, getStack().url);
  return app;
}

async function rpc<T>(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

/** Arranges an enterprise owned by `admin` through the RPC (the create form has its own test). */
async function enterpriseOf(admin: Person, name: string): Promise<string> {
  return rpc<string>(admin.client, 'create_enterprise', {
    p_name: name, p_industry: '互联网', p_size_band: '1-49', p_contact_name: admin.name, p_contact_phone: admin.phone,
  });
}

async function joinThroughApi(admin: Person, member: Person, enterpriseId: string): Promise<void> {
  const [inv] = await rpc<{ code: string }[]>(admin.client, 'create_invitation', { p_enterprise_id: enterpriseId });
  const res = await rpc<{ status: string }>(member.client, 'accept_invitation', { p_code: inv.code });
  expect(res.status).toBe('joined');
}

const membersOf = (enterpriseId: string) =>
  sql<{ user_id: string; role: string }>('select user_id, role from public.enterprise_members where enterprise_id = $1 order by joined_at', [enterpriseId]);

it('creates an enterprise, invites by link; a second account joins, a third declines', async () => {
  const [admin, joiner, decliner] = await Promise.all([person('赵敏'), person('钱多多'), person('孙小美')]);
  const name = `星河测试${tag()}`;

  const adminApp = await openAs(admin, 'pages/index/index');
  await adminApp.homeEnterpriseName().filter({ hasText: '尚未加入企业' }).waitFor();
  await adminApp.openMyEnterprisesFromHome();
  await adminApp.page.getByTestId('enterprise-list-empty').waitFor();
  await adminApp.createEnterprise({ name, industry: '互联网', size: '50-199', contactName: '赵敏', contactPhone: admin.phone.replace('+86', '') });

  // Created: the admin lands on 企业管理 › 邀请, and makes an invitation link.
  await adminApp.page.getByTestId('admin-invitations').waitFor();
  await adminApp.shot('40-enterprise-admin');
  const { code, link } = await adminApp.createInvitation({ validity: '168' });
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  expect(link).toContain(`#/packages/enterprise/join/index?code=${code}`);
  await adminApp.page.getByTestId('invitation-qr').waitFor();
  await adminApp.shot('41-invitation-created');

  const [created] = await sql<{ id: string; edition: string; size_band: string; created_by: string }>(
    'select id, edition, size_band, created_by from public.enterprises where name = $1',
    [name],
  );
  expect(created).toMatchObject({ edition: 'basic', size_band: '50-199', created_by: admin.userId });
  expect(await membersOf(created.id)).toEqual([{ user_id: admin.userId, role: 'admin' }]);

  // The second account opens the link: sees the enterprise and who invited, and joins.
  const joinerApp = await openAs(joiner, routeOfLink(link));
  await joinerApp.page.getByTestId('invitation-enterprise').filter({ hasText: name }).waitFor();
  await joinerApp.page.getByText('赵敏 邀请你加入').waitFor();
  await joinerApp.shot('42-invitation-landing');
  await joinerApp.acceptInvitation();
  await joinerApp.invitationStatus().filter({ hasText: `已加入${name}` }).waitFor();
  await joinerApp.open('pages/index/index');
  await joinerApp.homeEnterpriseName().filter({ hasText: name }).waitFor();

  // The third declines: recorded, and not a member.
  const declinerApp = await openAs(decliner, routeOfLink(link));
  await declinerApp.page.getByTestId('invitation-enterprise').filter({ hasText: name }).waitFor();
  await declinerApp.declineInvitation();
  await declinerApp.invitationStatus().filter({ hasText: '你已拒绝该邀请' }).waitFor();

  expect((await membersOf(created.id)).map((m) => m.user_id).sort()).toEqual([admin.userId, joiner.userId].sort());
  const declined = await sql<{ status: string }>('select status from public.join_requests where enterprise_id = $1 and user_id = $2', [created.id, decliner.userId]);
  expect(declined).toEqual([{ status: 'declined' }]);
  const [inv] = await sql<{ use_count: number }>('select use_count from public.invitations where code = $1', [code]);
  expect(inv.use_count).toBe(1);

  // The admin's invitation list counts the use; the member list shows both.
  await adminApp.open(`packages/admin/index?id=${created.id}&tab=members`);
  await adminApp.page.getByTestId('member-钱多多').waitFor();
  await adminApp.page.getByTestId('member-赵敏').waitFor();
});

it('approval: an admin approves one request and rejects another; the approved member switches enterprises', async () => {
  const [admin, approved, rejected] = await Promise.all([person('周芷若'), person('吴用'), person('郑和')]);
  const name = `远山测试${tag()}`;
  const otherName = `青禾测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  // The approved member already belongs to another enterprise.
  const otherId = await enterpriseOf(approved, otherName);

  const adminApp = await openAs(admin, `packages/admin/index?id=${enterpriseId}&tab=settings`);
  await adminApp.saveSettings({ joinRule: 'approval' });
  await adminApp.adminTab('invitations');
  const { link } = await adminApp.createInvitation();

  for (const who of [approved, rejected]) {
    const app = await openAs(who, routeOfLink(link));
    await app.page.getByText('加入方式：需管理员审批').waitFor();
    await app.acceptInvitation();
    await app.invitationStatus().filter({ hasText: '等待管理员审批' }).waitFor();
  }
  expect((await membersOf(enterpriseId)).map((m) => m.user_id)).toEqual([admin.userId]);

  await adminApp.adminTab('requests');
  await adminApp.joinRequestOf(approved.userId).waitFor();
  await adminApp.shot('43-join-requests');
  await adminApp.approveRequestOf(approved.userId);
  await adminApp.rejectRequestOf(rejected.userId, '非本公司员工');

  const requests = await sql<{ user_id: string; status: string; reason: string }>(
    'select user_id, status, reason from public.join_requests where enterprise_id = $1 order by created_at',
    [enterpriseId],
  );
  expect(requests).toEqual([
    { user_id: approved.userId, status: 'approved', reason: '' },
    { user_id: rejected.userId, status: 'rejected', reason: '非本公司员工' },
  ]);
  expect((await membersOf(enterpriseId)).map((m) => m.user_id).sort()).toEqual([admin.userId, approved.userId].sort());
  // The rejected person still cannot read the enterprise.
  const seen = await rejected.client.from('enterprises').select('id').eq('id', enterpriseId);
  expect(seen.data).toEqual([]);

  // The approved member now has two enterprises. An admin's approval does not switch the app under
  // them: home still shows the enterprise they work in; they switch to the new one themselves.
  const [untouched] = await sql<{ current_enterprise_id: string }>('select current_enterprise_id from public.profiles where id = $1', [approved.userId]);
  expect(untouched.current_enterprise_id).toBe(otherId);
  const memberApp = await openAs(approved, 'pages/index/index');
  await memberApp.homeEnterpriseName().filter({ hasText: otherName }).waitFor();
  await memberApp.openMyEnterprisesFromHome();
  await memberApp.currentTagOf(otherName).waitFor();
  await memberApp.switchTo(name);
  expect(await memberApp.currentTagOf(otherName).count()).toBe(0);
  await memberApp.shot('44-my-enterprises');
  const [profile] = await sql<{ current_enterprise_id: string }>('select current_enterprise_id from public.profiles where id = $1', [approved.userId]);
  expect(profile.current_enterprise_id).toBe(enterpriseId);
  await memberApp.open('pages/index/index');
  await memberApp.homeEnterpriseName().filter({ hasText: name }).waitFor();
  // The rejected person cannot switch into it either.
  const refused = await rejected.client.rpc('switch_enterprise', { p_enterprise_id: enterpriseId });
  expect(refused.error?.message).toBe('not_enterprise_member');
});

it('directory visibility follows the settings; a removed member then sees nothing of the enterprise', async () => {
  const [admin, dev1, dev2] = await Promise.all([person('冯宝宝'), person('陈一'), person('褚二')]);
  const name = `通讯录测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  await joinThroughApi(admin, dev1, enterpriseId);
  await joinThroughApi(admin, dev2, enterpriseId);

  // The admin builds the department in the UI and moves both developers into it.
  const adminApp = await openAs(admin, `packages/admin/index?id=${enterpriseId}&tab=departments`);
  await adminApp.createDepartment('研发部');
  const [dept] = await sql<{ id: string }>('select id from public.departments where enterprise_id = $1 and name = $2', [enterpriseId, '研发部']);
  await adminApp.adminTab('members');
  for (const who of [dev1, dev2]) await adminApp.moveMemberTo(who.name, dept.id);
  const placed = await sql<{ user_id: string }>('select user_id from public.enterprise_members where enterprise_id = $1 and department_id = $2', [enterpriseId, dept.id]);
  expect(placed.map((r) => r.user_id).sort()).toEqual([dev1.userId, dev2.userId].sort());

  // Default: everyone sees everyone, phones included.
  const devApp = await openAs(dev1, `packages/enterprise/directory/index?id=${enterpriseId}`);
  await devApp.directoryNames().filter({ hasText: '冯宝宝' }).waitFor();
  expect(await devApp.page.getByTestId('directory-entry').count()).toBe(3);
  await devApp.searchDirectory('褚');
  await devApp.page.getByTestId('directory-entry').filter({ hasText: '褚二' }).waitFor();
  await devApp.page.waitForFunction(() => document.querySelectorAll('[data-testid="directory-entry"]').length === 1);

  // The admin limits the directory to one's own department and hides phones.
  await adminApp.adminTab('settings');
  await adminApp.saveSettings({ directoryScope: 'department', hide: ['phone'] });

  await devApp.page.reload();
  await devApp.directoryNames().filter({ hasText: '褚二' }).waitFor();
  await devApp.shot('45-directory');
  const names = await devApp.directoryNames().allTextContents();
  expect(names.sort()).toEqual(['褚二', '陈一'].sort());
  // Own phone visible (masked in the list as 138****1234, tap to call), a colleague's hidden.
  const own = devApp.page.getByTestId('directory-entry').filter({ hasText: '陈一' });
  expect(await own.getByTestId('directory-phone').textContent()).toBe(maskPhone(dev1.phone));
  expect(await devApp.page.getByTestId('directory-entry').filter({ hasText: '褚二' }).getByTestId('directory-phone').count()).toBe(0);
  const text = (await devApp.page.getByTestId('directory').textContent()) ?? '';
  expect(text).not.toContain(maskPhone(dev2.phone));
  expect(text).not.toContain(localPhone(dev2.phone));

  // The admin removes 陈一, who then sees nothing of the enterprise.
  await adminApp.adminTab('members');
  await adminApp.removeMember('陈一');
  expect((await membersOf(enterpriseId)).map((m) => m.user_id)).not.toContain(dev1.userId);

  await devApp.page.reload();
  await devApp.page.getByTestId('directory-page-empty').waitFor();
  await devApp.open('pages/index/index');
  await devApp.homeEnterpriseName().filter({ hasText: '尚未加入企业' }).waitFor();

  const direct = await callApi('/rest/v1/rpc/directory', { token: (await dev1.client.auth.getSession()).data.session?.access_token, body: { p_enterprise_id: enterpriseId } });
  expect(direct.status).toBe(403);
  expect(direct.body.message).toBe('not_enterprise_member');
  const rows = await dev1.client.from('enterprises').select('id').eq('id', enterpriseId);
  expect(rows.data).toEqual([]);
  const depts = await dev1.client.from('departments').select('id').eq('enterprise_id', enterpriseId);
  expect(depts.data).toEqual([]);
});

// A 1×1 PNG: a real image for the Storage upload and the operator's preview.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const OPERATOR = { phone: '+8613800000003', password: 'Zhixiang2026' };

it('qualification: the admin uploads both documents; a platform operator approves one and rejects the other', async () => {
  const admin = await person('韩梅梅');
  const name = `认证测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);

  const adminApp = await openAs(admin, `packages/admin/index?id=${enterpriseId}&tab=qualification`);
  await adminApp.page.getByTestId('qualification-status').filter({ hasText: '未认证' }).waitFor();
  for (const [kind, label] of [['business_licence', '营业执照'], ['legal_rep_id', '法定代表人身份证明']] as const) {
    const [chooser] = await Promise.all([
      adminApp.page.waitForEvent('filechooser'),
      adminApp.page.getByTestId(`qualification-${kind}-upload`).click(),
    ]);
    await chooser.setFiles({ name: `${kind}.png`, mimeType: 'image/png', buffer: PNG });
    await adminApp.page.getByTestId('qualification-result').filter({ hasText: `${label}已提交` }).waitFor();
  }
  await adminApp.shot('46-qualification-submitted');

  const docs = await sql<{ id: string; kind: string; object_path: string; status: string }>(
    'select id, kind, object_path, status from public.qualification_documents where enterprise_id = $1 order by created_at',
    [enterpriseId],
  );
  expect(docs.map((d) => [d.kind, d.status])).toEqual([['business_licence', 'pending'], ['legal_rep_id', 'pending']]);
  for (const d of docs) {
    expect(d.object_path.startsWith(`${enterpriseId}/`)).toBe(true);
    const stored = await sql('select 1 from storage.objects where bucket_id = $1 and name = $2', ['qualifications', d.object_path]);
    expect(stored).toHaveLength(1);
  }
  const [before] = await sql<{ qualification_status: string }>('select qualification_status from public.enterprises where id = $1', [enterpriseId]);
  expect(before.qualification_status).toBe('pending');

  // The operator reviews in the ops page's 企业资质审核 section.
  const client = clientFrom(randomLoopbackIp());
  const signed = await client.auth.signInWithPassword({ phone: OPERATOR.phone, password: OPERATOR.password });
  if (signed.error || !signed.data.session) throw signed.error ?? new Error('no session');
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const ops = new EnterprisePages(await context.newPage(), suite.server.url);
  await ops.openSignedIn(signed.data.session, 'packages/ops/index', getStack().url);
  await ops.page.getByTestId('ops-section-qualifications').click();
  const [licence, id] = docs;
  const licenceRow = `qualification-review-${licence.id}`;
  await ops.page.getByTestId(licenceRow).waitFor();
  await ops.page.getByTestId(`${licenceRow}-preview`).click();
  await ops.page.getByTestId(`${licenceRow}-image`).waitFor();
  await ops.shot('47-ops-qualification-review');
  await ops.page.getByTestId(`${licenceRow}-approve`).click();
  await ops.page.getByTestId('ops-qualifications-result').filter({ hasText: '营业执照已通过' }).waitFor();
  const idRow = `qualification-review-${id.id}`;
  await ops.page.getByTestId(`${idRow}-reason`).locator('textarea').fill('身份证明照片模糊，请重新上传');
  await ops.page.getByTestId(`${idRow}-reject`).click();
  await ops.page.getByTestId('ops-qualifications-result').filter({ hasText: '已驳回' }).waitFor();

  const reviewed = await sql<{ status: string; review_reason: string }>(
    'select status, review_reason from public.qualification_documents where enterprise_id = $1 order by created_at',
    [enterpriseId],
  );
  expect(reviewed).toEqual([
    { status: 'approved', review_reason: '' },
    { status: 'rejected', review_reason: '身份证明照片模糊，请重新上传' },
  ]);
  const [after] = await sql<{ qualification_status: string }>('select qualification_status from public.enterprises where id = $1', [enterpriseId]);
  expect(after.qualification_status).toBe('rejected');

  // The admin sees the outcome and the reason.
  await adminApp.page.reload();
  await adminApp.page.getByTestId('qualification-legal_rep_id').filter({ hasText: '身份证明照片模糊' }).waitFor();
});

it('a member leaves an enterprise on 我的企业 and then sees nothing of it; the last admin cannot leave', async () => {
  const [admin, member] = await Promise.all([person('卫青'), person('霍去病')]);
  const name = `退出测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  await joinThroughApi(admin, member, enterpriseId);

  const memberApp = await openAs(member, 'packages/enterprise/mine/index');
  await memberApp.currentTagOf(name).waitFor();
  const explanation = await memberApp.leaveEnterprise(name);
  expect(explanation).toContain('无法查看该企业的内容和通讯录');
  expect(explanation).toContain('重新邀请');
  await memberApp.page.getByTestId('enterprise-list-notice').filter({ hasText: `你已退出${name}` }).waitFor();
  await memberApp.page.getByTestId('enterprise-list-empty').waitFor();
  expect(await memberApp.enterpriseItem(name).count()).toBe(0);

  expect(await sql('select 1 from public.enterprise_members where enterprise_id = $1 and user_id = $2', [enterpriseId, member.userId])).toEqual([]);
  const [profile] = await sql<{ current_enterprise_id: string | null }>('select current_enterprise_id from public.profiles where id = $1', [member.userId]);
  expect(profile.current_enterprise_id).toBeNull();
  const rows = await member.client.from('enterprises').select('id').eq('id', enterpriseId);
  expect(rows.data).toEqual([]);
  await memberApp.open('pages/index/index');
  await memberApp.homeEnterpriseName().filter({ hasText: '尚未加入企业' }).waitFor();

  // The only admin is refused, in Chinese, and stays.
  const adminApp = await openAs(admin, 'packages/enterprise/mine/index');
  await adminApp.leaveEnterprise(name);
  await adminApp.page.getByTestId(`enterprise-leave-${name}-error`).filter({ hasText: '唯一的管理员' }).waitFor();
  await adminApp.enterpriseItem(name).waitFor();
  expect(await membersOf(enterpriseId)).toEqual([{ user_id: admin.userId, role: 'admin' }]);
});

it('a member edits 我的名片; colleagues see the new name and title in the directory', async () => {
  const [admin, member] = await Promise.all([person('班超'), person('甘英')]);
  const name = `名片测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  await joinThroughApi(admin, member, enterpriseId);

  const memberApp = await openAs(member, 'packages/enterprise/mine/index');
  await memberApp.openCardOf(name);
  // A bad address is refused next to the field and nothing is saved.
  await memberApp.submitCard({ email: 'gan-ying' });
  await memberApp.page.getByTestId('member-card-email-error').filter({ hasText: '请输入有效的邮箱地址' }).waitFor();
  expect(await memberApp.saveCard({ name: '甘英（西域）', title: '出使大秦', email: 'Gan.Ying@Example.com' })).toContain('已保存');
  await memberApp.shot('48-member-card');
  const [row] = await sql<{ display_name: string; title: string; email: string }>(
    'select display_name, title, email from public.enterprise_members where enterprise_id = $1 and user_id = $2', [enterpriseId, member.userId]);
  expect(row).toEqual({ display_name: '甘英（西域）', title: '出使大秦', email: 'gan.ying@example.com' });

  const adminApp = await openAs(admin, `packages/enterprise/directory/index?id=${enterpriseId}`);
  const entry = adminApp.page.getByTestId('directory-entry').filter({ hasText: '甘英（西域）' });
  await entry.filter({ hasText: '出使大秦' }).waitFor();

  // A member cannot open a colleague's card for editing.
  await memberApp.open(`packages/enterprise/card/index?id=${enterpriseId}&user=${admin.userId}`);
  await memberApp.page.getByTestId('member-card-denied').filter({ hasText: '仅企业管理员' }).waitFor();
  expect(await memberApp.page.getByTestId('member-card-save').count()).toBe(0);
});

it('an admin edits a member’s card from 成员管理, employee number included; the list shows it on return', async () => {
  const [admin, member] = await Promise.all([person('张骞'), person('堂邑父')]);
  const name = `成员名片测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  await joinThroughApi(admin, member, enterpriseId);

  const adminApp = await openAs(admin, `packages/admin/index?id=${enterpriseId}`);
  await adminApp.page.getByTestId('member-堂邑父').waitFor();
  await adminApp.openMemberCard('堂邑父');
  await adminApp.page.getByTestId('member-card-enterprise').filter({ hasText: '成员名片' }).waitFor();
  expect(await adminApp.saveCard({ title: '向导', employeeNo: 'XY-0139' })).toContain('成员的通讯录资料已更新');
  await adminApp.shot('49-member-card-admin');
  const [row] = await sql<{ title: string; employee_no: string }>(
    'select title, employee_no from public.enterprise_members where enterprise_id = $1 and user_id = $2', [enterpriseId, member.userId]);
  expect(row).toEqual({ title: '向导', employee_no: 'XY-0139' });

  await adminApp.page.goBack();
  await adminApp.page.getByTestId('member-堂邑父').filter({ hasText: '工号 XY-0139' }).waitFor();
});

/** Opens an invitation link in a fresh, signed-out browser; the app sends the visitor to sign in. */
async function openSignedOut(route: string): Promise<EnterprisePages> {
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const app = new EnterprisePages(await context.newPage(), suite.server.url);
  await app.open(route);
  await app.page.getByTestId('login-phone').waitFor();
  return app;
}

it('an invitation link opened signed out comes back after an SMS sign-in (existing member)', async () => {
  const admin = await person('岳飞');
  // An existing, cleared account that has never asked for a code (no SMS resend cooldown).
  const phone = randomPhone();
  const created = await serviceClient().auth.admin.createUser({ phone: phone.slice(1), phone_confirm: true });
  if (created.error || !created.data.user) throw created.error ?? new Error('no user');
  const visitor = { userId: created.data.user.id, phone };
  await markCleared(visitor.userId);
  const name = `链接登录测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  const [inv] = await rpc<{ code: string }[]>(admin.client, 'create_invitation', { p_enterprise_id: enterpriseId });

  const app = await openSignedOut(`packages/enterprise/join/index?code=${inv.code}`);
  await app.signInWithSmsCode(visitor.phone.replace('+86', ''));
  await app.page.getByTestId('invitation-enterprise').filter({ hasText: name }).waitFor();
  await app.page.getByText('岳飞 邀请你加入').waitFor();
  await app.acceptInvitation();
  await app.invitationStatus().filter({ hasText: `已加入${name}` }).waitFor();
  expect((await membersOf(enterpriseId)).map((m) => m.user_id).sort()).toEqual([admin.userId, visitor.userId].sort());

  // Consumed: nothing is left pending on this device for a later sign-in.
  expect(await app.page.evaluate(() => localStorage.getItem('zx.pending-invite'))).toBeNull();
});

it('an invitation link opened by a new person comes back after sign-up and onboarding', async () => {
  const admin = await person('文天祥');
  const name = `链接注册测试${tag()}`;
  const enterpriseId = await enterpriseOf(admin, name);
  const [inv] = await rpc<{ code: string }[]>(admin.client, 'create_invitation', { p_enterprise_id: enterpriseId });
  const phone = randomPhone();

  const app = await openSignedOut(`packages/enterprise/join/index?code=${inv.code.toLowerCase()}`);
  await app.signInWithSmsCode(phone.replace('+86', ''));
  await app.completeAdultOnboarding(birthDateForAge(30));
  await app.page.getByTestId('invitation-enterprise').filter({ hasText: name }).waitFor();
  await app.acceptInvitation();
  await app.invitationStatus().filter({ hasText: `已加入${name}` }).waitFor();
  const [user] = await sql<{ id: string }>('select id from auth.users where phone = $1', [phone.slice(1)]);
  expect((await membersOf(enterpriseId)).map((m) => m.user_id).sort()).toEqual([admin.userId, user.id].sort());
});
