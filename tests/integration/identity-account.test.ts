// Issue 3: platform actions on accounts (LX 3.2.5, 4.7, 5.1.5), stolen-account reports (LX 3.2.4)
// and self-service cancellation (LX 3.3), as the user, the operator and an attacker see them.
import {
  callApi, latestSmsCode, makePlatformOperator, randomPhone, signInCleared, signInFresh, sql, type SignedInUser,
} from '../support/clients';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';

async function operator(): Promise<SignedInUser> {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  return op;
}

const cancelFn = (u: SignedInUser, body: unknown) => callApi('/functions/v1/account-cancel', { token: u.token, body });

describe('platform actions on accounts', () => {
  it('only platform operators act; every action is recorded with reason and operator, and the user is notified', async () => {
    const op = await operator();
    const user = await signInCleared();
    const notOp = await callApi('/rest/v1/rpc/platform_act_on_account', {
      token: user.token,
      body: { p_user_id: op.userId, p_action: 'suspend', p_reason: '恶意操作' },
    });
    expect(notOp.status).toBe(403);
    expect(notOp.body.message).toBe('not_platform_operator');

    const warn = await op.client.rpc('platform_act_on_account', { p_user_id: user.userId, p_action: 'warn', p_reason: '发布了违规内容' });
    expect(warn.error).toBeNull();
    expect(warn.data).toMatchObject({ action: 'warn', sessions_ended: false, account_status: 'active' });
    const restrict = await op.client.rpc('platform_act_on_account', { p_user_id: user.userId, p_action: 'restrict', p_reason: '多次违规' });
    expect(restrict.data.account_status).toBe('restricted');

    const actions = await op.client.from('account_actions').select('action, reason, operator_id').eq('user_id', user.userId).order('created_at');
    expect(actions.data).toEqual([
      { action: 'warn', reason: '发布了违规内容', operator_id: op.userId },
      { action: 'restrict', reason: '多次违规', operator_id: op.userId },
    ]);
    const hidden = await user.client.from('account_actions').select('*');
    expect(hidden.data).toEqual([]);
    const notices = await user.client.from('notifications').select('kind, title, body').eq('kind', 'account_action').order('created_at');
    expect(notices.data?.map((n) => n.body)).toEqual(['发布了违规内容', '多次违规']);

    for (const bad of [
      { p_user_id: user.userId, p_action: 'delete', p_reason: '原因充分' },
      { p_user_id: user.userId, p_action: 'warn', p_reason: '' },
      { p_user_id: op.userId, p_action: 'warn', p_reason: '自己警告自己' },
      { p_user_id: '00000000-0000-4000-8000-000000000000', p_action: 'warn', p_reason: '不存在的人' },
    ]) {
      const res = await callApi('/rest/v1/rpc/platform_act_on_account', { token: op.token, body: bad });
      expect(res.status).toBe(400);
    }
  });

  it('suspension ends sessions, blocks sign-in and every request even with a live access token; restore lifts it', async () => {
    const op = await operator();
    const user = await signInCleared();
    const { data: before } = await user.client.auth.getSession();
    await user.client.auth.updateUser({ password: 'Strong-Pass-2026' });

    const res = await op.client.rpc('platform_act_on_account', { p_user_id: user.userId, p_action: 'suspend', p_reason: '涉嫌盗号' });
    expect(res.data).toMatchObject({ sessions_ended: true, account_status: 'suspended' });
    expect(await sql('select 1 from auth.sessions where user_id = $1', [user.userId])).toHaveLength(0);

    // the refresh token is dead, GoTrue refuses the session, and sign-in is refused
    const refreshed = await user.client.auth.refreshSession({ refresh_token: before.session!.refresh_token });
    expect(refreshed.error).not.toBeNull();
    expect((await callApi('/auth/v1/user', { method: 'GET', token: user.token })).status).toBe(403);
    const signIn = await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ phone: user.phone, password: 'Strong-Pass-2026' });
    expect(signIn.error).not.toBeNull();

    // PostgREST still accepts the unexpired access token (as on Supabase), so SQL checks standing too
    const write = await callApi('/rest/v1/rpc/update_my_profile', { token: user.token, body: { p_display_name: '还能改吗' } });
    expect(write.status).toBe(403);
    expect(write.body.message).toBe('account_suspended');
    const fn = await cancelFn(user, { action: 'send' });
    expect(fn.status).toBe(401); // GoTrue no longer knows the session

    const restore = await op.client.rpc('platform_act_on_account', { p_user_id: user.userId, p_action: 'restore', p_reason: '核实无误，恢复使用' });
    expect(restore.data.account_status).toBe('active');
    const back = await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ phone: user.phone, password: 'Strong-Pass-2026' });
    expect(back.error).toBeNull();
    const ok = await callApi('/rest/v1/rpc/update_my_profile', { token: back.data.session!.access_token, body: { p_display_name: '恢复了' } });
    expect(ok.status).toBe(200);
  });
});

