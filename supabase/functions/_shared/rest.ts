// Minimal calls to the project's own APIs with plain fetch (no client library to boot): RPCs
// through PostgREST as the caller (their JWT forwarded) or as the service role, the caller's auth
// user, and GoTrue's admin API. Errors keep the database's stable code and Chinese hint.

export interface ApiError {
  status: number;
  /** stable English code, e.g. `consent_required`, `guardian_phone_invalid` */
  code: string;
  /** Chinese text for people */
  message: string;
}

export type ApiResult<T> = { data: T; error: null } | { data: null; error: ApiError };

function projectEnv(name: 'SUPABASE_URL' | 'SUPABASE_ANON_KEY' | 'SUPABASE_SERVICE_ROLE_KEY'): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`missing env ${name}`);
  return value;
}

/** A PostgREST error body `{ code, message, hint }` → our shape (message is the stable code). */
function fromPostgrest(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { code?: string; message?: string; hint?: string | null };
  const ours = typeof b.message === 'string' && /^[a-z][a-z0-9_]{2,63}$/.test(b.message);
  return {
    status,
    code: ours ? b.message! : status === 401 || status === 403 ? 'not_authenticated' : 'request_failed',
    message: (ours && b.hint) || (status === 401 || status === 403 ? '请先登录' : '请求失败，请稍后再试'),
  };
}

/** The response's JSON, or null when it has none. */
async function jsonBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Calls `public.<fn>` as `token`'s role: a user's JWT (RLS and auth.uid() apply) or the service key. */
export async function rpc<T>(fn: string, args: Record<string, unknown>, token: string): Promise<ApiResult<T>> {
  const res = await fetch(`${projectEnv('SUPABASE_URL')}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: {
      apikey: projectEnv('SUPABASE_ANON_KEY'),
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(args),
  });
  const body = await jsonBody(res);
  if (!res.ok) return { data: null, error: fromPostgrest(res.status, body) };
  return { data: body as T, error: null };
}

export const serviceKey = () => projectEnv('SUPABASE_SERVICE_ROLE_KEY');

/** Reads `table` through PostgREST as `token`'s role (RLS decides the rows); `query` is PostgREST's. */
export async function selectRows<T>(table: string, query: Record<string, string>, token: string): Promise<ApiResult<T[]>> {
  const url = new URL(`${projectEnv('SUPABASE_URL')}/rest/v1/${table}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: { apikey: projectEnv('SUPABASE_ANON_KEY'), authorization: `Bearer ${token}` } });
  const body = await jsonBody(res);
  if (!res.ok || !Array.isArray(body)) return { data: null, error: fromPostgrest(res.status, body) };
  return { data: body as T[], error: null };
}

/** The caller's auth user. GoTrue checks the session too, so ended sessions and deleted users fail here. */
export async function getAuthUser(token: string): Promise<{ id: string; phone?: string } | null> {
  const res = await fetch(`${projectEnv('SUPABASE_URL')}/auth/v1/user`, {
    headers: { apikey: projectEnv('SUPABASE_ANON_KEY'), authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  const user = (await res.json()) as { id?: unknown; phone?: unknown };
  return typeof user.id === 'string'
    ? { id: user.id, phone: typeof user.phone === 'string' ? user.phone : undefined }
    : null;
}

/** GoTrue admin API: hard-deletes the auth user (sessions end, the phone is free again). */
export async function deleteAuthUser(userId: string): Promise<boolean> {
  const res = await fetch(`${projectEnv('SUPABASE_URL')}/auth/v1/admin/users/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
    headers: { apikey: serviceKey(), authorization: `Bearer ${serviceKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ should_soft_delete: false }),
  });
  await res.body?.cancel();
  return res.ok;
}
