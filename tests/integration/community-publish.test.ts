// Issue 15, the publishing check and read-only members: word lists (platform + the enterprise's own,
// after normalisation), WeChat msgSecCheck for mini-program users (risky refused with the reason,
// review held for a moderator), tickets that can't be skipped or replayed, the required-edit loop,
// and restricted / suspended members who read but can't write.
import { sql, type SignedInUser } from '../support/clients';
import { fakeRequests, newOpenid } from '../support/fake-wechat';
import { community, delta, postOk, publish, publishPost, read, rpc, type Community } from './support-community/community';

const statusOf = async (user: SignedInUser, postId: string) =>
  ((await read(user, `community_posts?id=eq.${postId}&select=status`)).body as Array<{ status: string }>)[0]?.status;

describe('community publishing check', () => {
  let c: Community;
  let author: SignedInUser;
  let reader: SignedInUser;
  const platformWord = `赌博${Date.now().toString(36)}`;

  beforeAll(async () => {
    c = await community(3);
    [author, reader] = c.members;
    await sql('insert into private.community_platform_words (word, category) values ($1, $2)', [platformWord, 'illegal_7']);
  });
  afterAll(async () => {
    await sql('delete from private.community_platform_words where word = $1', [platformWord]);
  });

  it('the publish RPC refuses content that did not pass the check, and a ticket is not reusable', async () => {
    const direct = await rpc(author, 'community_create_post', { p_section_id: c.sectionId, p_title: '绕过检查', p_body: delta('直接调用接口') });
    expect(direct.status).toBe(400);
    expect(direct.body.message).toBe('publish_check_required');
    const id = await postOk(author, c.sectionId, '新人报到', '大家好，我是新加入研发部的小陈');
    expect(await statusOf(reader, id)).toBe('published');
    const replay = await rpc(author, 'community_create_post', { p_section_id: c.sectionId, p_title: '新人报到', p_body: delta('大家好，我是新加入研发部的小陈') });
    expect(replay.body.message).toBe('publish_check_required');
  });

  it('a platform word is found through spaces, width, punctuation and traditional characters', async () => {
    const disguised = [...platformWord].map((ch) => (ch === '赌' ? '賭' : ch === '博' ? '博 ' : ch.replace(/[a-z0-9]/, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)))).join('·');
    const res = await publishPost(author, c.sectionId, '周末活动', `有人一起${disguised}吗`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('content_blocked');
    expect(res.body.words).toEqual([platformWord]);
    expect(res.body.message).toContain('请修改后再发布');
  });

  it('platform operators edit the platform list (audited); members and admins can’t', async () => {
    const word = `平台禁词${Date.now().toString(36)}`; // not containing a seeded entry
    expect((await rpc(c.admin, 'platform_set_community_words', { p_add: [word], p_category: 'illegal_11' })).status).toBe(403);
    const op = c.members[2];
    await sql(`insert into private.platform_operators (user_id) values ($1) on conflict do nothing`, [op.userId]);
    try {
      expect((await rpc(op, 'platform_set_community_words', { p_add: [word], p_category: 'nope' })).body.message).toBe('report_category_invalid');
      expect((await rpc(op, 'platform_set_community_words', { p_add: [word], p_category: 'illegal_11' })).status).toBe(200);
      expect((await publishPost(author, c.sectionId, '副业', `${word}了解一下`)).body.code).toBe('content_blocked');
      const [audit] = await sql<{ n: number }>(`select count(*)::int as n from public.operator_audit_log where operator_id = $1 and action = 'community.platform_words'`, [op.userId]);
      expect(audit.n).toBe(1);
      expect((await rpc(op, 'platform_set_community_words', { p_add: [], p_remove: [word] })).status).toBe(200);
      expect((await publishPost(author, c.sectionId, '副业', `${word}了解一下`)).status).toBe(201);
    } finally {
      await sql('delete from private.platform_operators where user_id = $1', [op.userId]);
    }
  });

  it('the enterprise edits its own list; changes apply to the next post', async () => {
    expect((await rpc(reader, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: ['随便'] })).status).toBe(403);
    expect((await rpc(c.manager, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: ['竞品甲公司', ' 内部报价 '] })).body).toBe(2);
    const blocked = await publishPost(author, c.sectionId, '市场动态', '听说竞品甲公司 下个月要发新品');
    expect(blocked.status).toBe(422);
    expect(blocked.body.words).toEqual(['竞品甲公司']);
    const comment = await publish(author, { kind: 'comment', post_id: await postOk(reader, c.sectionId, '报价问题', '请问找谁？'), text: '内部报价请私聊' });
    expect(comment.status).toBe(422);
    expect((await rpc(c.manager, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: [] })).body).toBe(0);
    expect((await publishPost(author, c.sectionId, '市场动态', '听说竞品甲公司 下个月要发新品')).status).toBe(201);
  });

  describe('mini-program users: WeChat msgSecCheck v2 (local fake)', () => {
    let openid: string;
    beforeAll(async () => {
      openid = newOpenid();
      await sql(`insert into private.wechat_links (provider, subject, user_id, last_login_at) values ('wechat', $1, $2, now())`, [openid, author.userId]);
    });

    it('risky is refused with the reason; nothing is stored', async () => {
      const before = await sql<{ n: number }>('select count(*)::int as n from public.community_posts where author_id = $1', [author.userId]);
      const res = await publishPost(author, c.sectionId, '福利', '加微信领红包，先到先得', 'weapp');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'content_risky', label: 10001 });
      expect(res.body.message).toContain('广告');
      const after = await sql<{ n: number }>('select count(*)::int as n from public.community_posts where author_id = $1', [author.userId]);
      expect(after[0].n).toBe(before[0].n);
      const call = (await fakeRequests()).find((r) => r.path === '/wechat/wxa/msg_sec_check')!;
      expect(call.body).toMatchObject({ version: 2, scene: 3, openid });
    });

    it('review is held: the author and moderators see it, members don’t, until a moderator releases it', async () => {
      const res = await publishPost(author, c.sectionId, '穿搭分享', '今天的擦边穿搭', 'weapp');
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('held');
      const id = res.body.id as string;
      expect(await statusOf(reader, id)).toBeUndefined();
      expect(await statusOf(author, id)).toBe('held');
      const q = await rpc(c.admin, 'community_moderation_queue', { p_enterprise_id: c.eid });
      const item = (q.body as Array<Record<string, unknown>>).find((x) => x.target_id === id)!;
      expect(item).toMatchObject({ source: 'publish_check', check_label: 'wechat:20012', content_status: 'held' });
      expect((await rpc(c.admin, 'community_moderate', { p_case_id: item.id, p_action: 'dismiss', p_reason: '正常的穿搭分享' })).status).toBe(200);
      expect(await statusOf(reader, id)).toBe('published');
    });

    it('a post longer than 2,500 characters is checked in pieces', async () => {
      const text = `${'今年我们完成了很多工作。'.repeat(240)}最后一段：擦边`;
      const res = await publishPost(author, c.sectionId, '年度总结', text, 'weapp');
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('held');
      const calls = (await fakeRequests()).filter((r) => r.path === '/wechat/wxa/msg_sec_check').slice(0, 2);
      expect(calls.map((r) => String((r.body as { content: string }).content).length)).toEqual([
        `年度总结\n${text}\n`.length - 2500, 2500, // title, newline, text and the Delta's closing newline; newest call first
      ]);
    });
  });

  it('require edit hides the post until the author edits it through the check', async () => {
    const id = await postOk(author, c.sectionId, '项目进展', '这周完成了接口联调');
    await rpc(reader, 'community_report', { p_target_type: 'post', p_target_id: id, p_category: 'privacy', p_note: '贴了同事的手机号' });
    const [kase] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [id]);
    const act = await rpc(c.manager, 'community_moderate', { p_case_id: kase.id, p_action: 'require_edit', p_reason: '请删除同事的手机号后再发布' });
    expect(act.status).toBe(200);
    expect(await statusOf(reader, id)).toBeUndefined();
    const [notice] = await sql<{ body: string }>(`select body from public.notifications where user_id = $1 and kind = 'community_moderation' order by created_at desc limit 1`, [author.userId]);
    expect(notice.body).toContain('LX 4.4.2.4');
    const edit = await publish(author, { kind: 'edit', post_id: id, title: '项目进展', body: delta('这周完成了接口联调（已删除联系方式）') });
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('published');
    expect(await statusOf(reader, id)).toBe('published');
  });

  it('comments: threaded with a quote, the post author is notified', async () => {
    const postId = await postOk(author, c.sectionId, '午饭推荐', '公司附近有什么好吃的？');
    const first = await publish(reader, { kind: 'comment', post_id: postId, text: '楼下的面馆不错' });
    expect(first.status).toBe(201);
    const reply = await publish(c.members[2], { kind: 'comment', post_id: postId, text: '同意，牛肉面很好吃', parent_id: first.body.id, quote_id: first.body.id });
    expect(reply.status).toBe(201);
    const rows = await read(author, `community_comments?post_id=eq.${postId}&select=body_text,parent_id,quote_id,author_name&order=created_at`);
    expect(rows.body).toEqual([
      { body_text: '楼下的面馆不错', parent_id: null, quote_id: null, author_name: '成员2' },
      { body_text: '同意，牛肉面很好吃', parent_id: first.body.id, quote_id: first.body.id, author_name: '成员3' },
    ]);
    const n = await sql<{ n: number }>(`select count(*)::int as n from public.notifications where user_id = $1 and kind = 'community_reply'`, [author.userId]);
    expect(n[0].n).toBe(2);
    const [p] = await sql<{ comment_count: number }>('select comment_count from public.community_posts where id = $1', [postId]);
    expect(p.comment_count).toBe(2);
  });

  it('@mentions notify colleagues who can read the section, and nobody outside it', async () => {
    const stranger = (await community(1)).members[0];
    const res = await publish(reader, { kind: 'comment', post_id: await postOk(author, c.sectionId, '周会纪要', '本周周会纪要见附件'),
      text: '@成员3 @外人 请看一下', mentions: [c.members[2].userId, stranger.userId] });
    expect(res.status).toBe(201);
    const got = async (u: SignedInUser) =>
      sql<{ title: string }>(`select title from public.notifications where user_id = $1 and kind = 'community_mention'`, [u.userId]);
    expect((await got(c.members[2])).map((n) => n.title)).toEqual(['成员2 在社区提到了你']);
    expect(await got(stranger)).toEqual([]);
    const tooMany = await publish(reader, { kind: 'post', section_id: c.sectionId, title: '点名', body: delta('大家好'),
      mentions: Array.from({ length: 21 }, () => c.members[2].userId) });
    expect(tooMany.status).toBe(400);
  });
});

