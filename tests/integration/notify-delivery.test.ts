// Issue 13, notification center: every notice queues its external deliveries (SMS, WeChat subscribe
// message, WeCom app message) by the member's reachability and preferences, mandatory kinds can't
// be muted, and the notify-deliveries worker sends each through the local fakes of the real APIs,
// retries refusals with exponential backoff and sends at most once, also with two workers at once.
// The worker claims every due row of the stack: each test first sets other suites' rows aside.
import crypto from 'node:crypto';
import {
  callApi, createEnterpriseAs, serviceClient, signInCleared, signInFresh, sql, type SignedInUser,
} from '../support/clients';
import { getStack } from '../support/stack';

const ACCOUNT_TPL = 'zxLocalTplAccount0000000000000000000001';
const TODO_TPL = 'zxLocalTplTodo00000000000000000000000002';
const CORP = 'wwlocalcorp0000001';

interface Member extends SignedInUser {
  openid: string;
  wecomUser: string;
}

interface Delivery {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  due_in: number;
}

interface FakeMessage {
  api: string;
  touser: string;
  template_id?: string;
  page?: string;
  data?: Record<string, { value: string }>;
  content?: string;
}

/** A phone user also signed in with WeChat and WeCom once (the links the login functions store). */
async function member(): Promise<Member> {
  const u = await signInFresh();
  const openid = `o${crypto.randomBytes(12).toString('base64url')}`;
  const wecomUser = `zx${crypto.randomBytes(6).toString('hex')}`;
  await sql(`insert into private.wechat_links (provider, subject, user_id) values ('wechat', $1, $3), ('wecom', $2, $3)`,
    [openid, `${CORP}:${wecomUser}`, u.userId]);
  return { ...u, openid, wecomUser };
}

/** A notice the way modules send one (private.notify); returns its id. */
async function notify(userId: string, kind: string, title: string, body = '', data: Record<string, unknown> = {}): Promise<string> {
  await sql('select private.notify($1, $2, $3, $4, $5::jsonb)', [userId, kind, title, body, JSON.stringify(data)]);
  const [n] = await sql<{ id: string }>('select id from public.notifications where user_id = $1 and title = $2 order by created_at desc limit 1', [userId, title]);
  return n.id;
}

async function deliveries(notificationId: string): Promise<Delivery[]> {
  return sql<Delivery>(
    `select id, channel::text, status::text, attempts, last_error,
            extract(epoch from next_attempt_at - now())::float8 as due_in
       from public.notification_deliveries where notification_id = $1 order by channel::text`, [notificationId]);
}

const channels = async (notificationId: string) => (await deliveries(notificationId)).map((d) => d.channel);

/**
 * Other suites' pending rows wait a day, so a worker run here only sends this suite's. A row set
 * aside once is left alone after: suites running beside this one (the tenancy matrix) compare their
 * rows before and after an attack, and a second push would look like a change.
 */
async function setAsideOthers(users: string[]): Promise<void> {
  await sql(`update public.notification_deliveries set next_attempt_at = now() + interval '1 day'
              where status = 'pending' and next_attempt_at < now() + interval '1 hour'
                and not (user_id = any ($1::uuid[]))`, [users]);
}

async function runWorker(token = getStack().serviceRoleKey) {
  return callApi('/functions/v1/notify-deliveries', { token, body: {} });
}

async function fakeMessages(touser: string): Promise<FakeMessage[]> {
  return (await fetch(`${getStack().url}/__local/wechat/messages?touser=${encodeURIComponent(touser)}`)).json();
}

async function failNextSends(api: 'wechat' | 'wecom', touser: string, errcode: number, times = 1): Promise<void> {
  const res = await fetch(`${getStack().url}/__local/wechat/send-errors`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api, touser, errcode, times }),
  });
  expect(res.status).toBe(201);
}

/** Notice texts sent to `phone` (the outbox lists them apart from codes). */
async function smsNotices(phone: string): Promise<Array<{ template_id: string; params: string[] }>> {
  return (await fetch(`${getStack().url}/__local/sms?phone=${encodeURIComponent(phone)}&notices=1`)).json();
}

type Settings = Array<{ kind: string; mandatory: boolean; channels: Array<{ channel: string; enabled: boolean; reachable: boolean; grants: number | null }> }>;
async function settingsOf(u: SignedInUser, kind: string) {
  const { data, error } = await u.client.rpc('my_notification_settings');
  if (error) throw error;
  return (data as Settings).find((k) => k.kind === kind)!;
}

