// Invitation codes cannot be guessed by volume: a person's failed lookups (a well-formed code that
// names no invitation) count across get_invitation, accept_invitation and decline_invitation, and
// after 10 within an hour every lookup by that person is refused with 429, a real code's too, until
// the failures are an hour old. The count must outlive requests that answer with an error.
import { callApi, createEnterpriseAs, inviteCode, signInCleared, sql, type SignedInUser } from '../support/clients';

const LOOKUPS = ['get_invitation', 'accept_invitation', 'decline_invitation'] as const;
const lookup = (u: SignedInUser, fn: (typeof LOOKUPS)[number], code: string) =>
  callApi(`/rest/v1/rpc/${fn}`, { token: u.token, body: { p_code: code } });

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A well-formed code that names no invitation. */
async function unknownCode(): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 8 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
    const [row] = await sql<{ n: number }>('select count(*)::int as n from public.invitations where code = $1', [code]);
    if (row.n === 0) return code;
  }
}

const memberships = async (userId: string, enterpriseId: string) =>
  (await sql<{ n: number }>('select count(*)::int as n from public.enterprise_members where user_id = $1 and enterprise_id = $2', [userId, enterpriseId]))[0].n;

it('after 10 unknown codes in an hour a person may look up no code, a real one neither, until they are an hour old', async () => {
  const admin = await signInCleared();
  const enterpriseId = await createEnterpriseAs(admin);
  const real = await inviteCode(admin, enterpriseId);
  const guesser = await signInCleared();
  const bystander = await signInCleared();

  for (let i = 0; i < 9; i++) {
    const res = await lookup(guesser, LOOKUPS[i % 3], await unknownCode());
    expect({ status: res.status, code: res.body.message, hint: res.body.hint }).toEqual({
      status: 400, code: 'invitation_not_found', hint: '邀请不存在，请确认邀请码或链接是否正确',
    });
  }
  // Neither malformed input nor a code that exists counts.
  for (let i = 0; i < 3; i++) {
    const malformed = await lookup(guesser, 'get_invitation', 'O0I1L');
    expect({ status: malformed.status, code: malformed.body.message }).toEqual({ status: 400, code: 'invitation_code_invalid' });
    const preview = await lookup(guesser, 'get_invitation', real);
    expect({ status: preview.status, enterprise: preview.body.enterprise_id, state: preview.body.state }).toEqual({ status: 200, enterprise: enterpriseId, state: 'valid' });
  }
  const tenth = await lookup(guesser, 'decline_invitation', await unknownCode());
  expect({ status: tenth.status, code: tenth.body.message }).toEqual({ status: 400, code: 'invitation_not_found' });

  for (const fn of LOOKUPS) {
    const refused = await lookup(guesser, fn, real);
    expect({ fn, status: refused.status, code: refused.body.message, hint: refused.body.hint }).toEqual({
      fn, status: 429, code: 'invitation_attempts_exceeded', hint: '邀请码错误次数过多，请 1 小时后再试',
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter > 3000 && retryAfter <= 3600).toBe(true);
  }
  expect(await memberships(guesser.userId, enterpriseId)).toBe(0);

  // Someone else holding the code is not held back by the guesser.
  const invited = await lookup(bystander, 'accept_invitation', real);
  expect({ status: invited.status, body: invited.body }).toEqual({ status: 200, body: { enterprise_id: enterpriseId, status: 'joined' } });

  // An hour after the failures the guesser may look codes up again.
  await sql(`update private.invitation_code_failures set failed_at = failed_at - interval '61 minutes' where user_id = $1`, [guesser.userId]);
  const joined = await lookup(guesser, 'accept_invitation', real);
  expect({ status: joined.status, body: joined.body }).toEqual({ status: 200, body: { enterprise_id: enterpriseId, status: 'joined' } });
  expect(await memberships(guesser.userId, enterpriseId)).toBe(1);
});
