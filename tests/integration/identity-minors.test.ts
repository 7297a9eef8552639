// Issue 3: minors. Under 18 a guardian confirms by an SMS code to the guardian's own phone; under
// 14 the guardian also consents to the children's statement. Enforced by the database and the
// guardian edge function, whatever the client does. Also: a new version of a required document
// makes people re-consent at their next request (derived, no batch job).
import {
  acceptRequiredAgreements, birthDateForAge, callApi, latestSmsCode, makePlatformOperator, randomPhone,
  signInCleared, signInFresh, sql, type SignedInUser,
} from '../support/clients';
import { holdAgreements, type AgreementsLock } from '../support/agreement-lock';

const guardianFn = (u: SignedInUser, body: unknown) => callApi('/functions/v1/guardian', { token: u.token, body });

async function minor(age: number): Promise<SignedInUser> {
  const user = await signInFresh();
  const res = await user.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(age) });
  if (res.error) throw res.error;
  await acceptRequiredAgreements(user.client);
  return user;
}

async function sendGuardianCode(user: SignedInUser): Promise<{ phone: string; code: string }> {
  const phone = randomPhone();
  const sent = await guardianFn(user, { action: 'send', guardian_phone: phone });
  expect(sent.status).toBe(200);
  expect(sent.body).toMatchObject({ sent: true, phone_masked: `${phone.slice(3, 6)}****${phone.slice(-4)}` });
  const code = await latestSmsCode(phone);
  expect(code).toMatch(/^\d{6}$/);
  return { phone, code: code! };
}

