// Issue 10: stolen-account reports (LX 3.2.4) as a stranger, the owner and an operator see them. The
// reporter never learns whether the phone has an account; strangers cannot use up the owner's right
// to report, nor file in bulk; a report alone freezes nothing; evidence goes into a private bucket
// by one-time token and is read only through short links; a signed-out reporter is told by SMS.
import {
  callApi, latestSmsCode, makePlatformOperator, randomPhone, signInCleared, sql, type SignedInUser,
} from '../support/clients';
import { fetchFrom, randomLoopbackIp } from '../contract/auth-support';
import { getStack } from '../support/stack';

async function operator(): Promise<SignedInUser> {
  const op = await signInCleared();
  await makePlatformOperator(op.userId);
  return op;
}

const EVIDENCE = '我的账号被他人冒用，附身份证照片和手机号实名证明。';
/** Files a report from the client address `ip` (the gateway sets X-Forwarded-For from it). */
async function report(ip: string, phone: string, contact = randomPhone(), token?: string) {
  const s = getStack();
  const res = await fetchFrom(ip)(`${s.url}/rest/v1/rpc/report_stolen_account`, {
    method: 'POST',
    headers: { apikey: s.anonKey, authorization: `Bearer ${token ?? s.anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ p_phone: phone, p_real_name: '陈晓东', p_evidence: EVIDENCE, p_contact: contact }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
  return { status: res.status, body: (await res.json()) as any };
}
const evidenceFn = (body: unknown, token = getStack().anonKey) => callApi('/functions/v1/report-evidence', { body, token });
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('stolen-account reports', () => {
  it('answers the same whether or not the phone has an account, and the reporter never reads the match', async () => {
    const victim = await signInCleared();
    const reporter = await signInCleared();
    const [onAccount, onNobody] = [
      await report(randomLoopbackIp(), victim.phone, randomPhone(), reporter.token),
      await report(randomLoopbackIp(), randomPhone(), randomPhone(), reporter.token),
    ];
    expect(onAccount.status).toBe(200);
    expect(onNobody.status).toBe(200);
    expect(Object.keys(onAccount.body).sort()).toEqual(Object.keys(onNobody.body).sort());
    expect(JSON.stringify(onAccount.body)).not.toContain(victim.userId);

    // the matched account is stored for operators ...
    const [row] = await sql<{ target_user_id: string }>('select target_user_id from public.account_reports where id = $1', [onAccount.body.id]);
    expect(row.target_user_id).toBe(victim.userId);
    // ... and the reporter reads neither the table nor the match
    const direct = await reporter.client.from('account_reports').select('*');
    expect(direct.data).toEqual([]);
    const mine = await reporter.client.rpc('my_account_reports');
    expect(mine.error).toBeNull();
    expect((mine.data as Array<{ id: string }>).map((r) => r.id).sort()).toEqual([onAccount.body.id, onNobody.body.id].sort());
    expect(JSON.stringify(mine.data)).not.toContain(victim.userId);
  });

  it('strangers cannot use up the owner\'s right to report, nor file in bulk from one address', async () => {
    const victim = await signInCleared();
    // five strangers from five addresses report the owner's phone
    for (let i = 0; i < 5; i++) expect((await report(randomLoopbackIp(), victim.phone)).status).toBe(200);
    // the owner, from their own address, still can
    const owner = await report(randomLoopbackIp(), victim.phone);
    expect(owner.status).toBe(200);
    // a report alone changes nothing about the account
    expect((await victim.client.rpc('update_my_profile', { p_display_name: '还是我' })).error).toBeNull();

    // one address: the same phone once a day, and at most five reports a day in all
    const ip = randomLoopbackIp();
    expect((await report(ip, victim.phone)).status).toBe(200);
    const again = await report(ip, victim.phone);
    expect({ status: again.status, code: again.body.message }).toEqual({ status: 400, code: 'report_rate_limited' });
    for (let i = 0; i < 4; i++) expect((await report(ip, randomPhone())).status).toBe(200);
    const bulk = await report(ip, randomPhone());
    expect({ status: bulk.status, code: bulk.body.message }).toEqual({ status: 400, code: 'report_rate_limited' });
  });

  it('a signed-out reporter must leave a mobile number', async () => {
    const res = await report(randomLoopbackIp(), randomPhone(), 'chen@example.com');
    expect({ status: res.status, code: res.body.message }).toEqual({ status: 400, code: 'contact_phone_required' });
  });

  it('evidence: uploaded with the one-time token, never readable through Storage, operators get 10-minute links', async () => {
    const anonIp = randomLoopbackIp();
    const filed = await report(anonIp, randomPhone());
    expect(filed.body.upload_token).toMatch(/^[0-9a-f]{48}$/);
    const upload = (extra: Record<string, unknown> = {}) => evidenceFn({
      action: 'upload', report_id: filed.body.id, token: filed.body.upload_token, content_type: 'image/png',
      data_base64: PNG.toString('base64'), ...extra,
    });
    expect((await upload({ token: 'f'.repeat(48) })).body.code).toBe('upload_token_invalid');
    expect((await upload({ data_base64: Buffer.from('MZ not a png').toString('base64') })).body.code).toBe('evidence_file_invalid');
    expect((await upload()).status).toBe(201);

    const [obj] = await sql<{ name: string }>(
      `select name from storage.objects where bucket_id = 'account-report-evidence' and name like $1`, [`${filed.body.id}/%`]);
    expect(obj.name).toMatch(new RegExp(`^${filed.body.id}/[0-9a-f-]+\\.png$`));

    // nobody signs or reads it through the Storage API, not even an operator
    const op = await operator();
    const s = getStack();
    const selfSigned = await fetch(`${s.url}/storage/v1/object/sign/account-report-evidence/${obj.name}`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${op.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expiresIn: 315360000 }),
    });
    expect(selfSigned.status).toBeGreaterThanOrEqual(400);
    const stranger = await signInCleared();
    expect((await evidenceFn({ action: 'sign', report_id: filed.body.id }, stranger.token)).status).toBe(403);

    const links = await evidenceFn({ action: 'sign', report_id: filed.body.id }, op.token);
    expect(links.status).toBe(200);
    expect(links.body.files).toHaveLength(1);
    expect(links.body.files[0].expires_in).toBeLessThanOrEqual(3600);
    const token = new URL(links.body.files[0].url).searchParams.get('token') ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
    const file = await fetch(links.body.files[0].url);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 8)).toEqual(PNG.subarray(0, 8));
  });

  it('evidence also arrives as multipart, as Taro.uploadFile sends it from mini-programs and H5', async () => {
    const filed = await report(randomLoopbackIp(), randomPhone());
    const form = new FormData();
    form.set('report_id', filed.body.id);
    form.set('token', filed.body.upload_token);
    form.set('file', new Blob([PNG], { type: 'application/octet-stream' }), 'tmp_123.png');
    const s = getStack();
    const res = await fetch(`${s.url}/functions/v1/report-evidence`, {
      method: 'POST', headers: { apikey: s.anonKey, authorization: `Bearer ${s.anonKey}` }, body: form,
    });
    expect(res.status).toBe(201);
    const [obj] = await sql<{ name: string }>(
      `select name from storage.objects where bucket_id = 'account-report-evidence' and name like $1`, [`${filed.body.id}/%`]);
    expect(obj.name).toMatch(/\.png$/);
  });

  it('signed-in reporters may upload straight into their own open report only', async () => {
    const reporter = await signInCleared();
    const other = await signInCleared();
    const filed = await report(randomLoopbackIp(), randomPhone(), randomPhone(), reporter.token);
    const put = (who: SignedInUser, path: string) => fetch(`${getStack().url}/storage/v1/object/account-report-evidence/${path}`, {
      method: 'POST', headers: { apikey: getStack().anonKey, authorization: `Bearer ${who.token}`, 'content-type': 'image/png' }, body: PNG,
    });
    expect((await put(reporter, `${filed.body.id}/mine.png`)).status).toBe(200);
    expect((await put(other, `${filed.body.id}/theirs.png`)).status).toBeGreaterThanOrEqual(400);
  });

  it('the operator decides; a signed-out reporter is told the outcome by SMS, and the decision is audited', async () => {
    const victim = await signInCleared();
    const contact = randomPhone();
    const filed = await report(randomLoopbackIp(), victim.phone, contact);
    const op = await operator();
    const resolved = await op.client.rpc('platform_resolve_account_report', {
      p_report_id: filed.body.id, p_outcome: 'confirmed', p_freeze: true, p_note: '核实为盗用，已冻结账号',
    });
    expect(resolved.error).toBeNull();

    const run = await callApi('/functions/v1/sms-deliveries', { token: getStack().serviceRoleKey, body: {} });
    expect(run.status).toBe(200);
    expect(await latestSmsCode(contact)).toBe(String(filed.body.id).slice(0, 8));
    // delivered once, not again on the next run
    expect(await sql('select 1 from private.sms_deliveries where report_id = $1 and sent_at is not null', [filed.body.id])).toHaveLength(1);
    expect((await callApi('/functions/v1/sms-deliveries', { token: op.token, body: {} })).status).toBe(403);

    const [audit] = await sql<{ action: string; operator_id: string }>(
      `select action, operator_id from public.operator_audit_log where target_type = 'account_report' and target_id = $1`, [filed.body.id]);
    expect(audit).toEqual({ action: 'account_report.resolve', operator_id: op.userId });
  });
});
