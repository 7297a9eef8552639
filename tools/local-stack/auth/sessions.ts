// Sessions and the tokens GoTrue hands out for them: an HS256 access token with GoTrue's claims
// (generateAccessToken) and an opaque refresh token in auth.refresh_tokens, one session row per
// sign-in. Ending a session (logout, user deletion, refresh-token reuse) is deleting the row or
// setting not_after; access tokens are checked against the row, so they die with it.
import crypto from 'node:crypto';
import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { PoolClient } from 'pg';
import { signJwt } from '../jwt';
import type { StackConfig } from '../config';
import { clientIp, userAgent, type Json } from './http';
import type { AuthSettings } from './settings';
import { findUser, userJson, type UserRow } from './users';

type Db = Pick<PoolClient, 'query'>;

export type AuthMethod = 'otp' | 'password' | 'sms';

export interface SessionResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Json;
}

export function newRefreshTokenString(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/** GoTrue's issuer default: the external URL of the auth API. */
export function issuer(config: StackConfig): string {
  return `${config.apiUrl}/auth/v1`;
}

async function amrClaims(db: Db, sessionId: string): Promise<Array<{ method: string; timestamp: number }>> {
  const { rows } = await db.query<{ method: string; ts: number }>(
    `select authentication_method as method, floor(extract(epoch from created_at))::int8 as ts
     from auth.mfa_amr_claims where session_id = $1 order by created_at desc`,
    [sessionId],
  );
  return rows.map((r) => ({ method: r.method, timestamp: Number(r.ts) }));
}

export async function accessToken(
  db: Db, config: StackConfig, settings: AuthSettings, user: UserRow, sessionId: string,
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + settings.jwtExpiry;
  // Claim names and order as GoTrue's AccessTokenClaims; aud is a plain string there.
  const claims = {
    iss: issuer(config),
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    exp,
    iat,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role || 'authenticated',
    aal: 'aal1',
    amr: await amrClaims(db, sessionId),
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  return { token: signJwt(claims, config.jwtSecret), expiresAt: exp };
}

export async function insertRefreshToken(db: Db, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = newRefreshTokenString();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

function inetOrNull(ip: string): string | null {
  return net.isIP(ip) ? ip : null;
}

export async function sessionResponse(
  db: Db, config: StackConfig, settings: AuthSettings, user: UserRow, sessionId: string, refreshToken: string,
): Promise<SessionResponse> {
  const { token, expiresAt } = await accessToken(db, config, settings, user, sessionId);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: settings.jwtExpiry,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await userJson(db, user),
  };
}

/** A new session for a successful sign-in (verify or password grant), as GoTrue's issueRefreshToken. */
export async function startSession(
  tx: Db, req: IncomingMessage, config: StackConfig, settings: AuthSettings, user: UserRow, method: AuthMethod,
): Promise<SessionResponse> {
  const sessionId = crypto.randomUUID();
  const ip = inetOrNull(clientIp(req, settings.rateLimits.header));
  await tx.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', timezone('utc', now()), $3, $4)`,
    [sessionId, user.id, userAgent(req), ip],
  );
  await tx.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
     values ($1, now(), now(), $2, gen_random_uuid())`,
    [sessionId, method],
  );
  const refresh = await insertRefreshToken(tx, user.id, sessionId, null);
  await tx.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [user.id]);
  await tx.query(`update auth.identities set last_sign_in_at = now() where user_id = $1`, [user.id]);
  const fresh = (await findUser(tx, 'id', user.id)) ?? user;
  return sessionResponse(tx, config, settings, fresh, sessionId, refresh);
}

/** GoTrue's logout scopes: the current session, all of the user's, or all but the current one. */
export async function endSessions(db: Db, userId: string, sessionId: string | undefined, scope: 'global' | 'local' | 'others'): Promise<void> {
  if (scope === 'global') {
    await db.query(`delete from auth.sessions where user_id = $1`, [userId]);
  } else if (!sessionId) {
    return; // a token without a session (e.g. hand-made for tests) has no "current" session
  } else if (scope === 'local') {
    await db.query(`delete from auth.sessions where id = $1`, [sessionId]);
  } else {
    await db.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [userId, sessionId]);
  }
}
