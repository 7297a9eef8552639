// Contract (issue 11): behaviours of hosted GoTrue that the stand-in used to get wrong, each taken
// from supabase/auth's source or tests (named per case), asserted through this project's
// supabase-js / HTTP calls against every configured target (see target.ts). Users are made with the
// admin API and a password, so no SMS is needed and the same code runs on a hosted project.
import {
  PASSWORD, aliasUser, call, clientOf, deleteUser, describeTargets, fakePhone, localOnly, passwordUser, type TargetRef,
} from './target';
import { latestSmsCode, sql } from './auth-support';
import { redeemSmsCode } from '../support/clients';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const refresh = (t: TargetRef, token: string) => call(t.get(), 'POST', '/auth/v1/token?grant_type=refresh_token', { refresh_token: token });

describeTargets('upstream auth: e-mail provider off ([auth.email] enable_signup = false)', (t) => {
  // supabase/cli pkg/config/auth.go: email.EnableSignup → external_email_enabled.
  // supabase/auth internal/api/signup.go Signup: provider email && !External.Email.Enabled →
  // 400 email_provider_disabled "Email signups are disabled".
  test('POST /signup with an e-mail is refused', async () => {
    const r = await call(t.get(), 'POST', '/auth/v1/signup', { email: `x${Date.now()}@example.com`, password: PASSWORD });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error_code: 'email_provider_disabled', msg: 'Email signups are disabled' });
  });

  // internal/api/otp.go Otp → MagicLink: !External.Email.Enabled → 400 email_provider_disabled.
  test('POST /otp with an e-mail (create_user) is refused', async () => {
    const r = await call(t.get(), 'POST', '/auth/v1/otp', { email: `x${Date.now()}@example.com`, create_user: true });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error_code: 'email_provider_disabled', msg: 'Email logins are disabled' });
  });

  // internal/api/api.go: /recover is routed through requireEmailProvider (middleware.go), 400.
  test('POST /recover is refused, also for an existing e-mail user', async () => {
    const alias = await aliasUser(t.get());
    try {
      const r = await call(t.get(), 'POST', '/auth/v1/recover', { email: alias.email });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error_code: 'email_provider_disabled', msg: 'Email logins are disabled' });
    } finally {
      await deleteUser(t.get(), alias.id);
    }
  });

  // internal/api/token.go ResourceOwnerPasswordGrant: e-mail with the provider off → 422.
  test('the password grant with an e-mail is refused with 422', async () => {
    const { error } = await clientOf(t.get()).auth.signInWithPassword({ email: `x${Date.now()}@example.com`, password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: 'email_provider_disabled' });
  });

  // internal/api/admin.go adminGenerateLink and verify.go (token_hash) never look at the flag:
  // the WeChat alias flow (supabase/functions/_shared/auth-admin.ts) depends on that.
  test('generate_link + /verify with the token hash still sign an alias account in', async () => {
    const target = t.get();
    const alias = await aliasUser(target);
    try {
      const link = await clientOf(target, target.serviceRoleKey).auth.admin.generateLink({ type: 'magiclink', email: alias.email });
      expect(link.error).toBeNull();
      const v = await call(target, 'POST', '/auth/v1/verify', { type: 'magiclink', token_hash: link.data.properties!.hashed_token });
      expect(v.status).toBe(200);
      expect(v.body.user).toMatchObject({ id: alias.id, email: alias.email });
    } finally {
      await deleteUser(target, alias.id);
    }
  });

  // internal/api/invite.go Invite: validateEmail only — no provider check (service role only).
  test('POST /invite needs the service role and validates the address', async () => {
    const none = await call(t.get(), 'POST', '/auth/v1/invite', { email: `x${Date.now()}@example.com` });
    expect(none.status).toBe(401);
    const anon = await call(t.get(), 'POST', '/auth/v1/invite', { email: `x${Date.now()}@example.com` }, bearer(t.get().anonKey));
    expect(anon.status).toBe(403);
    expect(anon.body.error_code).toBe('not_admin');
    const bad = await call(t.get(), 'POST', '/auth/v1/invite', { email: 'not an address' }, bearer(t.get().serviceRoleKey));
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('validation_failed');
  });
});

