// Issue 4: bad input (fast-check, bounded) to every directory RPC, called by the enterprise's admin
// (so the refusal comes from input checks, not missing rights): a clear 4xx with a code, never a
// 5xx, and nothing of the enterprise written. Each case makes at least one argument bad; the others
// are anything, valid values included.
import fc from 'fast-check';
import { callApi, sql, type SignedInUser } from '../support/clients';
import { addDepartment, createEnterprise, newMember } from './support-tenancy/fixture';

const RUNS = 50;

function expectClear4xx(fn: string, args: unknown, res: Awaited<ReturnType<typeof callApi>>): void {
  const ok = res.status >= 400 && res.status < 500 && typeof (res.body?.message ?? res.body?.code) === 'string';
  expect({ fn, args, ok, status: res.status }).toEqual({ fn, args, ok: true, status: res.status });
}

/** Junk that is never a uuid of this enterprise (null included). */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '9'.repeat(400), "'; drop table public.departments; --", '../..', '<script>'),
);
/** Text that is never a valid department name / profile text. */
/** Longer than `max` characters even after SQL's btrim (which trims spaces only). */
const tooLong = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 20 }).filter((s) => s.replace(/^ +| +$/g, '').length > max);
const badName = fc.oneof(
  fc.constantFrom('', '   ', 'x'.repeat(41), '部'.repeat(41), 'a\u0007b', '\t', 'line\nbreak', '\u0000'),
  tooLong(40),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0001', '\u001f', '\u007f')).map(([s, c]) => `${s}${c}`),
);

describe('fuzz: directory RPCs answer bad input with 4xx and write nothing', () => {
  let admin: SignedInUser;
  let ent: string;
  let root: string;
  let child: string;
  let empty: string;
  let memberId: string;
  let foreignDept: string;
  let strangerId: string;
  let snapshot: () => Promise<unknown>;

  beforeAll(async () => {
    ent = await createEnterprise();
    admin = await newMember(ent, { role: 'admin', displayName: '模糊管理员' });
    root = await addDepartment(ent, '总部');
    child = await addDepartment(ent, '研发部', root);
    empty = await addDepartment(ent, '空部门');
    memberId = (await newMember(ent, { departmentId: child, displayName: '模糊成员' })).userId;
    const other = await createEnterprise();
    foreignDept = await addDepartment(other, '别家部门');
    strangerId = (await newMember(other)).userId;
    snapshot = async () => [
      await sql('select * from public.departments where enterprise_id = $1 order by id', [ent]),
      await sql('select * from public.enterprise_members where enterprise_id = $1 order by user_id', [ent]),
      await sql('select * from public.departments where id = $1', [foreignDept]),
    ];
  });

  const rpc = async (fn: string, args: Record<string, unknown>) => expectClear4xx(fn, args, await callApi(`/rest/v1/rpc/${fn}`, { token: admin.token, body: args }));
  /** a uuid that is not this enterprise's, or not a uuid at all */
  const badEnterprise = () => fc.oneof(junk, fc.uuid());
  const badDept = () => fc.oneof(junk.filter((v) => v !== null), fc.uuid(), fc.constant(foreignDept));
  const anyDept = () => fc.oneof(junk, fc.constantFrom(root, child, empty, foreignDept), fc.uuid());
  const badUser = () => fc.oneof(junk.filter((v) => v !== null), fc.uuid(), fc.constant(strangerId));

  it('create_department and rename_department', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ p_enterprise_id: badEnterprise(), p_parent_id: anyDept(), p_name: fc.oneof(junk, fc.constant('新部门')) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_parent_id: badDept(), p_name: fc.oneof(junk, fc.constant('新部门')) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_parent_id: fc.oneof(fc.constant(null), fc.constant(root)), p_name: badName }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_parent_id: fc.constant(root), p_name: fc.constant('研发部') }), // taken
        ),
        fc.oneof(
          fc.record({ p_department_id: badDept(), p_name: fc.oneof(junk, fc.constant('改名')) }),
          fc.record({ p_department_id: fc.constantFrom(root, child, empty), p_name: badName }),
          fc.record({ p_department_id: fc.constant(empty), p_name: fc.constant('总部') }), // taken
        ),
        async (create, rename) => {
          await rpc('create_department', create);
          await rpc('rename_department', rename);
        },
      ),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('move_department and delete_department', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ p_department_id: badDept(), p_new_parent_id: anyDept() }),
          fc.record({ p_department_id: fc.constantFrom(root, child, empty), p_new_parent_id: badDept() }),
          fc.record({ p_department_id: fc.constant(root), p_new_parent_id: fc.constantFrom(root, child) }), // cycles
        ),
        fc.oneof(badDept(), fc.constantFrom(root, child)), // root has a child, child has a member
        async (move, del) => {
          await rpc('move_department', move);
          await rpc('delete_department', { p_department_id: del });
        },
      ),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('set_department_head and move_member', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ p_department_id: badDept(), p_user_id: fc.oneof(junk, fc.constant(memberId)) }),
          fc.record({ p_department_id: fc.constantFrom(root, child, empty), p_user_id: badUser() }),
        ),
        fc.oneof(
          fc.record({ p_enterprise_id: badEnterprise(), p_user_id: fc.oneof(junk, fc.constant(memberId)), p_department_id: anyDept() }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_user_id: badUser(), p_department_id: anyDept() }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_user_id: fc.constant(memberId), p_department_id: badDept() }),
        ),
        async (head, move) => {
          await rpc('set_department_head', head);
          await rpc('move_member', move);
        },
      ),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('update_member_profile', async () => {
    const before = await snapshot();
    const badFields = fc.oneof(
      junk.filter((v) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0)),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['display_name', 'title', 'email', 'employee_no'].includes(k)), fc.string(), { minKeys: 1, maxKeys: 3 }),
      fc.record({ display_name: fc.oneof(badName, fc.integer(), fc.constant(null), fc.boolean()) }),
      fc.record({ title: fc.oneof(tooLong(40), fc.constant('a\u0002')) }),
      fc.record({ email: fc.oneof(fc.constantFrom('not-an-email', 'a@b', '@x.cn', 'a b@c.cn'), fc.integer()) }),
      fc.record({ employee_no: fc.oneof(tooLong(32), fc.array(fc.string())) }),
      fc.record({ title: fc.constant('合法职位'), role: fc.constant('admin') }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ p_enterprise_id: badEnterprise(), p_user_id: fc.oneof(junk, fc.constant(memberId)), p_fields: fc.oneof(junk, fc.constant({ title: '合法' })) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_user_id: badUser(), p_fields: fc.oneof(junk, fc.constant({ title: '合法' })) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_user_id: fc.constant(memberId), p_fields: badFields }),
        ),
        async (args) => rpc('update_member_profile', args),
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('department_tree and directory', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        badEnterprise(),
        fc.oneof(
          fc.record({ p_enterprise_id: badEnterprise(), p_query: fc.string({ maxLength: 10 }) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_query: fc.oneof(tooLong(40), fc.constantFrom('a\u0000', 'x\u0007')) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_department_id: badDept() }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_limit: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }), fc.constantFrom('ten', 1.5, null, [])) }),
          fc.record({ p_enterprise_id: fc.constant(ent), p_offset: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 100001 }), fc.constantFrom('x', null, {})) }),
        ),
        async (treeEnt, dirArgs) => {
          await rpc('department_tree', { p_enterprise_id: treeEnt });
          await rpc('directory', dirArgs);
        },
      ),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });
});
