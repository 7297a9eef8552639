// Liveness of the functions runtime for monitoring and for the gateway's contract tests.
// Keeps the platform default verify_jwt = true, so it also shows the JWT check is in force.
import { preflight } from '../_shared/cors.ts';
import { json } from '../_shared/http.ts';

export function handler(req: Request): Promise<Response> {
  return Promise.resolve(preflight(req) ?? json({ status: 'ok', time: new Date().toISOString() }));
}
