// Issue 10, critical: account takeover by pre-registration, and sign-in codes that die after 5
// wrong tries on hosted Supabase too. Every rule here lives in the database or an edge function
// (20261201050000_accounts.sql, functions send-sms and sms-otp), so it holds whichever
// GoTrue writes the rows; the attacks go through the public auth API as an attacker would.
import { authCall, clientFrom, randomLoopbackIp } from '../contract/auth-support';
import { getStack } from '../support/stack';
import { latestSmsCode, randomPhone, redeemSmsCode, signInFresh, sql } from '../support/clients';

const digits = (e164: string) => e164.replace(/^\+/, '');

async function smsOtp(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const s = getStack();
  const res = await fetch(`${s.url}/functions/v1/sms-otp`, {
    method: 'POST',
    headers: { apikey: s.anonKey, authorization: `Bearer ${s.anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function passwordSignIn(phone: string, password: string) {
  return authCall(randomLoopbackIp(), 'POST', '/token?grant_type=password', { phone, password });
}

describe('pre-registration cannot take over an account', () => {
  test('password sign-up is refused and leaves no password behind', async () => {
    const phone = randomPhone();
    const up = await authCall(randomLoopbackIp(), 'POST', '/signup', { phone, password: 'Attacker-2026', data: { display_name: '冒名者' } });
    expect(up.status).toBeGreaterThanOrEqual(400);
    const rows = await sql<{ has_password: boolean }>(
      `select coalesce(encrypted_password, '') <> '' as has_password from auth.users where phone = $1`, [digits(phone)]);
    expect(rows.every((r) => !r.has_password)).toBe(true);
    // the owner signs in by SMS later; the attacker's password does nothing
    const owner = await signInFresh(phone);
    expect(owner.userId).toBeTruthy();
    expect((await passwordSignIn(phone, 'Attacker-2026')).status).toBe(400);
  });

  test("an unverified sign-up's password and metadata die when the owner confirms the phone", async () => {
    // A row as GoTrue's /signup left it before this fix (triggers off to write it as it was).
    const phone = randomPhone();
    await sql(`
      set session_replication_role = replica;
      insert into auth.users (instance_id, id, aud, role, phone, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', '${digits(phone)}',
              extensions.crypt('Attacker-2026', extensions.gen_salt('bf', 4)), '{"provider":"phone","providers":["phone"]}',
              '{"display_name":"冒名者"}', now(), now());
      set session_replication_role = origin;`);
    const owner = await signInFresh(phone);
    expect((await passwordSignIn(phone, 'Attacker-2026')).status).toBe(400);
    const [row] = await sql<{ meta: Record<string, unknown>; pw: string }>(
      `select raw_user_meta_data as meta, coalesce(encrypted_password, '') as pw from auth.users where id = $1`, [owner.userId]);
    expect(row.pw).toBe('');
    expect(row.meta).not.toHaveProperty('display_name');
  });

  test('sign-up metadata never becomes profile data', async () => {
    const phone = randomPhone();
    const ip = randomLoopbackIp();
    const sent = await clientFrom(ip).auth.signInWithOtp({ phone, options: { data: { display_name: '冒名者', birth_date: '2015-01-01' } } });
    expect(sent.error).toBeNull();
    const [stored] = await sql<{ meta: Record<string, unknown> }>(`select raw_user_meta_data as meta from auth.users where phone = $1`, [digits(phone)]);
    expect(stored.meta).not.toHaveProperty('display_name');
    expect(stored.meta).not.toHaveProperty('birth_date');
    const owner = clientFrom(ip);
    const token = await redeemSmsCode(phone, (await latestSmsCode(phone))!);
    expect((await owner.auth.verifyOtp({ phone, token, type: 'sms' })).error).toBeNull();
    const profile = await owner.rpc('get_my_profile');
    expect(profile.error).toBeNull();
    expect(profile.data.display_name).toBe('');
  });

  test('a password can be set on an unconfirmed account by nobody', async () => {
    const phone = randomPhone();
    expect((await clientFrom(randomLoopbackIp()).auth.signInWithOtp({ phone })).error).toBeNull();
    // GoTrue's /signup on an existing unconfirmed phone sets the password on that row
    const again = await authCall(randomLoopbackIp(), 'POST', '/signup', { phone, password: 'Attacker-2026' });
    expect(again.status).toBeGreaterThanOrEqual(400);
    await expect(sql(`update auth.users set encrypted_password = extensions.crypt('x1234567', extensions.gen_salt('bf', 4)) where phone = $1`, [digits(phone)]))
      .rejects.toThrow(/password_requires_verified_phone/);
    expect((await passwordSignIn(phone, 'Attacker-2026')).status).toBe(400);
  });

  test("nobody can pre-claim another account's WeChat alias, and e-mail sign-up is off", async () => {
    const victim = await signInFresh();
    const attacker = await signInFresh();
    await expect(sql(`update auth.users set email = $1 where id = $2`, [`${victim.userId}@wechat.users.zhixiang.invalid`, attacker.userId]))
      .rejects.toThrow(/alias_email_taken/);
    await sql(`update auth.users set email = $1, email_confirmed_at = now() where id = $2`, [`${victim.userId}@wechat.users.zhixiang.invalid`, victim.userId]);
    const up = await authCall(randomLoopbackIp(), 'POST', '/signup', { email: `x${Date.now()}@example.com`, password: 'Attacker-2026' });
    expect(up.status).toBe(400);
    expect(up.body.error_code).toBe('email_provider_disabled');
  });

  test('a WeChat-verified phone finds confirmed accounts only, and confirming a pre-registration drops its password', async () => {
    const phone = randomPhone();
    await sql(`
      set session_replication_role = replica;
      insert into auth.users (instance_id, id, aud, role, phone, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', '${digits(phone)}',
              extensions.crypt('Attacker-2026', extensions.gen_salt('bf', 4)), '{"provider":"phone","providers":["phone"]}', '{}', now(), now());
      set session_replication_role = origin;`);
    const service = clientFrom(randomLoopbackIp(), getStack().serviceRoleKey);
    const found = await service.rpc('wechat_user_by_phone', { p_phone: digits(phone) });
    expect(found.error).toBeNull();
    const [row] = await sql<{ id: string; confirmed: boolean; pw: string }>(
      `select id, phone_confirmed_at is not null as confirmed, coalesce(encrypted_password, '') as pw from auth.users where phone = $1`, [digits(phone)]);
    expect(found.data).toBe(row.id);
    expect(row).toMatchObject({ confirmed: true, pw: '' });
    expect((await passwordSignIn(phone, 'Attacker-2026')).status).toBe(400);
  });
});

describe('sign-in codes', () => {
  async function requestOwnCode(phone: string): Promise<string> {
    const sent = await clientFrom(randomLoopbackIp()).auth.signInWithOtp({ phone });
    expect(sent.error).toBeNull();
    const code = await latestSmsCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    return code!;
  }

  test("the texted code is ours: GoTrue refuses it, and sms-otp trades it for GoTrue's once", async () => {
    const phone = randomPhone();
    const code = await requestOwnCode(phone);
    const direct = await authCall(randomLoopbackIp(), 'POST', '/verify', { type: 'sms', phone, token: code });
    expect(direct.status).toBe(403);
    const traded = await smsOtp({ phone, code });
    expect(traded.status).toBe(200);
    expect(traded.body.token).toMatch(/^\d{10}$/);
    const again = await smsOtp({ phone, code });
    expect(again).toMatchObject({ status: 400, body: { code: 'code_not_requested' } });
    const session = await clientFrom(randomLoopbackIp()).auth.verifyOtp({ phone, token: String(traded.body.token), type: 'sms' });
    expect(session.error).toBeNull();
    expect(session.data.session?.access_token).toBeTruthy();
  });

  test('five wrong codes kill the code: the right one no longer works', async () => {
    const phone = randomPhone();
    const code = await requestOwnCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: unknown[] = [];
    for (let i = 0; i < 5; i++) answers.push((await smsOtp({ phone, code: wrong })).body.code);
    expect(answers).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid', 'code_attempts_exceeded']);
    expect(await smsOtp({ phone, code })).toMatchObject({ status: 429, body: { code: 'code_attempts_exceeded' } });
  });

  test("a stranger's wrong guesses kill only the codes they hit: the owner's next code still signs them in", async () => {
    // the chain: the owner has an account; a stranger makes GoTrue text the owner codes and burns
    // them with wrong guesses (three earlier today, one now); the owner then asks for a new code
    const owner = await signInFresh();
    const phone = owner.phone;
    await sql(`insert into private.auth_sms_codes (phone, sms_type, code_hash, gotrue_token, attempts, created_at, expires_at)
               select $1, 'sms', 'x', null, 5, now() - interval '3 hours', now() - interval '3 hours' + interval '5 minutes' from generate_series(1, 3)`, [digits(phone)]);
    const moveSendsBack = () => sql(`update auth.users set confirmation_sent_at = now() - interval '2 minutes',
                                       recovery_sent_at = now() - interval '2 minutes' where id = $1`, [owner.userId]);
    await moveSendsBack();
    const stranger = clientFrom(randomLoopbackIp());
    expect((await stranger.auth.signInWithOtp({ phone })).error).toBeNull();
    const texted = await latestSmsCode(phone);
    const wrong = texted === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await smsOtp({ phone, code: wrong });
    expect(await smsOtp({ phone, code: texted })).toMatchObject({ status: 429, body: { code: 'code_attempts_exceeded' } });

    await moveSendsBack();
    const code = await requestOwnCode(phone);
    const traded = await smsOtp({ phone, code });
    expect(traded.status).toBe(200);
    const session = await clientFrom(randomLoopbackIp()).auth.verifyOtp({ phone, token: String(traded.body.token), type: 'sms' });
    expect(session.data.user?.id).toBe(owner.userId);
  });

  test('per-phone send limits hold whoever asks: the sixth text of an hour is refused and nothing is sent', async () => {
    const phone = randomPhone();
    await sql(`insert into private.auth_sms_codes (phone, sms_type, code_hash, gotrue_token, created_at, expires_at)
               select $1, 'sms', 'x', null, now() - interval '10 minutes', now() - interval '5 minutes' from generate_series(1, 5)`, [digits(phone)]);
    const sent = await clientFrom(randomLoopbackIp()).auth.signInWithOtp({ phone });
    expect(sent.error?.status).toBe(429);
    expect(sent.error?.message).toMatch(/本小时/);
    expect(await latestSmsCode(phone)).toBeUndefined();
  });

  test('bad input is a 400 with a message, never a 5xx', async () => {
    for (const body of [{ phone: 'x', code: '123456' }, { phone: randomPhone(), code: '12ab' }, { phone: randomPhone() }, { phone: randomPhone(), code: '123456', type: 'email' }, null]) {
      const r = await smsOtp(body);
      expect(r.status).toBe(400);
      expect(typeof r.body.message).toBe('string');
    }
    expect(await smsOtp({ phone: randomPhone(), code: '123456' })).toMatchObject({ status: 400, body: { code: 'code_not_requested' } });
  });

  test('the support helper signs in through the same path the app uses', async () => {
    const phone = randomPhone();
    await requestOwnCode(phone);
    const code = await latestSmsCode(phone);
    const token = await redeemSmsCode(phone, code!);
    expect(token).toMatch(/^\d{10}$/);
  });
});
