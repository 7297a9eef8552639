// Tenancy fixtures arranged straight in the database as the superuser: enterprises, departments
// and memberships, without the membership RPCs (so directory and matrix suites do not depend on
// them). People are real signed-in, cleared users; what they can do is then asserted through the API.
import { signInCleared, sql, type SignedInUser } from '../../support/clients';

export type Edition = 'basic' | 'professional' | 'private';

let counter = 0;
const tag = () => `${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}`;

export interface EnterpriseOptions {
  name?: string;
  edition?: Edition;
  directoryScope?: 'all' | 'department';
  hiddenFields?: Array<'phone' | 'email' | 'title' | 'employee_no'>;
  joinRule?: 'invite' | 'approval' | 'allowlist';
  membersCanInvite?: boolean;
}

export async function createEnterprise(opts: EnterpriseOptions = {}): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into public.enterprises (name, industry, size_band, edition, contact_name, contact_phone, join_rule,
                                     members_can_invite, directory_scope, directory_hidden_fields)
     values ($1, '软件', '50-199', $2, '联系人', '8613800000001', $3, $4, $5, $6) returning id`,
    [
      opts.name ?? `测试企业${tag()}`, opts.edition ?? 'professional', opts.joinRule ?? 'invite',
      opts.membersCanInvite ?? false, opts.directoryScope ?? 'all', opts.hiddenFields ?? [],
    ],
  );
  return row.id;
}

export async function setDirectorySettings(enterpriseId: string, scope: 'all' | 'department', hidden: string[]): Promise<void> {
  await sql('update public.enterprises set directory_scope = $2, directory_hidden_fields = $3 where id = $1', [enterpriseId, scope, hidden]);
}

export async function addDepartment(enterpriseId: string, name: string, parentId: string | null = null): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into public.departments (enterprise_id, parent_id, name, depth)
     values ($1, $2, $3, coalesce((select depth + 1 from public.departments where id = $2), 1)) returning id`,
    [enterpriseId, parentId, name],
  );
  return row.id;
}

export interface MemberOptions {
  role?: 'admin' | 'member';
  departmentId?: string | null;
  displayName?: string;
  title?: string;
  email?: string;
  employeeNo?: string;
  current?: boolean;
}

export async function addMember(enterpriseId: string, userId: string, opts: MemberOptions = {}): Promise<void> {
  await sql(
    `insert into public.enterprise_members (enterprise_id, user_id, role, department_id, display_name, title, email, employee_no)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [enterpriseId, userId, opts.role ?? 'member', opts.departmentId ?? null, opts.displayName ?? '', opts.title ?? '', opts.email ?? '', opts.employeeNo ?? ''],
  );
  if (opts.current ?? true) {
    await sql('update public.profiles set current_enterprise_id = $2 where id = $1 and current_enterprise_id is null', [userId, enterpriseId]);
  }
}

/** A cleared user who is a member (or admin) of the enterprise. */
export async function newMember(enterpriseId: string, opts: MemberOptions = {}): Promise<SignedInUser> {
  const user = await signInCleared();
  await addMember(enterpriseId, user.userId, opts);
  return user;
}

/** GoTrue's stored form of a test user's phone ('8613…'), as the directory shows it ('+8613…'). */
export const e164 = (phone: string): string => `+${phone.replace(/^\+/, '')}`;

/**
 * `count` members straight in the database, for lists that must page: users with phones
 * 86199<4-digit prefix><nnnn> (no password, never signed in), named 批量成员<nnnn>, employee number
 * E<nnnn>, the even-numbered ones in `departmentId`, joined a second apart in number order.
 */
export async function addBulkMembers(enterpriseId: string, prefix: string, count: number, departmentId: string): Promise<void> {
  await sql(
    `with made as (
       insert into auth.users (instance_id, id, aud, role, phone, phone_confirmed_at, raw_app_meta_data, created_at, updated_at)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
              '86199' || $2 || lpad(i::text, 4, '0'), now(), '{"provider":"phone","providers":["phone"]}', now(), now()
         from generate_series(1, $3::int) i
       returning id, phone)
     insert into public.enterprise_members (enterprise_id, user_id, display_name, employee_no, department_id, joined_at)
     select $1, id, '批量成员' || right(phone, 4), 'E' || right(phone, 4),
            case when right(phone, 1)::int % 2 = 0 then $4::uuid end, now() - interval '1 day' + (right(phone, 4)::int * interval '1 second')
       from made`,
    [enterpriseId, prefix, count, departmentId],
  );
}

