// The start every browser-called function shares: answer the CORS preflight, accept POST only, let
// the caller through the consent gate, and parse the JSON body with the function's zod schema.
// Each refusal is the functions' `{ code, message }` shape (docs/api.md).
import type { z } from 'npm:zod@3';
import { preflight } from './cors.ts';
import { type Caller, gate, type GateCode } from './gate.ts';
import { fail, readJson } from './http.ts';

export const INVALID_REQUEST_MESSAGE = '请求参数有误，请检查后重试';

/** The preflight's answer, or 405 for anything but POST; null when the request may go on. */
export function postOnly(req: Request): Response | null {
  return preflight(req) ?? (req.method === 'POST' ? null : fail(405, 'method_not_allowed', '请求方式不支持'));
}

export type Accepted<T> = { ok: true; caller: Caller; body: T } | { ok: false; response: Response };
export type AcceptedBody<T> = { ok: true; body: T } | { ok: false; response: Response };

/** The answer to a body the schema refuses (400 `invalid_request` unless the function knows better). */
export type RefuseBody = (raw: unknown, error: z.ZodError) => Response;

async function parseBody<S extends z.ZodTypeAny>(req: Request, schema: S, invalid?: RefuseBody): Promise<AcceptedBody<z.output<S>>> {
  const raw = await readJson(req);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, response: invalid ? invalid(raw, parsed.error) : fail(400, 'invalid_request', INVALID_REQUEST_MESSAGE) };
}

/** POST only with a body `schema` accepts, for functions called before sign-in (no gate). */
export function acceptPost<S extends z.ZodTypeAny>(req: Request, schema: S, invalid?: RefuseBody): Promise<AcceptedBody<z.output<S>>> {
  const early = postOnly(req);
  return early ? Promise.resolve({ ok: false, response: early }) : parseBody(req, schema, invalid);
}

export interface AcceptOptions {
  /** gate codes this function tolerates (the consent, guardian and cancel functions pass FIXABLE) */
  allow?: readonly GateCode[];
  invalid?: RefuseBody;
}

/** POST only, a cleared caller (or one the gate lets through), and a body `schema` accepts. */
export async function acceptGated<S extends z.ZodTypeAny>(req: Request, schema: S, opts: AcceptOptions = {}): Promise<Accepted<z.output<S>>> {
  const early = postOnly(req);
  if (early) return { ok: false, response: early };
  const g = await gate(req, { allow: opts.allow });
  if (!g.ok) return g;
  const parsed = await parseBody(req, schema, opts.invalid);
  return parsed.ok ? { ok: true, caller: g.caller, body: parsed.body } : parsed;
}
