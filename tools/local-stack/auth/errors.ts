// GoTrue's error responses. Two families, as in supabase/auth internal/api/errors.go:
//  - HTTPError: `{ code: <status>, error_code, msg }`, or — when the request carried
//    `X-Supabase-Api-Version: 2024-01-01` (auth-js always sends it) — `{ code: <error_code>, message }`
//    with the version header echoed back, which is what makes auth-js read `code` as the error code;
//  - OAuthError: `{ error, error_description }`, always 400 (used by a few token-grant checks).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024_01_01 = '2024-01-01';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** extra top-level fields GoTrue adds for some errors (e.g. weak_password) */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const badRequest = (code: string, msg: string) => new HttpError(400, code, msg);
export const unauthorized = (code: string, msg: string) => new HttpError(401, code, msg);
export const forbidden = (code: string, msg: string) => new HttpError(403, code, msg);
export const notFound = (code: string, msg: string) => new HttpError(404, code, msg);
export const unprocessable = (code: string, msg: string) => new HttpError(422, code, msg);
export const tooManyRequests = (code: string, msg: string) => new HttpError(429, code, msg);
export const internal = (msg: string) => new HttpError(500, 'unexpected_failure', msg);

export const validationFailed = (msg: string) => badRequest('validation_failed', msg);

/** GoTrue's weak-password error: 422 plus `weak_password.reasons`. */
export function weakPassword(message: string, reasons: string[]): HttpError {
  return new HttpError(422, 'weak_password', message, { weak_password: { reasons } });
}

/** GoTrue only switches to the dated format for a version it knows, on or after 2024-01-01. */
function requestApiVersion(req: IncomingMessage): string | undefined {
  const raw = req.headers[API_VERSION_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return value >= API_VERSION_2024_01_01 ? API_VERSION_2024_01_01 : undefined;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendNoContent(res: ServerResponse): void {
  if (res.headersSent) return;
  res.writeHead(204);
  res.end();
}

/** Postgres data exceptions (SQLSTATE class 22) raised by client-supplied values. */
function isBadInputFromDb(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Writes any thrown value the way GoTrue's HandleResponseError does; unknown errors become 500. */
export function sendError(req: IncomingMessage, res: ServerResponse, err: unknown, log: (m: string) => void): void {
  const version = requestApiVersion(req);
  const headers: Record<string, string> = version ? { 'x-supabase-api-version': version } : {};
  if (err instanceof OAuthError) {
    sendJson(res, 400, { error: err.error, error_description: err.description }, headers);
    return;
  }
  let e: HttpError;
  if (err instanceof HttpError) {
    e = err;
  } else if (isBadInputFromDb(err)) {
    // e.g. a NUL character, which Postgres text/jsonb cannot hold: the client's input, not our fault
    e = badRequest('validation_failed', 'Invalid input: values must be valid UTF-8 text without NUL characters');
  } else {
    log(`auth: unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    e = internal('Unexpected failure, please check server logs for more information');
  }
  if (e.errorCode) headers['x-sb-error-code'] = e.errorCode;
  const body = version
    ? { code: e.errorCode || 'unknown', message: e.message, ...e.extra }
    : { code: e.status, error_code: e.errorCode || 'unknown', msg: e.message, ...e.extra };
  sendJson(res, e.status, body, headers);
}
