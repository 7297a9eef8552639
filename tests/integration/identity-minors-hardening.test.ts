// Issue 10 (security hardening), minors and birth date: each block is an attack or a gap a person
// could exploit before, checked through the public API (PostgREST, the guardian edge function) on
// the local stack, with SQL only to arrange state or to read what no client may read.
import {
  acceptRequiredAgreements, birthDateForAge, callApi, latestSmsCode, makePlatformOperator, randomPhone,
  signInCleared, signInFresh, sql, storageObject, type SignedInUser,
} from '../support/clients';
import { getStack } from '../support/stack';

// null: the guardian who opened a link, signed out (supabase-js then sends the anon key as bearer)
const guardianFn = (u: SignedInUser | null, body: unknown) =>
  callApi('/functions/v1/guardian', { token: u?.token ?? getStack().anonKey, body });
const rpcAs = (u: SignedInUser, fn: string, body: Record<string, unknown>) => callApi(`/rest/v1/rpc/${fn}`, { token: u.token, body });
const wrongOf = (code: string) => (code === '000000' ? '111111' : '000000');
/** Lets the next send pass the 60 s resend rule without waiting (the daily limits stay). */
const resendAllowed = (u: SignedInUser) =>
  sql(`update private.sms_challenges set sent_at = now() - interval '61 seconds' where user_id = $1`, [u.userId]);

async function minor(age: number): Promise<SignedInUser> {
  const user = await signInFresh();
  const res = await user.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(age) });
  if (res.error) throw res.error;
  await acceptRequiredAgreements(user.client);
  return user;
}

interface OutboxEntry { code: string; template_id: string; params: string[] }
async function outbox(phone: string): Promise<OutboxEntry[]> {
  const res = await fetch(`${getStack().url}/__local/sms?phone=${encodeURIComponent(phone)}`);
  return (await res.json()) as OutboxEntry[];
}

