// Issue 4: org structure and directory (通讯录) through the API, as admins, members and outsiders
// see them. Enterprises and memberships are arranged in SQL (support-tenancy/fixture); every
// assertion goes through PostgREST as the signed-in person.
import { callApi, sql, type SignedInUser } from '../support/clients';
import { addDepartment, addMember, createEnterprise, e164, newMember, setDirectorySettings } from './support-tenancy/fixture';

const rpc = (user: SignedInUser, name: string, body: Record<string, unknown>) =>
  callApi(`/rest/v1/rpc/${name}`, { token: user.token, body });

interface TreeRow { id: string; parent_id: string | null; name: string; depth: number; head_user_id: string | null; head_name: string | null; member_count: number }
interface DirRow {
  user_id: string; display_name: string; department_id: string | null; department_name: string | null; title: string | null;
  phone: string | null; email: string | null; employee_no: string | null; role: string; is_head: boolean;
}

async function tree(user: SignedInUser, enterpriseId: string): Promise<TreeRow[]> {
  const res = await rpc(user, 'department_tree', { p_enterprise_id: enterpriseId });
  expect(res.status).toBe(200);
  return res.body;
}

async function dir(user: SignedInUser, enterpriseId: string, args: Record<string, unknown> = {}): Promise<DirRow[]> {
  const res = await rpc(user, 'directory', { p_enterprise_id: enterpriseId, ...args });
  expect(res.status).toBe(200);
  return res.body;
}

const departmentRow = async (id: string) => (await sql('select name, parent_id, depth, head_user_id from public.departments where id = $1', [id]))[0];