describe('queueing: one delivery per channel the member is reachable on and wants', () => {
  let m: Member;
  beforeAll(async () => {
    m = await member();
  });

  it('uses the defaults (no texts for optional kinds), spends a WeChat grant per message and follows preferences', async () => {
    const granted = await m.client.rpc('record_wechat_subscriptions', { p_template_ids: [TODO_TPL] });
    expect(granted.error).toBeNull();
    expect(granted.data).toEqual({ [TODO_TPL]: 1 });

    const first = await notify(m.userId, 'enterprise_membership', '加入申请已通过', '你已加入 测试企业');
    expect(await channels(first)).toEqual(['wechat_subscribe', 'wecom']);
    // the one grant is spent: the next notice of that template can't go to WeChat
    const wechat = (await settingsOf(m, 'enterprise_membership')).channels.find((c) => c.channel === 'wechat_subscribe')!;
    expect(wechat).toMatchObject({ enabled: true, reachable: true, grants: 0 });
    const second = await notify(m.userId, 'enterprise_membership', '你已被移出企业');
    expect(await channels(second)).toEqual(['wecom']);

    for (const [channel, enabled] of [['sms', true], ['wecom', false]] as const) {
      const set = await m.client.rpc('set_notification_preference', { p_kind: 'enterprise_membership', p_channel: channel, p_enabled: enabled });
      expect(set.error).toBeNull();
    }
    const third = await notify(m.userId, 'enterprise_membership', '你的角色已变更');
    expect(await channels(third)).toEqual(['sms']);
    // other kinds keep their defaults
    const other = await notify(m.userId, 'enterprise_qualification', '企业认证未通过');
    expect(await channels(other)).toEqual(['wecom']);
  });

  it('mandatory kinds: refused by the RPC and by the table, and delivered on every channel whatever was chosen', async () => {
    const refused = await callApi('/rest/v1/rpc/set_notification_preference', {
      token: m.token, body: { p_kind: 'account_action', p_channel: 'sms', p_enabled: false },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ message: 'notification_kind_mandatory', hint: '该类通知不可关闭' });
    await expect(sql(`insert into public.notification_preferences (user_id, kind, channel, enabled) values ($1, 'agreement_updated', 'wecom', false)`,
      [m.userId])).rejects.toThrow(/notification_kind_mandatory/);

    const settings = await settingsOf(m, 'account_action');
    expect(settings.mandatory).toBe(true);
    expect(settings.channels.map((c) => c.enabled)).toEqual([true, true, true]);
    const notice = await notify(m.userId, 'account_action', '你的账号收到警告', '请遵守社区规范');
    expect(await channels(notice)).toEqual(['sms', 'wecom']); // no WeChat grant for that template
  });

  it('a refreshed unread admin notice (same object) queues nothing new', async () => {
    const admin = await signInCleared();
    await sql(`insert into private.wechat_links (provider, subject, user_id) values ('wecom', $1, $2)`, [`${CORP}:a${admin.userId.slice(0, 8)}`, admin.userId]);
    const ent = await createEnterpriseAs(admin);
    const call = () => sql(`select private.notify_admins($1, 'enterprise_qualification', '企业认证待补充', '请补充材料', '{"kind": "business_license"}'::jsonb)`, [ent]);
    await call();
    await call();
    const rows = await sql<{ n: number }>(
      `select count(*)::int as n from public.notification_deliveries d join public.notifications x on x.id = d.notification_id
        where x.user_id = $1 and x.title = '企业认证待补充'`, [admin.userId]);
    expect(rows[0].n).toBe(1);
  });
});

