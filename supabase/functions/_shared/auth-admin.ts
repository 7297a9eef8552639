// GoTrue admin calls the sign-in functions need, with the service-role key, and `mintSession`:
// a real GoTrue session for a user the function has already authenticated (by a WeChat/WeCom
// code), through public GoTrue APIs only — `POST /admin/generate_link` (magiclink, nothing is sent)
// then `POST /verify { type: 'magiclink', token_hash }`. The user's password is never touched.
//
// generate_link needs an e-mail address. Zhixiang users have none (phone sign-in), so the function
// gives the user an internal alias `<user id>@wechat.users.zhixiang.invalid` (confirmed, via the
// admin API): `.invalid` is reserved (RFC 2606) and can never receive mail, so no person can get a
// magic link or reset e-mail for it, and only the service role can produce a token hash for it.

export const ALIAS_DOMAIN = 'wechat.users.zhixiang.invalid';
export const aliasEmail = (userId: string) => `${userId}@${ALIAS_DOMAIN}`;

export interface AuthUser {
  id: string;
  email: string;
  phone: string;
}

export interface Session {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  expires_at?: number;
  token_type: string;
  user: { id: string; [k: string]: unknown };
}

export class AuthAdminError extends Error {
  constructor(readonly status: number, readonly errorCode: string, detail: string) {
    super(`GoTrue ${status} ${errorCode}: ${detail}`);
  }
}

function env(name: string): string {
  const v = Deno.env.get(name);
  if (!v) throw new Error(`missing env ${name}`);
  return v;
}

async function auth<T>(path: string, init: { method: string; body?: unknown; admin: boolean }): Promise<T> {
  const key = init.admin ? env('SUPABASE_SERVICE_ROLE_KEY') : env('SUPABASE_ANON_KEY');
  const res = await fetch(`${env('SUPABASE_URL')}/auth/v1${path}`, {
    method: init.method,
    headers: {
      apikey: key,
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = {};
  }
  if (!res.ok) {
    const code = String(body.error_code ?? body.code ?? 'unknown');
    throw new AuthAdminError(res.status, code, String(body.msg ?? body.message ?? text.slice(0, 200)));
  }
  return body as T;
}

const userOf = (u: Record<string, unknown>): AuthUser => ({
  id: String(u.id),
  email: typeof u.email === 'string' ? u.email : '',
  phone: typeof u.phone === 'string' ? u.phone : '',
});

export async function getUser(userId: string): Promise<AuthUser> {
  return userOf(await auth(`/admin/users/${encodeURIComponent(userId)}`, { method: 'GET', admin: true }));
}

/** A new phone user whose number WeChat has verified (so it is confirmed). */
export async function createPhoneUser(phoneDigits: string): Promise<AuthUser> {
  return userOf(
    await auth('/admin/users', { method: 'POST', admin: true, body: { phone: phoneDigits, phone_confirm: true } }),
  );
}

/** Sets a user's password with the admin API (the caller has checked the rules and holds a permit). */
export async function setUserPassword(userId: string, password: string): Promise<void> {
  await auth(`/admin/users/${encodeURIComponent(userId)}`, { method: 'PUT', admin: true, body: { password } });
}

/** A session for `userId`. Gives the user the internal alias e-mail first if they have no e-mail. */
export async function mintSession(userId: string): Promise<Session> {
  let user = await getUser(userId);
  if (!user.email) {
    user = userOf(
      await auth(`/admin/users/${encodeURIComponent(userId)}`, {
        method: 'PUT',
        admin: true,
        body: { email: aliasEmail(userId), email_confirm: true },
      }),
    );
  }
  const link = await auth<{ hashed_token?: string; properties?: { hashed_token?: string } }>('/admin/generate_link', {
    method: 'POST',
    admin: true,
    body: { type: 'magiclink', email: user.email },
  });
  const tokenHash = link.hashed_token ?? link.properties?.hashed_token;
  if (!tokenHash) throw new AuthAdminError(500, 'no_hashed_token', 'generate_link returned no hashed_token');
  const session = await auth<Session>('/verify', { method: 'POST', admin: false, body: { type: 'magiclink', token_hash: tokenHash } });
  // Belt and braces: never hand out a session of anybody but the user we authenticated.
  if (session.user?.id !== userId || !session.access_token || !session.refresh_token) {
    throw new AuthAdminError(500, 'session_mismatch', 'verify returned a session for another user');
  }
  return session;
}