describe('departments (admin)', () => {
  let ent: string;
  let admin: SignedInUser;
  let member: SignedInUser;
  beforeAll(async () => {
    ent = await createEnterprise();
    admin = await newMember(ent, { role: 'admin', displayName: '管理员甲' });
    member = await newMember(ent, { displayName: '成员乙' });
  });

  it('admin builds a tree that members read with depths, heads and member counts', async () => {
    const rd = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '  研发中心 ' });
    expect(rd.status).toBe(200);
    const fe = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: rd.body, p_name: '前端组' });
    const be = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: rd.body, p_name: '后端组' });
    expect([fe.status, be.status]).toEqual([200, 200]);
    expect((await rpc(admin, 'move_member', { p_enterprise_id: ent, p_user_id: member.userId, p_department_id: fe.body })).status).toBe(204);
    expect((await rpc(admin, 'set_department_head', { p_department_id: rd.body, p_user_id: admin.userId })).status).toBe(204);

    const rows = await tree(member, ent);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['研发中心']).toMatchObject({ parent_id: null, depth: 1, head_user_id: admin.userId, head_name: '管理员甲', member_count: 0 });
    expect(byName['前端组']).toMatchObject({ parent_id: rd.body, depth: 2, member_count: 1, head_user_id: null, head_name: null });
    expect(byName['后端组']).toMatchObject({ parent_id: rd.body, depth: 2, member_count: 0 });
    // parents come before children
    expect(rows.findIndex((r) => r.name === '研发中心')).toBeLessThan(rows.findIndex((r) => r.name === '前端组'));
  });

  it('a member who is not an admin cannot change the tree', async () => {
    const res = await rpc(member, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '影子部门' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('not_enterprise_admin');
    const [d] = await sql<{ id: string }>(`select id from public.departments where enterprise_id = $1 and name = '研发中心'`, [ent]);
    for (const [name, body] of [
      ['rename_department', { p_department_id: d.id, p_name: '被改名' }],
      ['move_department', { p_department_id: d.id, p_new_parent_id: null }],
      ['delete_department', { p_department_id: d.id }],
      ['set_department_head', { p_department_id: d.id, p_user_id: member.userId }],
      ['move_member', { p_enterprise_id: ent, p_user_id: member.userId, p_department_id: null }],
    ] as const) {
      const r = await rpc(member, name, body);
      expect({ name, status: r.status, message: r.body.message }).toEqual({ name, status: 403, message: 'not_enterprise_admin' });
    }
    expect(await sql('select count(*)::int as n from public.departments where enterprise_id = $1 and name in ($2, $3)', [ent, '影子部门', '被改名'])).toEqual([{ n: 0 }]);
  });

  it('names are validated and unique among siblings', async () => {
    for (const bad of ['', '   ', 'x'.repeat(41), '坏\u0007名', null]) {
      const r = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: bad });
      expect({ bad, status: r.status, message: r.body.message }).toEqual({ bad, status: 400, message: 'department_name_invalid' });
    }
    const dup = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '研发中心' });
    expect([dup.status, dup.body.message]).toEqual([400, 'department_name_taken']);
    const market = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '市场部' });
    const clash = await rpc(admin, 'rename_department', { p_department_id: market.body, p_name: '研发中心' });
    expect([clash.status, clash.body.message]).toEqual([400, 'department_name_taken']);
    expect((await rpc(admin, 'rename_department', { p_department_id: market.body, p_name: '市场与品牌部' })).status).toBe(204);
    expect((await departmentRow(market.body)).name).toBe('市场与品牌部');
  });

  it('the tree is at most 15 levels deep, on create and on move', async () => {
    let parent: string | null = null;
    const chain: string[] = [];
    for (let i = 1; i <= 15; i++) {
      const r = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: parent, p_name: `层级${i}` });
      expect(r.status).toBe(200);
      chain.push(r.body);
      parent = r.body;
    }
    expect((await departmentRow(chain[14])).depth).toBe(15);
    const deeper = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: chain[14], p_name: '第十六级' });
    expect([deeper.status, deeper.body.message]).toEqual([400, 'department_too_deep']);

    // a two-level subtree cannot go under level 14
    const top = await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '可移动部门' });
    await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: top.body, p_name: '可移动子部门' });
    const tooDeep = await rpc(admin, 'move_department', { p_department_id: top.body, p_new_parent_id: chain[13] });
    expect([tooDeep.status, tooDeep.body.message]).toEqual([400, 'department_too_deep']);
    expect(await departmentRow(top.body)).toMatchObject({ parent_id: null, depth: 1 });
    // under level 13 it fits exactly: 14 and 15
    expect((await rpc(admin, 'move_department', { p_department_id: top.body, p_new_parent_id: chain[12] })).status).toBe(204);
    const rows = await tree(admin, ent);
    expect(rows.find((r) => r.name === '可移动部门')).toMatchObject({ parent_id: chain[12], depth: 14 });
    expect(rows.find((r) => r.name === '可移动子部门')).toMatchObject({ depth: 15 });
  });

  it('moving recomputes subtree depths and refuses cycles', async () => {
    const a = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '甲部' })).body;
    const b = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: a, p_name: '乙部' })).body;
    const c = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: b, p_name: '丙部' })).body;
    for (const target of [a, b, c]) {
      const r = await rpc(admin, 'move_department', { p_department_id: a, p_new_parent_id: target });
      expect({ target, status: r.status, message: r.body.message }).toEqual({ target, status: 400, message: 'department_cycle' });
    }
    // move 乙 (with 丙) to the top: depths 1 and 2
    expect((await rpc(admin, 'move_department', { p_department_id: b, p_new_parent_id: null })).status).toBe(204);
    expect(await departmentRow(b)).toMatchObject({ parent_id: null, depth: 1 });
    expect(await departmentRow(c)).toMatchObject({ parent_id: b, depth: 2 });
    // and back under 丙's former grandparent 甲 … then 甲 under 丙 is a cycle again
    expect((await rpc(admin, 'move_department', { p_department_id: b, p_new_parent_id: a })).status).toBe(204);
    expect(await departmentRow(c)).toMatchObject({ depth: 3 });
    const cyc = await rpc(admin, 'move_department', { p_department_id: a, p_new_parent_id: c });
    expect(cyc.body.message).toBe('department_cycle');
  });

  it('two admins moving two departments under each other at once cannot make a cycle', async () => {
    const admin2 = await newMember(ent, { role: 'admin' });
    for (let round = 0; round < 5; round++) {
      const x = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: `并发甲${round}` })).body;
      const y = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: `并发乙${round}` })).body;
      const [r1, r2] = await Promise.all([
        rpc(admin, 'move_department', { p_department_id: x, p_new_parent_id: y }),
        rpc(admin2, 'move_department', { p_department_id: y, p_new_parent_id: x }),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([204, 400]);
      expect([r1, r2].find((r) => r.status === 400)!.body.message).toBe('department_cycle');
      const rows = await sql<{ id: string; parent_id: string | null }>('select id, parent_id from public.departments where id = any($1::uuid[])', [[x, y]]);
      expect(rows.filter((r) => r.parent_id === null)).toHaveLength(1);
    }
  });

  it('only empty departments can be deleted', async () => {
    const parent = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '待删部门' })).body;
    const child = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: parent, p_name: '待删子部门' })).body;
    const withChild = await rpc(admin, 'delete_department', { p_department_id: parent });
    expect([withChild.status, withChild.body.message]).toEqual([400, 'department_not_empty']);
    await rpc(admin, 'move_member', { p_enterprise_id: ent, p_user_id: member.userId, p_department_id: child });
    const withMember = await rpc(admin, 'delete_department', { p_department_id: child });
    expect([withMember.status, withMember.body.message]).toEqual([400, 'department_not_empty']);
    expect((await rpc(admin, 'move_member', { p_enterprise_id: ent, p_user_id: member.userId, p_department_id: null })).status).toBe(204);
    expect((await rpc(admin, 'delete_department', { p_department_id: child })).status).toBe(204);
    expect((await rpc(admin, 'delete_department', { p_department_id: parent })).status).toBe(204);
    expect(await sql('select id from public.departments where id = any($1::uuid[])', [[parent, child]])).toEqual([]);
    const again = await rpc(admin, 'delete_department', { p_department_id: parent });
    expect([again.status, again.body.message]).toEqual([400, 'department_not_found']);
  });

  it('heads must be members; null clears; a head who leaves is no longer head', async () => {
    const d = (await rpc(admin, 'create_department', { p_enterprise_id: ent, p_parent_id: null, p_name: '有负责人的部门' })).body;
    const stranger = await newMember(await createEnterprise());
    const notMember = await rpc(admin, 'set_department_head', { p_department_id: d, p_user_id: stranger.userId });
    expect([notMember.status, notMember.body.message]).toEqual([400, 'member_not_found']);
    const leaver = await newMember(ent, { displayName: '将离职' });
    expect((await rpc(admin, 'set_department_head', { p_department_id: d, p_user_id: leaver.userId })).status).toBe(204);
    expect((await tree(member, ent)).find((r) => r.id === d)).toMatchObject({ head_user_id: leaver.userId, head_name: '将离职' });
    expect((await dir(admin, ent, { p_query: '将离职' }))[0].is_head).toBe(true);
    await sql('delete from public.enterprise_members where enterprise_id = $1 and user_id = $2', [ent, leaver.userId]);
    expect((await departmentRow(d)).head_user_id).toBeNull();
    expect((await rpc(admin, 'set_department_head', { p_department_id: d, p_user_id: admin.userId })).status).toBe(204);
    expect((await rpc(admin, 'set_department_head', { p_department_id: d, p_user_id: null })).status).toBe(204);
    expect((await departmentRow(d)).head_user_id).toBeNull();
  });

  it('another enterprise’s admin can neither see nor touch these departments', async () => {
    const other = await createEnterprise();
    const outsider = await newMember(other, { role: 'admin' });
    const [d] = await sql<{ id: string }>(`select id from public.departments where enterprise_id = $1 and name = '研发中心'`, [ent]);
    const before = await sql('select * from public.departments where enterprise_id = $1 order by id', [ent]);
    const treeRes = await rpc(outsider, 'department_tree', { p_enterprise_id: ent });
    expect([treeRes.status, treeRes.body.message]).toEqual([403, 'not_enterprise_member']);
    for (const [name, body] of [
      ['rename_department', { p_department_id: d.id, p_name: '入侵' }],
      ['move_department', { p_department_id: d.id, p_new_parent_id: null }],
      ['delete_department', { p_department_id: d.id }],
      ['set_department_head', { p_department_id: d.id, p_user_id: outsider.userId }],
    ] as const) {
      const r = await rpc(outsider, name, body);
      expect({ name, status: r.status, message: r.body.message }).toEqual({ name, status: 400, message: 'department_not_found' });
    }
    // nor use them in their own enterprise
    const own = await rpc(outsider, 'create_department', { p_enterprise_id: other, p_parent_id: d.id, p_name: '借壳' });
    expect([own.status, own.body.message]).toEqual([400, 'department_not_found']);
    const ownMove = await rpc(outsider, 'move_member', { p_enterprise_id: other, p_user_id: outsider.userId, p_department_id: d.id });
    expect([ownMove.status, ownMove.body.message]).toEqual([400, 'department_not_found']);
    const theirs = await rpc(outsider, 'move_member', { p_enterprise_id: ent, p_user_id: member.userId, p_department_id: null });
    expect([theirs.status, theirs.body.message]).toEqual([403, 'not_enterprise_admin']);
    expect(await sql('select * from public.departments where enterprise_id = $1 order by id', [ent])).toEqual(before);
  });
});