describe('birth date: set once, then only a reviewed correction changes it', () => {
  it('a minor shown guardian_required cannot make themselves an adult', async () => {
    const teen = await minor(16);
    expect((await teen.client.rpc('my_consent_status')).data.gate).toBe('guardian_required');
    const res = await rpcAs(teen, 'set_my_birth_date', { p_birth_date: birthDateForAge(30) });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('birth_date_locked');
    expect((await teen.client.rpc('my_consent_status')).data).toMatchObject({ age_band: 'under_18', gate: 'guardian_required' });
  });

  it('an adult cannot turn into a minor while suspended or while a new agreement awaits consent', async () => {
    const suspended = await signInCleared({ age: 30 });
    await sql(`update private.accounts set status = 'suspended' where user_id = $1`, [suspended.userId]);
    const a = await rpcAs(suspended, 'set_my_birth_date', { p_birth_date: birthDateForAge(15) });
    expect(a.body.message).toBe('birth_date_locked');

    const noConsent = await signInFresh();
    await noConsent.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(30) });
    expect((await noConsent.client.rpc('my_consent_status')).data.gate).toBe('consent_required');
    const b = await rpcAs(noConsent, 'set_my_birth_date', { p_birth_date: birthDateForAge(15) });
    expect(b.body.message).toBe('birth_date_locked');
    const [row] = await sql<{ birth_date: string }>(`select birth_date::text from private.accounts where user_id = $1`, [noConsent.userId]);
    expect(row.birth_date).toBe(birthDateForAge(30));
  });

  it('a correction request is reviewed by an operator: reason kept, audited, the member notified', async () => {
    const teen = await minor(16);
    // the evidence must be the member's own upload (20261201040000_minors_guardians.sql)
    const evidence = `${teen.userId}/id-card.jpg`;
    const jpeg = { bytes: Buffer.from('ffd8ffe000104a464946', 'hex'), contentType: 'image/jpeg' };
    expect((await storageObject(teen.token, 'POST', 'birth-date-evidence', evidence, jpeg)).status).toBe(200);
    const request = await teen.client.rpc('request_birth_date_correction', {
      p_birth_date: birthDateForAge(19), p_reason: '注册时年份选错了，身份证上是成年人', p_evidence_path: evidence,
    });
    expect(request.error).toBeNull();
    expect(request.data).toMatchObject({ status: 'pending', claimed_birth_date: birthDateForAge(19), current_birth_date: birthDateForAge(16) });
    const twice = await rpcAs(teen, 'request_birth_date_correction', { p_birth_date: birthDateForAge(20), p_reason: '再申请一次试试' });
    expect(twice.body.message).toBe('correction_pending');

    // only operators see and decide requests
    const notOp = await rpcAs(teen, 'platform_decide_birth_date_correction', { p_request_id: request.data.id, p_approve: true, p_reason: '自己批准' });
    expect(notOp.status).toBe(403);
    const op = await signInCleared();
    await makePlatformOperator(op.userId);
    const list = await op.client.rpc('platform_list_birth_date_corrections', { p_status: 'pending' });
    const item = (list.data as Array<{ id: string }>).find((r) => r.id === request.data.id);
    expect(item).toMatchObject({ user_id: teen.userId, reason: '注册时年份选错了，身份证上是成年人', claimed_age_band: 'adult', current_age_band: 'under_18' });

    const noReason = await rpcAs(op, 'platform_decide_birth_date_correction', { p_request_id: request.data.id, p_approve: true, p_reason: '' });
    expect(noReason.body.message).toBe('reason_invalid');
    const approved = await op.client.rpc('platform_decide_birth_date_correction', {
      p_request_id: request.data.id, p_approve: true, p_reason: '已核对身份证照片',
    });
    expect(approved.error).toBeNull();
    expect(approved.data.request).toMatchObject({ status: 'approved', decision_reason: '已核对身份证照片' });
    expect(approved.data.status).toMatchObject({ age_band: 'adult', cleared: true });
    const again = await rpcAs(op, 'platform_decide_birth_date_correction', { p_request_id: request.data.id, p_approve: false, p_reason: '改主意' });
    expect(again.body.message).toBe('correction_already_decided');

    const audit = await op.client.from('operator_audit_log').select('action, target_id, reason, before, after')
      .eq('target_id', teen.userId).eq('action', 'birth_date_correction.approve');
    expect(audit.data).toEqual([expect.objectContaining({
      reason: '已核对身份证照片', before: expect.objectContaining({ birth_date: birthDateForAge(16) }),
      after: expect.objectContaining({ birth_date: birthDateForAge(19) }),
    })]);
    const notices = await teen.client.from('notifications').select('kind, title, data').eq('kind', 'account_action');
    expect(notices.data).toEqual([expect.objectContaining({ data: expect.objectContaining({ action: 'birth_date_correction', outcome: 'approved' }) })]);
    const mine = await teen.client.rpc('my_birth_date_corrections');
    expect(mine.data).toEqual([expect.objectContaining({ status: 'approved', decision_reason: '已核对身份证照片' })]);
  });

  it('a rejected correction leaves the date and tells the member why', async () => {
    const adult = await signInCleared({ age: 30 });
    const request = await adult.client.rpc('request_birth_date_correction', { p_birth_date: birthDateForAge(12), p_reason: '想改成小学生的年龄' });
    const op = await signInCleared();
    await makePlatformOperator(op.userId);
    const rejected = await op.client.rpc('platform_decide_birth_date_correction', { p_request_id: request.data.id, p_approve: false, p_reason: '没有证明材料' });
    expect(rejected.data.status).toMatchObject({ age_band: 'adult', cleared: true });
    const notices = await adult.client.from('notifications').select('body, data').eq('kind', 'account_action');
    expect(notices.data).toEqual([expect.objectContaining({ body: expect.stringContaining('没有证明材料'), data: expect.objectContaining({ outcome: 'rejected' }) })]);
  });
});

