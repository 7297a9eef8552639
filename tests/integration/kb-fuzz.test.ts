// Issue 14: bad input (fast-check, bounded) to every knowledge-base RPC, called by the enterprise's
// admin (who manages everything, so a refusal comes from the input checks): a clear 4xx with a
// code, never a 5xx, and nothing of the knowledge base written.
import fc from 'fast-check';
import { callApi, sql, type SignedInUser } from '../support/clients';
import { createEnterprise, newMember } from './support-tenancy/fixture';
import { ok, rpc } from './kb-support';

const RUNS = 25;

function expectClear4xx(fn: string, args: unknown, res: Awaited<ReturnType<typeof callApi>>): void {
  const ok4xx = res.status >= 400 && res.status < 500 && typeof (res.body?.message ?? res.body?.code) === 'string';
  expect({ fn, args, ok: ok4xx, status: res.status }).toEqual({ fn, args, ok: true, status: res.status });
}

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '9'.repeat(400), "'; drop table public.kb_nodes; --", '../..', '<script>', '00000000-0000-4000-8000-000000000000'),
);
const badTitle = fc.oneof(
  fc.constantFrom('', '   ', 'x'.repeat(101), '题'.repeat(101), 'a/b', 'a\\b', 'a\u0007b', 'line\nbreak', '\u0000'),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0001', '\u001f', '/')).map(([s, c]) => `${s}${c}`),
);
const badDelta = fc.oneof(
  junk,
  fc.record({ ops: junk.filter((j) => !(Array.isArray(j) && j.length === 0)) }), // {ops: []} is a valid (empty) page
  fc.record({ ops: fc.array(fc.oneof(junk, fc.record({ insert: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.integer())) }),
    fc.record({ insert: fc.string(), attributes: fc.oneof(fc.string(), fc.integer()) }),
    fc.record({ insert: fc.string(), retain: fc.integer() })), { minLength: 1, maxLength: 4 }) }),
);
const badGrants = fc.oneof(
  junk.filter((j) => !Array.isArray(j)),
  fc.array(fc.oneof(
    junk,
    fc.record({ role: fc.string({ maxLength: 10 }), kind: fc.constant('everyone') }),
    fc.record({ role: fc.constant('viewer'), kind: fc.constantFrom('member', 'department'), id: junk }),
    fc.record({ role: fc.constant('viewer'), kind: fc.string({ maxLength: 10 }) }),
  ), { minLength: 1, maxLength: 3 }),
);