describeTargets('upstream auth: refresh tokens', (t) => {
  // internal/tokens/service.go RefreshTokenGrant: a revoked token that is the parent of the
  // session's active token gets the active token back ("the client was not able to store the result").
  test('a lost refresh answer: retrying with the parent returns the same active token, even later', async () => {
    const target = t.get();
    const u = await passwordUser(target);
    try {
      const first = await refresh(t, u.refreshToken);
      expect(first.status).toBe(200);
      await target.ageRefreshToken(u.refreshToken, 11);
      const retry = await refresh(t, u.refreshToken);
      expect(retry.status).toBe(200);
      expect(retry.body.refresh_token).toBe(first.body.refresh_token);
    } finally {
      await deleteUser(target, u.id);
    }
  }, 30_000);

  // Same function: an older revoked token outside refresh_token_reuse_interval → RevokeTokenFamily
  // (committed) + 400 refresh_token_already_used; the session row is untouched, so the access token
  // still works (internal/api/token_test.go TestRefreshTokenReuseRevocation checks the revocation).
  test('reuse of an older token revokes the refresh tokens but not the access token', async () => {
    const target = t.get();
    const u = await passwordUser(target);
    try {
      const child = await refresh(t, u.refreshToken);
      const grandchild = await refresh(t, child.body.refresh_token);
      expect(grandchild.status).toBe(200);
      await target.ageRefreshToken(u.refreshToken, 11);
      const stolen = await refresh(t, u.refreshToken);
      expect(stolen.status).toBe(400);
      expect(stolen.body).toMatchObject({ error_code: 'refresh_token_already_used', msg: 'Invalid Refresh Token: Already Used' });
      const me = await call(target, 'GET', '/auth/v1/user', undefined, bearer(grandchild.body.access_token));
      expect(me.status).toBe(200);
      await target.ageRefreshToken(grandchild.body.refresh_token, 11);
      const later = await refresh(t, grandchild.body.refresh_token);
      expect(later.status).toBe(400);
      expect(later.body.error_code).toBe('refresh_token_already_used');
    } finally {
      await deleteUser(target, u.id);
    }
  }, 40_000);
});

