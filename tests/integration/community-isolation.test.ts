// Issue 15, isolation with real objects (the catalog matrix calls community RPCs with unknown ids):
// a member, an admin and a community manager of another enterprise act on this enterprise's posts,
// comments, cases and actions — every call refused, nothing changed; sections limited to departments;
// escalated cases belong to the platform.
import { makePlatformOperator, sql, type SignedInUser } from '../support/clients';
import { addDepartment, addMember } from './support-tenancy/fixture';
import { community, postOk, publish, read, rpc, type Community } from './support-community/community';

async function snapshot(eid: string): Promise<string> {
  const tables = ['community_sections', 'community_posts', 'community_comments', 'community_post_marks',
    'community_cases', 'community_reports', 'community_actions', 'community_sanctions', 'community_blocked_words'];
  const parts = await Promise.all(tables.map(async (t) =>
    (await sql<{ j: string }>(`select coalesce(json_agg(x order by x::text)::text, '[]') as j from public.${t} x where x.enterprise_id = $1`, [eid]))[0].j));
  return parts.join('\n');
}

describe('community isolation between enterprises', () => {
  let x: Community;
  let y: Community;
  let postId: string;
  let commentId: string;
  let caseId: string;
  let actionId: string;

  beforeAll(async () => {
    [x, y] = await Promise.all([community(4), community(1)]);
    postId = await postOk(x.members[0], x.sectionId, '部门周报', '本周完成了三个需求');
    commentId = (await publish(x.members[1], { kind: 'comment', post_id: postId, text: '辛苦了' })).body.id;
    for (const r of x.members.slice(1, 4)) await rpc(r, 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'other' });
    [{ id: caseId }] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [postId]);
    actionId = (await rpc(x.admin, 'community_moderate', { p_case_id: caseId, p_action: 'warn', p_reason: '请注意发帖规范' })).body;
    await rpc(x.members[0], 'community_appeal', { p_action_id: actionId, p_text: '我认为没有违反规范' });
  });

  it('outsiders read nothing of the enterprise’s community', async () => {
    for (const who of [y.members[0], y.admin, y.manager]) {
      for (const table of ['community_sections', 'community_posts', 'community_comments', 'community_post_marks', 'community_cases',
        'community_reports', 'community_actions', 'community_sanctions', 'community_blocked_words']) {
        // one column: community_posts/comments keep author_id from API roles (anonymous questions)
        const res = await read(who, `${table}?enterprise_id=eq.${x.eid}&select=enterprise_id`);
        expect({ table, status: res.status, rows: res.body }).toEqual({ table, status: 200, rows: [] });
      }
    }
  });

  it('every write RPC on another enterprise’s objects is refused and changes nothing', async () => {
    const before = await snapshot(x.eid);
    const calls: Array<[string, Record<string, unknown>]> = [
      ['community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'ads' }],
      ['community_report', { p_target_type: 'comment', p_target_id: commentId, p_category: 'ads' }],
      ['community_set_like', { p_post_id: postId, p_on: true }],
      ['community_set_favorite', { p_post_id: postId, p_on: true }],
      ['community_delete_post', { p_post_id: postId }],
      ['community_delete_comment', { p_comment_id: commentId }],
      ['community_pin_post', { p_post_id: postId, p_on: true }],
      ['community_feature_post', { p_post_id: postId, p_on: true }],
      ['community_archive_section', { p_section_id: x.sectionId }],
      ['community_moderate', { p_case_id: caseId, p_action: 'suspend', p_reason: '跨企业处理', p_days: 30 }],
      ['community_decide_appeal', { p_action_id: actionId, p_uphold: false, p_note: '跨企业决定' }],
      ['community_appeal', { p_action_id: actionId, p_text: '跨企业的申诉理由' }],
      ['community_moderation_queue', { p_enterprise_id: x.eid }],
      ['community_set_word_list', { p_enterprise_id: x.eid, p_words: ['跨企业'] }],
      ['community_create_section', { p_enterprise_id: x.eid, p_name: '跨企业版块' }],
      ['community_my_status', { p_enterprise_id: x.eid }],
    ];
    for (const who of [y.members[0], y.admin, y.manager]) {
      for (const [fn, args] of calls) {
        const res = await rpc(who, fn, args);
        expect({ fn, refused: res.status >= 400 && res.status < 500 }).toEqual({ fn, refused: true });
      }
      for (const body of [
        { kind: 'post', section_id: x.sectionId, title: '跨企业发帖', body: { ops: [{ insert: '内容\n' }] } },
        { kind: 'edit', post_id: postId, title: '跨企业改帖', body: { ops: [{ insert: '内容\n' }] } },
        { kind: 'comment', post_id: postId, text: '跨企业评论' },
      ]) {
        const res = await publish(who, body);
        expect({ kind: body.kind, status: res.status }).toEqual({ kind: body.kind, status: 400 });
      }
    }
    expect(await snapshot(x.eid)).toEqual(before);
  });

  it('a member can’t act as a moderator, edit others’ posts or decide appeals in their own enterprise', async () => {
    const before = await snapshot(x.eid);
    const m = x.members[2];
    expect((await rpc(m, 'community_moderate', { p_case_id: caseId, p_action: 'delete', p_reason: '我要删帖' })).status).toBe(403);
    expect((await rpc(m, 'community_pin_post', { p_post_id: postId, p_on: true })).status).toBe(403);
    expect((await publish(m, { kind: 'edit', post_id: postId, title: '改别人的帖', body: { ops: [{ insert: '篡改\n' }] } })).status).toBe(400);
    expect((await rpc(m, 'community_delete_post', { p_post_id: postId })).status).toBe(400);
    expect(await snapshot(x.eid)).toEqual(before);
  });

  it('a section limited to a department is seen by its members and moderators only', async () => {
    const dept = await addDepartment(x.eid, '财务部');
    const inDept = x.members[3];
    await sql('update public.enterprise_members set department_id = $3 where enterprise_id = $1 and user_id = $2', [x.eid, inDept.userId, dept]);
    const sec = await rpc(x.admin, 'community_create_section', { p_enterprise_id: x.eid, p_name: '财务专区', p_department_ids: [dept] });
    expect(sec.status).toBe(200);
    const pid = await postOk(inDept, sec.body, '报销流程', '月底前提交');
    const seen = async (u: SignedInUser) => ((await read(u, `community_posts?id=eq.${pid}&select=id`)).body as unknown[]).length;
    expect(await seen(inDept)).toBe(1);
    expect(await seen(x.manager)).toBe(1);
    expect(await seen(x.members[1])).toBe(0);
    const res = await publish(x.members[1], { kind: 'comment', post_id: pid, text: '我也想看' });
    expect(res.status).toBe(400);
  });

  it('escalated cases go to platform operators; the enterprise’s moderators can no longer act on them', async () => {
    const pid = await postOk(x.members[1], x.sectionId, '转发消息', '据说公司要搬家了');
    for (const r of [x.members[0], x.members[2], x.members[3]]) await rpc(r, 'community_report', { p_target_type: 'post', p_target_id: pid, p_category: 'illegal_6' });
    const [{ id: kase }] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [pid]);
    expect((await rpc(x.admin, 'community_moderate', { p_case_id: kase, p_action: 'escalate', p_reason: '涉及谣言，请平台判断' })).status).toBe(200);
    expect((await rpc(x.manager, 'community_moderate', { p_case_id: kase, p_action: 'dismiss', p_reason: '其实没问题' })).status).toBe(403);
    const op = y.members[0];
    await makePlatformOperator(op.userId);
    const q = await rpc(op, 'community_moderation_queue', { p_status: 'escalated' });
    expect((q.body as Array<{ id: string }>).map((c) => c.id)).toContain(kase);
    expect((await rpc(x.admin, 'community_moderation_queue', { p_status: 'escalated' })).status).toBe(403);
    const act = await rpc(op, 'community_moderate', { p_case_id: kase, p_action: 'delete', p_reason: '传播未经证实的消息', p_clause: 'LX 4.4.2.1 第6项' });
    expect(act.status).toBe(200);
    const [a] = await sql<{ actor_role: string; clause: string }>('select actor_role, clause from public.community_actions where id = $1', [act.body]);
    expect(a).toEqual({ actor_role: 'operator', clause: 'LX 4.4.2.1 第6项' });
    await sql('delete from private.platform_operators where user_id = $1', [op.userId]);
  });

  it('leaving the enterprise ends access to its community at once', async () => {
    const leaver = x.members[1];
    await sql('delete from public.enterprise_members where enterprise_id = $1 and user_id = $2', [x.eid, leaver.userId]);
    expect((await read(leaver, `community_posts?enterprise_id=eq.${x.eid}&select=id`)).body).toEqual([]);
    await addMember(x.eid, leaver.userId, { current: false });
  });
});