describe('minors and guardians', () => {
  it('a 16-year-old is blocked until the guardian confirms by SMS', async () => {
    const teen = await minor(16);
    const status = (await teen.client.rpc('my_consent_status')).data;
    expect(status).toMatchObject({ cleared: false, gate: 'guardian_required', age_band: 'under_18' });
    expect(status.guardian).toMatchObject({ needed: true, status: 'missing', children_statement_needed: false });
    const blocked = await callApi('/rest/v1/rpc/update_my_profile', { token: teen.token, body: { p_display_name: '小明' } });
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toBe('guardian_required');

    // the minor's own phone cannot be the guardian's
    const own = await guardianFn(teen, { action: 'send', guardian_phone: teen.phone });
    expect(own.status).toBe(400);
    expect(own.body.code).toBe('guardian_phone_is_own');

    const { phone, code } = await sendGuardianCode(teen);
    const again = await guardianFn(teen, { action: 'send', guardian_phone: phone });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('code_resend_too_soon');

    const confirm = { action: 'confirm', guardian_name: '王建国', relationship: 'father', channel: 'weapp', accept_children_statement: false };
    const wrong = await guardianFn(teen, { ...confirm, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'code_invalid', message: '验证码错误' });
    expect((await teen.client.rpc('my_consent_status')).data.cleared).toBe(false);

    const ok = await guardianFn(teen, { ...confirm, code });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toMatchObject({ cleared: true, guardian: { status: 'confirmed', name: '王建国', relationship: 'father' } });
    const [g] = await sql<{ guardian_phone: string; channel: string }>('select guardian_phone, channel from public.guardians where user_id = $1', [teen.userId]);
    expect(g).toEqual({ guardian_phone: phone.slice(1), channel: 'weapp' });
    const renamed = await teen.client.rpc('update_my_profile', { p_display_name: '小明' });
    expect(renamed.error).toBeNull();

    // the code was single-use; the birth date is now fixed
    expect((await guardianFn(teen, { ...confirm, code })).body.code).toBe('code_not_requested');
    const change = await callApi('/rest/v1/rpc/set_my_birth_date', { token: teen.token, body: { p_birth_date: birthDateForAge(20) } });
    expect(change.body.message).toBe('birth_date_locked');

    // the guardian withdraws: blocked again
    const withdrawn = await teen.client.rpc('withdraw_guardian_consent', { p_channel: 'weapp' });
    expect(withdrawn.data).toMatchObject({ cleared: false, gate: 'guardian_required', guardian: { status: 'withdrawn' } });
    const after = await callApi('/rest/v1/rpc/update_my_profile', { token: teen.token, body: { p_display_name: '小明2' } });
    expect(after.status).toBe(403);
  });

  it('a 12-year-old is blocked until the guardian consents to the children’s statement', async () => {
    const child = await minor(12);
    const status = (await child.client.rpc('my_consent_status')).data;
    expect(status).toMatchObject({ cleared: false, gate: 'guardian_required', age_band: 'under_14' });
    const childDoc = status.missing.find((m: { slug: string }) => m.slug === 'children-privacy');
    expect(childDoc).toMatchObject({ required: true, needs_guardian: true });

    // the child cannot tick the children's statement for the guardian
    const self = await callApi('/rest/v1/rpc/accept_agreements', { token: child.token, body: { p_version_ids: [childDoc.version_id], p_channel: 'h5' } });
    expect(self.status).toBe(400);
    expect(self.body.message).toBe('guardian_consent_required');

    const { code } = await sendGuardianCode(child);
    const confirm = { action: 'confirm', code, guardian_name: '李秀英', relationship: 'mother', channel: 'h5' };
    const noStatement = await guardianFn(child, { ...confirm, accept_children_statement: false });
    expect(noStatement.status).toBe(400);
    expect(noStatement.body.code).toBe('children_statement_required');
    expect((await child.client.rpc('my_consent_status')).data.cleared).toBe(false);

    const ok = await guardianFn(child, { ...confirm, accept_children_statement: true });
    expect(ok.status).toBe(200);
    expect(ok.body.status.cleared).toBe(true);
    const history = (await child.client.rpc('my_consent_history')).data;
    const record = history.find((h: { slug: string }) => h.slug === 'children-privacy');
    expect(record).toMatchObject({ consented_by: 'guardian', guardian_name: '李秀英', guardian_relationship: 'mother', channel: 'h5', withdrawn_at: null });
  });

  it('five wrong guardian codes end the code', async () => {
    const teen = await minor(15);
    const { code } = await sendGuardianCode(teen);
    const wrongCode = code === '123456' ? '654321' : '123456';
    const confirm = { action: 'confirm', guardian_name: '张三', relationship: 'other_guardian', channel: 'qywx' };
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await guardianFn(teen, { ...confirm, code: wrongCode })).body.code);
    expect(codes).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'code_attempts_exceeded']);
    const right = await guardianFn(teen, { ...confirm, code });
    expect(right.status).toBe(400);
    expect(right.body.code).toBe('code_attempts_exceeded');
    expect(await sql('select 1 from public.guardians where user_id = $1', [teen.userId])).toHaveLength(0);
  });

  it('a guardian code expires after five minutes', async () => {
    const teen = await minor(17);
    const { code } = await sendGuardianCode(teen);
    await sql(`update private.sms_challenges set expires_at = now() - interval '1 second' where user_id = $1`, [teen.userId]);
    const res = await guardianFn(teen, { action: 'confirm', code, guardian_name: '刘洋', relationship: 'mother', channel: 'h5' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'code_expired', message: '验证码已过期，请重新获取' });
    expect((await teen.client.rpc('my_consent_status')).data.cleared).toBe(false);
    const [row] = await sql<{ code_hash: string }>(`select code_hash from private.sms_challenges where user_id = $1`, [teen.userId]);
    expect(row.code_hash).not.toContain(code); // stored as a hash only
  });

  it('adults need no guardian, and clients never see or skip a code', async () => {
    const adult = await signInCleared();
    const res = await guardianFn(adult, { action: 'send', guardian_phone: randomPhone() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('guardian_not_needed');
    const teen = await minor(16);
    const issue = await callApi('/rest/v1/rpc/guardian_issue_code', { token: teen.token, body: { p_user_id: teen.userId, p_guardian_phone: randomPhone() } });
    expect([401, 403]).toContain(issue.status);
    const confirm = await callApi('/rest/v1/rpc/guardian_confirm', {
      token: teen.token,
      body: { p_user_id: teen.userId, p_code: '000000', p_guardian_name: '假家长', p_relationship: 'father', p_channel: 'h5', p_accept_children_statement: true },
    });
    expect([401, 403]).toContain(confirm.status);
    expect(await sql('select 1 from public.guardians where user_id = $1', [teen.userId])).toHaveLength(0);
  });
});