describe('guardian SMS: abuse limits', () => {
  it('one account gets at most 5 codes a day', async () => {
    const teen = await minor(16);
    const phone = randomPhone();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await guardianFn(teen, { action: 'send', guardian_phone: i < 3 ? phone : randomPhone() })).status);
      await resendAllowed(teen);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const last = await guardianFn(teen, { action: 'send', guardian_phone: randomPhone() });
    expect(last.body.code).toBe('sms_daily_limit');
  });

  it('one guardian phone gets at most 5 codes a day, however many accounts ask', async () => {
    const phone = randomPhone();
    const teens = await Promise.all([minor(15), minor(16), minor(17)]);
    const statuses: number[] = [];
    for (const teen of teens) {
      for (let i = 0; i < 2; i++) {
        statuses.push((await guardianFn(teen, { action: 'send', guardian_phone: phone })).status);
        await resendAllowed(teen);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await outbox(phone)).toHaveLength(5);
  });

  it('wrong codes count across resends: 10 a day, then even the right code is refused', async () => {
    const teen = await minor(16);
    const phone = randomPhone();
    const confirm = { action: 'confirm', guardian_name: '张三', relationship: 'father', channel: 'h5' };
    const answers: string[] = [];
    for (let round = 0; round < 2; round++) {
      expect((await guardianFn(teen, { action: 'send', guardian_phone: phone })).status).toBe(200);
      const code = (await latestSmsCode(phone))!;
      for (let i = 0; i < 5; i++) answers.push((await guardianFn(teen, { ...confirm, code: wrongOf(code) })).body.code);
      await resendAllowed(teen);
    }
    expect(answers.filter((c) => c === 'code_attempts_exceeded')).toHaveLength(2);
    const third = await guardianFn(teen, { action: 'send', guardian_phone: phone });
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('code_attempts_exceeded_today');
    // a challenge issued before the budget ran out cannot be confirmed either
    await sql(`delete from private.sms_code_failures where user_id = $1 and failed_at = (select max(failed_at) from private.sms_code_failures where user_id = $1)`, [teen.userId]);
    expect((await guardianFn(teen, { action: 'send', guardian_phone: phone })).status).toBe(200);
    const code = (await latestSmsCode(phone))!;
    expect((await guardianFn(teen, { ...confirm, code: wrongOf(code) })).body.code).toBe('code_invalid');
    const right = await guardianFn(teen, { ...confirm, code });
    expect(right.body.code).toBe('code_attempts_exceeded_today');
    expect(await sql('select 1 from public.guardians where user_id = $1', [teen.userId])).toHaveLength(0);
  });

  it('the guardian gets their own text naming the child and, under 14, the children’s statement', async () => {
    const child = await minor(12);
    const phone = randomPhone();
    expect((await guardianFn(child, { action: 'send', guardian_phone: phone, child_name: '王小明' })).status).toBe(200);
    const [sms] = await outbox(phone);
    expect(sms.template_id).toBe('1000001');
    expect(sms.params).toEqual([sms.code, '王*明', '儿童个人信息保护规则', '5']);
    // the child's name served the text only: nothing of it is stored
    expect(await sql(`select display_name from public.profiles where id = $1`, [child.userId])).toEqual([{ display_name: '' }]);

    const teen = await minor(16);
    const phone2 = randomPhone();
    await guardianFn(teen, { action: 'send', guardian_phone: phone2 });
    const [sms2] = await outbox(phone2);
    expect(sms2.params).toEqual([sms2.code, `尾号${teen.phone.slice(-4)}的用户`, '其使用知享服务', '5']);
  });
});

