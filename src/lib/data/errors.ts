import { isAuthError, isAuthRetryableFetchError } from '@supabase/supabase-js';
import { AppError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from '../errors/app-error';
import { isGateCode } from './gate';
import { COMMON_MESSAGES, type ModuleMessages } from './messages';

// The one error mapper: whatever Supabase answered (PostgREST, Auth, an edge function, Storage) or
// failed to answer (offline) → AppError { code, message (Chinese), status, gateRefusal }.
// Server conventions (docs/api.md): an RPC raises `message` = stable English code, `hint` = Chinese;
// an edge function answers `{ code, message }`; Storage puts the status it meant in its body.

const CODE = /^[a-z][a-z0-9_]*$/;
const CJK = /[\u4e00-\u9fff]/;
// postgrest-js reports a failed fetch as an error with an empty code and the exception's text.
const NETWORK_TEXT = /fetch|network|request failed|aborted/i;
// Type errors (22P02 bad uuid, 22007/22008 bad date) carry Postgres' English text: not for people.
const TYPE_ERROR = /^22(P02|007|008)$/;

const make = (code: string, message: string, status = 0) => new AppError(code, message, { status, gateRefusal: isGateCode(code) });

const tableText = (code: string, mod: ModuleMessages): string | undefined => mod.messages[code] ?? COMMON_MESSAGES[code];

/** The text for a code: the module's table and the server's text, in the order the module chose. */
export function messageFor(code: string, mod: ModuleMessages, serverText?: string | null): string {
  const server = serverText || undefined;
  const table = tableText(code, mod);
  return (mod.serverTextFirst ? server ?? table : table ?? server) ?? UNKNOWN_ERROR_MESSAGE;
}

const nameOf = (error: unknown): string => (error instanceof Error ? error.name : '');

function isNetworkFailure(error: unknown): boolean {
  if (isAuthRetryableFetchError(error)) return true;
  const name = nameOf(error);
  // By name, not instanceof: functions-js may be bundled more than once.
  return error instanceof TypeError || name === 'AbortError' || name === 'FunctionsFetchError' || name === 'FunctionsRelayError';
}

interface PostgrestShape {
  code?: string | null;
  message: string;
  hint?: string | null;
}

function fromPostgrest(e: PostgrestShape, mod: ModuleMessages, status: number): AppError {
  if (!e.code && NETWORK_TEXT.test(e.message)) return make('network', NETWORK_ERROR_MESSAGE);
  if (TYPE_ERROR.test(e.code ?? '')) return make('invalid_request', messageFor('invalid_request', mod), status);
  // PostgREST's own "function not found": the server lacks this RPC (not migrated yet).
  if (e.code === 'PGRST202') return make('rpc_missing', messageFor('rpc_missing', mod), status);
  if (CODE.test(e.message)) return make(e.message, messageFor(e.message, mod, e.hint), status);
  // Anything else is Postgres' or PostgREST's English: only a Chinese hint is for people.
  return make('unknown', e.hint && CJK.test(e.hint) ? e.hint : UNKNOWN_ERROR_MESSAGE, status);
}

/** GoTrue errors: `code` per https://supabase.com/docs/guides/auth/debugging/error-codes. */
function fromAuth(error: { code?: string; message: string; status?: number }, mod: ModuleMessages): AppError {
  const status = error.status ?? 0;
  // Our Send SMS hook's refusals (per-phone limits) reach the app through GoTrue as a status and
  // the hook's Chinese message, without a GoTrue code: show the message.
  if (!error.code && CJK.test(error.message)) return make(status === 429 ? 'sms_limited' : 'sms_refused', error.message, status);
  const code = error.code || (status === 429 ? 'over_request_rate_limit' : 'unknown');
  // GoTrue's own text is English: the table only.
  return make(code, tableText(code, mod) ?? UNKNOWN_ERROR_MESSAGE, status);
}

/**
 * Anything a Supabase call threw or returned as `error` → AppError (sync: an edge function's body
 * needs `toAppError`). `status` is the HTTP status of the answer, when the caller has it.
 */
export function mapError(error: unknown, mod: ModuleMessages, status = 0): AppError {
  if (error instanceof AppError) return error;
  if (isNetworkFailure(error)) return make('network', NETWORK_ERROR_MESSAGE);
  if (isAuthError(error)) return fromAuth(error, mod);
  const e = error as Partial<PostgrestShape> | null;
  if (e && typeof e === 'object' && typeof e.message === 'string' && !nameOf(error).startsWith('Functions')) {
    return fromPostgrest(e as PostgrestShape, mod, status);
  }
  return make('unknown', UNKNOWN_ERROR_MESSAGE, status);
}

/** Like `mapError`, and reads an edge function's `{ code, message }` body from `error.context`. */
export async function toAppError(error: unknown, mod: ModuleMessages, status = 0): Promise<AppError> {
  if (nameOf(error) !== 'FunctionsHttpError') return mapError(error, mod, status);
  const response = (error as { context?: unknown }).context as Partial<Response> | undefined;
  const httpStatus = typeof response?.status === 'number' ? response.status : status;
  if (response && typeof response.clone === 'function') {
    try {
      const body = (await response.clone().json()) as { code?: unknown; message?: unknown } | null;
      if (body && typeof body.code === 'string') {
        return make(body.code, messageFor(body.code, mod, typeof body.message === 'string' ? body.message : null), httpStatus);
      }
    } catch {
      // not JSON: fall through
    }
  }
  return make('unknown', UNKNOWN_ERROR_MESSAGE, httpStatus);
}

/**
 * The status Storage meant. Supabase Storage answers most refusals with HTTP 400 and puts the real
 * status in the body as a string (`{"statusCode":"413",...}`), hosted and locally alike;
 * Taro.uploadFile hands the body over as text.
 */
export function storageStatus(httpStatus: number, body: unknown): number {
  const code = storageBody(body)?.statusCode;
  const n = typeof code === 'string' || typeof code === 'number' ? Number(code) : NaN;
  return Number.isInteger(n) && n >= 400 && n <= 599 ? n : httpStatus;
}

function storageBody(body: unknown): { statusCode?: unknown; message?: unknown } | null {
  if (typeof body !== 'string') return (body as { statusCode?: unknown; message?: unknown } | null) ?? null;
  try {
    return JSON.parse(body) as { statusCode?: unknown; message?: unknown } | null;
  } catch {
    return null;
  }
}

/**
 * A failed Storage upload → AppError by the status Storage meant: `file_too_large` (413),
 * `file_type_invalid` (415), `deniedCode` (401/403; the module names what a refusal means there),
 * else `upload_failed`. Texts from the module's table, except a Chinese message in the body: a
 * database rule's own words for people (code `upload_refused`).
 */
export function mapStorageError(httpStatus: number, body: unknown, mod: ModuleMessages, deniedCode = 'upload_failed'): AppError {
  const status = storageStatus(httpStatus, body);
  // A database rule on storage.objects that refuses in Chinese (the kb quota's 存储空间已满…) speaks to people.
  const message = storageBody(body)?.message;
  if (typeof message === 'string' && CJK.test(message)) return make('upload_refused', message, status);
  const code = status === 413 ? 'file_too_large' : status === 415 ? 'file_type_invalid' : status === 401 || status === 403 ? deniedCode : 'upload_failed';
  return make(code, tableText(code, mod) ?? UNKNOWN_ERROR_MESSAGE, status);
}