describe('new agreement versions', () => {
  let docId = '';
  let lock: AgreementsLock;
  beforeAll(async () => {
    lock = await holdAgreements('change');
    // A required document that applies only to under-18s, so re-consent here cannot disturb the
    // adults of suites running in parallel; suites with minors wait for the lock.
    const [doc] = await sql<{ id: string }>(
      `insert into public.agreement_documents (slug, kind, title, required, audience, sort_order)
       values ($1, 'service_specific', '未成年人学习服务补充协议（测试）', true, 'under_18', 950) returning id`,
      [`test-minor-terms-${Date.now().toString(36)}`],
    );
    docId = doc.id;
  });
  afterAll(async () => {
    // Minors signed up by suites running in parallel consent to this document too. First stop it
    // applying to anyone new; then delete it with everything that points at it in one transaction,
    // again if a consent made meanwhile holds it by its foreign key (23503).
    try {
      await sql('update public.agreement_documents set required = false where id = $1', [docId]);
      const id = `'${docId}'::uuid`;
      for (let attempt = 1; ; attempt++) {
        try {
          await sql(`delete from public.notifications where data ->> 'document_id' = ${id}::text;
                     delete from public.consents where document_id = ${id};
                     delete from public.agreement_versions where document_id = ${id};
                     delete from public.agreement_documents where id = ${id};`);
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== '23503' || attempt === 5) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      await lock?.release();
    }
  });

  it('publishing a new required version forces re-consent at the next request, with an in-app notice', async () => {
    const operator = await signInCleared();
    await makePlatformOperator(operator.userId);
    const publish = (title: string) =>
      operator.client.rpc('publish_agreement_version', {
        p_document_id: docId,
        p_title: title,
        p_body_md: '# 补充协议\n\n**第 3 条 服务变更、中止或终止**：……',
        p_key_clauses: [{ id: 'termination', title: '服务变更、中止或终止' }],
      });
    const v1 = await publish('第 1 版');
    expect(v1.error).toBeNull();
    expect(v1.data.version).toBe(1);

    const teen = await minor(16);
    const { code } = await sendGuardianCode(teen);
    const ok = await guardianFn(teen, { action: 'confirm', code, guardian_name: '周强', relationship: 'father', channel: 'h5' });
    expect(ok.body.status?.cleared).toBe(true);

    const notAnOperator = await callApi('/rest/v1/rpc/publish_agreement_version', {
      token: teen.token,
      body: { p_document_id: docId, p_title: '冒充', p_body_md: '……', p_key_clauses: [], p_effective_at: null },
    });
    expect(notAnOperator.status).toBe(403);
    expect(notAnOperator.body.message).toBe('not_platform_operator');

    const backdated = await operator.client.rpc('publish_agreement_version', {
      p_document_id: docId, p_title: '倒签', p_body_md: '……', p_key_clauses: [], p_effective_at: '2020-01-01T00:00:00Z',
    });
    expect(backdated.error?.message).toBe('effective_at_invalid');

    const v2 = await publish('第 2 版');
    expect(v2.data.version).toBe(2);
    const status = (await teen.client.rpc('my_consent_status')).data;
    expect(status).toMatchObject({ cleared: false, gate: 'consent_required' });
    const missing = status.missing.find((m: { document_id: string }) => m.document_id === docId);
    expect(missing).toMatchObject({ version: 2, previously_consented_version: 1 });
    const blocked = await callApi('/rest/v1/rpc/update_my_profile', { token: teen.token, body: { p_display_name: '小周' } });
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toBe('consent_required');

    const notices = await teen.client.from('notifications').select('kind, title, data').eq('kind', 'agreement_updated');
    expect(notices.data).toEqual([expect.objectContaining({ title: expect.stringContaining('已更新'), data: expect.objectContaining({ version: 2 }) })]);

    await acceptRequiredAgreements(teen.client);
    expect((await teen.client.rpc('my_consent_status')).data.cleared).toBe(true);
  });
});