describe('restricted members read but can’t write (enforced in the database)', () => {
  let c: Community;
  let member: SignedInUser;
  let postId: string;

  beforeAll(async () => {
    c = await community(2);
    member = c.members[0];
    postId = await postOk(c.members[1], c.sectionId, '读书会', '本月共读《人月神话》');
  });

  it('a restricted account reads the feed and can’t post, comment or like', async () => {
    await sql(`update private.accounts set status = 'restricted' where user_id = $1`, [member.userId]);
    try {
      expect(await statusOf(member, postId)).toBe('published');
      const post = await publishPost(member, c.sectionId, '想发个帖', '受限期间试试发帖');
      expect(post.status).toBe(403);
      expect(post.body.code).toBe('account_restricted');
      expect((await publish(member, { kind: 'comment', post_id: postId, text: '评论一下' })).body.code).toBe('account_restricted');
      expect((await rpc(member, 'community_set_like', { p_post_id: postId, p_on: true })).body.message).toBe('account_restricted');
    } finally {
      await sql(`update private.accounts set status = 'active' where user_id = $1`, [member.userId]);
    }
  });

  it('a community restriction for N days: reads, can’t write, sees until when; a suspension hides the community', async () => {
    const target = await postOk(member, c.sectionId, '吐槽', '这周加班太多了');
    for (const r of [c.members[1], c.manager]) await rpc(r, 'community_report', { p_target_type: 'post', p_target_id: target, p_category: 'harassment' });
    const [kase] = await sql<{ id: string }>('select id from public.community_cases where target_id = $1', [target]);
    expect((await rpc(c.admin, 'community_moderate', { p_case_id: kase.id, p_action: 'restrict', p_reason: '多次发布不当言论', p_days: 3 })).status).toBe(200);
    expect(await statusOf(member, postId)).toBe('published');
    const post = await publishPost(member, c.sectionId, '我又来了', '限制期间发帖');
    expect(post.status).toBe(403);
    expect(post.body.code).toBe('community_restricted');
    expect(post.body.message).toContain('只能浏览');
    const st = await rpc(member, 'community_my_status', { p_enterprise_id: c.eid });
    expect(st.body.restricted_until).toBeTruthy();
    expect(st.body.suspended_until).toBeNull();

    expect((await rpc(c.admin, 'community_moderate', { p_case_id: kase.id, p_action: 'suspend', p_reason: '限制期间仍试图发布', p_days: 1 })).status).toBe(200);
    expect((await read(member, `community_sections?enterprise_id=eq.${c.eid}&select=id`)).body).toEqual([]);
    expect(await statusOf(member, postId)).toBeUndefined();
  });
});
