// WeChat / WeCom sign-in through the gateway: the real edge functions, their real HTTP clients
// against the stack's fake WeChat/WeCom APIs, real GoTrue-shaped sessions.
import fc from 'fast-check';
import { anonClient, callApi, randomPhone, signInFresh, sql } from '../support/clients';
import { fakeRequests, loginCode, newOpenid, phoneCode, wecomCode } from '../support/fake-wechat';

const login = (body: unknown, token?: string) => callApi('/functions/v1/wechat-login', { body, token });
const wecom = (body: unknown, token?: string) => callApi('/functions/v1/wecom-login', { body, token });

/** A supabase-js client using the returned session, as the app does with setSession. */
async function clientWith(session: { access_token: string; refresh_token: string }) {
  const client = anonClient();
  const { error } = await client.auth.setSession(session);
  if (error) throw error;
  return client;
}

const linkCount = () => sql<{ n: number }>('select count(*)::int as n from private.wechat_links').then((r) => r[0].n);
// Other test files create phone users in parallel; only this file creates WeChat alias users.
const userCount = () =>
  sql<{ n: number }>(`select count(*)::int as n from auth.users where email like '%@wechat.users.zhixiang.invalid'`).then((r) => r[0].n);

beforeEach(async () => {
  // Every login verifies a token from the functions' address (loopback); other suites must not
  // inherit an exhausted per-IP budget from this one, nor this one from them.
  await sql(`delete from auth.local_rate_limits where bucket = 'ip:token_verifications' and key in ('127.0.0.1', '::ffff:127.0.0.1')`);
});

describe('wechat-login', () => {
  it('first login with a phone code creates and links the user; a later code alone signs in the same user', async () => {
    const openid = newOpenid();
    const phone = randomPhone();
    const firstCode = await loginCode(openid);
    const firstPhoneCode = await phoneCode(phone);
    const first = await login({ code: firstCode, phone_code: firstPhoneCode });
    expect(first.status).toBe(200);
    expect(first.body.linked).toBe(true);
    const userId = first.body.user_id;
    expect(first.body.session.user.id).toBe(userId);
    expect(first.body.session.user.phone).toBe(phone.slice(1));

    const client = await clientWith(first.body.session);
    const profile = await client.rpc('get_my_profile');
    expect(profile.error).toBeNull();
    expect(profile.data.id).toBe(userId);

    const again = await login({ code: await loginCode(openid) });
    expect(again.status).toBe(200);
    expect(again.body.user_id).toBe(userId);
    expect(again.body.linked).toBe(false);
    const second = await clientWith(again.body.session);
    expect((await second.rpc('get_my_profile')).data.id).toBe(userId);
    // refresh works like any GoTrue session
    const refreshed = await second.auth.refreshSession();
    expect(refreshed.error).toBeNull();

    // what the real API requires was sent (found by our code: parallel suites use the fake too)
    const reqs = await fakeRequests();
    const c2s = reqs.find((r) => r.path === '/wechat/sns/jscode2session' && r.query.js_code === firstCode);
    expect(c2s?.query).toMatchObject({ appid: expect.any(String), secret: expect.any(String), grant_type: 'authorization_code' });
    const phoneReq = reqs.find((r) => r.path === '/wechat/wxa/business/getuserphonenumber' && (r.body as { code?: string })?.code === firstPhoneCode);
    expect(phoneReq?.method).toBe('POST');
    expect(phoneReq?.query.access_token).toEqual(expect.stringMatching(/.+/));
    expect(phoneReq?.body).toEqual({ code: firstPhoneCode });
  });

  it('a phone already registered links to that account (no duplicate user) and keeps its password', async () => {
    const existing = await signInFresh();
    await existing.client.auth.updateUser({ password: 'Zhixiang-pw-2026' });
    const openid = newOpenid();
    const res = await login({ code: await loginCode(openid), phone_code: await phoneCode(existing.phone) });
    expect(res.status).toBe(200);
    expect(res.body.user_id).toBe(existing.userId);
    const samePhone = await sql('select id from auth.users where phone = $1', [existing.phone.replace('+', '')]);
    expect(samePhone).toEqual([{ id: existing.userId }]);
    // the phone + password sign-in still works after a WeChat sign-in
    const pw = await anonClient().auth.signInWithPassword({ phone: existing.phone, password: 'Zhixiang-pw-2026' });
    expect(pw.error).toBeNull();
    expect(pw.data.user?.id).toBe(existing.userId);
  });

  it('an unlinked openid without a phone code is told to authorise the phone; nothing is written', async () => {
    const [links, users] = [await linkCount(), await userCount()];
    const res = await login({ code: await loginCode(newOpenid()) });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'wechat_not_linked', message: '请授权手机号完成登录' });
    expect([await linkCount(), await userCount()]).toEqual([links, users]);
  });

  it('invalid, reused and refused codes are clear 4xx answers', async () => {
    const unknown = await login({ code: 'never-issued-code' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('wechat_code_invalid');
    expect(unknown.body.message).toMatch(/[\u4e00-\u9fa5]/);

    const code = await loginCode(newOpenid());
    await login({ code });
    const reused = await login({ code, phone_code: await phoneCode(randomPhone()) });
    expect([reused.status, reused.body.code]).toEqual([400, 'wechat_code_invalid']);

    const limited = await login({ code: await loginCode(newOpenid(), { errcode: 45011 }) });
    expect([limited.status, limited.body.code]).toEqual([429, 'wechat_rate_limited']);

    const badPhone = await login({ code: await loginCode(newOpenid()), phone_code: 'never-issued-phone-code' });
    expect([badPhone.status, badPhone.body.code]).toEqual([400, 'wechat_phone_code_invalid']);

    const foreign = await login({ code: await loginCode(newOpenid()), phone_code: await phoneCode('+14155550100') });
    expect([foreign.status, foreign.body.code]).toEqual([400, 'wechat_phone_unsupported']);
  });

  it('a session cannot be obtained for the internal alias e-mail by anybody else', async () => {
    const res = await login({ code: await loginCode(newOpenid()), phone_code: await phoneCode(randomPhone()) });
    const email = res.body.session.user.email as string;
    expect(email).toBe(`${res.body.user_id}@wechat.users.zhixiang.invalid`);
    const guess = await anonClient().auth.signInWithPassword({ email, password: 'whatever-password' });
    // the e-mail provider is off ([auth.email] enable_signup = false): GoTrue refuses any e-mail sign-in
    expect(guess.error).toMatchObject({ status: 422, code: 'email_provider_disabled' });
    // the anon key cannot mint links
    const link = await callApi('/auth/v1/admin/generate_link', { body: { type: 'magiclink', email } });
    expect(link.status).toBe(401);
    // and a made-up token hash signs nobody in
    const forged = await callApi('/auth/v1/verify', { body: { type: 'magiclink', token_hash: 'a'.repeat(56) } });
    expect(forged.status).toBe(403);
  });

  it('bad input is a 4xx, never a 5xx, and writes nothing', async () => {
    const [links, users] = [await linkCount(), await userCount()];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ code: fc.string({ maxLength: 200 }) }, { requiredKeys: [] }),
          fc.record({ code: fc.string(), phone_code: fc.anything(), extra: fc.anything() }, { requiredKeys: ['code'] }),
        ),
        async (body) => {
          for (const fn of [login, wecom]) {
            const res = await fn(body);
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
            expect(typeof res.body.code).toBe('string');
          }
        },
      ),
      { numRuns: 40 },
    );
    const raw = await callApi('/functions/v1/wechat-login', { rawBody: '{not json' });
    expect(raw.status).toBe(400);
    expect([await linkCount(), await userCount()]).toEqual([links, users]);
  });
});

