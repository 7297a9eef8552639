// grant_type=refresh_token with rotation, after GoTrue's RefreshTokenGrant (legacy opaque tokens,
// internal/tokens/service.go):
//  - a live token is revoked and replaced by a child (parent = old token);
//  - a revoked token that is the parent of the session's active token gets that active token back,
//    at any time: the client lost the answer of its last refresh and stays signed in;
//  - any other revoked token within refresh_token_reuse_interval of its revocation (updated_at)
//    gets a new child;
//  - later, it is treated as theft: every token of the session is revoked (updated_at = now()),
//    the revocation is committed and the answer is 400 refresh_token_already_used. The session row
//    stays, so access tokens already issued keep working until they expire — as on hosted.
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
    const active = await tx.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1`,
      [rt.session_id],
    );
    if (active.rows[0] && active.rows[0].parent === rt.token) {
      issued = active.rows[0].token;
    } else if (!rt.in_reuse_window) {
      if (settings.refreshTokenRotation) {
        await tx.query(
          `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`,
          [rt.session_id],
        );
      }
      throw new CommitThenFail(badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'));
    }
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
