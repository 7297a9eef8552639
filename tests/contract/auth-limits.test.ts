// Contract: rate limits with GoTrue's budgets from supabase/config.toml [auth.rate_limit]
// (5-minute windows) and GoTrue's 429 shape. Each test uses a fresh loopback source address, so the
// limiter sees a new client; the caller's IP comes from the socket, and a client-sent
// X-Forwarded-For must not buy a fresh budget. Windows are aged in Postgres instead of waited out.
import { loadAuthSettings } from '../../tools/local-stack/auth/settings';
import { SMS_BUDGET_BUCKET } from '../../tools/local-stack/auth/rate-limit';
import { authCall, fetchFrom, randomLoopbackIp, randomPhone, signIn, sql } from './auth-support';
import { startSecondProject } from './second-project';

const limits = loadAuthSettings().rateLimits;

async function ageWindow(ip: string, bucket: string): Promise<void> {
  await sql(`update auth.local_rate_limits set window_start = window_start - interval '301 seconds' where bucket = $1 and key = $2`, [
    `ip:${bucket}`,
    ip,
  ]);
}

describe('auth: rate limits (local only: windows are aged in the stand-in\'s table)', () => {
  test('sign-in attempts: the budget is enforced per socket IP, spoofed headers change nothing', async () => {
    const ip = randomLoopbackIp();
    const attempt = (headers: Record<string, string> = {}) =>
      authCall(ip, 'POST', '/token?grant_type=password', { phone: randomPhone(), password: 'guess-guess' }, headers);
    for (let i = 0; i < limits.signInSignUps; i++) {
      const r = await attempt();
      expect(r.status).toBe(400); // wrong credentials, but counted
    }
    const over = await attempt();
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
    const spoofed = await attempt({ 'x-forwarded-for': randomLoopbackIp(), 'x-real-ip': '10.1.2.3' });
    expect(spoofed.status).toBe(429);

    // another client is unaffected
    expect((await authCall(randomLoopbackIp(), 'POST', '/token?grant_type=password', { phone: randomPhone(), password: 'x-x-x-x' })).status).toBe(400);
    // and the window ends
    await ageWindow(ip, 'sign_in_sign_ups');
    expect((await attempt()).status).toBe(400);
  });

  test('code requests count against the same sign-in budget', async () => {
    const ip = randomLoopbackIp();
    await sql(`insert into auth.local_rate_limits (bucket, key, window_start, hits) values ('ip:sign_in_sign_ups', $1, now(), $2)`, [
      ip,
      limits.signInSignUps,
    ]);
    const r = await authCall(ip, 'POST', '/otp', { phone: randomPhone() });
    expect(r.status).toBe(429);
    expect(r.body.error_code).toBe('over_request_rate_limit');
  });

  test('code verifications are limited per IP', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    for (let i = 0; i < limits.tokenVerifications; i++) {
      const r = await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: '000000' });
      expect(r.status).toBe(403);
    }
    const over = await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: '000000' });
    expect(over.status).toBe(429);
    expect(over.body.error_code).toBe('over_request_rate_limit');
    // with auth-js's API version header the dated shape is used
    const dated = await authCall(ip, 'POST', '/verify', { type: 'sms', phone, token: '000000' }, { 'x-supabase-api-version': '2024-01-01' });
    expect(dated.body).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
  });

  test('token refreshes are limited per IP', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(randomLoopbackIp(), randomPhone());
    await sql(`insert into auth.local_rate_limits (bucket, key, window_start, hits) values ('ip:token_refresh', $1, now(), $2)`, [
      ip,
      limits.tokenRefresh,
    ]);
    const r = await authCall(ip, 'POST', '/token?grant_type=refresh_token', { refresh_token: s.refresh_token });
    expect(r.status).toBe(429);
    // the refused request did not consume the token
    const ok = await authCall(randomLoopbackIp(), 'POST', '/token?grant_type=refresh_token', { refresh_token: s.refresh_token });
    expect(ok.status).toBe(200);
  });

  // supabase/auth: the sms_sent budget ([auth.rate_limit] sms_sent, GOTRUE_RATE_LIMIT_SMS_SENT) is one
  // limiter for the whole instance, not keyed by IP — unlike sign_in_sign_ups and token_verifications.
  test('the SMS budget is project-wide: once spent, a new client is refused too', async () => {
    const project = await startSecondProject((s) => ({ ...s, rateLimits: { ...s.rateLimits, smsSent: 2 } }));
    try {
      const otp = (ip: string) =>
        fetchFrom(ip)(`${project.authUrl}/otp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: randomPhone() }) });
      expect((await otp(randomLoopbackIp())).status).toBe(200);
      expect((await otp(randomLoopbackIp())).status).toBe(200);
      const third = await otp(randomLoopbackIp());
      expect(third.status).toBe(429);
      expect(await third.json()).toEqual({ code: 429, error_code: 'over_sms_send_rate_limit', msg: 'SMS rate limit exceeded' });
      // one counter row for the project (local only: reads the stand-in's table)
      const rows = await sql<{ key: string; hits: number }>(`select key, hits from auth.local_rate_limits where bucket = $1`, [SMS_BUDGET_BUCKET]);
      expect(rows.filter((r) => r.key === project.projectRef)).toEqual([{ key: project.projectRef, hits: 3 }]);
    } finally {
      await sql(`delete from auth.local_rate_limits where bucket = $1 and key = $2`, [SMS_BUDGET_BUCKET, project.projectRef]);
      await project.close();
    }
  });
});
