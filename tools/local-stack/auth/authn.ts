// Who is calling: GoTrue's requireAuthentication / requireAdmin. A user's access token is only
// good while its session row exists and has not ended — that is what makes sign-out, refresh-token
// reuse and user deletion take effect before the token's `exp`.
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import { JwtError, verifyJwt, type JwtPayload } from '../jwt';
import { forbidden, unauthorized } from './errors';
import { bearerToken } from './http';
import { findUser, isUuid, type UserRow } from './users';

const ADMIN_ROLES = ['service_role', 'supabase_admin'];

function verified(req: IncomingMessage, secret: string): JwtPayload {
  const token = bearerToken(req);
  if (!token) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  try {
    return verifyJwt(token, secret);
  } catch (e) {
    const msg = e instanceof JwtError ? e.message : 'invalid JWT: unable to parse or verify signature';
    throw forbidden('bad_jwt', msg);
  }
}

export interface Caller {
  user: UserRow;
  sessionId: string | undefined;
  /** session older than 24 h (database clock): GoTrue's secure password change then wants a nonce */
  sessionOlderThanADay: boolean;
  claims: JwtPayload;
}

export async function requireUser(req: IncomingMessage, pool: Pool, secret: string): Promise<Caller> {
  const claims = verified(req, secret);
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!isUuid(sub)) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  // GoTrue's maybeLoadUserOrSession loads the user first: a deleted user's token answers
  // user_not_found, a signed-out session's token session_not_found.
  const user = await findUser(pool, 'id', sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = claims.session_id;
  let sessionOlderThanADay = true; // no session at all counts as old, as in GoTrue's UserUpdate
  if (sessionId !== undefined) {
    const rows =
      typeof sessionId === 'string' && isUuid(sessionId)
        ? (
            await pool.query<{ old: boolean }>(
              `select created_at + interval '24 hours' < now() as old from auth.sessions where id = $1 and user_id = $2 and (not_after is null or not_after > now())`,
              [sessionId, sub],
            )
          ).rows
        : [];
    if (rows.length !== 1) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    sessionOlderThanADay = rows[0].old;
  }
  return { user, sessionId: typeof sessionId === 'string' ? sessionId : undefined, sessionOlderThanADay, claims };
}

export function requireAdmin(req: IncomingMessage, secret: string): JwtPayload {
  const claims = verified(req, secret);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.includes(claims.role)) {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}
