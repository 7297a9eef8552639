// Contract: GoTrue's admin user API through supabase-js' auth.admin, service_role only.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { authCall, clientFrom, getStack, randomLoopbackIp, randomPhone, signIn, sql } from './auth-support';

function adminClient() {
  return createClient(getStack().url, getStack().serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

describe('auth: admin users API (local only)', () => {
  test('create, read, update, list and delete a user', async () => {
    const admin = adminClient().auth.admin;
    const phone = randomPhone();
    const email = `admin-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    const created = await admin.createUser({
      phone,
      email,
      password: 'admin-set-pw-1',
      phone_confirm: true,
      email_confirm: true,
      user_metadata: { display_name: '管理员建' },
      app_metadata: { tenant: 'demo' },
    });
    expect(created.error).toBeNull();
    const user = created.data.user!;
    expect(user).toMatchObject({
      phone: phone.slice(1),
      email,
      role: 'authenticated',
      aud: 'authenticated',
      user_metadata: { display_name: '管理员建' },
      app_metadata: { provider: 'phone', providers: ['phone'], tenant: 'demo' },
    });
    expect(user.phone_confirmed_at).toBeTruthy();

    const got = await admin.getUserById(user.id);
    expect(got.data.user?.id).toBe(user.id);

    // Issue 10: changing an existing password needs a permit (trigger zx_password_permit on auth.users),
    // which the password-change function issues after an SMS re-verification; arranged here directly.
    await sql(`insert into private.password_permits (user_id, expires_at) values ($1, now() + interval '2 minutes')`, [user.id]);
    const updated = await admin.updateUserById(user.id, { user_metadata: { display_name: '改名' }, password: 'another-pw-2' });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ display_name: '改名' });
    const pw = await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ phone, password: 'another-pw-2' });
    expect(pw.error).toBeNull();
    // [auth.email] enable_signup = false turns the e-mail provider off: no password sign-in by e-mail
    const byEmail = await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ email, password: 'another-pw-2' });
    expect(byEmail.error).toMatchObject({ status: 422, code: 'email_provider_disabled' });

    const list = await admin.listUsers({ page: 1, perPage: 1 });
    expect(list.error).toBeNull();
    expect(list.data.users).toHaveLength(1);
    expect((list.data as unknown as { total: number }).total).toBeGreaterThanOrEqual(1);

    const del = await admin.deleteUser(user.id);
    expect(del.error).toBeNull();
    const gone = await admin.getUserById(user.id);
    expect(gone.error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  test('duplicate phone numbers are refused with 422 phone_exists', async () => {
    const admin = adminClient().auth.admin;
    const phone = randomPhone();
    expect((await admin.createUser({ phone, phone_confirm: true })).error).toBeNull();
    const dup = await admin.createUser({ phone: phone.slice(1) });
    expect(dup.error).toMatchObject({ status: 422, code: 'phone_exists' });
  });

  test('a ban ends the sessions and blocks sign-in', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const res = await adminClient().auth.admin.updateUserById(s.user.id, { ban_duration: '24h' });
    expect(res.error).toBeNull();
    expect(res.data.user?.banned_until).toBeTruthy();
    const me = await authCall(ip, 'GET', '/user', undefined, { authorization: `Bearer ${s.access_token}` });
    expect(me.status).toBe(403);
    const r = await authCall(ip, 'POST', '/token?grant_type=refresh_token', { refresh_token: s.refresh_token });
    expect(r.status).toBe(400);
  });

  test('the admin API refuses anon keys, user tokens and missing tokens', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const anon = await authCall(ip, 'GET', '/admin/users', undefined, { authorization: `Bearer ${getStack().anonKey}` });
    expect(anon.status).toBe(403);
    expect(anon.body.error_code).toBe('not_admin');
    const user = await authCall(ip, 'POST', '/admin/users', { phone: randomPhone() }, { authorization: `Bearer ${s.access_token}` });
    expect(user.status).toBe(403);
    const del = await authCall(ip, 'DELETE', `/admin/users/${s.user.id}`, undefined, { authorization: `Bearer ${s.access_token}` });
    expect(del.status).toBe(403);
    const none = await authCall(ip, 'GET', '/admin/users');
    expect(none.status).toBe(401);
    expect(none.body.error_code).toBe('no_authorization');
  });

  test('GET /settings and /health describe the phone provider', async () => {
    const ip = randomLoopbackIp();
    const settings = await authCall(ip, 'GET', '/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ external: { phone: true }, disable_signup: false, phone_autoconfirm: false });
    const health = await authCall(ip, 'GET', '/health');
    expect(health.body).toMatchObject({ name: 'GoTrue' });
  });
});
