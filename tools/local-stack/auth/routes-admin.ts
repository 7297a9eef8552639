// /admin/users — GoTrue's admin API, for service_role (or supabase_admin) JWTs only.
import { requireAdmin } from './authn';
import { withTx } from './db';
import type { Route, RouteArgs, AuthDeps } from './deps';
import { badRequest, notFound, sendJson, validationFailed } from './errors';
import { bool, obj, readJsonObject, readOptionalJsonObject, str, type Json } from './http';
import { normalizePhone } from './phone';
import { durationSeconds } from './settings';
import {
  assertEmailShape, assertPasswordStrength, createUser, findUser, isUuid, mergeMetadataSql, setPassword, uniqueViolation, userJson,
  type UserRow,
} from './users';

const userNotFound = () => notFound('user_not_found', 'User not found');

async function targetUser(deps: AuthDeps, args: RouteArgs): Promise<UserRow> {
  const id = args.params[0] ?? '';
  if (!isUuid(id)) throw notFound('user_not_found', 'User not found');
  const user = await findUser(deps.pool, 'id', id);
  if (!user) throw userNotFound();
  return user;
}

/** adminUserCreate / adminUserUpdate run GoTrue's checkPasswordStrength on a given password. */
function checkPasswordLength(deps: AuthDeps, password: string | undefined): void {
  if (password !== undefined) {
    assertPasswordStrength(password, deps.settings.minimumPasswordLength, deps.settings.passwordRequiredCharacters);
  }
}

