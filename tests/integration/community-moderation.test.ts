// Issue 15, the moderation chain end to end through the API: a member posts; three colleagues report
// it; past the weighted threshold it disappears from the feed; a moderator agrees; the author is
// notified with the clause; the author appeals once; the moderator who acted can't decide the
// appeal; another moderator overturns it and the post is back.
import { sql, type SignedInUser } from '../support/clients';
import { community, postOk, read, rpc, type Community } from './support-community/community';

const feedIds = async (user: SignedInUser, c: Community): Promise<string[]> => {
  const res = await read(user, `community_posts?enterprise_id=eq.${c.eid}&select=id&order=created_at.desc`);
  expect(res.status).toBe(200);
  return (res.body as Array<{ id: string }>).map((p) => p.id);
};

const notices = (userId: string, kind: string) =>
  sql<{ title: string; body: string; data: Record<string, unknown> }>(
    'select title, body, data from public.notifications where user_id = $1 and kind = $2 order by created_at', [userId, kind]);

describe('community moderation: report → hidden → agreed → notified → appeal decided by someone else', () => {
  let c: Community;
  let author: SignedInUser;
  let reporters: SignedInUser[];
  let postId: string;

  beforeAll(async () => {
    c = await community(5);
    [author, ...reporters] = c.members;
    postId = await postOk(author, c.sectionId, '周末羽毛球活动', '本周六下午两点，公司对面体育馆，欢迎报名！');
  });

  it('a published post is in every member’s feed', async () => {
    expect(await feedIds(reporters[0], c)).toContain(postId);
  });

  it('two reports keep it visible; the third (weighted score 3.0) hides it from members but not from its author', async () => {
    const r1 = await rpc(reporters[0], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'ads', p_note: '明显是广告' });
    expect(r1.status).toBe(200);
    expect(r1.body.hidden).toBe(false);
    const again = await rpc(reporters[0], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'ads' });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('already_reported');
    expect((await rpc(reporters[1], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'ads' })).body.hidden).toBe(false);
    expect(await feedIds(reporters[3], c)).toContain(postId);
    const r3 = await rpc(reporters[2], 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'illegal_7', p_note: '涉及赌博' });
    expect(r3.status).toBe(200);
    expect(r3.body.hidden).toBe(true);
    expect(await feedIds(reporters[3], c)).not.toContain(postId);
    const own = await read(author, `community_posts?id=eq.${postId}&select=status,hidden_reason`);
    expect(own.body).toEqual([{ status: 'hidden', hidden_reason: 'reports' }]);
    // the author can't report their own post, and can't see who reported it
    expect((await rpc(author, 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'other' })).status).toBe(400);
    expect((await read(author, `community_reports?target_id=eq.${postId}`)).body).toEqual([]);
  });

  it('members can’t see the queue; moderators see the case with its categories and notes', async () => {
    const denied = await rpc(reporters[0], 'community_moderation_queue', { p_enterprise_id: c.eid });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('not_community_moderator');
    const q = await rpc(c.manager, 'community_moderation_queue', { p_enterprise_id: c.eid });
    expect(q.status).toBe(200);
    const item = (q.body as Array<Record<string, unknown>>).find((x) => x.target_id === postId)!;
    expect(item).toMatchObject({ source: 'reports', report_count: 3, hid_item: true, title: '周末羽毛球活动', author_name: '成员1' });
    expect(Number(item.score)).toBeCloseTo(3, 5);
    expect(item.categories).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'ads', count: 2, clause: 'LX 4.4.2.2' })]));
    expect(item.notes).toEqual(['明显是广告', '涉及赌博']);
  });

  let actionId: string;
  it('the admin agrees (hide): the case closes, the author is told the clause, the reporters the outcome', async () => {
    const [kase] = await sql<{ id: string }>(`select id from public.community_cases where target_id = $1`, [postId]);
    const res = await rpc(c.admin, 'community_moderate', { p_case_id: kase.id, p_action: 'hide', p_reason: '发布与工作无关的广告信息' });
    expect(res.status).toBe(200);
    actionId = res.body;
    expect((await rpc(c.admin, 'community_moderate', { p_case_id: kase.id, p_action: 'dismiss', p_reason: '重复处理' })).body.message).toBe('case_closed');
    const [n] = await notices(author.userId, 'community_moderation');
    expect(n.title).toBe('你发布的内容已被屏蔽');
    expect(n.body).toContain('LX 4.4.2.2');
    expect(n.body).toContain('发布与工作无关的广告信息');
    expect(n.data).toMatchObject({ action_id: actionId, clause: 'LX 4.4.2.2' });
    for (const r of reporters.slice(0, 3)) expect((await notices(r.userId, 'community_report')).map((x) => x.title)).toEqual(['你的举报已处理']);
    const own = await read(author, `community_actions?id=eq.${actionId}&select=action,clause,actor_role`);
    expect(own.body).toEqual([{ action: 'hide', clause: 'LX 4.4.2.2', actor_role: 'moderator' }]);
    expect(await feedIds(reporters[3], c)).not.toContain(postId);
  });

  it('the record can’t be rewritten, even by the database owner', async () => {
    await expect(sql(`update public.community_actions set reason = '改写' where id = $1`, [actionId])).rejects.toThrow('audit_log_append_only');
  });

  it('the author appeals once; only someone other than who acted decides; overturning restores the post', async () => {
    expect((await rpc(reporters[0], 'community_appeal', { p_action_id: actionId, p_text: '我不是作者但想申诉' })).status).toBe(400);
    expect((await rpc(author, 'community_appeal', { p_action_id: actionId, p_text: '这是公司工会组织的活动，不是广告' })).status).toBe(204);
    const twice = await rpc(author, 'community_appeal', { p_action_id: actionId, p_text: '再申诉一次试试看' });
    expect(twice.body.message).toBe('appeal_used');
    expect((await notices(c.manager.userId, 'community_appeal')).length).toBe(1);

    const self = await rpc(c.admin, 'community_decide_appeal', { p_action_id: actionId, p_uphold: true, p_note: '维持原处理' });
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('appeal_needs_other_moderator');
    expect((await rpc(reporters[0], 'community_decide_appeal', { p_action_id: actionId, p_uphold: false, p_note: '撤销' })).status).toBe(403);

    const ok = await rpc(c.manager, 'community_decide_appeal', { p_action_id: actionId, p_uphold: false, p_note: '核实为工会活动通知，撤销屏蔽' });
    expect(ok.status).toBe(204);
    expect(await feedIds(reporters[3], c)).toContain(postId);
    const last = (await notices(author.userId, 'community_moderation')).at(-1)!;
    expect(last.title).toBe('你的申诉已获支持，原处理已撤销');
    expect((await rpc(c.manager, 'community_decide_appeal', { p_action_id: actionId, p_uphold: true, p_note: '再次处理' })).body.message).toBe('appeal_not_pending');
  });

  it('reports overturned on appeal lower the reporters’ weight for their next report', async () => {
    const other = await postOk(c.members[4], c.sectionId, '食堂新菜单', '下周起食堂增加两道川菜');
    const r = await rpc(reporters[0], 'community_report', { p_target_type: 'post', p_target_id: other, p_category: 'other' });
    expect(r.status).toBe(200);
    const [row] = await sql<{ weight: string }>('select weight from public.community_reports where target_id = $1 and reporter_id = $2', [other, reporters[0].userId]);
    expect(Number(row.weight)).toBeCloseTo(2 * 1 / 3, 2); // one dismissed report: (0 + 1) / (1 + 2) × 2
  });
});