describe('the notify-deliveries worker', () => {
  let m: Member;
  beforeAll(async () => {
    m = await member();
    await m.client.rpc('set_notification_preference', { p_kind: 'account_report', p_channel: 'sms', p_enabled: true });
    await m.client.rpc('record_wechat_subscriptions', { p_template_ids: [ACCOUNT_TPL] });
  });

  it('answers only the service role', async () => {
    expect((await runWorker(getStack().anonKey)).status).toBe(403);
    expect((await runWorker(m.token)).status).toBe(403);
    expect((await callApi('/functions/v1/notify-deliveries', { method: 'GET', token: getStack().serviceRoleKey })).status).toBe(405);
  });

  it('sends each notice through SMS, WeChat and WeCom once, in the shapes the APIs take', async () => {
    const id = await notify(m.userId, 'account_report', '你的账号申诉已核实', '我们已冻结被盗用的账号', { report_id: crypto.randomUUID() });
    expect(await channels(id)).toEqual(['sms', 'wechat_subscribe', 'wecom']);
    await setAsideOthers([m.userId]);
    const run = await runWorker();
    expect(run.status).toBe(200);
    expect((await deliveries(id)).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['sms', 'sent', 1], ['wechat_subscribe', 'sent', 1], ['wecom', 'sent', 1],
    ]);

    const texts = await smsNotices(m.phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ template_id: '1000002', params: ['举报处理结果', '你的账号申诉已核实'] });
    // the outbox's code listing (the sign-in page's local hint) still shows the sign-in code, not the notice
    const codes = (await (await fetch(`${getStack().url}/__local/sms?phone=${encodeURIComponent(m.phone)}`)).json()) as Array<{ code: string }>;
    expect(codes[0].code).toMatch(/^\d{6}$/);
    const wx = await fakeMessages(m.openid);
    expect(wx).toHaveLength(1);
    expect(wx[0]).toMatchObject({ template_id: ACCOUNT_TPL, page: `packages/notifications/inbox/index?id=${id}` });
    expect(wx[0].data).toMatchObject({ thing1: { value: '举报处理结果' }, thing2: { value: '你的账号申诉已核实' } });
    expect(wx[0].data!.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const qy = await fakeMessages(m.wecomUser);
    expect(qy).toHaveLength(1);
    expect(qy[0].content).toContain('【举报处理结果】你的账号申诉已核实');

    // a second run finds nothing of this notice to send
    await runWorker();
    expect(await smsNotices(m.phone)).toHaveLength(1);
    expect(await fakeMessages(m.openid)).toHaveLength(1);
    expect(await fakeMessages(m.wecomUser)).toHaveLength(1);
  });

  it('retries a refused send after 30 s, then 60 s (exponential backoff), and sends it once', async () => {
    await failNextSends('wecom', m.wecomUser, -1, 2);
    const before = (await fakeMessages(m.wecomUser)).length;
    const id = await notify(m.userId, 'enterprise_qualification', '企业认证未通过', '营业执照不清晰');
    await setAsideOthers([m.userId]);
    await runWorker();
    let [d] = await deliveries(id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_error: 'wecom:-1' });
    expect(d.due_in).toBeGreaterThan(20);
    expect(d.due_in).toBeLessThanOrEqual(30);

    await runWorker(); // not due yet: untouched
    expect((await deliveries(id))[0]).toMatchObject({ status: 'pending', attempts: 1 });

    await sql('update public.notification_deliveries set next_attempt_at = now() where id = $1', [d.id]); // time passes
    await setAsideOthers([m.userId]);
    await runWorker();
    [d] = await deliveries(id);
    expect(d).toMatchObject({ status: 'pending', attempts: 2, last_error: 'wecom:-1' });
    expect(d.due_in).toBeGreaterThan(50);
    expect(d.due_in).toBeLessThanOrEqual(60);

    await sql('update public.notification_deliveries set next_attempt_at = now() where id = $1', [d.id]);
    await setAsideOthers([m.userId]);
    await runWorker();
    expect((await deliveries(id))[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    const after = await fakeMessages(m.wecomUser);
    expect(after).toHaveLength(before + 1);
    expect(after[0].content).toContain('企业认证未通过');
  });

  it('gives up after 5 refusals, and at once on a permanent refusal (a WeChat "no grant" also clears the grants)', async () => {
    await failNextSends('wecom', m.wecomUser, -1, 5);
    const id = await notify(m.userId, 'enterprise_qualification', '企业认证待补充');
    for (let i = 0; i < 5; i++) {
      await sql('update public.notification_deliveries set next_attempt_at = now() where notification_id = $1 and status = $2', [id, 'pending']);
      await setAsideOthers([m.userId]);
      await runWorker();
    }
    expect((await deliveries(id))[0]).toMatchObject({ status: 'failed', attempts: 5, last_error: 'wecom:-1' });

    await m.client.rpc('record_wechat_subscriptions', { p_template_ids: [ACCOUNT_TPL] });
    await m.client.rpc('record_wechat_subscriptions', { p_template_ids: [ACCOUNT_TPL] });
    await failNextSends('wechat', m.openid, 43101);
    const refused = await notify(m.userId, 'account_report', '你的账号申诉未通过');
    expect((await settingsOf(m, 'account_report')).channels.find((c) => c.channel === 'wechat_subscribe')!.grants).toBe(1);
    await setAsideOthers([m.userId]);
    await runWorker();
    const wx = (await deliveries(refused)).find((d) => d.channel === 'wechat_subscribe')!;
    expect(wx).toMatchObject({ status: 'failed', attempts: 1, last_error: 'wechat:43101' });
    expect((await settingsOf(m, 'account_report')).channels.find((c) => c.channel === 'wechat_subscribe')!.grants).toBe(0);
  });
});