describe('stolen / impersonated account reports', () => {
  it('anyone can report; an operator confirms and freezes; the reporter is told the outcome', async () => {
    const victim = await signInCleared();
    const reporter = await signInCleared();
    // Issue 10: a signed-out reporter leaves a mobile number (the outcome is texted to it), and
    // reports from one address are limited, so this one comes from an address of its own.
    const anonReport = await clientFrom(randomLoopbackIp()).rpc('report_stolen_account', {
      p_phone: victim.phone, p_real_name: '陈晓东', p_evidence: '我的账号被他人冒用，附身份证照片和手机号实名证明。', p_contact: randomPhone(),
    });
    expect(anonReport.error).toBeNull();
    expect(anonReport.data.status).toBe('open');
    const userReport = await reporter.client.rpc('report_stolen_account', {
      p_phone: victim.phone, p_real_name: '陈晓东', p_evidence: '账号被盗后对方在社区发布广告，请冻结。', p_contact: '13800001234',
      p_evidence_path: `evidence/${reporter.userId}/id-card.jpg`,
    });
    expect(userReport.error).toBeNull();
    const [row] = await sql<{ target_user_id: string; reporter_user_id: string }>(
      'select target_user_id, reporter_user_id from public.account_reports where id = $1', [userReport.data.id]);
    expect(row).toEqual({ target_user_id: victim.userId, reporter_user_id: reporter.userId });

    // reporters see their own reports only, without the matched account (issue 10); strangers see none
    expect((await reporter.client.rpc('my_account_reports')).data.map((r: { id: string }) => r.id)).toEqual([userReport.data.id]);
    expect((await reporter.client.from('account_reports').select('id')).data).toEqual([]);
    expect((await victim.client.rpc('my_account_reports')).data).toEqual([]);

    const op = await operator();
    const resolved = await op.client.rpc('platform_resolve_account_report', {
      p_report_id: userReport.data.id, p_outcome: 'confirmed', p_freeze: true, p_note: '核实为盗用，已冻结账号',
    });
    expect(resolved.error).toBeNull();
    expect(resolved.data).toMatchObject({ status: 'confirmed', froze_account: true });
    const standing = await callApi('/rest/v1/rpc/update_my_profile', { token: victim.token, body: { p_display_name: '盗号者' } });
    expect(standing.body.message).toBe('account_suspended');
    expect(await sql('select 1 from auth.sessions where user_id = $1', [victim.userId])).toHaveLength(0);
    const notices = await reporter.client.from('notifications').select('kind, title, body').eq('kind', 'account_report');
    expect(notices.data).toEqual([{ kind: 'account_report', title: '你的账号申诉已核实', body: '核实为盗用，已冻结账号' }]);

    const twice = await op.client.rpc('platform_resolve_account_report', {
      p_report_id: userReport.data.id, p_outcome: 'rejected', p_freeze: false, p_note: '再处理一次',
    });
    expect(twice.error?.message).toBe('report_already_resolved');
  });

  it('bad reports are refused with a code and nothing is stored', async () => {
    const phone = randomPhone();
    const base = { p_phone: phone, p_real_name: '陈晓东', p_evidence: '足够长的情况说明和身份证明材料。', p_contact: '13800001234' };
    for (const [patch, code] of [
      [{ p_phone: '12345' }, 'phone_invalid'],
      [{ p_real_name: 'x' }, 'real_name_invalid'],
      [{ p_evidence: '太短' }, 'evidence_invalid'],
      [{ p_contact: '' }, 'contact_invalid'],
      [{ p_evidence_path: '../../etc/passwd' }, 'evidence_path_invalid'],
    ] as const) {
      const res = await callApi('/rest/v1/rpc/report_stolen_account', { body: { ...base, ...patch } });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(code);
    }
    expect(await sql('select 1 from public.account_reports where reported_phone = $1', [phone.slice(1)])).toHaveLength(0);
  });
});

describe('account cancellation', () => {
  it('re-verifies by SMS, warns, then removes the person: sign-in impossible, data anonymised, phone reusable', async () => {
    const user = await signInCleared();
    await user.client.rpc('update_my_profile', { p_display_name: '将注销' });
    await user.client.auth.updateUser({ password: 'Cancel-Me-2026' });
    const consentsBefore = await sql<{ id: string }>('select id from public.consents where user_id = $1', [user.userId]);
    expect(consentsBefore.length).toBeGreaterThan(0);

    const sent = await cancelFn(user, { action: 'send' });
    expect(sent.status).toBe(200);
    const code = await latestSmsCode(user.phone);
    expect(code).toMatch(/^\d{6}$/);

    const noAck = await cancelFn(user, { action: 'confirm', code });
    expect(noAck.status).toBe(400);
    expect(noAck.body.code).toBe('acknowledge_required');
    const wrong = await cancelFn(user, { action: 'confirm', code: code === '000000' ? '111111' : '000000', acknowledge_irreversible: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('code_invalid');
    expect(await sql('select 1 from auth.users where id = $1', [user.userId])).toHaveLength(1);

    const done = await cancelFn(user, { action: 'confirm', code, acknowledge_irreversible: true });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ cancelled: true });

    expect(await sql('select 1 from auth.users where id = $1', [user.userId])).toHaveLength(0);
    expect(await sql('select 1 from public.profiles where id = $1', [user.userId])).toHaveLength(0);
    expect(await sql('select 1 from private.accounts where user_id = $1', [user.userId])).toHaveLength(0);
    const kept = await sql<{ user_id: string | null }>('select user_id from public.consents where id = any($1::uuid[])', [consentsBefore.map((c) => c.id)]);
    expect(kept.map((k) => k.user_id)).toEqual(consentsBefore.map(() => null)); // anonymous audit only

    expect((await callApi('/auth/v1/user', { method: 'GET', token: user.token })).status).toBe(403);
    const signIn = await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ phone: user.phone, password: 'Cancel-Me-2026' });
    expect(signIn.error).not.toBeNull();
    const stale = await callApi('/rest/v1/rpc/update_my_profile', { token: user.token, body: { p_display_name: '幽灵' } });
    expect(stale.status).toBe(403);

    const again = await signInFresh(user.phone);
    expect(again.userId).not.toBe(user.userId);
    expect((await again.client.rpc('my_consent_status')).data).toMatchObject({ gate: 'birth_date_required' });
  });
});
