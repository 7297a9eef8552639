// POST /admin/generate_link (type magiclink) and POST /verify with `token_hash` — GoTrue's way for a
// server holding the service-role key to sign an existing user in without touching their password
// (what the wechat-login / wecom-login functions do). Like GoTrue: the magic-link token is
// sha224(email + otp), kept in auth.users.recovery_token (an existing, confirmed user) with a
// mirror row in auth.one_time_tokens, valid for [auth.email] otp_expiry seconds, single use.
// Only magic links of existing users are supported; nothing is e-mailed (generate_link never sends).
import fs from 'node:fs';
import { requireAdmin } from './authn';
import { CommitThenFail, withTx } from './db';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthDeps, Route } from './deps';
import { forbidden, notFound, sendJson, validationFailed } from './errors';
import { readJsonObject, str, type Json } from './http';
import { generateOtp, tokenHash } from './otp';
import { startSession } from './sessions';
import { CONFIG_TOML } from './settings';
import { parseToml } from '../toml';
import { assertEmailShape, findUser, userJson } from './users';

function emailOtpExpirySeconds(): number {
  const toml = fs.existsSync(CONFIG_TOML) ? parseToml(fs.readFileSync(CONFIG_TOML, 'utf8')) : {};
  const v = toml['auth.email']?.['otp_expiry'];
  return typeof v === 'number' && v > 0 ? v : 3600;
}
const EXPIRY = emailOtpExpirySeconds();

export const postGenerateLink: Route = async (deps, { req, res }) => {
  requireAdmin(req, deps.config.jwtSecret);
  const body = await readJsonObject(req);
  const type = str(body, 'type') ?? '';
  const email = (str(body, 'email') ?? '').trim();
  if (type !== 'magiclink') {
    throw validationFailed(`Link type ${type || '(none)'} is not available here: only magiclink of existing users`);
  }
  assertEmailShape(email);
  const out = await withTx(deps.pool, async (tx) => {
    const user = await findUser(tx, 'email', email, true);
    if (!user) throw notFound('user_not_found', 'User not found');
    const otp = generateOtp(6);
    const hash = tokenHash(user.email ?? email, otp);
    await tx.query(`update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1`, [
      user.id,
      hash,
    ]);
    await tx.query(
      `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
       values (gen_random_uuid(), $1, 'recovery_token', $2, $3, now(), now())
       on conflict (user_id, token_type) do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
      [user.id, hash, user.email ?? email],
    );
    const redirectTo = str(body, 'redirect_to') ?? '';
    const actionLink = `${deps.config.apiUrl}/auth/v1/verify?token=${hash}&type=magiclink&redirect_to=${encodeURIComponent(redirectTo)}`;
    const u = (await findUser(tx, 'id', user.id)) ?? user;
    return {
      ...(await userJson(tx, u)),
      action_link: actionLink,
      email_otp: otp,
      hashed_token: hash,
      verification_type: 'magiclink',
      redirect_to: redirectTo,
    } satisfies Json;
  });
  sendJson(res, 200, out);
};

const linkInvalid = () => forbidden('otp_expired', 'Email link is invalid or has expired');

/**
 * POST /verify { type: 'magiclink' | 'email', token_hash } → session; the token is single use.
 * Called by postVerify (which has read the body and counted the verification) when `token_hash` is set.
 */
export async function verifyTokenHash(deps: AuthDeps, req: IncomingMessage, res: ServerResponse, body: Json): Promise<void> {
  const type = str(body, 'type') ?? '';
  const hash = (str(body, 'token_hash') ?? '').trim();
  if (type !== 'magiclink' && type !== 'email') {
    throw validationFailed(`Verification type ${type} is not available: this project verifies magic links only by token hash`);
  }
  if (str(body, 'email') || str(body, 'phone')) throw validationFailed('Only the token hash should be provided');
  if (!/^[0-9a-f]{56}$/.test(hash)) throw linkInvalid();
  const session = await withTx(deps.pool, async (tx) => {
    const { rows } = await tx.query<{ id: string; fresh: boolean }>(
      `select id, recovery_sent_at + make_interval(secs => $2) > now() as fresh
         from auth.users where recovery_token = $1 and deleted_at is null for update`,
      [hash, EXPIRY],
    );
    const row = rows[0];
    if (!row) throw linkInvalid();
    // Single use, also when expired.
    await tx.query(`update auth.users set recovery_token = '' where id = $1`, [row.id]);
    await tx.query(`delete from auth.one_time_tokens where user_id = $1 and token_type = 'recovery_token'`, [row.id]);
    if (!row.fresh) throw new CommitThenFail(linkInvalid());
    const user = await findUser(tx, 'id', row.id);
    if (!user) throw linkInvalid();
    if (user.is_banned) throw new CommitThenFail(forbidden('user_banned', 'User is banned'));
    await tx.query(
      `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1`,
      [user.id],
    );
    return startSession(tx, req, deps.config, deps.settings, (await findUser(tx, 'id', user.id)) ?? user, 'otp');
  });
  sendJson(res, 200, session);
}