describe('community rules of the enterprise: hiding threshold and what leaving does (LX 2.1.2)', () => {
  it('only admins set them; a threshold of 2 hides after two new reporters; "hide" on leave hides the leaver’s posts', async () => {
    const c = await community(4);
    const [author, r1, r2, reader] = c.members;
    expect((await rpc(c.manager, 'community_set_settings', { p_enterprise_id: c.eid, p_hide_threshold: 2, p_on_leave: 'hide' })).status).toBe(403);
    expect((await rpc(c.admin, 'community_set_settings', { p_enterprise_id: c.eid, p_hide_threshold: 0, p_on_leave: 'hide' })).body.message).toBe('threshold_invalid');
    const set = await rpc(c.admin, 'community_set_settings', { p_enterprise_id: c.eid, p_hide_threshold: 2, p_on_leave: 'hide' });
    expect(set.body).toEqual({ hide_threshold: 2, on_leave: 'hide' });
    expect((await read(reader, `community_settings?enterprise_id=eq.${c.eid}&select=hide_threshold,on_leave`)).body).toEqual([{ hide_threshold: 2, on_leave: 'hide' }]);

    const reported = await postOk(author, c.sectionId, '求推荐理财产品', '有没有年化 20% 的稳赚项目');
    expect((await rpc(r1, 'community_report', { p_target_type: 'post', p_target_id: reported, p_category: 'ads' })).body.hidden).toBe(false);
    expect((await rpc(r2, 'community_report', { p_target_type: 'post', p_target_id: reported, p_category: 'ads' })).body.hidden).toBe(true);

    const kept = await postOk(r1, c.sectionId, '交接文档', '我负责的模块文档都放在知识库了');
    expect(await feedIds(reader, c)).toContain(kept);
    await sql('update public.profiles set current_enterprise_id = $2 where id = $1', [r1.userId, c.eid]);
    const left = await rpc(r1, 'leave_enterprise', { p_enterprise_id: c.eid });
    expect(left.status).toBeLessThan(300);
    expect(await feedIds(reader, c)).not.toContain(kept);
    const [row] = await sql<{ status: string; hidden_reason: string }>('select status, hidden_reason from public.community_posts where id = $1', [kept]);
    expect(row).toEqual({ status: 'hidden', hidden_reason: 'author_left' });
  });
});