/** GoTrue's paginate(): strconv.ParseUint, so '-1' or 'x' is a 400, not a silent page 1. */
function pageParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,19}$/.test(raw)) {
    throw validationFailed(`Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  return Number(raw);
}

export const listUsers: Route = async (deps, { req, res, query }) => {
  requireAdmin(req, deps.config.jwtSecret);
  const page = Math.min(1_000_000, Math.max(1, pageParam(query, 'page', 1)));
  const perPage = Math.min(1000, Math.max(1, pageParam(query, 'per_page', 50)));
  const total = Number((await deps.pool.query(`select count(*)::int as n from auth.users where deleted_at is null`)).rows[0].n);
  const { rows } = await deps.pool.query<{ id: string }>(
    `select id from auth.users where deleted_at is null order by created_at desc, id limit $1 offset $2`,
    [perPage, (page - 1) * perPage],
  );
  const users: Json[] = [];
  for (const r of rows) {
    const u = await findUser(deps.pool, 'id', r.id);
    if (u) users.push(await userJson(deps.pool, u));
  }
  // Pagination headers the way GoTrue writes them (auth-js parses `link` for next/last page).
  const last = Math.max(1, Math.ceil(total / perPage));
  const links = [`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`];
  if (page < last) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  sendJson(res, 200, { users, aud: 'authenticated' }, { 'x-total-count': String(total), link: links.join(', ') });
};

export const createAdminUser: Route = async (deps, { req, res }) => {
  requireAdmin(req, deps.config.jwtSecret);
  const body = await readJsonObject(req);
  const email = str(body, 'email')?.trim();
  const phoneIn = str(body, 'phone');
  const password = str(body, 'password');
  const role = str(body, 'role');
  if (!email && !phoneIn) throw validationFailed('Cannot create a user without either an email or phone');
  if (email) assertEmailShape(email);
  const phone = phoneIn ? normalizePhone(phoneIn) : undefined;
  checkPasswordLength(deps, password);
  const user = await withTx(deps.pool, async (tx) => {
    const created = await createUser(tx, {
      email: email || undefined,
      phone,
      password,
      emailConfirmed: bool(body, 'email_confirm') ?? false,
      phoneConfirmed: bool(body, 'phone_confirm') ?? false,
      userMetadata: obj(body, 'user_metadata') ?? obj(body, 'data'),
      appMetadata: obj(body, 'app_metadata'),
      role: role || undefined,
    });
    await applyBan(tx, created.id, str(body, 'ban_duration'));
    return userJson(tx, (await findUser(tx, 'id', created.id)) ?? created);
  });
  sendJson(res, 200, user);
};

export const getAdminUser: Route = async (deps, args) => {
  requireAdmin(args.req, deps.config.jwtSecret);
  sendJson(args.res, 200, await userJson(deps.pool, await targetUser(deps, args)));
};

async function applyBan(tx: import('pg').PoolClient, userId: string, banDuration: string | undefined): Promise<void> {
  if (banDuration === undefined || banDuration === '') return;
  if (banDuration === 'none') {
    await tx.query(`update auth.users set banned_until = null where id = $1`, [userId]);
    return;
  }
  const secs = durationSeconds(banDuration, NaN);
  if (!Number.isFinite(secs) || secs <= 0) throw badRequest('validation_failed', 'invalid format for ban duration');
  await tx.query(`update auth.users set banned_until = now() + make_interval(secs => $2) where id = $1`, [userId, secs]);
  // a banned user's sessions end at once, so existing tokens stop working
  await tx.query(`delete from auth.sessions where user_id = $1`, [userId]);
}

export const updateAdminUser: Route = async (deps, args) => {
  requireAdmin(args.req, deps.config.jwtSecret);
  const body = await readJsonObject(args.req);
  const target = await targetUser(deps, args);
  const email = str(body, 'email')?.trim();
  const phoneIn = str(body, 'phone');
  const password = str(body, 'password');
  const role = str(body, 'role');
  const userMeta = obj(body, 'user_metadata');
  const appMeta = obj(body, 'app_metadata');
  checkPasswordLength(deps, password);
  if (email) assertEmailShape(email);
  const phone = phoneIn ? normalizePhone(phoneIn) : undefined;
  const out = await withTx(deps.pool, async (tx) => {
    const id = target.id;
    try {
      if (email !== undefined) await tx.query(`update auth.users set email = nullif($2, '') where id = $1`, [id, email]);
      if (phone !== undefined) await tx.query(`update auth.users set phone = $2 where id = $1`, [id, phone]);
    } catch (e) {
      throw uniqueViolation(e) ?? e;
    }
    if (password !== undefined) await setPassword(tx, id, password);
    if (role) await tx.query(`update auth.users set role = $2 where id = $1`, [id, role]);
    if (bool(body, 'email_confirm')) await tx.query(`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1`, [id]);
    if (bool(body, 'phone_confirm')) await tx.query(`update auth.users set phone_confirmed_at = coalesce(phone_confirmed_at, now()) where id = $1`, [id]);
    // Both merge key by key on hosted (a null removes the key), not replace.
    if (userMeta) await tx.query(`update auth.users set ${mergeMetadataSql('raw_user_meta_data')} where id = $1`, [id, JSON.stringify(userMeta)]);
    if (appMeta) await tx.query(`update auth.users set ${mergeMetadataSql('raw_app_meta_data')} where id = $1`, [id, JSON.stringify(appMeta)]);
    await applyBan(tx, id, str(body, 'ban_duration'));
    await tx.query(`update auth.users set updated_at = now() where id = $1`, [id]);
    return userJson(tx, (await findUser(tx, 'id', id)) ?? target);
  });
  sendJson(args.res, 200, out);
};

export const deleteAdminUser: Route = async (deps, args) => {
  requireAdmin(args.req, deps.config.jwtSecret);
  const body = await readOptionalJsonObject(args.req);
  const soft = bool(body, 'should_soft_delete') ?? false;
  const target = await targetUser(deps, args);
  await withTx(deps.pool, async (tx) => {
    // Sessions (and with them refresh tokens) go first in both cases: deletion signs the user out.
    await tx.query(`delete from auth.sessions where user_id = $1`, [target.id]);
    if (soft) {
      // GoTrue's soft delete: keep the row, free and obfuscate the identifiers, drop identities.
      await tx.query(
        `update auth.users set deleted_at = now(), updated_at = now(), encrypted_password = '',
           email = case when email is null then null else 'deleted-' || id || '@deleted.invalid' end,
           phone = null, raw_app_meta_data = '{}'::jsonb, raw_user_meta_data = '{}'::jsonb
         where id = $1`,
        [target.id],
      );
      await tx.query(`delete from auth.identities where user_id = $1`, [target.id]);
    } else {
      await tx.query(`delete from auth.users where id = $1`, [target.id]);
    }
  });
  sendJson(args.res, 200, {});
};
