// Issue 10: a password is 8+ characters with letters and digits and not a common one, and changing
// it needs a fresh SMS re-verification. The database enforces the second: GoTrue's own PUT /user with
// a stolen session cannot change an existing password, only the password-change function can.
import { callApi, latestSmsCode, signInCleared, sql, type SignedInUser } from '../support/clients';
import { clientFrom, randomLoopbackIp } from '../contract/auth-support';

const change = (u: SignedInUser, body: unknown) => callApi('/functions/v1/password-change', { token: u.token, body });
const freshCode = async (u: SignedInUser) => {
  await sql(`update private.sms_challenges set sent_at = now() - interval '2 minutes' where user_id = $1`, [u.userId]);
  expect((await change(u, { action: 'send' })).status).toBe(200);
  return (await latestSmsCode(u.phone))!;
};
const signsInWith = async (u: SignedInUser, password: string) =>
  !(await clientFrom(randomLoopbackIp()).auth.signInWithPassword({ phone: u.phone, password })).error;

it('refuses weak and common passwords without using up the code', async () => {
  const user = await signInCleared();
  const code = await freshCode(user);
  for (const [password, reason] of [
    ['abc123', 'password_too_short'],
    ['abcdefghij', 'password_needs_letters_digits'],
    ['Password2026', 'password_too_common'],
    ['qwerty123', 'password_too_common'],
    ['woaini1314', 'password_too_common'],
    [`Mango${user.phone.slice(-11)}`, 'password_contains_phone'],
  ]) {
    const res = await change(user, { action: 'confirm', code, password });
    expect({ password, status: res.status, code: res.body.code }).toEqual({ password, status: 400, code: reason });
  }
  const ok = await change(user, { action: 'confirm', code, password: 'Lantern-River-58' });
  expect(ok.body).toEqual({ changed: true });
  expect(await signsInWith(user, 'Lantern-River-58')).toBe(true);
});

it('an existing password cannot be changed through GoTrue directly, only after re-verification', async () => {
  const user = await signInCleared();
  expect((await change(user, { action: 'confirm', code: await freshCode(user), password: 'First-Choice-71' })).status).toBe(200);

  // a stolen session goes straight to GoTrue: refused by the database, the password is unchanged
  const direct = await callApi('/auth/v1/user', { method: 'PUT', token: user.token, body: { password: 'Thief-Owned-99' } });
  expect(direct.status).not.toBe(200);
  expect(await signsInWith(user, 'Thief-Owned-99')).toBe(false);
  expect(await signsInWith(user, 'First-Choice-71')).toBe(true);

  // a wrong code gives no permit
  const wrong = await change(user, { action: 'confirm', code: '000000', password: 'Second-Choice-72' });
  expect(wrong.status).toBe(400);
  expect(await signsInWith(user, 'Second-Choice-72')).toBe(false);

  const right = await change(user, { action: 'confirm', code: await freshCode(user), password: 'Second-Choice-72' });
  expect(right.body).toEqual({ changed: true });
  expect(await signsInWith(user, 'Second-Choice-72')).toBe(true);
  // the permit was for one change
  expect(await sql('select 1 from private.password_permits where user_id = $1', [user.userId])).toHaveLength(0);
});
