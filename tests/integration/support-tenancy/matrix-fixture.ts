// The isolation matrix's world: six callers and two tenants (A, B) arranged in SQL as the
// superuser, rebuilt for every RPC call so one caller's legitimate change never leaks into the
// next check. Snapshots of each tenant's rows are generated from the catalog (every public table
// with an `enterprise_id` column, the enterprises themselves, the callers' current enterprise and
// the tenant's Storage objects), so a new tenant table is snapshotted without anyone listing it.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { getStack } from '../../support/stack';
import { makePlatformOperator, markCleared, signInCleared, type SignedInUser } from '../../support/clients';

export const ROLES = ['anon', 'memberA', 'memberB', 'adminA', 'both', 'operator'] as const;
export type Role = (typeof ROLES)[number];
/** Signed-in callers (every role but anon) and one outsider who only files join requests. */
export type Person = Exclude<Role, 'anon'> | 'outsider';
export const PEOPLE: Person[] = ['memberA', 'memberB', 'adminA', 'both', 'operator', 'outsider'];

/**
 * memberA: member of A · memberB: member of B · adminA: admin of A ·
 * both: member of A and admin of B, acting in A (A is the current enterprise) ·
 * operator: platform operator in no enterprise · anon: no session.
 */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  anon: 'anonymous',
  memberA: 'member of A',
  memberB: 'member of B',
  adminA: 'admin of A',
  both: 'member of A and admin of B, acting in A',
  operator: 'platform operator',
};

export interface Tenant {
  id: string;
  name: string;
  rootDept: string;
  childDept: string;
  emptyDept: string;
  invitationId: string;
  invitationCode: string;
  /** pending join request of the outsider */
  requestId: string;
  documentId: string;
  objectPath: string;
  allowPhone: string;
}

export interface Fixture {
  users: Record<Person, SignedInUser>;
  roleOf: Map<string, Person>;
  A: Tenant;
  B: Tenant;
  /** join request of memberB into A (pending): memberB's own row inside A */
  memberBRequestInA: string;
}

let client: Client | undefined;

/** One superuser connection for the whole file (the matrix makes thousands of small queries). */
export async function db(): Promise<Client> {
  if (!client) {
    client = new Client({ connectionString: getStack().databaseUrl });
    await client.connect();
  }
  return client;
}

export async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await (await db()).query(text, params)).rows as T[];
}

export async function closeDb(): Promise<void> {
  await client?.end();
  client = undefined;
}

