// Issue 15: bad input (fast-check, bounded) to every community RPC and to the community-publish
// function, from callers who would otherwise be allowed (the author, a moderator): a clear 4xx with
// a code, never a 5xx, and nothing written.
import fc from 'fast-check';
import { callApi, sql, type SignedInUser } from '../support/clients';
import { community, postOk, publish, rpc, type Community } from './support-community/community';

const RUNS = 25;

/** Values Postgres reads as a boolean (0, 1, 't', 'of', 'yes'…): valid input, so not junk for a boolean parameter. */
function boolish(v: unknown): boolean {
  if (typeof v === 'boolean' || v === 0 || v === 1) return true;
  if (typeof v !== 'string') return false;
  const t = v.trim().toLowerCase();
  return t !== '' && (['true', 'false', 'yes', 'no'].some((w) => w.startsWith(t)) || ['on', 'off', 'of', '1', '0'].includes(t));
}

function expectClear4xx(res: Awaited<ReturnType<typeof callApi>>, what: unknown): void {
  if (res.status < 400 || res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(what)}: ${JSON.stringify(res.body)}`);
  const code = res.body?.code ?? res.body?.message;
  expect(typeof code).toBe('string');
}

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }).filter((s) => !s.trim().startsWith('{')),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 2 }),
  fc.constantFrom('', ' ', '\u0000', '9'.repeat(400), "'; drop table public.community_posts; --", '../..', '<script>'),
);
const badId = fc.oneof(junk, fc.uuid());
// Numbers and booleans arrive as text ('0', 'false'), so bad text is only what no rule accepts.
const badText = (max: number) => fc.constantFrom(null, '', '  ', 'x', '\u0000', '长'.repeat(max + 1));
const badDelta = fc.oneof(
  junk,
  fc.constant({ ops: [] }),
  fc.constant({ ops: [{ insert: 5 }] }),
  fc.constant({ ops: [{ retain: 3 }] }),
  fc.constant({ ops: 'x' }),
  fc.constant({ ops: [{ insert: '正文\n', attributes: 'bold' }] }),
);

describe('fuzz: community RPCs and the publishing function answer bad input with 4xx and write nothing', () => {
  let c: Community;
  let author: SignedInUser;
  let postId: string;
  let caseId: string;
  let actionId: string;

  async function snapshot(): Promise<string> {
    const tables = ['community_sections', 'community_posts', 'community_comments', 'community_likes', 'community_favorites',
      'community_cases', 'community_reports', 'community_actions', 'community_sanctions', 'community_blocked_words'];
    const parts = await Promise.all(tables.map(async (t) =>
      (await sql<{ j: string }>(`select coalesce(json_agg(x order by x::text)::text, '[]') as j from public.${t} x where x.enterprise_id = $1`, [c.eid]))[0].j));
    return parts.join('\n');
  }

  beforeAll(async () => {
    c = await community(3);
    author = c.members[0];
    postId = await postOk(author, c.sectionId, '模糊测试帖子', '用于模糊测试的正文');
    await rpc(c.members[1], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'ads' });
    [{ id: caseId }] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [postId]);
    actionId = (await rpc(c.admin, 'community_moderate', { p_case_id: caseId, p_action: 'warn', p_reason: '模糊测试警告' })).body;
  });

  it('sections, word list, status', async () => {
    const before = await snapshot();
    await fc.assert(fc.asyncProperty(fc.constantFrom(null, '', '  ', '\u0000', '长'.repeat(21), '技术交流'), fc.oneof(junk, fc.constant(['not-a-uuid'])), badId, async (name, depts, id) => {
      expectClear4xx(await rpc(c.admin, 'community_create_section', { p_enterprise_id: c.eid, p_name: name }), name);
      if (depts !== null) expectClear4xx(await rpc(c.admin, 'community_create_section', { p_enterprise_id: c.eid, p_name: '新版块', p_department_ids: depts }), depts);
      expectClear4xx(await rpc(c.admin, 'community_create_section', { p_enterprise_id: id, p_name: '新版块' }), id);
      expectClear4xx(await rpc(c.admin, 'community_archive_section', { p_section_id: id }), id);
      expectClear4xx(await rpc(c.admin, 'community_set_word_list', { p_enterprise_id: id, p_words: ['词'] }), id);
      expectClear4xx(await rpc(c.admin, 'community_my_status', { p_enterprise_id: id }), id);
      expectClear4xx(await rpc(c.admin, 'community_moderation_queue', { p_enterprise_id: c.eid, p_status: typeof id === 'string' ? `${id}x` : id }), id);
    }), { numRuns: RUNS });
    expectClear4xx(await rpc(c.admin, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: ['x'.repeat(31)] }), 'long');
    expectClear4xx(await rpc(c.admin, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: null }), 'null');
    expect(await snapshot()).toEqual(before);
  });

  it('posts, comments, reactions, reports', async () => {
    const before = await snapshot();
    await fc.assert(fc.asyncProperty(badId, badDelta, junk, async (id, body, value) => {
      expectClear4xx(await rpc(author, 'community_create_post', { p_section_id: c.sectionId, p_title: '标题正常', p_body: body }), body);
      expectClear4xx(await rpc(author, 'community_create_post', { p_section_id: id, p_title: value, p_body: body }), id);
      expectClear4xx(await rpc(author, 'community_edit_post', { p_post_id: postId, p_title: '标题正常', p_body: body }), body);
      expectClear4xx(await rpc(author, 'community_edit_post', { p_post_id: postId, p_title: '标题', p_body: { ops: [{ insert: '正文\n' }] }, p_images: value === null ? ['../x.png'] : value }), value);
      expectClear4xx(await rpc(author, 'community_add_comment', { p_post_id: id, p_body_text: '评论' }), id);
      expectClear4xx(await rpc(author, 'community_add_comment', { p_post_id: postId, p_body_text: value, p_parent_id: id }), value);
      expectClear4xx(await rpc(author, 'community_delete_post', { p_post_id: id }), id);
      expectClear4xx(await rpc(author, 'community_delete_comment', { p_comment_id: id }), id);
      expectClear4xx(await rpc(c.members[2], 'community_set_like', { p_post_id: id, p_on: true }), id);
      expectClear4xx(await rpc(c.members[2], 'community_set_favorite', { p_post_id: postId, p_on: boolish(value) ? null : value }), value);
      expectClear4xx(await rpc(c.admin, 'community_pin_post', { p_post_id: postId, p_on: boolish(value) ? null : value }), value);
      expectClear4xx(await rpc(c.members[2], 'community_report', { p_target_type: value, p_target_id: postId, p_category: 'ads' }), value);
      expectClear4xx(await rpc(c.members[2], 'community_report', { p_target_type: 'post', p_target_id: id, p_category: 'ads' }), id);
      expectClear4xx(await rpc(c.members[2], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: value }), value);
    }), { numRuns: RUNS });
    expectClear4xx(await rpc(c.members[2], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'ads', p_note: '长'.repeat(501) }), 'long note');
    expect(await snapshot()).toEqual(before);
  });

  it('moderation and appeals', async () => {
    const before = await snapshot();
    const actions = ['hide', 'delete', 'dismiss', 'require_edit', 'warn', 'restrict', 'suspend', 'escalate'];
    await fc.assert(fc.asyncProperty(badId, junk.filter((v) => !actions.includes(v as string)), junk, badText(500), badText(1000), async (id, action, value, text, appeal) => {
      expectClear4xx(await rpc(c.admin, 'community_moderate', { p_case_id: id, p_action: 'warn', p_reason: '理由正常' }), id);
      expectClear4xx(await rpc(c.admin, 'community_moderate', { p_case_id: caseId, p_action: action, p_reason: '理由正常' }), action);
      expectClear4xx(await rpc(c.admin, 'community_moderate', { p_case_id: caseId, p_action: 'restrict', p_reason: '理由正常', p_days: typeof value === 'number' && value >= 1 && value <= 365 ? 0 : value }), value);
      expectClear4xx(await rpc(c.admin, 'community_moderate', { p_case_id: caseId, p_action: 'warn', p_reason: text }), text);
      expectClear4xx(await rpc(author, 'community_appeal', { p_action_id: id, p_text: '申诉理由足够长' }), id);
      expectClear4xx(await rpc(author, 'community_appeal', { p_action_id: actionId, p_text: appeal }), appeal);
      expectClear4xx(await rpc(c.manager, 'community_decide_appeal', { p_action_id: id, p_uphold: true, p_note: '决定理由' }), id);
    }), { numRuns: RUNS });
    expect(await snapshot()).toEqual(before);
  });

  it('the publishing function', async () => {
    const before = await snapshot();
    const bodies = fc.oneof(
      junk,
      fc.record({ kind: junk, section_id: fc.constant(c.sectionId), title: fc.constant('标题'), body: fc.constant({ ops: [{ insert: 'x\n' }] }) }),
      fc.record({ kind: fc.constant('post'), section_id: badId, title: junk, body: badDelta }),
      fc.record({ kind: fc.constant('post'), section_id: fc.constant(c.sectionId), title: fc.constant('标题正常'), body: badDelta }),
      fc.record({ kind: fc.constant('post'), section_id: fc.constant(c.sectionId), title: fc.constant('x'), body: fc.constant({ ops: [{ insert: '正文\n' }] }) }),
      fc.record({ kind: fc.constant('comment'), post_id: badId, text: junk }),
      fc.record({ kind: fc.constant('comment'), post_id: fc.constant(postId), text: fc.constant('  ') }),
      fc.record({ kind: fc.constant('edit'), post_id: badId, title: junk, body: badDelta, channel: junk }),
    );
    await fc.assert(fc.asyncProperty(bodies, async (b) => {
      expectClear4xx(await publish(author, b as Record<string, unknown>), b);
    }), { numRuns: RUNS * 2 });
    const raw = await callApi('/functions/v1/community-publish', { token: author.token, rawBody: '{not json' });
    expectClear4xx(raw, 'raw');
    expect(await snapshot()).toEqual(before);
  });
});