describe('wecom-login', () => {
  it('an unlinked member is told to sign in by phone first, then is linked by a signed-in call, then signs in by code', async () => {
    const userid = `zhangsan${Date.now()}`;
    const first = await wecom({ code: await wecomCode(userid) });
    expect(first.status).toBe(404);
    expect(first.body.code).toBe('wecom_not_linked');

    const member = await signInFresh();
    const linked = await wecom({ code: await wecomCode(userid) }, member.token);
    expect(linked.status).toBe(200);
    expect([linked.body.user_id, linked.body.linked]).toEqual([member.userId, true]);

    const laterCode = await wecomCode(userid);
    const later = await wecom({ code: laterCode });
    expect(later.status).toBe(200);
    expect(later.body.user_id).toBe(member.userId);
    const client = await clientWith(later.body.session);
    expect((await client.rpc('get_my_profile')).data.id).toBe(member.userId);

    // The request the real API requires, found by our code. The access token behind it is cached by
    // the function across requests, so whether this test sees a gettoken depends on what ran before;
    // its shape is asserted by the Deno adapter tests (supabase/functions/_shared/wechat).
    const reqs = await fakeRequests();
    expect(reqs.find((r) => r.path === '/wecom/cgi-bin/miniprogram/jscode2session' && r.query.js_code === laterCode)?.query).toEqual({
      access_token: expect.stringMatching(/.+/),
      js_code: laterCode,
      grant_type: 'authorization_code',
    });
  });

  it('a member cannot take over an account already linked to another member', async () => {
    const member = await signInFresh();
    expect((await wecom({ code: await wecomCode(`a${Date.now()}`) }, member.token)).status).toBe(200);
    const other = await wecom({ code: await wecomCode(`b${Date.now()}`) }, member.token);
    expect([other.status, other.body.code]).toEqual([409, 'wechat_already_linked']);
  });

  it('an invalid code is 400 wecom_code_invalid', async () => {
    const res = await wecom({ code: 'never-issued' });
    expect([res.status, res.body.code]).toEqual([400, 'wecom_code_invalid']);
  });
});
