// Platform operators in the compiled mini-program (the H5 build has its own suites in tests/e2e):
// an operator reviews an enterprise's qualification documents (preview, approve one, reject the
// other with a reason), confirms a stolen-account report and freezes the account, and approves a
// birth-date correction after opening its evidence. What is reviewed is arranged through the API
// (uploads as the members' own calls); what the operator does happens in the simulated ops pages,
// then is checked in the database.
import { fetchFrom, randomLoopbackIp } from '../contract/auth-support';
import {
  birthDateForAge, createEnterpriseAs, makePlatformOperator, signInCleared, sql, storageObject, type SignedInUser,
} from '../support/clients';
import { getStack } from '../support/stack';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const OPS_PAGE = 'packages/ops/index';
const CORRECTIONS_PAGE = 'packages/ops/birth-date-corrections/index';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const tag = () => Math.floor(Math.random() * 1e6).toString(36).toUpperCase();

const app = simulatedApp();

async function operator(): Promise<SignedInUser> {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  return op;
}

test('an operator previews qualification documents, approves one and rejects the other with a reason', async () => {
  const [admin, op] = await Promise.all([signInCleared(), operator()]);
  const name = `资质测试${tag()}`;
  const enterpriseId = await createEnterpriseAs(admin, { name });
  for (const kind of ['business_licence', 'legal_rep_id']) {
    const path = `${enterpriseId}/${kind}-${Date.now()}.png`;
    expect((await storageObject(admin.token, 'POST', 'qualifications', path, { bytes: PNG, contentType: 'image/png' })).status).toBe(200);
    const doc = await admin.client.rpc('submit_qualification', { p_enterprise_id: enterpriseId, p_kind: kind, p_object_path: path, p_file_name: `${kind}.png` });
    expect(doc.error).toBeNull();
  }

  const page = await app.openAs(op, OPS_PAGE);
  await page.tap('企业资质审核');
  const licence = `${name} · 营业执照`;
  const id = `${name} · 法定代表人身份证明`;
  await page.waitFor(() => page.byTextWithin(licence, '预览文件'), 'the pending licence');
  await page.tap(page.byTextWithin(licence, '预览文件'));
  const image = await page.waitFor(
    () => page.nodes().find((n) => n.tag === 'image' && String(n.attrs.src ?? '').includes('/storage/v1/object/sign/qualifications/')),
    'the licence preview through a signed link',
  );
  expect(String(image.attrs.src)).toContain(enterpriseId);
  await page.tap(page.byTextWithin(licence, '通过'));
  await page.waitFor(() => page.text().includes(`${name} 的营业执照已通过`), 'the licence approved');
  await page.type(page.inputWithin(id), '身份证明照片模糊，请重新上传');
  await page.tap(page.byTextWithin(id, '驳回'));
  await page.waitFor(() => page.text().includes(`${name} 的法定代表人身份证明已驳回`), 'the ID rejected');
  await app.closeQuiet();

  const reviewed = await sql<{ kind: string; status: string; review_reason: string }>(
    'select kind, status, review_reason from public.qualification_documents where enterprise_id = $1 order by created_at', [enterpriseId]);
  expect(reviewed).toEqual([
    { kind: 'business_licence', status: 'approved', review_reason: '' },
    { kind: 'legal_rep_id', status: 'rejected', review_reason: '身份证明照片模糊，请重新上传' },
  ]);
  const [after] = await sql<{ qualification_status: string }>('select qualification_status from public.enterprises where id = $1', [enterpriseId]);
  expect(after.qualification_status).toBe('rejected');
});

test('an operator confirms a stolen-account report and freezes the account', async () => {
  const [victim, op] = await Promise.all([signInCleared(), operator()]);
  const s = getStack();
  // Filed signed out, from its own address (the per-IP report budget is shared).
  const filed = await fetchFrom(randomLoopbackIp())(`${s.url}/rest/v1/rpc/report_stolen_account`, {
    method: 'POST',
    headers: { apikey: s.anonKey, authorization: `Bearer ${s.anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ p_phone: victim.phone, p_real_name: '陈小明', p_evidence: '收到陌生设备登录提醒，可提供工牌和身份证照片。', p_contact: '13800001234' }),
  });
  expect(filed.status).toBe(200);
  const caseId = ((await filed.json()) as { id: string }).id;

  const page = await app.openAs(op, OPS_PAGE);
  const row = `编号 ${caseId}`;
  await page.waitFor(() => page.byTextWithin(row, '核实属实'), 'the open report');
  await page.tap(page.byTextWithin(row, '核实属实'));
  await page.tap(page.byTextWithin(row, '同时冻结该账号（暂停使用并结束其全部登录）'));
  await page.type(page.inputWithin(row), '已电话核实为本人，冻结账号');
  await page.tap(page.byTextWithin(row, '提交处理'));
  await page.waitFor(() => page.text().includes('并立即冻结对应账号。处理后不能更改'), 'the consequence, before the second tap');
  await page.tap('确认处理');
  await page.waitFor(() => page.text().includes(`申诉 ${caseId} 已处理：已核实，账号已冻结`), 'the report resolved');
  await app.closeQuiet();

  const [resolved] = await sql<{ status: string; froze_account: boolean; resolution_note: string }>(
    'select status, froze_account, resolution_note from public.account_reports where id = $1', [caseId]);
  expect(resolved).toEqual({ status: 'confirmed', froze_account: true, resolution_note: '已电话核实为本人，冻结账号' });
  const refused = await victim.client.rpc('update_my_profile', { p_display_name: '盗号者' });
  expect(refused.error?.message).toBe('account_suspended');
});

test('an operator opens a birth-date correction’s evidence and approves it', async () => {
  const [member, op] = await Promise.all([signInCleared(), operator()]);
  const name = `更正测试${tag()}`;
  await sql('update public.profiles set display_name = $2 where id = $1', [member.userId, name]);
  const evidence = `${member.userId}/evidence-${Date.now()}.png`;
  expect((await storageObject(member.token, 'POST', 'birth-date-evidence', evidence, { bytes: PNG, contentType: 'image/png' })).status).toBe(200);
  const claimed = birthDateForAge(31);
  const requested = await member.client.rpc('request_birth_date_correction', { p_birth_date: claimed, p_reason: '注册时年份选错了，附户口簿照片', p_evidence_path: evidence });
  expect(requested.error).toBeNull();

  const page = await app.openAs(op, CORRECTIONS_PAGE);
  await page.waitFor(() => page.byTextWithin(name, '查看材料'), 'the pending correction');
  expect(page.text()).toContain(`申请改为 ${claimed}`);
  // the mini-program drops aria-label: the reason box says what it is in visible text
  expect(page.text()).toContain('处理原因（批准或驳回都须填写；驳回时会告知申请人）');
  await page.tap(page.byTextWithin(name, '查看材料'));
  await page.waitFor(
    () => page.nodes().find((n) => n.tag === 'image' && String(n.attrs.src ?? '').includes('/storage/v1/object/sign/birth-date-evidence/')),
    'the evidence through a signed link',
  );
  await page.type(page.inputWithin(name), '户口簿照片与申请一致');
  await page.tap(page.byTextWithin(name, '批准'));
  await page.waitFor(() => page.text().includes(`${name} 的出生日期更正已批准`), 'the correction approved');
  await app.closeQuiet();

  const [row] = await sql<{ status: string; birth_date: string }>(
    `select c.status, a.birth_date::text as birth_date from private.birth_date_corrections c
       join private.accounts a on a.user_id = c.user_id where c.user_id = $1`, [member.userId]);
  expect(row).toEqual({ status: 'approved', birth_date: claimed });
});
