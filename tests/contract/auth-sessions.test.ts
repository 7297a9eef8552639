// Contract: sessions — refresh-token rotation with GoTrue's reuse rules (supabase/auth
// internal/tokens/service.go RefreshTokenGrant, legacy tokens), sign-out scopes, and user deletion.
// A signed-out session's access tokens are refused by GET /user at once. Local only: tokens are
// aged in the stand-in's tables (upstream-auth.test.ts holds the cases that also run on hosted).
import {
  authCall, clientFrom, getStack, getUserWith, randomLoopbackIp, randomPhone, signIn, sql,
} from './auth-support';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { latestGotrueCode } from '../support/clients';

const refresh = (ip: string, token: string) => authCall(ip, 'POST', '/token?grant_type=refresh_token', { refresh_token: token });

/** Moves the moment a refresh token was used (revoked) `seconds` into the past. */
async function ageToken(token: string, seconds: number): Promise<void> {
  await sql(`update auth.refresh_tokens set updated_at = updated_at - make_interval(secs => $2) where token = $1`, [token, seconds]);
}

describe('auth: refresh tokens and sessions (local only)', () => {
  test('a refresh rotates the token; the new pair works', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const r = await refresh(ip, s.refresh_token);
    expect(r.status).toBe(200);
    expect(r.body.refresh_token).not.toBe(s.refresh_token);
    expect(r.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, user: { id: s.user.id } });
    expect((await getUserWith(ip, r.body.access_token)).status).toBe(200);
    expect((await refresh(ip, r.body.refresh_token)).status).toBe(200);
  });

  test('reusing a token within 10 s returns the child already issued', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const first = await refresh(ip, s.refresh_token);
    const retry = await refresh(ip, s.refresh_token);
    expect(retry.status).toBe(200);
    expect(retry.body.refresh_token).toBe(first.body.refresh_token);
  });

  test('two tabs refreshing the same token at once both get the same new token', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const [a, b] = await Promise.all([refresh(ip, s.refresh_token), refresh(ip, s.refresh_token)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.refresh_token).toBe(b.body.refresh_token);
  });

  // RefreshTokenGrant: a revoked token that is the parent of the active one gets the active one back,
  // whenever it comes — a retried refresh whose answer was lost keeps the member signed in.
  test('the parent of the active token gets the active token back, also after the reuse window', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const child = await refresh(ip, s.refresh_token);
    await ageToken(s.refresh_token, 3600);
    const retry = await refresh(ip, s.refresh_token);
    expect(retry.status).toBe(200);
    expect(retry.body.refresh_token).toBe(child.body.refresh_token);
    expect((await refresh(ip, child.body.refresh_token)).status).toBe(200);
  });

  // RefreshTokenGrant: an older token outside the reuse interval revokes the token family (committed)
  // and answers refresh_token_already_used; the session row stays, so access tokens still work.
  test('reuse of an older token after the window revokes the refresh tokens, not the access token', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const child = await refresh(ip, s.refresh_token);
    const grandchild = await refresh(ip, child.body.refresh_token);
    await ageToken(s.refresh_token, 11);
    const stolen = await refresh(ip, s.refresh_token);
    expect(stolen.status).toBe(400);
    expect(stolen.body).toEqual({ code: 400, error_code: 'refresh_token_already_used', msg: 'Invalid Refresh Token: Already Used' });
    const left = await sql<{ n: number }>(`select count(*)::int as n from auth.refresh_tokens where token = $1 and not revoked`, [
      grandchild.body.refresh_token,
    ]);
    expect(left).toEqual([{ n: 0 }]);
    // the access token of the same session is still honoured (GoTrue keeps the session row)
    expect((await getUserWith(ip, grandchild.body.access_token)).status).toBe(200);
    // the revoked active token: within its own reuse window GoTrue still swaps it, later it is refused
    await ageToken(grandchild.body.refresh_token, 11);
    const late = await refresh(ip, grandchild.body.refresh_token);
    expect(late.status).toBe(400);
    expect(late.body.error_code).toBe('refresh_token_already_used');
    const sb = clientFrom(ip);
    const { error } = await sb.auth.refreshSession({ refresh_token: s.refresh_token });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
  });

  test('an unknown refresh token is 400 refresh_token_not_found', async () => {
    const r = await refresh(randomLoopbackIp(), 'not-a-token');
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('refresh_token_not_found');
  });

  test('sign-out (global) ends every session of the user', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const a = await signIn(ip, phone);
    await sql(`update auth.users set confirmation_sent_at = now() - interval '61 seconds' where phone = $1`, [phone.slice(1)]);
    const b = await signIn(ip, phone);
    const out = await authCall(ip, 'POST', '/logout?scope=global', undefined, { authorization: `Bearer ${a.access_token}` });
    expect(out.status).toBe(204);
    for (const s of [a, b]) {
      expect((await getUserWith(ip, s.access_token)).status).toBe(403);
      expect((await refresh(ip, s.refresh_token)).body.error_code).toBe('refresh_token_not_found');
    }
  });

  test('sign-out scopes local and others', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const again = () => sql(`update auth.users set confirmation_sent_at = now() - interval '61 seconds' where phone = $1`, [phone.slice(1)]);
    const a = await signIn(ip, phone);
    await again();
    const b = await signIn(ip, phone);
    await again();
    const c = await signIn(ip, phone);
    expect((await authCall(ip, 'POST', '/logout?scope=local', undefined, { authorization: `Bearer ${a.access_token}` })).status).toBe(204);
    expect((await getUserWith(ip, a.access_token)).status).toBe(403);
    expect((await getUserWith(ip, b.access_token)).status).toBe(200);
    expect((await authCall(ip, 'POST', '/logout?scope=others', undefined, { authorization: `Bearer ${b.access_token}` })).status).toBe(204);
    expect((await getUserWith(ip, b.access_token)).status).toBe(200);
    expect((await getUserWith(ip, c.access_token)).status).toBe(403);
    const bad = await authCall(ip, 'POST', '/logout?scope=everyone', undefined, { authorization: `Bearer ${b.access_token}` });
    expect(bad.status).toBe(400);
  });

  test('supabase-js signOut() leaves the old access token useless', async () => {
    const ip = randomLoopbackIp();
    const phone = randomPhone();
    const sb = clientFrom(ip);
    await sb.auth.signInWithOtp({ phone });
    const token0 = await latestGotrueCode(phone);
    const { data } = await sb.auth.verifyOtp({ phone, token: token0, type: 'sms' });
    const token = data.session!.access_token;
    expect((await sb.auth.signOut()).error).toBeNull();
    expect((await getUserWith(ip, token)).status).toBe(403);
  });

  // maybeLoadUserOrSession loads the user before the session: a deleted user's token is user_not_found.
  test('deleting a user ends their sessions', async () => {
    const ip = randomLoopbackIp();
    const s = await signIn(ip, randomPhone());
    const admin = createClient(getStack().url, getStack().serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
    const del = await admin.auth.admin.deleteUser(s.user.id);
    expect(del.error).toBeNull();
    const me = await getUserWith(ip, s.access_token);
    expect(me.status).toBe(403);
    expect(me.body.error_code).toBe('user_not_found');
    expect((await refresh(ip, s.refresh_token)).status).toBe(400);
    const left = await sql(`select 1 from auth.sessions where user_id = $1`, [s.user.id]);
    expect(left).toHaveLength(0);
  });

  test('GET /user: no token 401, forged or expired token 403 bad_jwt', async () => {
    const ip = randomLoopbackIp();
    const none = await authCall(ip, 'GET', '/user');
    expect(none.status).toBe(401);
    expect(none.body.error_code).toBe('no_authorization');
    const s = await signIn(ip, randomPhone());
    const [h, p] = s.access_token.split('.');
    const forged = await getUserWith(ip, `${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`);
    expect([401, 403]).toContain(forged.status);
  });
});
