// Admins and operators at desk width (issue 13) on the H5 build at 1280×800: an admin finds one
// member among many in the members table (name, phone tail, department, pages); an operator finds an
// account by phone in the ops console and acts on it. With ZX_SCREENSHOTS set, the two desk
// screenshots of the README are taken from the seeded demo (远山制造's workforce, the operator 王芳).
import type { BrowserContext } from 'playwright-core';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';
import { makePlatformOperator, signInCleared, sql, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { addBulkMembers, addDepartment, createEnterprise, newMember } from '../integration/support-tenancy/fixture';
import { deskContext, screenshotPath } from './support/browser';
import { fillText } from './support/app-pages';
import { DeskPages } from './support/desk-pages';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
});

async function openAt(session: object, route: string): Promise<DeskPages> {
  const context = await deskContext(suite.browser);
  contexts.push(context);
  const app = new DeskPages(await context.newPage(), suite.server.url);
  await app.openSignedIn(session, route, getStack().url);
  return app;
}

async function openAs(who: SignedInUser, route: string): Promise<DeskPages> {
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  return openAt(data.session, route);
}

/** A seeded demo account, signed in with its password through the API. */
async function openAsDemo(phone: string, route: string): Promise<DeskPages> {
  const signed = await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ phone, password: 'Zhixiang2026' });
  if (signed.error || !signed.data.session) throw signed.error ?? new Error('no session');
  return openAt(signed.data.session, route);
}

const national = (u: SignedInUser) => u.phone.replace(/^\+?86/, '');

it('an admin finds one member among 130 by name and by phone tail, filters by department and pages', async () => {
  const ent = await createEnterprise({ name: `桌面测试${Math.floor(Math.random() * 1e6).toString(36)}` });
  const sales = await addDepartment(ent, '销售部');
  const admin = await newMember(ent, { role: 'admin', displayName: '桌面管理员' });
  const target = await newMember(ent, { displayName: '欧阳明月', departmentId: sales, title: '大客户经理' });
  await addBulkMembers(ent, String(Math.floor(Math.random() * 9000) + 1000), 130, sales);

  const app = await openAs(admin, `packages/admin/index?id=${ent}`);
  await app.page.getByTestId('admin-desk').waitFor();
  await app.waitForTotal(132);
  expect(await app.memberRows().count()).toBe(20);
  await app.nextPage();
  await app.page.getByTestId('desk-members-pager-page').filter({ hasText: '第 2 / 7 页' }).waitFor();

  await app.searchMembers('欧阳');
  await app.waitForTotal(1);
  await app.memberRows().filter({ hasText: '欧阳明月' }).filter({ hasText: '销售部' }).waitFor();

  const tail = national(target).slice(-4);
  await app.searchMembers(tail);
  await app.memberRows().filter({ hasText: `****${tail}` }).filter({ hasText: '欧阳明月' }).waitFor();

  await app.searchMembers('');
  await app.waitForTotal(132);
  await app.filterDepartment(sales);
  await app.waitForTotal(66); // 65 even-numbered bulk members and 欧阳明月
  await app.nextPage();
  await app.page.getByTestId('desk-members-pager-page').filter({ hasText: '第 2 / 4 页' }).waitFor();
  expect(await app.memberRows().filter({ hasNotText: '销售部' }).count()).toBe(0);

  // acting on a member opens the phone layout's member item beside the table
  await app.searchMembers('欧阳明月');
  await app.waitForTotal(1);
  await app.memberRows().first().click();
  await app.page.getByTestId('desk-member-panel').filter({ hasText: '欧阳明月' }).waitFor();
});

it('an operator finds an account by phone in the desk ops console and warns it', async () => {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  const target = await signInCleared();
  const ops = await openAs(op, 'packages/ops/index');
  await ops.page.getByTestId('ops-desk').waitFor();
  const result = await ops.actOnAccount(national(target), 'warn', '桌面端测试警告');
  expect(result).toContain('已执行“警告”');
  const rows = await sql<{ action: string; operator_id: string }>('select action, operator_id from public.account_actions where user_id = $1', [target.userId]);
  expect(rows).toEqual([{ action: 'warn', operator_id: op.userId }]);
});

it('an operator works a cancellation request from the desk table: a rejection needs a reason', async () => {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  const name = `注销表格${Math.floor(Math.random() * 1e6).toString(36)}`;
  const ent = await createEnterprise({ name });
  const [request] = await sql<{ id: string }>(
    `insert into public.enterprise_cancellation_requests (enterprise_id, reason) values ($1, '业务调整，申请注销企业') returning id`, [ent]);

  const ops = await openAs(op, 'packages/ops/index');
  await ops.page.getByTestId('ops-desk').waitFor();
  await ops.opsSection('cancellations');
  const panel = await ops.openDecisionRow('ops-cancellations', name);
  await panel.getByTestId(`ops-cancellation-${request.id}-reject`).click();
  await ops.page.getByTestId(`ops-cancellation-${request.id}-error`).filter({ hasText: '驳回须填写' }).waitFor();
  await fillText(ops.page, `ops-cancellation-${request.id}-reason`, '材料不全，请补充营业执照');
  await panel.getByTestId(`ops-cancellation-${request.id}-reject`).click();
  await ops.page.getByTestId('ops-cancellations-result').filter({ hasText: `${name}的注销申请已驳回` }).waitFor();
  // the pending table no longer lists it once it has reloaded, and the enterprise stays open
  await ops.page.getByTestId('ops-cancellations-row').filter({ hasText: name }).waitFor({ state: 'detached' });
  const [row] = await sql<{ status: string; review_reason: string; ent_status: string }>(
    `select r.status, r.review_reason, e.status as ent_status from public.enterprise_cancellation_requests r
       join public.enterprises e on e.id = r.enterprise_id where r.id = $1`, [request.id]);
  expect(row).toEqual({ status: 'rejected', review_reason: '材料不全，请补充营业执照', ent_status: 'normal' });
});

(screenshotPath('probe') ? it : it.skip)('desk screenshots from the seeded demo: 远山制造 members, the ops console', async () => {
  const admin = await openAsDemo('+8613800000007', 'packages/admin/index?id=e0000000-0000-4000-8000-000000000003');
  await admin.waitForTotal(2003);
  await admin.filterDepartment('de000000-0000-4000-8000-000000000021'); // 生产部
  await admin.page.getByTestId('desk-members-pager-total').filter({ hasNotText: '共 2003 人' }).waitFor();
  await admin.shot('60-desk-admin-members');

  const ops = await openAsDemo('+8613800000003', 'packages/ops/index');
  await ops.page.getByTestId('ops-desk').waitFor();
  await ops.findAccount('13800000004');
  await ops.shot('61-desk-ops-console');
});