describeTargets('upstream auth: users and metadata', (t) => {
  // internal/models/user.go UpdateUserMetaData (used by adminUserUpdate and UserUpdate): top-level
  // keys merge, a nil value deletes its key; internal/api/admin_test.go TestAdminUserUpdate.
  test('admin user_metadata / app_metadata updates merge; a null removes the key; nested nulls stay', async () => {
    const target = t.get();
    const admin = clientOf(target, target.serviceRoleKey).auth.admin;
    const u = await passwordUser(target);
    try {
      await admin.updateUserById(u.id, { user_metadata: { a: 1, b: 2 }, app_metadata: { x: 1, y: 2 } });
      const { data, error } = await admin.updateUserById(u.id, { user_metadata: { b: null, c: { d: null } }, app_metadata: { y: null } });
      expect(error).toBeNull();
      expect(data.user!.user_metadata).toEqual({ a: 1, c: { d: null } });
      expect(data.user!.app_metadata).toMatchObject({ x: 1 });
      expect(data.user!.app_metadata).not.toHaveProperty('y');
    } finally {
      await deleteUser(target, u.id);
    }
  });

  // internal/api/user.go UserUpdate → UpdateUserMetaData: nested nulls are stored as sent.
  test('PUT /user keeps nested nulls in user metadata', async () => {
    const target = t.get();
    const u = await passwordUser(target);
    try {
      const r = await call(target, 'PUT', '/auth/v1/user', { data: { prefs: { theme: null, size: 2 }, gone: null } }, bearer(u.accessToken));
      expect(r.status).toBe(200);
      expect(r.body.user_metadata).toEqual({ prefs: { theme: null, size: 2 } });
    } finally {
      await deleteUser(target, u.id);
    }
  });

  // internal/api/auth.go maybeLoadUserOrSession: the user is loaded first → 403 user_not_found.
  test("a deleted user's access token answers user_not_found at GET /user", async () => {
    const target = t.get();
    const u = await passwordUser(target);
    await deleteUser(target, u.id);
    const me = await call(target, 'GET', '/auth/v1/user', undefined, bearer(u.accessToken));
    expect(me.status).toBe(403);
    expect(me.body.error_code).toBe('user_not_found');
  });

  // internal/api/admin.go adminUserCreate → validateEmail (checkmail.ValidateFormat).
  test('admin createUser refuses an invalid e-mail with 400 validation_failed', async () => {
    const target = t.get();
    const { error } = await clientOf(target, target.serviceRoleKey).auth.admin.createUser({ email: 'no-at-sign.example.com', email_confirm: true });
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  // internal/api/pagination.go paginate: strconv.ParseUint → admin.go "Bad Pagination Parameters".
  test('listUsers with page -1 is a 400', async () => {
    const target = t.get();
    const r = await call(target, 'GET', '/auth/v1/admin/users?page=-1', undefined, { ...bearer(target.serviceRoleKey), apikey: target.serviceRoleKey });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('validation_failed');
  });

  // internal/api/phone.go validatePhone: only '+' and spaces are stripped; ^[1-9]\d{1,14}$.
  test('phone numbers with dashes are refused', async () => {
    const r = await call(t.get(), 'POST', '/auth/v1/otp', { phone: '+86-138-0013-8000' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error_code: 'validation_failed', msg: 'Invalid phone number format (E.164 required)' });
  });

  // validatePhone accepts 2–15 digits, so a short number reaches the Send SMS hook; GoTrue's
  // runHTTPHook turns any non-2xx hook answer into 500, so send-sms answers HTTP 200 with
  // { error: { http_code: 400, message } }, which invokeHook relays. Local only: on hosted it would
  // leave a user with a short phone behind.
  (t.local ? test : test.skip)('a number GoTrue accepts but send-sms cannot text is a 4xx, not a 500 (local only)', async () => {
    const r = await call(t.get(), 'POST', '/auth/v1/otp', { phone: `+${10000 + Math.floor(Math.random() * 89999)}` });
    expect(r.status).toBeLessThan(500);
  });

  // internal/api/password.go checkPasswordStrength with config.toml's minimum_password_length = 8
  // and password_requirements = "letters_digits" (the CLI's two character sets).
  test('passwords need 8 characters with letters and digits, in GoTrue\'s words', async () => {
    const target = t.get();
    const admin = clientOf(target, target.serviceRoleKey).auth.admin;
    const r = await call(target, 'POST', '/auth/v1/admin/users', { phone: fakePhone(), password: 'abcdefgh' }, bearer(target.serviceRoleKey));
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      error_code: 'weak_password',
      weak_password: { reasons: ['characters'] },
      msg: 'Password should contain at least one character of each: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ, 0123456789.',
    });
    const short = await admin.createUser({ phone: fakePhone(), password: 'a1' });
    expect(short.error).toMatchObject({ status: 422, code: 'weak_password' });
  });
});

