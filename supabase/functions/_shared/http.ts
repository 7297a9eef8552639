// Small JSON response helpers shared by the functions.
import { corsHeaders } from './cors.ts';
import type { ApiError } from './rest.ts';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json', ...headers },
  });
}

/** Reads a JSON body; `undefined` when it is not valid JSON (callers answer 400). */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return JSON.parse(await req.text());
  } catch {
    return undefined;
  }
}

export function env(name: string, fallback?: string): string {
  const value = Deno.env.get(name) ?? fallback;
  if (value === undefined) throw new Error(`missing env ${name}`);
  return value;
}

/** A refusal in the functions' shape: `{ code, message }` (stable English code, Chinese text). */
export const fail = (status: number, code: string, message: string) => json({ code, message }, status);

/** Database refusals that mean "too often": the function answers 429 (with Retry-After semantics left to the text). */
export const TOO_MANY = new Set([
  'code_resend_too_soon', 'code_attempts_exceeded_today', 'sms_daily_limit', 'sms_phone_daily_limit',
  'link_daily_limit', 'link_lookup_rate_limited',
]);

/** A database refusal as the function's answer: rights 403, too-often 429, rules and input 400. */
export function failFromDb(e: ApiError): Response {
  if (e.status === 401 || e.status === 403) return fail(e.status, e.code, e.message);
  if (TOO_MANY.has(e.code)) return fail(429, e.code, e.message);
  if (e.status >= 500) return fail(502, 'database_unavailable', '服务暂时不可用，请稍后再试');
  return fail(400, e.code, e.message);
}
