// Issue 14: bad input (fast-check, bounded) to the knowledge-base governance RPCs
// (20261215010000_kb_governance.sql), called by people with the rights (the admin; an editor for
// saves waiting for approval), so a refusal comes from the input checks: a clear 4xx with a code,
// never a 5xx, and nothing written.
import fc from 'fast-check';
import { callApi, sql, type SignedInUser } from '../support/clients';
import { createEnterprise, newMember } from './support-tenancy/fixture';
import { delta, ok, rpc } from './kb-support';

const RUNS = 20;

function expectClear4xx(fn: string, args: unknown, res: Awaited<ReturnType<typeof callApi>>): void {
  const ok4xx = res.status >= 400 && res.status < 500 && typeof (res.body?.message ?? res.body?.code) === 'string';
  expect({ fn, args, ok: ok4xx, status: res.status }).toEqual({ fn, args, ok: true, status: res.status });
}

// Postgres reads many strings as booleans or numbers: leave those out where they would be valid.
const booleanLike = (v: unknown) => typeof v === 'boolean'
  || (typeof v === 'string' && /^\s*(t|f|true|false|y|n|yes|no|on|off|0|1)\s*$/i.test(v)) || v === 0 || v === 1;
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '9'.repeat(400), "'; drop table public.kb_nodes; --", '<script>', '00000000-0000-4000-8000-000000000000'),
);
const notBool = junk.filter((v) => !booleanLike(v) && v !== null);
const badDate = fc.constantFrom('2020-13-01', '昨天', '', 'not a date', '1999-01-01', '2999-01-01', '2024-02-30', '12345', 'x'.repeat(50));
const badTitle = fc.constantFrom('', '   ', 'x'.repeat(101), 'a/b', 'a\u0007b', '\u0000');
const badDelta = fc.oneof(
  junk,
  fc.record({ ops: junk.filter((j) => !(Array.isArray(j) && j.length === 0)) }),
  fc.record({ ops: fc.array(fc.oneof(junk, fc.record({ insert: fc.oneof(fc.integer(), fc.constant(null)) })), { minLength: 1, maxLength: 3 }) }),
);

describe('fuzz: knowledge-base governance RPCs answer bad input with 4xx and write nothing', () => {
  let ent: string;
  let admin: SignedInUser;
  let editor: SignedInUser;
  let space: string;
  let page: string;
  let review: string;
  let snapshot: () => Promise<unknown>;

  beforeAll(async () => {
    ent = await createEnterprise();
    admin = await newMember(ent, { role: 'admin', displayName: '模糊管理员' });
    editor = await newMember(ent, { displayName: '模糊编辑' });
    space = await ok<string>(rpc(admin, 'kb_create_space', { p_enterprise_id: ent, p_kind: 'enterprise', p_title: '模糊空间' }));
    await ok(rpc(admin, 'kb_set_grants', { p_node_id: space, p_grants: [
      { role: 'manager', kind: 'member', id: admin.userId }, { role: 'editor', kind: 'member', id: editor.userId },
    ] }));
    page = await ok<string>(rpc(admin, 'kb_create_node', { p_parent_id: space, p_kind: 'page', p_title: '页面' }));
    await ok(rpc(admin, 'kb_set_space_flag', { p_space_id: space, p_flag: 'approval_required', p_on: true }));
    review = (await ok<{ review_id: string }>(rpc(editor, 'kb_submit_page', { p_node_id: page, p_delta: delta('草稿') }))).review_id;
    snapshot = async () => sql(
      `select (select json_agg(n order by n.id) from (select id, title, owner_id, review_due, reviewed_at, approval_required, body_text
                                                        from public.kb_nodes where enterprise_id = $1) n) as nodes,
              (select json_agg(r order by r.id) from public.kb_page_reviews r where r.enterprise_id = $1) as reviews,
              (select json_agg(v order by v.id) from public.kb_page_versions v where v.enterprise_id = $1) as versions,
              (select json_agg(c) from public.member_content_rules c where c.enterprise_id = $1) as rules`, [ent]);
  });

  const asAdmin = (fn: string, gen: fc.Arbitrary<Record<string, unknown>>) => [fn, gen, () => admin] as const;
  const cases = () => [
    asAdmin('member_content_rule', fc.record({ p_enterprise_id: junk })),
    asAdmin('set_member_content_rule', fc.oneof(
      fc.record({ p_enterprise_id: fc.constant(ent), p_rule: junk.filter((r) => r !== 'keep' && r !== 'transfer') }),
      fc.record({ p_enterprise_id: fc.constant(ent), p_rule: fc.constant('transfer'), p_transfer_to: junk }),
      fc.record({ p_enterprise_id: junk, p_rule: fc.constant('keep') }),
    )),
    asAdmin('kb_set_space_flag', fc.oneof(
      fc.record({ p_space_id: junk, p_flag: fc.constant('approval_required'), p_on: fc.constant(false) }),
      fc.record({ p_space_id: fc.constant(space), p_flag: fc.constant('approval_required'), p_on: notBool }),
      fc.record({ p_space_id: fc.constant(page), p_flag: fc.constant('approval_required'), p_on: fc.constant(false) }),
    )),
    ['kb_submit_page', fc.oneof(
      fc.record({ p_node_id: junk, p_delta: fc.constant(delta('正文')) }),
      fc.record({ p_node_id: fc.constant(page), p_delta: badDelta }),
      fc.record({ p_node_id: fc.constant(page), p_delta: fc.constant(delta('正文')), p_title: badTitle }),
      fc.record({ p_node_id: fc.constant(page), p_delta: fc.constant(delta('正文')), p_base_version: fc.integer({ min: 1 }) }),
    ), () => editor] as const,
    asAdmin('kb_review_page', fc.oneof(
      fc.record({ p_review_id: junk, p_approve: fc.constant(false), p_reason: fc.constant('原因') }),
      fc.record({ p_review_id: fc.constant(review), p_approve: notBool }),
      fc.record({ p_review_id: fc.constant(review), p_approve: fc.constant(false), p_reason: fc.constantFrom('', '   ', 'x'.repeat(201)) }),
    )),
    asAdmin('kb_pending_reviews', fc.record({ p_enterprise_id: junk })),
    asAdmin('kb_stale_pages', fc.record({ p_enterprise_id: junk })),
    asAdmin('kb_storage_by_space', fc.record({ p_enterprise_id: junk })),
    asAdmin('kb_page_governance', fc.record({ p_node_id: junk })),
    asAdmin('kb_set_page_owner', fc.oneof(
      fc.record({ p_node_id: junk, p_owner_id: fc.constant(editor.userId) }),
      fc.record({ p_node_id: fc.constant(page), p_owner_id: junk }),
    )),
    asAdmin('kb_set_review_date', fc.oneof(
      fc.record({ p_node_id: junk, p_due: fc.constant('2030-01-01') }),
      fc.record({ p_node_id: fc.constant(page), p_due: badDate }),
      fc.record({ p_node_id: fc.constant(space), p_due: fc.constant('2030-01-01') }),
    )),
    asAdmin('kb_mark_reviewed', fc.oneof(
      fc.record({ p_node_id: junk }),
      fc.record({ p_node_id: fc.constant(page), p_next: badDate }),
    )),
  ];

  it('every governance RPC', async () => {
    const before = await snapshot();
    for (const [fn, gen, who] of cases()) {
      await fc.assert(fc.asyncProperty(gen, async (args) => {
        expectClear4xx(fn, args, await rpc(who(), fn, args));
      }), { numRuns: RUNS });
    }
    expect(await snapshot()).toEqual(before);
  });
});