describe('member profiles inside an enterprise', () => {
  let ent: string;
  let admin: SignedInUser;
  let alice: SignedInUser;
  let bob: SignedInUser;
  beforeAll(async () => {
    ent = await createEnterprise();
    admin = await newMember(ent, { role: 'admin', displayName: '管理员' });
    alice = await newMember(ent, { displayName: '爱丽丝' });
    bob = await newMember(ent, { displayName: '鲍勃' });
  });
  const row = async (userId: string) =>
    (await sql('select display_name, title, email, employee_no from public.enterprise_members where enterprise_id = $1 and user_id = $2', [ent, userId]))[0];

  it('a member edits their own name, title and email', async () => {
    const res = await rpc(alice, 'update_member_profile', {
      p_enterprise_id: ent, p_user_id: alice.userId, p_fields: { display_name: ' 爱丽丝·王 ', title: '产品经理', email: 'Alice@Example.COM' },
    });
    expect(res.status).toBe(204);
    expect(await row(alice.userId)).toEqual({ display_name: '爱丽丝·王', title: '产品经理', email: 'alice@example.com', employee_no: '' });
    const [mine] = await dir(alice, ent, { p_query: '爱丽丝' });
    expect(mine).toMatchObject({ display_name: '爱丽丝·王', title: '产品经理', email: 'alice@example.com' });
  });

  it('a member cannot set their employee number nor edit a colleague', async () => {
    const own = await rpc(alice, 'update_member_profile', { p_enterprise_id: ent, p_user_id: alice.userId, p_fields: { employee_no: 'A001' } });
    expect([own.status, own.body.message]).toEqual([403, 'field_admin_only']);
    const other = await rpc(alice, 'update_member_profile', { p_enterprise_id: ent, p_user_id: bob.userId, p_fields: { title: '被改' } });
    expect([other.status, other.body.message]).toEqual([403, 'not_enterprise_admin']);
    expect(await row(bob.userId)).toMatchObject({ title: '', employee_no: '' });
    expect((await row(alice.userId)).employee_no).toBe('');
  });

  it('an admin edits anyone, including the employee number', async () => {
    const res = await rpc(admin, 'update_member_profile', { p_enterprise_id: ent, p_user_id: bob.userId, p_fields: { employee_no: 'E-042', title: '工程师' } });
    expect(res.status).toBe(204);
    expect(await row(bob.userId)).toMatchObject({ employee_no: 'E-042', title: '工程师' });
  });

  it('bad fields are refused and nothing changes', async () => {
    const before = await row(alice.userId);
    const cases: Array<[unknown, string]> = [
      [{ phone: '13800000000' }, 'unknown_field'],
      [{ role: 'admin' }, 'unknown_field'],
      [{ display_name: '' }, 'display_name_invalid'],
      [{ display_name: 42 }, 'display_name_invalid'],
      [{ email: 'not-an-email' }, 'email_invalid'],
      [{ title: 'x'.repeat(41) }, 'title_invalid'],
      [{ title: '好', display_name: null }, 'display_name_invalid'],
      [{}, 'fields_invalid'],
      [['display_name'], 'fields_invalid'],
      [null, 'fields_invalid'],
    ];
    for (const [fields, code] of cases) {
      const r = await rpc(alice, 'update_member_profile', { p_enterprise_id: ent, p_user_id: alice.userId, p_fields: fields });
      expect({ fields, status: r.status, message: r.body.message }).toEqual({ fields, status: 400, message: code });
    }
    expect(await row(alice.userId)).toEqual(before);
  });

  it('an outsider cannot edit profiles here', async () => {
    const outsider = await newMember(await createEnterprise(), { role: 'admin' });
    const r = await rpc(outsider, 'update_member_profile', { p_enterprise_id: ent, p_user_id: bob.userId, p_fields: { title: '入侵' } });
    expect([r.status, r.body.message]).toEqual([403, 'not_enterprise_member']);
    expect((await row(bob.userId)).title).toBe('工程师');
  });
});

