// Enterprise cancellation end to end on the H5 build (issue 10, LX 3.3): the admin asks in 企业管理 ›
// 注销企业 (warning, reason, confirm), the demo operator approves in the ops page, and a member then
// sees 已注销 on the home page and 我的企业 while the directory refuses.
import type { BrowserContext } from 'playwright-core';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';
import { signInCleared, sql, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { mobileContext } from './support/browser';
import { EnterprisePages } from './support/enterprise-pages';
import { browserSuite } from './support/suite';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  while (contexts.length) await contexts.pop()?.close();
});

const OPERATOR = { phone: '+8613800000003', password: 'Zhixiang2026' };

async function open(session: Parameters<EnterprisePages['openSignedIn']>[0], route: string): Promise<EnterprisePages> {
  const context = await mobileContext(suite.browser);
  contexts.push(context);
  const app = new EnterprisePages(await context.newPage(), suite.server.url);
  await app.openSignedIn(session, route, getStack().url);
  return app;
}

async function openAs(who: SignedInUser, route: string): Promise<EnterprisePages> {
  const { data } = await who.client.auth.getSession();
  if (!data.session) throw new Error('no session');
  return open(data.session, route);
}

it('admin requests cancellation, the operator approves it in ops, a member sees 已注销 and the directory refuses', async () => {
  const [admin, member] = await Promise.all([signInCleared(), signInCleared()]);
  const name = `注销测试${Math.floor(Math.random() * 1e6).toString(36)}`;
  const { data: enterpriseId, error } = await admin.client.rpc('create_enterprise', {
    p_name: name, p_industry: '互联网', p_size_band: '1-49', p_contact_name: '管理员', p_contact_phone: admin.phone,
  });
  if (error) throw error;
  const [inv] = (await admin.client.rpc('create_invitation', { p_enterprise_id: enterpriseId })).data as { code: string }[];
  expect((await member.client.rpc('accept_invitation', { p_code: inv.code })).data).toMatchObject({ status: 'joined' });

  // The admin: warning first, then a reason and a confirming second tap.
  const adminApp = await openAs(admin, `packages/admin/index?id=${enterpriseId}&tab=cancellation`);
  await adminApp.page.getByTestId('cancellation-warning').filter({ hasText: '不可撤销' }).waitFor();
  const reason = '公司业务调整，不再使用本平台，申请注销企业';
  await adminApp.page.getByTestId('cancellation-reason').locator('textarea').fill(reason);
  await adminApp.page.getByTestId('cancellation-submit').click();
  await adminApp.page.getByTestId('cancellation-submit-confirm').click();
  await adminApp.page.getByTestId('cancellation-pending').filter({ hasText: '审核中' }).waitFor();
  const [request] = await sql<{ id: string; status: string; reason: string }>(
    'select id, status, reason from public.enterprise_cancellation_requests where enterprise_id = $1', [enterpriseId]);
  expect(request).toMatchObject({ status: 'pending', reason });

  // The operator approves in 企业状态与注销.
  const client = clientFrom(randomLoopbackIp());
  const signed = await client.auth.signInWithPassword({ phone: OPERATOR.phone, password: OPERATOR.password });
  if (signed.error || !signed.data.session) throw signed.error ?? new Error('no session');
  const ops = await open(signed.data.session, 'packages/ops/index');
  await ops.page.getByTestId('ops-section-enterprises').click();
  await ops.page.getByTestId(`ops-cancellation-${request.id}-approve`).click();
  await ops.page.getByTestId('ops-cancellations-result').filter({ hasText: '已通过，企业已注销' }).waitFor();
  const [ent] = await sql<{ status: string }>('select status from public.enterprises where id = $1', [enterpriseId]);
  expect(ent.status).toBe('closed');

  // The member: 已注销 on the home card and on 我的企业 (no directory button), and the directory refuses.
  const memberApp = await openAs(member, 'pages/index/index');
  await memberApp.page.getByTestId('home-enterprise-status').filter({ hasText: '已注销' }).waitFor();
  await memberApp.open('packages/enterprise/mine/index');
  await memberApp.page.getByTestId(`enterprise-status-${name}`).filter({ hasText: '已注销' }).waitFor();
  expect(await memberApp.page.getByTestId(`enterprise-directory-${name}`).count()).toBe(0);
  await memberApp.open(`packages/enterprise/directory/index?id=${enterpriseId}`);
  await memberApp.page.getByTestId('directory-error').filter({ hasText: '该企业已注销' }).waitFor();

  // The admin sees the outcome.
  await adminApp.page.reload();
  await adminApp.page.getByTestId('cancellation-approved').filter({ hasText: '已通过，企业已注销' }).waitFor();
});