describeTargets('upstream auth: resend, reauthenticate, identities', (t) => {
  // internal/api/resend.go Resend: an unknown phone answers 200 {} (no account probing), an
  // unknown type is a 400.
  test('POST /resend: unknown phone 200 {}, unknown type 400', async () => {
    const ok = await call(t.get(), 'POST', '/auth/v1/resend', { type: 'sms', phone: fakePhone() });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({});
    const bad = await call(t.get(), 'POST', '/auth/v1/resend', { type: 'magiclink', phone: fakePhone() });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('validation_failed');
  });

  // internal/api/api.go: /user/identities sits behind requireManualLinkingEnabled; config.toml has
  // enable_manual_linking = false → 404 manual_linking_disabled (auth-js unlinkIdentity).
  test('unlinking an identity is refused while manual linking is off', async () => {
    const target = t.get();
    const u = await passwordUser(target);
    try {
      const me = await call(target, 'GET', '/auth/v1/user', undefined, bearer(u.accessToken));
      const r = await call(target, 'DELETE', `/auth/v1/user/identities/${me.body.identities[0].identity_id}`, undefined, bearer(u.accessToken));
      expect(r.status).toBe(404);
      expect(r.body.error_code).toBe('manual_linking_disabled');
    } finally {
      await deleteUser(target, u.id);
    }
  });

  // internal/api/user.go UserUpdate: secure_password_change asks for a nonce only when the session
  // is older than 24 h; a fresh sign-in changes its password directly.
  // On Zhixiang's database a password change also needs a permit from the password-change function
  // (zx_password_permit, issue 10), arranged here with SQL: so this runs on the local stack only.
  localOnly(t)('a fresh session changes its password without reauthentication', async () => {
    const target = t.get();
    const u = await passwordUser(target);
    await sql(`insert into private.password_permits (user_id, expires_at) values ($1, now() + interval '2 minutes')`, [u.id]);
    try {
      const r = await call(target, 'PUT', '/auth/v1/user', { password: 'Another-pw-2027' }, bearer(u.accessToken));
      expect(r.status).toBe(200);
    } finally {
      await deleteUser(target, u.id);
    }
  });

  // user.go UserUpdate (session > 24 h) → reauthentication_needed; reauthenticate.go sends the nonce
  // through the Send SMS hook (sms_type reauthentication) and verifyReauthentication checks it.
  localOnly(t)('an old session needs the nonce GET /reauthenticate texts', async () => {
    const target = t.get();
    const u = await passwordUser(target);
    try {
      await sql(`update auth.sessions set created_at = created_at - interval '25 hours' where user_id = $1`, [u.id]);
      const without = await call(target, 'PUT', '/auth/v1/user', { password: 'Another-pw-2027' }, bearer(u.accessToken));
      expect(without.status).toBe(400);
      expect(without.body).toMatchObject({ error_code: 'reauthentication_needed', msg: 'Password update requires reauthentication' });
      const sent = await call(target, 'GET', '/auth/v1/reauthenticate', undefined, bearer(u.accessToken));
      expect(sent.status).toBe(200);
      // the texted code is ours; sms-otp trades it for GoTrue's nonce (docs/security.md)
      const nonce = await redeemSmsCode(u.phone, (await latestSmsCode(u.phone)) ?? '', 'reauthentication');
      expect(nonce).toMatch(/^\d+$/);
      await sql(`insert into private.password_permits (user_id, expires_at) values ($1, now() + interval '2 minutes')`, [u.id]);
      const wrongNonce = nonce.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
      const wrong = await call(target, 'PUT', '/auth/v1/user', { password: 'Another-pw-2027', nonce: wrongNonce }, bearer(u.accessToken));
      expect(wrong.status).toBe(400);
      expect(wrong.body.error_code).toBe('reauthentication_not_valid');
      const ok = await call(target, 'PUT', '/auth/v1/user', { password: 'Another-pw-2027', nonce }, bearer(u.accessToken));
      expect(ok.status).toBe(200);
      // the nonce is single use
      const again = await call(target, 'PUT', '/auth/v1/user', { password: 'Third-pw-2028', nonce }, bearer(u.accessToken));
      expect(again.body.error_code).toBe('reauthentication_not_valid');
    } finally {
      await deleteUser(target, u.id);
    }
  });
});