export async function signInPeople(): Promise<Record<Person, SignedInUser>> {
  const entries = await Promise.all(PEOPLE.map(async (p) => [p, await signInCleared()] as const));
  const users = Object.fromEntries(entries) as Record<Person, SignedInUser>;
  await makePlatformOperator(users.operator.userId);
  for (const p of PEOPLE) {
    await q('update public.profiles set display_name = $2 where id = $1', [users[p].userId, `矩阵${p}`]);
  }
  return users;
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)]).join('');
const randomMobile = () => `861${3 + Math.floor(Math.random() * 7)}${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

async function buildTenant(label: 'A' | 'B', admin: SignedInUser, members: Array<[SignedInUser, 'admin' | 'member']>, outsider: SignedInUser): Promise<Tenant> {
  const id = randomUUID();
  const name = `矩阵企业${label}${id.slice(0, 6)}`;
  await q(
    `insert into public.enterprises (id, name, industry, size_band, edition, contact_name, contact_phone, join_rule, created_by)
     values ($1, $2, '软件', '50-199', $3, '联系人', '8613800000001', 'approval', $4)`,
    [id, name, label === 'A' ? 'professional' : 'basic', admin.userId],
  );
  const [root] = await q<{ id: string }>(`insert into public.departments (enterprise_id, name, depth) values ($1, '总部', 1) returning id`, [id]);
  const [child] = await q<{ id: string }>(
    `insert into public.departments (enterprise_id, parent_id, name, depth) values ($1, $2, '研发部', 2) returning id`, [id, root.id]);
  const [empty] = await q<{ id: string }>(`insert into public.departments (enterprise_id, name, depth) values ($1, '空部门', 1) returning id`, [id]);
  await q('update public.departments set head_user_id = $2 where id = $1', [root.id, admin.userId]);
  for (const [user, role] of members) {
    await q(
      `insert into public.enterprise_members (enterprise_id, user_id, role, department_id, display_name, title, email, employee_no)
       values ($1, $2, $3, $4, $5, '机密职位', $6, $7)`,
      [id, user.userId, role, role === 'admin' ? root.id : child.id, `${label}成员${user.userId.slice(0, 4)}`,
        `m${user.userId.slice(0, 8)}@${label.toLowerCase()}.test`, `${label}-${user.userId.slice(0, 6)}`],
    );
  }
  const code = newCode();
  const [inv] = await q<{ id: string }>(
    `insert into public.invitations (enterprise_id, code, role, department_id, created_by, expires_at)
     values ($1, $2, 'member', $3, $4, now() + interval '7 days') returning id`,
    [id, code, child.id, admin.userId],
  );
  const [req] = await q<{ id: string }>(
    `insert into public.join_requests (enterprise_id, user_id, invitation_id) values ($1, $2, $3) returning id`, [id, outsider.userId, inv.id]);
  const allowPhone = randomMobile();
  await q('insert into public.enterprise_phone_allowlist (enterprise_id, phone, added_by) values ($1, $2, $3)', [id, allowPhone, admin.userId]);
  const objectPath = `${id}/licence.png`;
  await q(
    `insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
     values ('qualifications', $1, $2::uuid, $3::text, '{"mimetype":"image/png","size":3}'::jsonb)`,
    [objectPath, admin.userId, admin.userId],
  );
  const [doc] = await q<{ id: string }>(
    `insert into public.qualification_documents (enterprise_id, kind, object_path, file_name, submitted_by)
     values ($1, 'business_licence', $2, 'licence.png', $3) returning id`,
    [id, objectPath, admin.userId],
  );
  await q(`update public.enterprises set qualification_status = 'pending' where id = $1`, [id]);
  return {
    id, name, rootDept: root.id, childDept: child.id, emptyDept: empty.id, invitationId: inv.id, invitationCode: code,
    requestId: req.id, documentId: doc.id, objectPath, allowPhone,
  };
}

/** Builds tenants A and B around the signed-in people (and resets the people's own state). */
export async function buildFixture(users: Record<Person, SignedInUser>): Promise<Fixture> {
  const A = await buildTenant('A', users.adminA, [[users.adminA, 'admin'], [users.memberA, 'member'], [users.both, 'member']], users.outsider);
  const B = await buildTenant('B', users.both, [[users.both, 'admin'], [users.memberB, 'member']], users.outsider);
  const [r] = await q<{ id: string }>(`insert into public.join_requests (enterprise_id, user_id) values ($1, $2) returning id`, [A.id, users.memberB.userId]);
  for (const p of ['memberA', 'adminA', 'both'] as const) {
    await q('update public.profiles set current_enterprise_id = $2 where id = $1', [users[p].userId, A.id]);
  }
  await q('update public.profiles set current_enterprise_id = $2 where id = $1', [users.memberB.userId, B.id]);
  const roleOf = new Map(PEOPLE.map((p) => [users[p].userId, p] as const));
  return { users, roleOf, A, B, memberBRequestInA: r.id };
}

/** Removes the tenants (cascading to their rows) and whatever else the callers created or joined. */
export async function dropFixture(fx: Fixture): Promise<void> {
  const ids = PEOPLE.map((p) => fx.users[p].userId);
  await q(
    `delete from public.enterprises e
      where e.id = any($1::uuid[]) or e.created_by = any($2::uuid[])
         or e.id in (select m.enterprise_id from public.enterprise_members m where m.user_id = any($2::uuid[]))`,
    [[fx.A.id, fx.B.id], ids],
  );
  await q(`delete from storage.objects where bucket_id = 'qualifications' and (storage.foldername(name))[1] = any($1::text[])`, [[fx.A.id, fx.B.id]]);
  await q('delete from public.join_requests where user_id = any($1::uuid[])', [ids]);
}

/** Puts a caller back in good standing after an RPC that may have changed their own account. */
export async function resetPerson(user: SignedInUser): Promise<void> {
  await q(`update private.accounts set status = 'active', status_changed_at = null where user_id = $1`, [user.userId]);
  await q(`update private.accounts set birth_date = '1990-01-01' where user_id = $1 and birth_date is null`, [user.userId]);
  await q('update public.consents set withdrawn_at = null, withdrawn_channel = null where user_id = $1 and withdrawn_at is not null', [user.userId]);
  await markCleared(user.userId);
}

let tenantTables: string[] | undefined;

/** Public tables that hold tenant rows: every one with an `enterprise_id` column. */
export async function tenantTableNames(): Promise<string[]> {
  if (!tenantTables) {
    const rows = await q<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'enterprise_id' and not a.attisdropped)
        order by 1`,
    );
    tenantTables = rows.map((r) => r.name);
  }
  return tenantTables;
}

/** Everything of one tenant, as JSON text per table (sorted, so equal data gives equal text). */
export async function snapshotTenant(fx: Fixture, tenantId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await tenantTableNames()) {
    const [row] = await q<{ j: string | null }>(
      `select coalesce(json_agg(x order by x::text)::text, '[]') as j from public.${t} x where x.enterprise_id = $1`, [tenantId]);
    out[t] = row.j ?? '[]';
  }
  const [ent] = await q<{ j: string | null }>(`select row_to_json(e)::text as j from public.enterprises e where e.id = $1`, [tenantId]);
  out.enterprises = ent?.j ?? 'null';
  // people pointing at this tenant as their current enterprise without being members of it
  const [cur] = await q<{ j: string | null }>(
    `select coalesce(json_agg(p.id order by p.id)::text, '[]') as j from public.profiles p
      where p.current_enterprise_id = $1 and p.id = any($2::uuid[])
        and not exists (select 1 from public.enterprise_members m where m.enterprise_id = $1 and m.user_id = p.id)`,
    [tenantId, PEOPLE.map((p) => fx.users[p].userId)],
  );
  out['profiles.current_enterprise_id (non-members)'] = cur.j ?? '[]';
  const [obj] = await q<{ j: string | null }>(
    `select coalesce(json_agg(json_build_object('bucket', o.bucket_id, 'name', o.name, 'updated_at', o.updated_at, 'metadata', o.metadata)
                              order by o.bucket_id, o.name)::text, '[]') as j
       from storage.objects o where (storage.foldername(o.name))[1] = $1::text`,
    [tenantId],
  );
  out['storage.objects'] = obj.j ?? '[]';
  return out;
}

/** The names of the tables whose snapshot differs. */
export function changedParts(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]).sort();
}
