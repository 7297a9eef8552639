// Who is calling: the verified JWT of the request, exactly what Storage hands to Postgres. This
// module only checks the signature and expiry; what the caller may do is decided by RLS.
import type { IncomingMessage } from 'node:http';
import { JwtError, verifyJwt, type JwtPayload } from '../jwt';
import { ERRORS } from './errors';

export interface Caller {
  /** the Postgres role the metadata queries run as (`role` claim, anon when absent) */
  role: string;
  claims: JwtPayload;
  jwt: string;
  /** true when a valid JWT came with the request */
  authenticated: boolean;
}

export const ANON_CALLER: Caller = { role: 'anon', claims: { role: 'anon' }, jwt: '', authenticated: false };

// jsonwebtoken's messages, which Storage passes through in its AccessDenied error.
const MESSAGES: Record<JwtError['reason'], string> = {
  malformed: 'jwt malformed',
  signature: 'invalid signature',
  expired: 'jwt expired',
};

export function verifyToken(token: string, secret: string): JwtPayload {
  try {
    return verifyJwt(token, secret);
  } catch (e) {
    throw e instanceof JwtError ? new JwtMessageError(MESSAGES[e.reason]) : new JwtMessageError('jwt malformed');
  }
}

export class JwtMessageError extends Error {}

/**
 * The caller of a request. `allowAnonymous` mirrors Storage's `allowInvalidJwt` routes (public
 * objects, info, signed URLs): a missing or invalid token makes the caller anon instead of failing.
 */
export function callerOf(req: IncomingMessage, secret: string, allowAnonymous = false): Caller {
  const header = req.headers.authorization ?? '';
  const jwt = header.replace(/^Bearer\s+/i, '').trim();
  if (!jwt && allowAnonymous) return ANON_CALLER;
  try {
    if (!jwt) throw new JwtMessageError('jwt must be provided');
    const claims = verifyToken(jwt, secret);
    const role = typeof claims.role === 'string' && claims.role ? claims.role : 'anon';
    return { role, claims, jwt, authenticated: true };
  } catch (e) {
    if (allowAnonymous) return ANON_CALLER;
    throw ERRORS.accessDenied(e instanceof Error ? e.message : 'invalid JWT');
  }
}

export interface Owner {
  owner: string | null;
  ownerId: string | null;
}

/** The owner recorded on new objects: `owner_id` = the `sub` claim, `owner` only when it is a uuid. */
export function ownerFromSub(sub: unknown): Owner {
  const id = typeof sub === 'string' && sub ? sub : null;
  const isUuid = id !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-5][0-9a-f]{3}-[089ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id);
  return { owner: isUuid ? id : null, ownerId: id };
}

export function ownerOf(caller: Caller): Owner {
  return ownerFromSub(caller.claims.sub);
}
