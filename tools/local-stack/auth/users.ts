// auth.users rows and their JSON form — the User object GoTrue returns (models.User's JSON tags).
import crypto from 'node:crypto';
import type { PoolClient } from 'pg';
import { unprocessable, validationFailed, weakPassword } from './errors';
import type { Json } from './http';

type Db = Pick<PoolClient, 'query'>;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  confirmation_sent_at: Date | null;
  phone_change: string | null;
  phone_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Json | null;
  raw_user_meta_data: Json | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  /** computed in SQL against the database clock */
  is_banned: boolean;
}

const USER_COLUMNS = `u.id, u.aud, u.role, u.email, u.phone, u.encrypted_password, u.email_confirmed_at,
  u.phone_confirmed_at, u.confirmed_at, u.confirmation_sent_at, u.phone_change, u.phone_change_sent_at,
  u.last_sign_in_at, u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at,
  u.banned_until, u.deleted_at, u.is_anonymous, coalesce(u.banned_until > now(), false) as is_banned`;

export async function findUser(db: Db, where: 'id' | 'phone' | 'email', value: string, lock = false): Promise<UserRow | undefined> {
  const cond = where === 'email' ? 'lower(u.email) = lower($1)' : `u.${where} = $1`;
  const idOk = where !== 'id' || isUuid(value);
  if (!idOk) return undefined;
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users u where ${cond} and u.deleted_at is null ${lock ? 'for update' : ''}`,
    [value],
  );
  return rows[0];
}

export async function findUserByPendingPhone(db: Db, phone: string, lock = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users u where u.phone_change = $1 and u.deleted_at is null ${lock ? 'for update' : ''}`,
    [phone],
  );
  return rows[0];
}

export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

export interface NewUser {
  phone?: string;
  email?: string;
  password?: string;
  phoneConfirmed?: boolean;
  emailConfirmed?: boolean;
  userMetadata?: Json;
  appMetadata?: Json;
  role?: string;
}

/** Inserts a user and its identity the way GoTrue's signup does (provider phone, else email). */
export async function createUser(db: Db, u: NewUser): Promise<UserRow> {
  const id = crypto.randomUUID();
  const provider = u.phone ? 'phone' : 'email';
  const appMeta = { ...(u.appMetadata ?? {}), provider, providers: [provider] };
  try {
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password,
         email_confirmed_at, phone_confirmed_at, raw_app_meta_data, raw_user_meta_data,
         created_at, updated_at, is_super_admin, is_anonymous)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4,
         case when $5::text is null then '' else extensions.crypt($5, extensions.gen_salt('bf', 10)) end,
         case when $6 then now() end, case when $7 then now() end, $8, $9, now(), now(), false, false)`,
      [id, u.role ?? 'authenticated', u.email ?? null, u.phone ?? null, u.password ?? null,
        Boolean(u.emailConfirmed), Boolean(u.phoneConfirmed), appMeta, u.userMetadata ?? {}],
    );
  } catch (e) {
    throw uniqueViolation(e) ?? e;
  }
  const identityData = {
    sub: id,
    ...(u.email ? { email: u.email } : {}),
    ...(u.phone ? { phone: u.phone } : {}),
    email_verified: Boolean(u.emailConfirmed),
    phone_verified: Boolean(u.phoneConfirmed),
  };
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, $4, now(), now(), now())`,
    [id, id, identityData, provider],
  );
  return (await findUser(db, 'id', id)) as UserRow;
}

/** Maps unique-key violations to GoTrue's 422 phone_exists / email_exists. */
export function uniqueViolation(e: unknown): Error | undefined {
  const err = e as { code?: string; constraint?: string };
  if (err?.code !== '23505') return undefined;
  if (err.constraint?.includes('phone')) return unprocessable('phone_exists', 'A user with this phone number has already been registered');
  if (err.constraint?.includes('email')) return unprocessable('email_exists', 'A user with this email address has already been registered');
  return unprocessable('user_already_exists', 'User already registered');
}

export async function checkPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `select coalesce(encrypted_password <> '' and encrypted_password = extensions.crypt($2, encrypted_password), false) as ok
     from auth.users where id = $1`,
    [userId, password],
  );
  return rows[0]?.ok === true;
}

export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  await db.query(
    `update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)), updated_at = now() where id = $1`,
    [userId, password],
  );
}

/** GoTrue's length check: Go's len(), i.e. UTF-8 bytes, against minimum_password_length. */
export function passwordTooShort(password: string, min: number): boolean {
  return Buffer.byteLength(password, 'utf8') < min;
}

/**
 * GoTrue's checkPasswordStrength (internal/api/password.go): length, then one character of each
 * required set ([auth] password_requirements); every failed rule adds its sentence and reason.
 */
export function assertPasswordStrength(password: string, min: number, requiredSets: string[]): void {
  const messages: string[] = [];
  const reasons: string[] = [];
  if (passwordTooShort(password, min)) {
    reasons.push('length');
    messages.push(`Password should be at least ${min} characters.`);
  }
  if (requiredSets.some((set) => set !== '' && ![...set].some((ch) => password.includes(ch)))) {
    reasons.push('characters');
    messages.push(`Password should contain at least one character of each: ${requiredSets.join(', ')}.`);
  }
  if (reasons.length) throw weakPassword(messages.join(' '), reasons);
}

// checkmail.ValidateFormat, which GoTrue's validateEmail uses (no dot needed after the @).
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** GoTrue's validateEmail: required, at most 255 characters, checkmail's format. */
export function assertEmailShape(email: string): void {
  if (email === '') throw validationFailed('An email address is required');
  if (email.length > 255) throw validationFailed('An email address is too long');
  if (!EMAIL_FORMAT.test(email)) throw validationFailed('Unable to validate email address: invalid format');
}

/**
 * GoTrue's UpdateUserMetaData / UpdateAppMetaData: top-level keys merge into the stored object, a
 * top-level null removes its key, anything nested (nulls included) is stored as given. $2 is the
 * update as JSON text.
 */
export function mergeMetadataSql(column: 'raw_user_meta_data' | 'raw_app_meta_data'): string {
  return `${column} = (coalesce(${column}, '{}'::jsonb) || $2::jsonb)
    - coalesce((select array_agg(k.key) from jsonb_each($2::jsonb) k where k.value = 'null'::jsonb), '{}'::text[])`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);

async function identities(db: Db, userId: string): Promise<Json[]> {
  const { rows } = await db.query(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where user_id = $1 order by created_at`,
    [userId],
  );
  return rows.map((r) => ({
    identity_id: r.id,
    id: r.provider_id,
    user_id: r.user_id,
    identity_data: r.identity_data,
    provider: r.provider,
    last_sign_in_at: iso(r.last_sign_in_at),
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
    ...(r.email ? { email: r.email } : {}),
  }));
}

/** The User JSON of GoTrue: omitempty fields are left out when unset, phone/email are '' if null. */
export async function userJson(db: Db, u: UserRow): Promise<Json> {
  const out: Json = {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at),
    phone: u.phone ?? '',
    phone_confirmed_at: iso(u.phone_confirmed_at),
    confirmation_sent_at: iso(u.confirmation_sent_at),
    confirmed_at: iso(u.confirmed_at),
    new_phone: u.phone_change || undefined,
    phone_change_sent_at: u.phone_change ? iso(u.phone_change_sent_at) : undefined,
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: await identities(db, u.id),
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    banned_until: iso(u.banned_until),
    deleted_at: iso(u.deleted_at),
    is_anonymous: u.is_anonymous,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}
