// Contract: phone sign-in with SMS codes, as GoTrue answers supabase-js: GoTrue's own code of
// [auth.sms] otp_length digits (the 6-digit code members see is the sms-otp function's), valid for
// otp_expiry, one send per 60 s, no per-code try limit (hosted has only per-IP budgets), hashes only.
// Local only: they read codes from the stand-in's SMS outbox and age rows in its tables.
// Time is moved by ageing rows in Postgres (the service decides with the database clock).
import {
  ageCode, authCall, clientFrom, decodeJwt, getStack, getUserWith, randomLoopbackIp, randomPhone, requestCode, signIn, sql,
} from './auth-support';
import { loadAuthSettings } from '../../tools/local-stack/auth/settings';
import { latestGotrueCode } from '../support/clients';

const OTP_LENGTH = loadAuthSettings().sms.otpLength;
const otherCode = (code: string, plus: number) => String((Number(code) + plus) % 10 ** OTP_LENGTH).padStart(OTP_LENGTH, '0');

describe('auth: SMS one-time codes (local only)', () => {
  test("supabase-js signs in with GoTrue's code; the session carries GoTrue claims", async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const sb = clientFrom(ip);
    const sent = await sb.auth.signInWithOtp({ phone });
    expect(sent.error).toBeNull();
    // the person gets a 6-digit code of ours; sms-otp trades it for GoTrue's (docs/security.md)
    const token = await latestGotrueCode(phone);
    expect(token).toMatch(new RegExp(`^\\d{${OTP_LENGTH}}$`));

    const { data, error } = await sb.auth.verifyOtp({ phone, token, type: 'sms' });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(data.user!.phone).toBe(phone.slice(1)); // GoTrue stores digits without '+'
    expect(data.user!.phone_confirmed_at).toBeTruthy();

    const claims = decodeJwt(session.access_token);
    expect(claims).toMatchObject({
      iss: `${getStack().url}/auth/v1`,
      sub: data.user!.id,
      aud: 'authenticated',
      role: 'authenticated',
      phone: phone.slice(1),
      email: '',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'phone', providers: ['phone'] },
      user_metadata: {},
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60);
    expect(claims.amr).toEqual([{ method: 'otp', timestamp: expect.any(Number) }]);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(claims)).toEqual([
      'iss', 'sub', 'aud', 'exp', 'iat', 'email', 'phone', 'app_metadata', 'user_metadata', 'role', 'aal', 'amr',
      'session_id', 'is_anonymous',
    ]);

    const me = await sb.auth.getUser();
    expect(me.data.user?.id).toBe(data.user!.id);
    expect(me.data.user?.identities?.[0]).toMatchObject({ provider: 'phone', user_id: data.user!.id });
  });

  test('a phone number without "+" is the same account', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const first = await signIn(ip, phone);
    await ageCode(phone, 61);
    const second = await signIn(ip, phone.slice(1));
    expect(second.user.id).toBe(first.user.id);
  });

  test('malformed phone numbers are refused with 400 validation_failed', async () => {
    const ip = randomLoopbackIp();
    // GoTrue's validatePhone: '+' and spaces dropped, then ^[1-9]\d{1,14}$ (so dashes are refused)
    for (const phone of ['1', '+0861380013800', '+86 abc', '+8613800138000000000', '', '+86-138-0013-8000', '+86\t13800138000']) {
      const r = await authCall(ip, 'POST', '/otp', { phone });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 400, error_code: 'validation_failed' });
    }
  });

  test('only one SMS per phone per 60 s: 429 over_sms_send_rate_limit in both error formats', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    await requestCode(ip, phone);
    const legacy = await authCall(ip, 'POST', '/otp', { phone });
    expect(legacy.status).toBe(429);
    expect(legacy.body).toEqual({
      code: 429,
      error_code: 'over_sms_send_rate_limit',
      msg: expect.stringMatching(/^For security purposes, you can only request this after \d+ seconds\.$/),
    });
    // auth-js sends X-Supabase-Api-Version and reads `code` as the error code when it is echoed
    const dated = await authCall(ip, 'POST', '/otp', { phone }, { 'x-supabase-api-version': '2024-01-01' });
    expect(dated.status).toBe(429);
    expect(dated.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(dated.body).toEqual({ code: 'over_sms_send_rate_limit', message: expect.any(String) });
    const viaJs = await clientFrom(ip).auth.signInWithOtp({ phone });
    expect(viaJs.error).toMatchObject({ status: 429, code: 'over_sms_send_rate_limit' });

    await ageCode(phone, 61);
    const again = await authCall(ip, 'POST', '/otp', { phone });
    expect(again.status).toBe(200);
  });

  test('a code is valid for 5 minutes and not after', async () => {
    const ip = randomLoopbackIp();
    const young = randomPhone();
    const youngCode = await requestCode(ip, young);
    await ageCode(young, 290);
    expect((await authCall(ip, 'POST', '/verify', { type: 'sms', phone: young, token: youngCode })).status).toBe(200);

    const old = randomPhone();
    const oldCode = await requestCode(ip, old);
    await ageCode(old, 301);
    const r = await authCall(ip, 'POST', '/verify', { type: 'sms', phone: old, token: oldCode });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 403, error_code: 'otp_expired', msg: 'Token has expired or is invalid' });
  });

  // supabase/auth internal/api/verify.go smsVerify + isOtpValid: a wrong token is only refused, the
  // stored code is neither counted nor cleared — hosted has no per-code try limit (issue 11).
  test('wrong codes do not kill the code: after 5 wrong ones the right one still works', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const code = await requestCode(ip, phone);
    const wrong = otherCode(code, 1);
    for (let i = 0; i < 5; i++) {
      const r = await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: wrong });
      expect(r.status).toBe(403);
      expect(r.body.error_code).toBe('otp_expired');
    }
    const right = await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: code });
    expect(right.status).toBe(200);
  });

  test('4 wrong codes still leave the right one usable, and a code works once', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const code = await requestCode(ip, phone);
    const wrong = otherCode(code, 7);
    for (let i = 0; i < 4; i++) await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: wrong });
    expect((await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: code })).status).toBe(200);
    expect((await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: code })).status).toBe(403);
  });

  test('codes are stored only as hashes', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const code = await requestCode(ip, phone);
    const rows = await sql<{ users: string; tokens: string }>(
      `select row_to_json(u)::text as users,
              coalesce((select json_agg(t)::text from auth.one_time_tokens t where t.user_id = u.id), '') as tokens
       from auth.users u where phone = $1`,
      [phone.slice(1)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].users).not.toContain(code);
    expect(rows[0].tokens).not.toContain(code);
    expect(rows[0].tokens).toContain('confirmation_token');
  });

  test('create_user=false does not create accounts', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const r = await authCall(ip, 'POST', '/otp', { phone, create_user: false });
    expect(r.status).toBe(422);
    expect(r.body.error_code).toBe('otp_disabled');
    const rows = await sql(`select 1 from auth.users where phone = $1`, [phone.slice(1)]);
    expect(rows).toHaveLength(0);
  });

  test('an unknown phone with any code gets the same 403 as a wrong code', async () => {
    const ip = randomLoopbackIp();
    const r = await authCall(ip, 'POST', '/verify', { type: 'sms', phone: randomPhone(), token: '123456' });
    expect(r.status).toBe(403);
    expect(r.body.error_code).toBe('otp_expired');
    const s = await signIn(ip, randomPhone());
    expect((await getUserWith(ip, s.access_token)).status).toBe(200);
  });
});