describe('at most once', () => {
  it('two workers at once send every notice exactly once', async () => {
    const m = await member();
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await notify(m.userId, 'enterprise_qualification', `并发通知${i}`));
    await setAsideOthers([m.userId]);
    const runs = await Promise.all([runWorker(), runWorker()]);
    expect(runs.map((r) => r.status)).toEqual([200, 200]);
    // each run claims at most 20: a third finishes the rest
    for (let i = 0; i < 3; i++) await runWorker();
    const rows = await sql<{ status: string; attempts: number }>(
      `select d.status::text, d.attempts from public.notification_deliveries d where d.notification_id = any ($1::uuid[])`, [ids]);
    expect(rows).toHaveLength(24);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const sent = await fakeMessages(m.wecomUser);
    expect(sent).toHaveLength(24);
    expect(new Set(sent.map((s) => s.content)).size).toBe(24);
  });

  it('concurrent claims never share a row; only the holder marks it; an expired lease is given up, not sent again', async () => {
    const m = await member();
    for (let i = 0; i < 6; i++) await notify(m.userId, 'enterprise_qualification', `认领测试${i}`);
    await setAsideOthers([m.userId]);
    const svc = serviceClient();
    const [a, b] = await Promise.all([
      svc.rpc('notification_deliveries_claim', { p_limit: 4 }), svc.rpc('notification_deliveries_claim', { p_limit: 4 }),
    ]);
    expect(a.error).toBeNull();
    expect(b.error).toBeNull();
    const idsA = (a.data as Array<{ id: string; claim_id: string }>).map((r) => r.id);
    const idsB = (b.data as Array<{ id: string; claim_id: string }>).map((r) => r.id);
    expect(idsA.length + idsB.length).toBe(6);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);

    const [first, second] = a.data as Array<{ id: string; claim_id: string; address: string }>;
    expect(first.address).toBe(`${CORP}:${m.wecomUser}`);
    const wrong = await svc.rpc('notification_delivery_done', { p_id: first.id, p_claim_id: (b.data as Array<{ claim_id: string }>)[0].claim_id, p_result: 'sent' });
    expect(wrong.data).toBe(false);
    expect((await svc.rpc('notification_delivery_done', { p_id: first.id, p_claim_id: first.claim_id, p_result: 'sent' })).data).toBe(true);
    expect((await svc.rpc('notification_delivery_done', { p_id: first.id, p_claim_id: first.claim_id, p_result: 'retry' })).data).toBe(false);
    const [row] = await sql<{ status: string }>('select status::text from public.notification_deliveries where id = $1', [first.id]);
    expect(row.status).toBe('sent');

    // the worker holding `second` died: once its lease ran out the row fails instead of going out again
    await sql(`update public.notification_deliveries set claimed_until = now() - interval '1 second' where id = $1`, [second.id]);
    await svc.rpc('notification_deliveries_claim', { p_limit: 1 });
    const [expired] = await sql<{ status: string; last_error: string }>('select status::text, last_error from public.notification_deliveries where id = $1', [second.id]);
    expect(expired).toEqual({ status: 'failed', last_error: 'lease_expired: outcome unknown' });
    expect((await svc.rpc('notification_delivery_done', { p_id: second.id, p_claim_id: second.claim_id, p_result: 'sent' })).data).toBe(false);
  });
});