describe('fuzz: knowledge-base RPCs answer bad input with 4xx and write nothing', () => {
  let admin: SignedInUser;
  let ent: string;
  let space: string;
  let folder: string;
  let page: string;
  let template: string;
  let snapshot: () => Promise<unknown>;

  beforeAll(async () => {
    ent = await createEnterprise();
    admin = await newMember(ent, { role: 'admin', displayName: '模糊管理员' });
    space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '模糊空间' }));
    folder = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'folder', p_title: '文件夹' }));
    page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: folder, p_kind: 'page', p_title: '页面' }));
    template = await ok<string>(rpc(admin, 'kb_save_template', { p_node_id: page, p_title: '模糊模板' }));
    snapshot = async () => sql(
      `select (select json_agg(n order by n.id) from (select id, parent_id, title, path, acl_node_id, sets_grants, deleted_at, comments_enabled, watermark, copy_protect,
                                                             file_path from public.kb_nodes where enterprise_id = $1) n) as nodes,
              (select json_agg(g order by g.id) from public.kb_grants g where g.enterprise_id = $1) as grants,
              (select json_agg(v order by v.id) from public.kb_page_versions v where v.enterprise_id = $1) as versions,
              (select json_agg(c order by c.id) from public.kb_comments c where c.enterprise_id = $1) as comments,
              (select json_agg(t order by t.id) from public.kb_templates t where t.enterprise_id = $1) as templates`, [ent]);
  });

  const cases: Array<[string, fc.Arbitrary<Record<string, unknown>>]> = [
    ['kb_create_space', fc.oneof(
      fc.record({ p_enterprise_id: fc.constant(null as unknown), p_kind: fc.constant('team'), p_title: fc.constant('空间') }),
      fc.record({ p_enterprise_id: junk, p_kind: junk, p_title: junk }),
      fc.record({ p_enterprise_id: fc.constant('ENT'), p_kind: fc.string({ maxLength: 12 }).filter((k) => !['enterprise', 'team', 'private'].includes(k)), p_title: fc.constant('空间') }),
      fc.record({ p_enterprise_id: fc.constant('ENT'), p_kind: fc.constant('team'), p_title: badTitle }),
      fc.record({
        p_enterprise_id: fc.constant('ENT'), p_kind: fc.constant('team'), p_title: fc.constant('空间'),
        p_description: fc.string({ minLength: 501, maxLength: 520 }).filter((d) => d.trim().length > 500),
      }),
    )],
    ['kb_create_node', fc.oneof(
      fc.record({ p_parent_id: junk, p_kind: fc.constant('page'), p_title: fc.constant('页') }),
      fc.record({ p_parent_id: fc.constant('FOLDER'), p_kind: fc.oneof(junk, fc.constant('space')), p_title: fc.constant('页') }),
      fc.record({ p_parent_id: fc.constant('FOLDER'), p_kind: fc.constant('page'), p_title: badTitle }),
      fc.record({ p_parent_id: fc.constant('PAGE'), p_kind: fc.constant('page'), p_title: fc.constant('页中页') }),
    )],
    ['kb_rename_node', fc.oneof(
      fc.record({ p_node_id: junk, p_title: fc.constant('新名') }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_title: badTitle }),
    )],
    ['kb_move_node', fc.oneof(
      fc.record({ p_node_id: junk, p_new_parent_id: fc.constant('SPACE') }),
      fc.record({ p_node_id: fc.constant('FOLDER'), p_new_parent_id: fc.oneof(junk, fc.constant('PAGE'), fc.constant('FOLDER')) }),
      fc.record({ p_node_id: fc.constant('SPACE'), p_new_parent_id: fc.constant('FOLDER') }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_new_parent_id: fc.constant('SPACE'), p_sort_order: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 1000001 })) }),
    )],
    ['kb_save_page', fc.oneof(
      fc.record({ p_node_id: junk, p_delta: fc.constant({ ops: [{ insert: 'x\n' }] }) }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_delta: badDelta }),
      fc.record({ p_node_id: fc.constant('FOLDER'), p_delta: fc.constant({ ops: [{ insert: 'x\n' }] }) }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_delta: fc.constant({ ops: [{ insert: 'x\n' }] }), p_title: badTitle }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_delta: fc.constant({ ops: [{ insert: 'x\n' }] }), p_base_version: fc.integer({ min: 1 }) }),
    )],
    ['kb_restore_version', fc.record({ p_version_id: junk })],
    ['kb_set_file', fc.oneof(
      fc.record({ p_node_id: fc.oneof(junk, fc.constant('PAGE')), p_object_path: fc.constant('x'), p_mime: fc.constant('image/png'), p_size: fc.constant(1) }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_object_path: junk, p_mime: junk, p_size: junk }),
    )],
    ['kb_trash_node', fc.record({ p_node_id: junk })],
    ['kb_restore_node', fc.record({ p_node_id: fc.oneof(junk, fc.constant('PAGE')) })],
    ['kb_trash', fc.record({ p_space_id: junk })],
    ['kb_set_grants', fc.oneof(
      fc.record({ p_node_id: junk, p_grants: fc.constant([{ role: 'viewer', kind: 'everyone' }]) }),
      fc.record({ p_node_id: fc.constant('FOLDER'), p_grants: badGrants }),
    )],
    ['kb_inherit_grants', fc.record({ p_node_id: fc.oneof(junk, fc.constant('SPACE')) })],
    ['kb_node_access', fc.record({ p_node_id: junk })],
    ['kb_open_page', fc.record({ p_node_id: junk })],
    ['kb_set_mark', fc.oneof(
      fc.record({ p_node_id: junk, p_kind: fc.constantFrom('favorite', 'like'), p_on: fc.boolean() }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_kind: fc.oneof(fc.constantFrom(null, '', 'Like', 'favourite', 'likes'), fc.string().filter((k) => !['favorite', 'like'].includes(k))), p_on: fc.boolean() }),
    )],
    ['kb_add_comment', fc.oneof(
      fc.record({ p_node_id: junk, p_body: fc.constant('评论') }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_body: fc.oneof(fc.constantFrom('', '   ', null, '\u0000'), fc.string({ minLength: 1001, maxLength: 1010 }).filter((s) => s.trim().length > 1000)) }),
    )],
    ['kb_delete_comment', fc.record({ p_comment_id: junk })],
    ['kb_set_comments_enabled', fc.oneof(
      fc.record({ p_node_id: junk, p_enabled: fc.boolean() }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_enabled: fc.constant(null) }),
    )],
    // 20261215500000_kb_content.sql
    ['kb_set_space_flag', fc.oneof(
      fc.record({ p_space_id: junk, p_flag: fc.constantFrom('watermark', 'copy_protect'), p_on: fc.boolean() }),
      fc.record({ p_space_id: fc.constant('SPACE'), p_flag: fc.constantFrom('watermark', 'copy_protect'), p_on: fc.constant(null) }),
      fc.record({ p_space_id: fc.constant('SPACE'), p_flag: fc.oneof(fc.constantFrom(null, '', 'Watermark', 'comments_enabled', 'title'),
        fc.string().filter((f) => !['watermark', 'copy_protect', 'approval_required'].includes(f))), p_on: fc.boolean() }),
      fc.record({ p_space_id: fc.constantFrom('FOLDER', 'PAGE'), p_flag: fc.constantFrom('watermark', 'copy_protect'), p_on: fc.boolean() }),
    )],
    ['kb_copy_node', fc.oneof(
      fc.record({ p_node_id: junk }),
      fc.record({ p_node_id: junk, p_new_parent_id: fc.constant('FOLDER') }),
      fc.record({ p_node_id: fc.constant('SPACE'), p_new_parent_id: fc.constantFrom('SPACE', 'FOLDER') }),
      // a non-null parent that is not a folder, or not an id at all (null would mean "beside it", a valid copy)
      fc.record({ p_node_id: fc.constantFrom('PAGE', 'FOLDER'), p_new_parent_id: fc.oneof(junk.filter((j) => j !== null), fc.constant('PAGE')) }),
    )],
    ['kb_save_template', fc.oneof(
      fc.record({ p_node_id: junk, p_title: fc.constant('模板') }),
      fc.record({ p_node_id: fc.constantFrom('SPACE', 'FOLDER'), p_title: fc.constant('模板') }),
      fc.record({ p_node_id: fc.constant('PAGE'), p_title: fc.oneof(fc.constantFrom('', '   ', null, 'x'.repeat(51), '模'.repeat(51), 'a\u0001b', '\u0000'),
        fc.string({ minLength: 51, maxLength: 60 }).filter((t) => t.trim().length > 50)) }),
    )],
    ['kb_delete_template', fc.record({ p_template_id: junk })],
    ['kb_create_from_template', fc.oneof(
      fc.record({ p_parent_id: junk, p_template_id: fc.constant('TEMPLATE'), p_title: fc.constant('新页面') }),
      fc.record({ p_parent_id: fc.constant('FOLDER'), p_template_id: junk, p_title: fc.constant('新页面') }),
      fc.record({ p_parent_id: fc.constant('FOLDER'), p_template_id: fc.constant('TEMPLATE'), p_title: badTitle }),
      fc.record({ p_parent_id: fc.constant('PAGE'), p_template_id: fc.constant('TEMPLATE'), p_title: fc.constant('新页面') }),
    )],
    ['kb_search', fc.oneof(
      fc.record({ p_enterprise_id: junk, p_query: fc.constant('知') }),
      fc.record({ p_enterprise_id: fc.constant('ENT'), p_query: fc.oneof(fc.constantFrom('', '   ', null), fc.string({ minLength: 101, maxLength: 110 }).filter((s) => s.trim().replace(/\s+/g, ' ').length > 100)) }),
      fc.record({ p_enterprise_id: fc.constant('ENT'), p_query: fc.constant('知'), p_limit: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 51 })) }),
    )],
  ];

  it.each(cases)('%s', async (fn, arb) => {
    const before = await snapshot();
    const ids: Record<string, string> = { SPACE: space, FOLDER: folder, PAGE: page, ENT: ent, TEMPLATE: template };
    await fc.assert(
      fc.asyncProperty(arb, async (raw) => {
        const args = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && v in ids ? ids[v] : v]));
        const res = await rpc(admin, fn, args);
        expectClear4xx(fn, args, res);
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
  });
});
