// Issue 13 (admins at desk width): `admin_search_members` finds one member among hundreds by name,
// employee number or phone tail, filters by department, role and account status, and pages with a
// total — for the enterprise's admins only; phones come back masked. Bad input is a 4xx.
import fc from 'fast-check';
import { callApi, signInFresh, sql, type SignedInUser } from '../support/clients';
import { addBulkMembers, addDepartment, addMember, createEnterprise, newMember } from './support-tenancy/fixture';

interface Row {
  user_id: string;
  display_name: string;
  phone_masked: string;
  role: string;
  department_id: string | null;
  employee_no: string;
  account_status: string;
}
interface Page { total: number; offset: number; limit: number; rows: Row[] }

const search = (u: SignedInUser | undefined, body: Record<string, unknown>) =>
  callApi('/rest/v1/rpc/admin_search_members', { token: u?.token, body });

const BULK = 300;

describe('admin_search_members', () => {
  let ent: string;
  let other: string;
  let admin: SignedInUser;
  let target: SignedInUser;
  let member: SignedInUser;
  let outsider: SignedInUser;
  let sales: string;
  const prefix = String(Math.floor(Math.random() * 9000) + 1000);

  beforeAll(async () => {
    ent = await createEnterprise();
    other = await createEnterprise();
    sales = await addDepartment(ent, '销售部');
    admin = await newMember(ent, { role: 'admin', displayName: '管理员甲' });
    member = await newMember(ent, { displayName: '普通成员乙' });
    target = await newMember(ent, { displayName: '欧阳要找的人', departmentId: sales, employeeNo: 'ZX-0042', title: '销售经理' });
    outsider = await newMember(other, { role: 'admin', displayName: '别家管理员' });
    await addBulkMembers(ent, prefix, BULK, sales);
  }, 120_000);

  it('pages through everyone with a total, in join order, phones masked', async () => {
    const first = await search(admin, { p_enterprise_id: ent, p_limit: 50 });
    expect(first.status).toBe(200);
    const page = first.body as Page;
    expect(page.total).toBe(BULK + 3);
    expect(page.rows).toHaveLength(50);
    const last = await search(admin, { p_enterprise_id: ent, p_offset: 300, p_limit: 50 });
    expect((last.body as Page).rows).toHaveLength(3);
    const ids = new Set([...page.rows, ...(last.body as Page).rows].map((r) => r.user_id));
    expect(ids.size).toBe(53);
    for (const r of page.rows) expect(r.phone_masked).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('finds one member by name, by phone tail, by employee number', async () => {
    const byName = (await search(admin, { p_enterprise_id: ent, p_query: '欧阳' })).body as Page;
    expect(byName.total).toBe(1);
    expect(byName.rows[0]).toMatchObject({ user_id: target.userId, display_name: '欧阳要找的人', department_id: sales, role: 'member', account_status: 'active' });

    const tail = target.phone.slice(-4);
    const byTail = (await search(admin, { p_enterprise_id: ent, p_query: tail })).body as Page;
    expect(byTail.rows.map((r) => r.user_id)).toContain(target.userId);
    expect(byTail.rows.every((r) => r.phone_masked.endsWith(tail) || r.employee_no.includes(tail))).toBe(true);
    const full = (await search(admin, { p_enterprise_id: ent, p_query: target.phone.replace(/^\+?86/, '') })).body as Page;
    expect(full.rows.map((r) => r.user_id)).toEqual([target.userId]);

    const bulkOne = (await search(admin, { p_enterprise_id: ent, p_query: `86199${prefix}0123`.slice(-8) })).body as Page;
    expect(bulkOne.rows.map((r) => r.display_name)).toEqual(['批量成员0123']);
    expect((await search(admin, { p_enterprise_id: ent, p_query: 'ZX-0042' })).body).toMatchObject({ total: 1 });
  });

  it('filters by department, role and account status, together with a query', async () => {
    const inSales = (await search(admin, { p_enterprise_id: ent, p_department_id: sales, p_limit: 100 })).body as Page;
    expect(inSales.total).toBe(BULK / 2 + 1);
    expect(inSales.rows.every((r) => r.department_id === sales)).toBe(true);
    const admins = (await search(admin, { p_enterprise_id: ent, p_role: 'admin' })).body as Page;
    expect(admins.rows.map((r) => r.user_id)).toEqual([admin.userId]);
    const salesBulk = (await search(admin, { p_enterprise_id: ent, p_department_id: sales, p_query: '批量成员001' })).body as Page;
    expect(salesBulk.rows.map((r) => r.display_name).sort()).toEqual(['批量成员0010', '批量成员0012', '批量成员0014', '批量成员0016', '批量成员0018']);

    await sql(`update private.accounts set status = 'restricted' where user_id = $1`, [member.userId]);
    const restricted = (await search(admin, { p_enterprise_id: ent, p_status: 'restricted' })).body as Page;
    expect(restricted.rows.map((r) => r.user_id)).toEqual([member.userId]);
  });

  it('answers only the enterprise\'s admins: members, other admins, operators and anon are refused', async () => {
    expect(await search(member, { p_enterprise_id: ent })).toMatchObject({ status: 403, body: { message: 'not_enterprise_admin' } });
    expect(await search(outsider, { p_enterprise_id: ent })).toMatchObject({ status: 403, body: { message: 'not_enterprise_admin' } });
    expect((await search(undefined, { p_enterprise_id: ent })).status).toBe(401);
    // an admin elsewhere who is also a member here still reads nothing here
    await addMember(ent, outsider.userId, { current: false });
    expect(await search(outsider, { p_enterprise_id: ent })).toMatchObject({ status: 403, body: { message: 'not_enterprise_admin' } });
    // a closed enterprise's members are not readable any more, as with the table's policy
    await sql(`update public.enterprises set status = 'closed' where id = $1`, [other]);
    const closed = await search(outsider, { p_enterprise_id: other });
    expect(closed.status === 403 || (closed.status === 200 && (closed.body as Page).total === 0)).toBe(true);
  });

  it('a stranger who is not cleared is refused by the gate before any argument is looked at', async () => {
    const fresh = await signInFresh();
    expect(await search(fresh, { p_enterprise_id: null, p_limit: 0 })).toMatchObject({ status: 403, body: { message: expect.stringMatching(/^(consent|birth_date)_required$/) } });
    expect(await search(fresh, { p_enterprise_id: ent, p_query: 'x'.repeat(41) })).toMatchObject({ status: 403, body: { message: expect.stringMatching(/^(consent|birth_date)_required$/) } });
  });

  it('fuzz: bad queries, filters and pages answer 4xx with a code, never 5xx', async () => {
    const junk = fc.oneof(
      fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }),
      fc.constantFrom('', '\u0000', 'x'.repeat(41), '部'.repeat(41), "'; drop table public.enterprise_members; --", 'a\u0007b', '%', '\\'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ p_query: fc.oneof(fc.constantFrom('x'.repeat(41), '部'.repeat(41), 'a\u0007b', 'tab\there\u0001'), fc.string({ minLength: 41, maxLength: 60 }).filter((q) => [...q.replace(/\s+/g, ' ').trim()].length > 40)) }),
          fc.record({ p_role: fc.oneof(junk, fc.constantFrom('owner', 'ADMIN')).filter((v) => v !== null && v !== 'admin' && v !== 'member') }),
          fc.record({ p_status: fc.oneof(junk, fc.constantFrom('deleted', 'Active')).filter((v) => v !== null && !['active', 'restricted', 'suspended', 'terminated'].includes(String(v))) }),
          fc.record({ p_offset: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 100001 }), fc.constant(null)) }),
          fc.record({ p_limit: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101, max: 2 ** 31 - 1 }), fc.constant(null)) }),
          fc.record({ p_department_id: junk.filter((v) => v !== null) }),
          fc.record({ p_enterprise_id: fc.oneof(junk, fc.uuid()) }),
        ),
        async (bad) => {
          const res = await search(admin, { p_enterprise_id: ent, ...bad });
          const ok = res.status >= 400 && res.status < 500 && typeof (res.body?.message ?? res.body?.code) === 'string';
          expect({ bad, ok, status: res.status }).toEqual({ bad, ok: true, status: res.status });
        },
      ),
      { numRuns: 60 },
    );
  });
});
