// Issue 15: bad input (fast-check, bounded) to every community RPC and to the community-publish
// function, from callers who would otherwise be allowed (the author, a moderator): a clear 4xx with
// a code, never a 5xx, and nothing written.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { callApi, sql, type SignedInUser } from '../support/clients';
import { getStack } from '../support/stack';
import { community, inHours, postOk, publish, publishTyped, rpc, type Community } from './support-community/community';

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
    const tables = ['community_sections', 'community_posts', 'community_comments', 'community_post_marks',
      'community_cases', 'community_reports', 'community_actions', 'community_sanctions', 'community_blocked_words',
      'community_polls', 'community_poll_votes', 'community_events', 'community_event_signups'];
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

  it('content types: bad extras when publishing, and the poll, event, Q&A and read-receipt RPCs', async () => {
    const ok = async (res: Awaited<ReturnType<typeof publish>>) => {
      if (res.status !== 201) throw new Error(`publish answered ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const pollId = await ok(await publishTyped(author, c.sectionId, 'poll', '模糊投票', '投票', { options: ['甲', '乙'], closes_at: inHours(5) }));
    const eventId = await ok(await publishTyped(author, c.sectionId, 'event', '模糊活动', '活动', { starts_at: inHours(50), place: '会议室', capacity: 1 }));
    const questionId = await ok(await publishTyped(author, c.sectionId, 'question', '模糊提问', '问题'));
    const annId = await ok(await publishTyped(c.admin, c.sectionId, 'announcement', '模糊公告', '公告'));
    const before = await snapshot();
    const extras = fc.oneof(
      junk,
      // two distinct non-blank strings would be valid options: not junk
      fc.record({ options: junk.filter((v) => !(Array.isArray(v) && new Set(v.map((x) => String(x).trim()).filter(Boolean)).size >= 2)), closes_at: fc.constant(inHours(5)) }),
      fc.record({ options: fc.constant(['甲', '乙']), closes_at: junk }),
      fc.record({ options: fc.constant(['甲', '乙']), closes_at: fc.constant(inHours(5)), max_choices: junk, show_results: junk.filter((v) => !['always', 'after_vote', 'after_close'].includes(v as string)), anonymous: junk }),
    );
    const eventExtras = fc.oneof(
      fc.record({ starts_at: junk, place: fc.constant('会议室') }),
      // a non-blank string of up to 60 characters is a valid place
      fc.record({ starts_at: fc.constant(inHours(50)), place: junk.filter((v) => !(typeof v === 'string' && v.trim() !== '' && v.trim().length <= 60)) }),
      fc.record({ starts_at: fc.constant(inHours(50)), place: fc.constant('会议室'), capacity: junk.filter((v) => v !== null && !(typeof v === 'number' && v >= 1 && v <= 10000)) }),
      fc.record({ starts_at: fc.constant(inHours(50)), place: fc.constant('会议室'), ends_at: fc.constant(inHours(49)), signup_closes_at: junk }),
    );
    await fc.assert(fc.asyncProperty(extras, eventExtras, badId, junk, async (pollExtra, eventExtra, id, value) => {
      expectClear4xx(await publishTyped(author, c.sectionId, 'poll', '模糊投票', '投票', pollExtra as Record<string, unknown>), pollExtra);
      expectClear4xx(await publishTyped(author, c.sectionId, 'event', '模糊活动', '活动', eventExtra as Record<string, unknown>), eventExtra);
      expectClear4xx(await publishTyped(author, c.sectionId, 'announcement', '模糊公告', '公告', {}), 'member announcement');
      expectClear4xx(await publishTyped(c.admin, c.sectionId, 'announcement', '模糊公告', '公告', { required_department_ids: value === null ? ['x'] : value }), value);
      expectClear4xx(await rpc(c.members[1], 'community_vote', { p_post_id: pollId, p_choices: Array.isArray(value) || value === null ? [9] : value }), value);
      expectClear4xx(await rpc(c.members[1], 'community_vote', { p_post_id: id, p_choices: [0] }), id);
      expectClear4xx(await rpc(c.members[1], 'community_poll', { p_post_id: id }), id);
      expectClear4xx(await rpc(c.members[1], 'community_event_signup', { p_post_id: eventId, p_on: boolish(value) ? null : value }), value);
      expectClear4xx(await rpc(c.members[1], 'community_event_signup', { p_post_id: id, p_on: true }), id);
      expectClear4xx(await rpc(c.members[1], 'community_event_attendees', { p_post_id: id }), id);
      expectClear4xx(await rpc(c.members[1], 'community_event_checkin_code', { p_post_id: id }), id);
      expectClear4xx(await rpc(c.members[1], 'community_event_check_in', { p_post_id: eventId, p_code: value }), value);
      expectClear4xx(await rpc(c.members[1], 'community_event_check_in', { p_post_id: id, p_code: '123456' }), id);
      // null clears the accepted answer (valid): an unknown id instead
      expectClear4xx(await rpc(author, 'community_accept_answer', { p_post_id: questionId, p_comment_id: id ?? '00000000-0000-4000-8000-000000000000' }), id);
      expectClear4xx(await rpc(author, 'community_accept_answer', { p_post_id: id, p_comment_id: null }), id);
      expectClear4xx(await rpc(c.members[1], 'community_mark_read', { p_post_id: id }), id);
      expectClear4xx(await rpc(c.admin, 'community_read_receipts', { p_post_id: typeof id === 'string' && id.length === 36 ? pollId : id }), id);
    }), { numRuns: RUNS });
    expectClear4xx(await rpc(c.members[1], 'community_read_receipts', { p_post_id: annId }), 'member receipts');
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

  it('images and anonymous questions: the service RPCs, the message push and community_post_mine', async () => {
    const before = await snapshot();
    const service = (name: string, body: Record<string, unknown>) =>
      callApi(`/rest/v1/rpc/${name}`, { token: getStack().serviceRoleKey, headers: { apikey: getStack().serviceRoleKey }, body });
    const signed = (ts: string, nonce: string) => crypto.createHash('sha1').update(['local-wechat-push-token', ts, nonce].sort().join('')).digest('hex');
    // JSON objects and arrays reach a text parameter as their text: only what no rule accepts
    const badTrace = fc.constantFrom(null, '', ' ', 'x'.repeat(129));
    await fc.assert(fc.asyncProperty(badId, junk, junk, badTrace, async (id, value, body, trace) => {
      if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) expectClear4xx(await rpc(author, 'community_post_mine', { p_post_id: id }), id);
      expectClear4xx(await service('community_image_check', { p_image_id: id, p_trace_id: 'trace-x' }), id);
      expectClear4xx(await service('community_media_verdict', { p_trace_id: trace, p_suggest: 'pass' }), trace);
      if (!['pass', 'review', 'risky'].includes(value as string)) expectClear4xx(await service('community_media_verdict', { p_trace_id: 'fuzz-trace', p_suggest: value }), value);
      const ts = String(Math.floor(Date.now() / 1000));
      const push = await callApi(`/functions/v1/community-media-push?signature=${signed(ts, 'fz')}&timestamp=${ts}&nonce=fz`,
        { rawBody: typeof body === 'string' ? body : JSON.stringify(body), headers: { apikey: '' } });
      expect(push.status).toBeLessThan(500);
    }), { numRuns: RUNS });
    expect(await sql(`select 1 from private.community_media_verdicts where trace_id = 'fuzz-trace'`)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