describe('guardian phone is never the minor’s own', () => {
  it('the minor’s phone cannot change to the confirmed guardian’s', async () => {
    const teen = await minor(16);
    const phone = randomPhone();
    await guardianFn(teen, { action: 'send', guardian_phone: phone });
    const code = (await latestSmsCode(phone))!;
    const ok = await guardianFn(teen, { action: 'confirm', code, guardian_name: '王建国', relationship: 'father', channel: 'h5' });
    expect(ok.status).toBe(200);
    await expect(sql(`update auth.users set phone = $2 where id = $1`, [teen.userId, phone.slice(1)]))
      .rejects.toMatchObject({ message: 'guardian_phone_is_own' });
    await expect(sql(
      `insert into public.guardians (user_id, guardian_name, relationship, guardian_phone, phone_verified_at, channel)
       values ($1, '自己', 'father', $2, now(), 'h5')`, [teen.userId, teen.phone.slice(1)],
    )).rejects.toMatchObject({ message: 'guardian_phone_is_own' });
  });

  it('a code sent to a phone that has since become the minor’s own does not confirm', async () => {
    const teen = await minor(16);
    const phone = randomPhone();
    await guardianFn(teen, { action: 'send', guardian_phone: phone });
    const code = (await latestSmsCode(phone))!;
    await sql(`update auth.users set phone = $2 where id = $1`, [teen.userId, phone.slice(1)]);
    const res = await guardianFn(teen, { action: 'confirm', code, guardian_name: '王建国', relationship: 'father', channel: 'h5' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('guardian_phone_is_own');
    expect(await sql('select 1 from public.guardians where user_id = $1', [teen.userId])).toHaveLength(0);
  });
});

describe('under 14: no profile data before the guardian consents', () => {
  it('profile writes are refused with their own code until the guardian consents', async () => {
    const child = await minor(12);
    const res = await rpcAs(child, 'update_my_profile', { p_display_name: '王小明' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('guardian_consent_required_for_profile');
    expect(await sql(`select display_name from public.profiles where id = $1`, [child.userId])).toEqual([{ display_name: '' }]);

    const phone = randomPhone();
    await guardianFn(child, { action: 'send', guardian_phone: phone });
    const code = (await latestSmsCode(phone))!;
    const ok = await guardianFn(child, { action: 'confirm', code, guardian_name: '李秀英', relationship: 'mother', channel: 'h5', accept_children_statement: true });
    expect(ok.body.status?.cleared).toBe(true);
    expect((await rpcAs(child, 'update_my_profile', { p_display_name: '王小明' })).status).toBe(200);
  });
});

describe('guardian confirms from their own phone through a link', () => {
  it('the minor sends a link; the guardian, signed out, reads what they approve and confirms by SMS', async () => {
    const child = await minor(12);
    const phone = randomPhone();
    const link = await guardianFn(child, { action: 'create_link', guardian_phone: phone, child_name: '王小明' });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), phone_masked: `${phone.slice(3, 6)}****${phone.slice(-4)}` });
    const token = link.body.token as string;
    // only a hash is stored
    const stored = await sql<{ token_hash: Buffer }>(`select token_hash from private.guardian_links where user_id = $1`, [child.userId]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash.toString('utf8')).not.toContain(token);

    const view = await guardianFn(null, { action: 'link_view', token });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ child_label: '王*明', age_band: 'under_14', children_statement_needed: true, guardian_phone_masked: `${phone.slice(3, 6)}****${phone.slice(-4)}` });

    expect((await guardianFn(null, { action: 'link_send', token })).status).toBe(200);
    const [sms] = await outbox(phone);
    expect(sms.params.slice(1)).toEqual(['王*明', '儿童个人信息保护规则', '5']);
    const confirm = { action: 'link_confirm', token, code: sms.code, guardian_name: '王建国', relationship: 'father' };
    const noStatement = await guardianFn(null, confirm);
    expect(noStatement.body.code).toBe('children_statement_required');
    const ok = await guardianFn(null, { ...confirm, accept_children_statement: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ confirmed: true });
    expect((await child.client.rpc('my_consent_status')).data).toMatchObject({ cleared: true, guardian: { status: 'confirmed', name: '王建国' } });
    const [g] = await sql<{ guardian_phone: string; channel: string }>(`select guardian_phone, channel from public.guardians where user_id = $1 and withdrawn_at is null`, [child.userId]);
    expect(g).toEqual({ guardian_phone: phone.slice(1), channel: 'h5' });

    // single use
    const reused = await guardianFn(null, { action: 'link_view', token });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('link_used');
  });

  it('an expired link, or a link whose phone the minor no longer asked a code for, does not confirm', async () => {
    const teen = await minor(16);
    const phone = randomPhone();
    const { token } = (await guardianFn(teen, { action: 'create_link', guardian_phone: phone })).body;
    await guardianFn(null, { action: 'link_send', token });
    const code = (await latestSmsCode(phone))!;
    // the minor meanwhile sends an own-device code elsewhere: the link's code is no longer the live one
    await resendAllowed(teen);
    const other = randomPhone();
    await guardianFn(teen, { action: 'send', guardian_phone: other });
    const otherCode = (await latestSmsCode(other))!;
    const mismatch = await guardianFn(null, { action: 'link_confirm', token, code: otherCode, guardian_name: '刘洋', relationship: 'mother' });
    expect(mismatch.body.code).toBe('code_not_requested');
    await sql(`update private.guardian_links set expires_at = now() - interval '1 second' where user_id = $1`, [teen.userId]);
    const expired = await guardianFn(null, { action: 'link_confirm', token, code, guardian_name: '刘洋', relationship: 'mother' });
    expect(expired.body.code).toBe('link_expired');
    expect(await sql('select 1 from public.guardians where user_id = $1', [teen.userId])).toHaveLength(0);
  });

  it('the minor cannot send the link to their own phone; adults need none', async () => {
    const teen = await minor(16);
    expect((await guardianFn(teen, { action: 'create_link', guardian_phone: teen.phone })).body.code).toBe('guardian_phone_is_own');
    const adult = await signInCleared();
    expect((await guardianFn(adult, { action: 'create_link', guardian_phone: randomPhone() })).body.code).toBe('guardian_not_needed');
  });

  it('guessing tokens is cut off after 20 misses', async () => {
    const codes: string[] = [];
    try {
      for (let i = 0; i < 21; i++) {
        const token = `guess${String(i).padStart(19, '0')}`;
        codes.push((await guardianFn(null, { action: 'link_view', token })).body.code);
      }
      expect(codes.slice(0, 20).every((c) => c === 'link_invalid')).toBe(true);
      expect(codes[20]).toBe('link_lookup_rate_limited');
    } finally {
      await sql(`delete from private.guardian_link_misses where missed_at > now() - interval '1 hour'`);
    }
  });
});
