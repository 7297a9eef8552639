// Issue 15, anonymous questions: the asker's identity reaches no other member by any route — the
// REST columns of posts and comments (read or filtered), the RPCs, @mention and reply notices, the
// answers' thread, images, reports and what a reporter learns of the decision — while the asker
// keeps what an author has (accepting an answer, the 'mine' answer) and the enterprise's moderators
// see who asked in the moderation queue. Attackers: another member, a reporter, and a moderator of
// another enterprise.
import { sql, type SignedInUser } from '../support/clients';
import { community, delta, publish, read, rpc, type Community } from './support-community/community';

const ASKER_NAME = '成员1';

describe('anonymous questions', () => {
  let c: Community;
  let elsewhere: Community;
  let asker: SignedInUser;
  let member: SignedInUser;
  let reporter: SignedInUser;
  let answerer: SignedInUser;
  let postId: string;

  beforeAll(async () => {
    [c, elsewhere] = [await community(4), await community(1)];
    [asker, member, reporter, answerer] = c.members;
    const res = await publish(asker, {
      kind: 'post', channel: 'h5', section_id: c.sectionId, title: '加班调休怎么算', body: delta('上周末加班两天，调休要找谁审批？'),
      type: 'question', extra: { anonymous: true }, mentions: [member.userId],
    });
    expect(res.status).toBe(201);
    postId = res.body.id as string;
  });

  it('REST shows 匿名提问者 and no author id; the author column can be neither read nor filtered on', async () => {
    const rows = (await read(member, `community_posts?id=eq.${postId}&select=author_name,visible_author_id,anonymous,post_type`)).body;
    expect(rows).toEqual([{ author_name: '匿名提问者', visible_author_id: null, anonymous: true, post_type: 'question' }]);
    for (const probe of [
      `community_posts?id=eq.${postId}&select=author_id`,
      `community_posts?id=eq.${postId}&select=*`,
      `community_posts?author_id=eq.${asker.userId}&select=id`,
      `community_posts?id=eq.${postId}&select=id&order=author_id`,
    ]) {
      const res = await read(member, probe);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    // a named post still shows its author
    const named = await publish(member, { kind: 'post', channel: 'h5', section_id: c.sectionId, title: '实名的帖子', body: delta('大家好') });
    const [row] = (await read(asker, `community_posts?id=eq.${named.body.id}&select=author_name,visible_author_id`)).body;
    expect(row).toEqual({ author_name: '成员2', visible_author_id: member.userId });
  });

  it('community_post_mine answers true to the asker only', async () => {
    expect((await rpc(asker, 'community_post_mine', { p_post_id: postId })).body).toBe(true);
    expect((await rpc(member, 'community_post_mine', { p_post_id: postId })).body).toBe(false);
    expect((await rpc(elsewhere.admin, 'community_post_mine', { p_post_id: postId })).body).toBe(false);
  });

  it('the @mention notice names 匿名提问者, not the asker', async () => {
    const notices = await sql<{ title: string; body: string }>(`select title, body from public.notifications where user_id = $1 and kind = 'community_mention'`, [member.userId]);
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toContain('匿名提问者');
    expect(JSON.stringify(notices)).not.toContain(ASKER_NAME);
  });

  it('in the thread the asker’s own replies are anonymous too; they can still accept an answer', async () => {
    const answer = await publish(answerer, { kind: 'comment', channel: 'h5', post_id: postId, text: '找部门负责人在系统里审批' });
    expect(answer.status).toBe(201);
    const reply = await publish(asker, { kind: 'comment', channel: 'h5', post_id: postId, text: '谢谢，系统在哪里？', parent_id: answer.body.id, mentions: [member.userId] });
    expect(reply.status).toBe(201);
    const thread = (await read(member, `community_comments?post_id=eq.${postId}&select=id,author_name,visible_author_id,anonymous&order=created_at`)).body;
    expect(thread).toEqual([
      { id: answer.body.id, author_name: '成员4', visible_author_id: answerer.userId, anonymous: false },
      { id: reply.body.id, author_name: '匿名提问者', visible_author_id: null, anonymous: true },
    ]);
    expect((await read(member, `community_comments?post_id=eq.${postId}&select=author_id`)).status).toBeGreaterThanOrEqual(400);
    expect((await read(member, `community_comments?author_id=eq.${asker.userId}&select=id`)).status).toBeGreaterThanOrEqual(400);
    expect((await rpc(asker, 'community_accept_answer', { p_post_id: postId, p_comment_id: answer.body.id })).status).toBe(204);
    // what the answerer and the mentioned member were told names nobody
    const told = await sql<{ title: string; body: string }>(
      `select title, body from public.notifications where user_id = any($1) and kind like 'community_%'`, [[answerer.userId, member.userId]]);
    expect(told.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(told)).not.toContain(ASKER_NAME);
  });

  it('a reporter learns nothing of the asker; moderators see who asked in the queue', async () => {
    const rep = await rpc(reporter, 'community_report', { p_target_type: 'post', p_target_id: postId, p_category: 'other', p_note: '与工作无关' });
    expect(rep.status).toBe(200);
    expect((await read(reporter, `community_cases?target_id=eq.${postId}&select=author_id`)).body).toEqual([]);
    const queue = (await rpc(c.manager, 'community_moderation_queue', { p_enterprise_id: c.eid })).body as Array<{ id: string; post_id: string; author_name: string; author_id: string }>;
    const item = queue.find((q) => q.post_id === postId)!;
    expect(item.author_id).toBe(asker.userId);
    expect(item.author_name).toContain(ASKER_NAME);
    expect((await rpc(c.manager, 'community_moderate', { p_case_id: item.id, p_action: 'dismiss', p_reason: '正常的提问' })).status).toBe(200);
    const reporterSees = [
      ...(await read(reporter, `community_reports?target_id=eq.${postId}&select=*`)).body,
      ...(await read(reporter, `community_actions?target_id=eq.${postId}&select=*`)).body,
      ...(await sql(`select title, body, data from public.notifications where user_id = $1`, [reporter.userId])),
    ];
    expect(reporterSees.length).toBeGreaterThan(0);
    expect(JSON.stringify(reporterSees)).not.toContain(asker.userId);
    expect(JSON.stringify(reporterSees)).not.toContain(ASKER_NAME);
  });

  it('a moderator of another enterprise sees neither the question nor its queue', async () => {
    expect((await read(elsewhere.admin, `community_posts?id=eq.${postId}&select=id,author_name`)).body).toEqual([]);
    expect((await rpc(elsewhere.admin, 'community_moderation_queue', { p_enterprise_id: c.eid })).status).toBe(403);
  });

  it('only questions can be anonymous; a malformed flag is refused', async () => {
    const post = await publish(asker, { kind: 'post', channel: 'h5', section_id: c.sectionId, title: '普通帖子', body: delta('不是提问'), type: 'post', extra: { anonymous: true } });
    expect(post.status).toBe(201);
    const [row] = (await read(member, `community_posts?id=eq.${post.body.id}&select=author_name,anonymous`)).body;
    expect(row).toEqual({ author_name: ASKER_NAME, anonymous: false });
    const bad = await publish(asker, { kind: 'post', channel: 'h5', section_id: c.sectionId, title: '匿名格式', body: delta('格式不对'), type: 'question', extra: { anonymous: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('question_anonymous_invalid');
  });

  it('every column of posts and comments but author_id is readable (a column added later must be granted too)', async () => {
    const cols = await sql<{ table: string; col: string; readable: boolean }>(
      `select c.relname as table, a.attname as col, has_column_privilege('authenticated', c.oid, a.attname, 'select') as readable
         from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.oid in ('public.community_posts'::regclass, 'public.community_comments'::regclass) and a.attnum > 0 and not a.attisdropped`);
    expect(cols.filter((x) => x.readable === (x.col === 'author_id')).map((x) => `${x.table}.${x.col}`)).toEqual([]);
  });
});
