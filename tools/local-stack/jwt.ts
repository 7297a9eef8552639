// HS256 JWTs as GoTrue and PostgREST use them. Kept dependency-free: the stand-ins and the gateway
// share this one implementation.
import crypto from 'node:crypto';

export type JwtPayload = Record<string, unknown> & { exp?: number; iat?: number; role?: string; sub?: string };

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function signJwt(payload: JwtPayload, secret: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  const sig = crypto.createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${sig}`;
}

export class JwtError extends Error {
  constructor(
    message: string,
    readonly reason: 'malformed' | 'signature' | 'expired',
  ) {
    super(message);
  }
}

/** Verifies signature and expiry; throws JwtError. */
export function verifyJwt(token: string, secret: string, nowSec = Math.floor(Date.now() / 1000)): JwtPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('invalid JWT: unable to parse or verify signature, token is malformed', 'malformed');
  const [h, b, s] = parts;
  let header: { alg?: string };
  let payload: JwtPayload;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(b, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('invalid JWT: unable to parse or verify signature, token is malformed', 'malformed');
  }
  if (header?.alg !== 'HS256' || typeof payload !== 'object' || payload === null) {
    throw new JwtError('invalid JWT: unable to parse or verify signature, signing method is invalid', 'malformed');
  }
  const expected = crypto.createHmac('sha256', secret).update(`${h}.${b}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new JwtError('invalid JWT: unable to parse or verify signature, signature is invalid', 'signature');
  }
  if (typeof payload.exp === 'number' && payload.exp <= nowSec) {
    throw new JwtError('invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired', 'expired');
  }
  return payload;
}
