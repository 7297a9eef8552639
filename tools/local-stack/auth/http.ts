// Request plumbing: bodies, typed fields, caller IP, bearer token. Every malformed input must end
// as a 4xx in GoTrue's shape, never a 5xx, so type checks mirror Go's json.Unmarshal into a struct.
import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError } from './errors';

const MAX_BODY_BYTES = 256 * 1024;

export type Json = Record<string, unknown>;

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'request_too_large', 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON object body, as GoTrue's retrieveRequestParams demands (an empty body is bad JSON too). */
export async function readJsonObject(req: IncomingMessage): Promise<Json> {
  return parseObject((await readRaw(req)).toString('utf8'));
}

/** Bodies are optional on some endpoints (DELETE /admin/users/:id, POST /logout). */
export async function readOptionalJsonObject(req: IncomingMessage): Promise<Json> {
  const text = (await readRaw(req)).toString('utf8');
  return text.trim() === '' ? {} : parseObject(text);
}

function parseObject(text: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('bad_json', `Could not parse request body as JSON: json: cannot unmarshal ${goType(parsed)} into Go value of type params`);
  }
  return parsed as Json;
}

function goType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeError(field: string, v: unknown, want: string): HttpError {
  return badRequest('bad_json', `Could not parse request body as JSON: json: cannot unmarshal ${goType(v)} into Go struct field .${field} of type ${want}`);
}

/** Optional string field; null counts as absent (Go leaves the zero value). */
export function str(body: Json, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw typeError(field, v, 'string');
  return v;
}

export function bool(body: Json, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw typeError(field, v, 'bool');
  return v;
}

export function obj(body: Json, field: string): Json | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw typeError(field, v, 'map[string]interface {}');
  return v as Json;
}

/** `/token?grant_type=x` → { pathname: '/token', query }. Never throws on odd input. */
export function splitPath(path: string): { pathname: string; query: URLSearchParams } {
  const q = path.indexOf('?');
  const pathname = (q < 0 ? path : path.slice(0, q)).replace(/\/+$/, '') || '/';
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(q < 0 ? '' : path.slice(q + 1));
  } catch {
    query = new URLSearchParams();
  }
  return { pathname, query };
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : undefined;
}

/**
 * The rate-limit key for the caller. By default the socket's peer address: headers are whatever
 * the client says. Like GoTrue's GOTRUE_RATE_LIMIT_HEADER, a header is trusted only when configured,
 * which is right only behind a proxy that overwrites it (e.g. X-Forwarded-For set by the edge).
 */
export function clientIp(req: IncomingMessage, trustedHeader: string | undefined): string {
  if (trustedHeader) {
    const raw = req.headers[trustedHeader.toLowerCase()];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0]?.trim();
    if (value) return value.slice(0, 64);
  }
  const addr = req.socket.remoteAddress ?? 'unknown';
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

export function userAgent(req: IncomingMessage): string | null {
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' && ua ? ua.slice(0, 512) : null;
}