describe('inbox RPCs and isolation', () => {
  let a: Member;
  let b: SignedInUser;
  const ids: string[] = [];
  beforeAll(async () => {
    a = await member();
    b = await signInFresh();
    ids.push(await notify(a.userId, 'agreement_updated', '《知享服务协议》已更新', '请阅读', { document_id: 'a0000000-0000-4000-8000-000000000001' }));
    ids.push(await notify(a.userId, 'enterprise_join_request', '新的加入申请', '王五 申请加入', { join_request_id: '1b000000-0000-4000-8000-000000000001' }));
    ids.push(await notify(a.userId, 'enterprise_membership', '加入申请已通过', '', { target_kind: 'course', target_id: 'c1' }));
    await a.client.rpc('set_notification_preference', { p_kind: 'enterprise_membership', p_channel: 'sms', p_enabled: true });
  });

  it('my_notifications: newest first, with link targets, paged by created_at', async () => {
    const { data, error } = await a.client.rpc('my_notifications', { p_before: null, p_limit: 2 });
    expect(error).toBeNull();
    const page = data as Array<{ id: string; label: string; target: unknown; created_at: string; read_at: string | null }>;
    expect(page.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(page[0].target).toEqual({ kind: 'course', id: 'c1' });
    expect(page[1]).toMatchObject({ label: '加入申请', target: { kind: 'join_request', id: '1b000000-0000-4000-8000-000000000001' } });
    const next = await a.client.rpc('my_notifications', { p_before: page[1].created_at, p_limit: 20 });
    expect((next.data as Array<{ id: string; target: unknown }>)).toEqual([
      expect.objectContaining({ id: ids[0], target: { kind: 'agreement', id: 'a0000000-0000-4000-8000-000000000001' } }),
    ]);
  });

  it('unread count and mark all read touch only the caller\'s notices', async () => {
    expect((await a.client.rpc('my_unread_notification_count')).data).toBe(3);
    expect((await b.client.rpc('my_unread_notification_count')).data).toBe(0);
    expect((await b.client.rpc('mark_all_notifications_read')).data).toBe(0);
    expect((await a.client.rpc('my_unread_notification_count')).data).toBe(3);
    expect((await a.client.rpc('mark_all_notifications_read')).data).toBe(3);
    expect((await a.client.rpc('my_unread_notification_count')).data).toBe(0);
  });

  it('nobody reads another member\'s notices, preferences or deliveries', async () => {
    expect((await b.client.rpc('my_notifications', { p_before: null, p_limit: 100 })).data).toEqual([]);
    for (const table of ['notifications', 'notification_preferences', 'notification_deliveries']) {
      const theirs = await b.client.from(table).select('*').eq('user_id', a.userId);
      expect(theirs.error).toBeNull();
      expect(theirs.data).toEqual([]);
      const mine = await a.client.from(table).select('user_id');
      expect((mine.data ?? []).length).toBeGreaterThan(0);
      expect(new Set((mine.data ?? []).map((r: { user_id: string }) => r.user_id))).toEqual(new Set([a.userId]));
    }
    // and nobody writes them directly
    const write = await b.client.from('notification_preferences').insert({ user_id: a.userId, kind: 'account_report', channel: 'sms', enabled: true });
    expect(write.error).not.toBeNull();
    const claim = await b.client.rpc('notification_deliveries_claim', { p_limit: 1 });
    expect(claim.error).not.toBeNull();
  });
});

describe('a real decision reaches the applicant beyond the app', () => {
  it('an approval-rule join: the admin is told of the request, the rejected applicant by WeCom and (by choice) SMS, linked to the enterprise', async () => {
    const admin = await signInCleared();
    const eid = await createEnterpriseAs(admin, { name: `通知审批${crypto.randomBytes(2).toString('hex')}` });
    expect((await admin.client.rpc('update_enterprise_settings', { p_enterprise_id: eid, p_settings: { join_rule: 'approval' } })).error).toBeNull();
    const applicant = await signInCleared();
    const wecomUser = `ap${crypto.randomBytes(5).toString('hex')}`;
    await sql(`insert into private.wechat_links (provider, subject, user_id) values ('wecom', $1, $2)`, [`${CORP}:${wecomUser}`, applicant.userId]);
    await applicant.client.rpc('set_notification_preference', { p_kind: 'enterprise_membership', p_channel: 'sms', p_enabled: true });
    const code = (await admin.client.rpc('create_invitation', {
      p_enterprise_id: eid, p_role: 'member', p_department_id: null, p_valid_hours: 24, p_max_uses: null,
    })).data[0].code as string;
    expect((await applicant.client.rpc('accept_invitation', { p_code: code })).data).toMatchObject({ status: 'pending' });

    const adminInbox = (await admin.client.rpc('my_notifications', { p_limit: 5 })).data as Array<{ kind: string; target: { kind: string; id: string } }>;
    const request = adminInbox.find((n) => n.kind === 'enterprise_join_request')!;
    expect(request.target.kind).toBe('join_request');
    expect((await admin.client.rpc('decide_join_request', { p_request_id: request.target.id, p_approve: false, p_reason: '请使用公司手机号' })).error).toBeNull();

    await setAsideOthers([applicant.userId, admin.userId]);
    expect((await runWorker()).status).toBe(200);
    const [notice] = (await applicant.client.rpc('my_notifications', { p_limit: 1 })).data as Array<{ id: string; title: string; target: unknown; read_at: string | null }>;
    expect(notice).toMatchObject({ title: '加入申请未通过', target: { kind: 'enterprise', id: eid }, read_at: null });
    const texts = await smsNotices(applicant.phone);
    expect(texts.map((t) => t.params)).toEqual([['成员变动', '加入申请未通过']]);
    const wecom = await fakeMessages(wecomUser);
    expect(wecom).toHaveLength(1);
    expect(wecom[0].content).toContain('请使用公司手机号');
  });
});
