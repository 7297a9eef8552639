// grant_type=refresh_token with rotation, after GoTrue's RefreshTokenGrant:
//  - a live token is revoked and replaced by a child (parent = old token);
//  - a revoked token presented within refresh_token_reuse_interval (by its updated_at, the moment
//    it was revoked) gets the already-issued child back — a client that lost the response can
//    retry — or, if the family moved on, a new child;
//  - a revoked token presented later is treated as theft: every token of the session is revoked
//    and the session ends (not_after = now()), so its access tokens stop working too. GoTrue only
//    revokes the token family here; ending the session is the stand-in's stricter reading.
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Pool, PoolClient } from 'pg';
import type { StackConfig } from '../config';
import { CommitThenFail, withTx } from './db';
import { badRequest } from './errors';
import { clientIp, userAgent } from './http';
import { insertRefreshToken, sessionResponse, type SessionResponse } from './sessions';
import type { AuthSettings } from './settings';
import { findUser } from './users';

interface TokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  session_id: string | null;
  session_ended: boolean;
  in_reuse_window: boolean;
}

async function grant(tx: PoolClient, req: IncomingMessage, config: StackConfig, settings: AuthSettings, refreshToken: string): Promise<SessionResponse> {
  const { rows } = await tx.query<TokenRow>(
    `select rt.id, rt.token, rt.user_id, coalesce(rt.revoked, false) as revoked, rt.session_id,
            coalesce(s.not_after <= now(), false) as session_ended,
            coalesce(rt.updated_at + make_interval(secs => $2) > now(), false) as in_reuse_window
     from auth.refresh_tokens rt
     join auth.sessions s on s.id = rt.session_id
     where rt.token = $1
     for update of rt, s`,
    [refreshToken, settings.refreshTokenReuseInterval],
  );
  const rt = rows[0];
  if (!rt || !rt.session_id) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  const user = await findUser(tx, 'id', rt.user_id);
  if (!user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (user.is_banned) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  if (rt.session_ended) throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');

  let issued: string | undefined;
  if (rt.revoked) {
    if (!rt.in_reuse_window && settings.refreshTokenRotation) {
      await tx.query(
        `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`,
        [rt.session_id],
      );
      await tx.query(`update auth.sessions set not_after = now(), updated_at = now() where id = $1`, [rt.session_id]);
      throw new CommitThenFail(badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'));
    }
    const child = await tx.query<{ token: string }>(
      `select token from auth.refresh_tokens where session_id = $1 and revoked = false and parent = $2
       order by id desc limit 1`,
      [rt.session_id, rt.token],
    );
    issued = child.rows[0]?.token;
  }
  if (!issued) {
    await tx.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1 and revoked = false`, [rt.id]);
    issued = await insertRefreshToken(tx, user.id, rt.session_id, rt.token);
  }
  const ip = clientIp(req, settings.rateLimits.header);
  await tx.query(
    `update auth.sessions set refreshed_at = timezone('utc', now()), updated_at = now(), user_agent = $2, ip = $3 where id = $1`,
    [rt.session_id, userAgent(req), net.isIP(ip) ? ip : null],
  );
  return sessionResponse(tx, config, settings, user, rt.session_id, issued);
}

export function refreshTokenGrant(pool: Pool, req: IncomingMessage, config: StackConfig, settings: AuthSettings, refreshToken: string): Promise<SessionResponse> {
  return withTx(pool, (tx) => grant(tx, req, config, settings, refreshToken));
}