describe('directory visibility and search', () => {
  let ent: string;
  let rd: string;
  let fe: string;
  let market: string;
  let admin: SignedInUser;
  let dev1: SignedInUser; // 前端组
  let dev2: SignedInUser; // 研发中心
  let mkt: SignedInUser; // 市场部
  let floater: SignedInUser; // no department
  beforeAll(async () => {
    ent = await createEnterprise();
    rd = await addDepartment(ent, '研发中心');
    fe = await addDepartment(ent, '前端组', rd);
    market = await addDepartment(ent, '市场部');
    admin = await newMember(ent, { role: 'admin', displayName: '赵管理', title: '总经理', email: 'boss@zx.test', employeeNo: 'A-001' });
    dev1 = await newMember(ent, { departmentId: fe, displayName: '钱前端', title: '前端工程师', email: 'fe@zx.test', employeeNo: 'D-100' });
    dev2 = await newMember(ent, { departmentId: rd, displayName: '孙研发', title: '架构师', email: 'rd@zx.test', employeeNo: 'D-200' });
    mkt = await newMember(ent, { departmentId: market, displayName: '李市场', title: '市场专员_100%', email: 'mkt@zx.test', employeeNo: 'M-300' });
    floater = await newMember(ent, { displayName: '周自由', title: '顾问', employeeNo: 'F-400' });
  });

  it('with default settings every member sees everyone, with phones in E.164', async () => {
    const rows = await dir(mkt, ent);
    expect(rows.map((r) => r.display_name).sort()).toEqual(['周自由', '孙研发', '李市场', '赵管理', '钱前端'].sort());
    const fe1 = rows.find((r) => r.user_id === dev1.userId)!;
    expect(fe1).toEqual({
      user_id: dev1.userId, display_name: '钱前端', department_id: fe, department_name: '前端组', title: '前端工程师',
      phone: e164(dev1.phone), email: 'fe@zx.test', employee_no: 'D-100', role: 'member', is_head: false,
    });
    expect(rows.find((r) => r.user_id === admin.userId)!.role).toBe('admin');
  });

  it('search looks at name, title and employee number, case-insensitively, with wildcards taken literally', async () => {
    const names = async (q: string, who = mkt) => (await dir(who, ent, { p_query: q })).map((r) => r.display_name).sort();
    expect(await names('钱')).toEqual(['钱前端']);
    expect(await names('架构')).toEqual(['孙研发']);
    expect(await names('d-')).toEqual(['孙研发', '钱前端']);
    expect(await names('%')).toEqual(['李市场']);
    expect(await names('_')).toEqual(['李市场']);
    expect(await names('nobody-here')).toEqual([]);
  });

  it('the department filter includes sub-departments; pages are stable', async () => {
    expect((await dir(admin, ent, { p_department_id: rd })).map((r) => r.display_name).sort()).toEqual(['孙研发', '钱前端']);
    expect((await dir(admin, ent, { p_department_id: fe })).map((r) => r.display_name)).toEqual(['钱前端']);
    const all = await dir(admin, ent);
    const page1 = await dir(admin, ent, { p_limit: 2, p_offset: 0 });
    const page2 = await dir(admin, ent, { p_limit: 2, p_offset: 2 });
    const page3 = await dir(admin, ent, { p_limit: 2, p_offset: 4 });
    expect([...page1, ...page2, ...page3].map((r) => r.user_id)).toEqual(all.map((r) => r.user_id));
    const foreignDept = await addDepartment(await createEnterprise(), '别家部门');
    const r = await rpc(admin, 'directory', { p_enterprise_id: ent, p_department_id: foreignDept });
    expect([r.status, r.body.message]).toEqual([400, 'department_not_found']);
  });

  it('hidden fields come back null to members (own row complete) and cannot be searched; admins see all', async () => {
    await setDirectorySettings(ent, 'all', ['phone', 'employee_no']);
    try {
      const rows = await dir(mkt, ent);
      const other = rows.find((r) => r.user_id === dev1.userId)!;
      expect(other).toMatchObject({ phone: null, employee_no: null, title: '前端工程师', email: 'fe@zx.test' });
      const own = rows.find((r) => r.user_id === mkt.userId)!;
      expect(own).toMatchObject({ phone: e164(mkt.phone), employee_no: 'M-300' });
      // searching a hidden field finds only the caller's own row
      expect((await dir(mkt, ent, { p_query: 'D-100' })).length).toBe(0);
      expect((await dir(mkt, ent, { p_query: 'M-300' })).map((r) => r.user_id)).toEqual([mkt.userId]);
      const adminView = (await dir(admin, ent)).find((r) => r.user_id === dev1.userId)!;
      expect(adminView).toMatchObject({ phone: e164(dev1.phone), employee_no: 'D-100' });
      expect((await dir(admin, ent, { p_query: 'D-100' })).map((r) => r.user_id)).toEqual([dev1.userId]);
    } finally {
      await setDirectorySettings(ent, 'all', []);
    }
  });

  it('with scope "department" members see only their own department; without one, only themselves', async () => {
    await setDirectorySettings(ent, 'department', []);
    try {
      expect((await dir(dev2, ent)).map((r) => r.user_id)).toEqual([dev2.userId]);
      expect((await dir(dev1, ent)).map((r) => r.user_id)).toEqual([dev1.userId]);
      expect((await dir(floater, ent)).map((r) => r.user_id)).toEqual([floater.userId]);
      // a colleague in the same department appears
      const fe2 = await newMember(ent, { departmentId: fe, displayName: '吴前端' });
      expect((await dir(dev1, ent)).map((r) => r.display_name).sort()).toEqual(['吴前端', '钱前端']);
      expect((await dir(fe2, ent, { p_query: '孙' }))).toEqual([]);
      // filtering on another department does not widen the view
      expect((await dir(dev1, ent, { p_department_id: market }))).toEqual([]);
      expect((await dir(admin, ent)).length).toBe(6);
    } finally {
      await setDirectorySettings(ent, 'all', []);
    }
  });

  it('people outside the enterprise (or signed out) read nothing', async () => {
    const outsider = await newMember(await createEnterprise(), { role: 'admin' });
    const r = await rpc(outsider, 'directory', { p_enterprise_id: ent });
    expect([r.status, r.body.message]).toEqual([403, 'not_enterprise_member']);
    const anon = await callApi('/rest/v1/rpc/directory', { body: { p_enterprise_id: ent } });
    expect(anon.status).toBe(401);
    // a person removed from the enterprise loses the directory at once
    const leaving = await newMember(ent, { displayName: '临时工' });
    expect((await rpc(leaving, 'directory', { p_enterprise_id: ent })).status).toBe(200);
    await sql('delete from public.enterprise_members where enterprise_id = $1 and user_id = $2', [ent, leaving.userId]);
    expect((await rpc(leaving, 'directory', { p_enterprise_id: ent })).status).toBe(403);
    expect((await rpc(leaving, 'department_tree', { p_enterprise_id: ent })).status).toBe(403);
  });

  it('a member in two enterprises sees each directory on its own', async () => {
    const second = await createEnterprise();
    await addMember(second, dev1.userId, { displayName: '钱兼职' });
    const other = await newMember(second, { displayName: '别家同事' });
    expect((await dir(dev1, second)).map((r) => r.user_id).sort()).toEqual([dev1.userId, other.userId].sort());
    expect((await dir(dev1, ent)).some((r) => r.user_id === other.userId)).toBe(false);
    expect((await dir(dev1, second)).find((r) => r.user_id === dev1.userId)!.display_name).toBe('钱兼职');
  });
});
