// Issue 15, the content types: announcements (moderators only, pinned, required reading with read
// receipts), Q&A (the asker accepts one answer), polls (single/multiple choice, deadline, anonymous
// or named, when results show) and events (capacity, waiting list, cancellation, reminder). Each is a
// post: the publishing check covers what the type adds, and restricted members can't take part.
import { sql, type SignedInUser } from '../support/clients';
import { addDepartment } from './support-tenancy/fixture';
import { community, inHours, publish, publishTyped, read, rpc, type Community } from './support-community/community';

const notices = (u: SignedInUser, kind: string) =>
  sql<{ title: string; body: string; data: Record<string, unknown> }>(
    'select title, body, data from public.notifications where user_id = $1 and kind = $2 order by created_at', [u.userId, kind]);

async function created(res: Awaited<ReturnType<typeof publish>>): Promise<string> {
  if (res.status !== 201) throw new Error(`publish answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

describe('community content types', () => {
  let c: Community;
  let m1: SignedInUser;
  let m2: SignedInUser;
  let m3: SignedInUser;
  let m4: SignedInUser;

  beforeAll(async () => {
    c = await community(4);
    [m1, m2, m3, m4] = c.members;
  });

  describe('announcements', () => {
    it('only moderators publish them; pinned; required reading notifies the department and counts who read it', async () => {
      const sales = await addDepartment(c.eid, '销售部');
      await sql('update public.enterprise_members set department_id = $3 where enterprise_id = $1 and user_id = any($2)',
        [c.eid, [m1.userId, m2.userId], sales]);
      const byMember = await publishTyped(m1, c.sectionId, 'announcement', '我也想发公告', '试试');
      expect(byMember.status).toBe(403);
      expect(byMember.body.code).toBe('announcement_moderators_only');
      const badDept = await publishTyped(c.manager, c.sectionId, 'announcement', '必读', '内容', { required_department_ids: ['x'] });
      expect(badDept.body.code).toBe('department_not_found');

      const id = await created(await publishTyped(c.manager, c.sectionId, 'announcement', '年度安全培训通知',
        '请销售部同事本周内完成安全培训。', { pinned: true, required_department_ids: [sales] }));
      const [row] = (await read(m3, `community_posts?id=eq.${id}&select=post_type,pinned_at,read_count`)).body;
      expect(row.post_type).toBe('announcement');
      expect(row.pinned_at).toBeTruthy();
      expect((await notices(m1, 'community_announcement')).map((n) => n.title)).toEqual(['必读公告：年度安全培训通知']);
      expect(await notices(m3, 'community_announcement')).toEqual([]);

      expect((await rpc(m1, 'community_mark_read', { p_post_id: id })).body).toBe(1);
      expect((await rpc(m1, 'community_mark_read', { p_post_id: id })).body).toBe(1); // once per person
      expect((await rpc(m3, 'community_mark_read', { p_post_id: id })).body).toBe(2);
      const receipts = await rpc(c.admin, 'community_read_receipts', { p_post_id: id });
      expect(receipts.body).toMatchObject({ read_count: 2, required: true, required_count: 2, required_read: 1, unread: ['成员2'] });
      const denied = await rpc(m1, 'community_read_receipts', { p_post_id: id });
      expect(denied.status).toBe(403);
      // a member sees only their own receipt; moderators see all
      expect((await read(m1, `community_post_marks?kind=eq.read&post_id=eq.${id}&select=user_id`)).body).toEqual([{ user_id: m1.userId }]);
      expect((await read(c.manager, `community_post_marks?kind=eq.read&post_id=eq.${id}&select=user_id`)).body).toHaveLength(2);
    });
  });

  describe('questions and answers', () => {
    it('answers are comments; only the asker accepts one, never their own or a reply; the answerer is told', async () => {
      const q = await created(await publishTyped(m1, c.sectionId, 'question', '报销单怎么填写？', '差旅报销需要哪些附件？'));
      const a1 = (await publish(m2, { kind: 'comment', post_id: q, text: '需要发票和行程单' })).body.id as string;
      const a2 = (await publish(m3, { kind: 'comment', post_id: q, text: '还要审批截图' })).body.id as string;
      const reply = (await publish(m4, { kind: 'comment', post_id: q, text: '同问', parent_id: a1 })).body.id as string;
      const own = (await publish(m1, { kind: 'comment', post_id: q, text: '我自己补充一下' })).body.id as string;

      const byOther = await rpc(m2, 'community_accept_answer', { p_post_id: q, p_comment_id: a1 });
      expect(byOther.status).toBe(403);
      expect(byOther.body.message).toBe('not_question_author');
      expect((await rpc(m1, 'community_accept_answer', { p_post_id: q, p_comment_id: reply })).body.message).toBe('answer_not_found');
      expect((await rpc(m1, 'community_accept_answer', { p_post_id: q, p_comment_id: own })).body.message).toBe('own_answer');
      expect((await rpc(m1, 'community_accept_answer', { p_post_id: q, p_comment_id: a2 })).status).toBe(204);
      expect((await read(m4, `community_posts?id=eq.${q}&select=accepted_comment_id`)).body).toEqual([{ accepted_comment_id: a2 }]);
      expect((await notices(m3, 'community_answer')).map((n) => n.title)).toEqual(['你的回答被采纳了']);
      // accepting on a plain post is refused
      const plain = await created(await publishTyped(m1, c.sectionId, 'post', '普通帖子', '不是提问'));
      expect((await rpc(m1, 'community_accept_answer', { p_post_id: plain, p_comment_id: null })).body.message).toBe('post_not_found');
    });
  });

  describe('polls', () => {
    it('options and deadline are validated, and the options pass the word check', async () => {
      const one = await publishTyped(m1, c.sectionId, 'poll', '团建去哪里', '请投票', { options: ['爬山'], closes_at: inHours(24) });
      expect(one.body.code).toBe('poll_options_invalid');
      const dup = await publishTyped(m1, c.sectionId, 'poll', '团建去哪里', '请投票', { options: ['爬山', '爬山'], closes_at: inHours(24) });
      expect(dup.body.code).toBe('poll_options_invalid');
      const past = await publishTyped(m1, c.sectionId, 'poll', '团建去哪里', '请投票', { options: ['爬山', '露营'], closes_at: inHours(-1) });
      expect(past.body.code).toBe('poll_deadline_invalid');
      const badTime = await publishTyped(m1, c.sectionId, 'poll', '团建去哪里', '请投票', { options: ['爬山', '露营'], closes_at: '明天' });
      expect(badTime.status).toBe(400);
      expect(badTime.body.code).toBe('poll_deadline_invalid');
      await rpc(c.manager, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: ['竞品乙'] });
      try {
        const blocked = await publishTyped(m1, c.sectionId, 'poll', '选哪家', '请投票', { options: ['我们', '竞品乙'], closes_at: inHours(24) });
        expect(blocked.status).toBe(422);
        expect(blocked.body.words).toEqual(['竞品乙']);
      } finally {
        await rpc(c.manager, 'community_set_word_list', { p_enterprise_id: c.eid, p_words: [] });
      }
    });

    it('the check’s ticket binds the options: a ticket for harmless options does not publish others', async () => {
      await sql(`select public.community_check_record($1, $2, '选哪家', $3::jsonb, null, 'pass', '', 'poll', $4::jsonb)`,
        [m1.userId, c.eid, JSON.stringify({ ops: [{ insert: '请投票\n' }] }), JSON.stringify({ options: ['甲', '乙'] })]);
      const swapped = await rpc(m1, 'community_create_post', { p_section_id: c.sectionId, p_title: '选哪家', p_body: { ops: [{ insert: '请投票\n' }] },
        p_type: 'poll', p_extra: { options: ['甲', '未经检查的选项'], closes_at: inHours(24) } });
      expect(swapped.status).toBe(400);
      expect(swapped.body.message).toBe('publish_check_required');
    });

    it('named, results after voting: counts and names show once I voted; votes stay private; one vote per person, changeable', async () => {
      const id = await created(await publishTyped(m1, c.sectionId, 'poll', '周五午餐吃什么', '请选一到两项',
        { options: ['火锅', '烧烤', '轻食'], max_choices: 2, anonymous: false, show_results: 'after_vote', closes_at: inHours(48) }));
      const before = (await rpc(m2, 'community_poll', { p_post_id: id })).body;
      expect(before).toMatchObject({ results_visible: false, voter_count: 0, my_choices: [], closed: false });
      expect(before.options.map((o: { label: string; votes: unknown }) => [o.label, o.votes])).toEqual([['火锅', null], ['烧烤', null], ['轻食', null]]);

      expect((await rpc(m2, 'community_vote', { p_post_id: id, p_choices: [0, 1, 2] })).body.message).toBe('poll_too_many_choices');
      expect((await rpc(m2, 'community_vote', { p_post_id: id, p_choices: [3] })).body.message).toBe('poll_choice_invalid');
      expect((await rpc(m2, 'community_vote', { p_post_id: id, p_choices: [0, 0] })).body.message).toBe('poll_choice_invalid');
      const mine = (await rpc(m2, 'community_vote', { p_post_id: id, p_choices: [0, 2] })).body;
      expect(mine).toMatchObject({ results_visible: true, voter_count: 1, my_choices: [0, 2] });
      expect(mine.options[0]).toMatchObject({ votes: 1, voters: ['成员2'] });
      await rpc(m3, 'community_vote', { p_post_id: id, p_choices: [0] });
      const changed = (await rpc(m3, 'community_vote', { p_post_id: id, p_choices: [1] })).body;
      expect(changed.voter_count).toBe(2);
      expect(changed.options.map((o: { votes: number }) => o.votes)).toEqual([1, 1, 1]);
      expect((await read(m3, `community_poll_votes?post_id=eq.${id}&select=user_id`)).body).toEqual([{ user_id: m3.userId }]);
      expect((await rpc(m4, 'community_poll', { p_post_id: id })).body.results_visible).toBe(false);

      await sql(`update public.community_polls set closes_at = now() - interval '1 minute' where post_id = $1`, [id]);
      expect((await rpc(m4, 'community_vote', { p_post_id: id, p_choices: [0] })).body.message).toBe('poll_closed');
      expect((await rpc(m4, 'community_poll', { p_post_id: id })).body).toMatchObject({ closed: true, results_visible: true });
    });

    it('anonymous, results after the deadline: nobody sees names, members see counts only at the end', async () => {
      const id = await created(await publishTyped(m1, c.sectionId, 'poll', '是否调整上班时间', '匿名投票',
        { options: ['赞成', '反对'], anonymous: true, show_results: 'after_close', closes_at: inHours(2) }));
      const voted = (await rpc(m2, 'community_vote', { p_post_id: id, p_choices: [1] })).body;
      expect(voted.results_visible).toBe(false);
      expect(voted.options[1].votes).toBeNull();
      // the author and moderators follow the count as it goes, without names
      const own = (await rpc(m1, 'community_poll', { p_post_id: id })).body;
      expect(own.options[1]).toMatchObject({ votes: 1, voters: null });
    });
  });

  describe('events', () => {
    it('capacity with a waiting list; a cancellation moves the first waiting up and tells them; the organiser sees the list', async () => {
      const bad = await publishTyped(m1, c.sectionId, 'event', '羽毛球活动', '周六打球', { starts_at: inHours(48), place: '', capacity: 2 });
      expect(bad.body.code).toBe('event_place_invalid');
      const badCap = await publishTyped(m1, c.sectionId, 'event', '羽毛球活动', '周六打球', { starts_at: inHours(48), place: '体育馆', capacity: 0 });
      expect(badCap.body.code).toBe('event_capacity_invalid');
      const id = await created(await publishTyped(m1, c.sectionId, 'event', '羽毛球活动', '周六上午打球，自带球拍',
        { starts_at: inHours(48), ends_at: inHours(50), place: '园区体育馆', capacity: 2 }));

      expect((await rpc(m2, 'community_event_signup', { p_post_id: id, p_on: true })).body).toMatchObject({ status: 'going', going_count: 1 });
      expect((await rpc(m3, 'community_event_signup', { p_post_id: id, p_on: true })).body).toMatchObject({ status: 'going', going_count: 2 });
      expect((await rpc(m4, 'community_event_signup', { p_post_id: id, p_on: true })).body)
        .toMatchObject({ status: 'waitlist', going_count: 2, waitlist_count: 1 });
      expect((await rpc(m4, 'community_event_signup', { p_post_id: id, p_on: true })).body.status).toBe('waitlist'); // idempotent

      expect((await rpc(m2, 'community_event_attendees', { p_post_id: id })).status).toBe(403);
      expect((await rpc(m1, 'community_event_attendees', { p_post_id: id })).body.map((a: { name: string; status: string }) => [a.name, a.status]))
        .toEqual([['成员2', 'going'], ['成员3', 'going'], ['成员4', 'waitlist']]);

      expect((await rpc(m2, 'community_event_signup', { p_post_id: id, p_on: false })).body)
        .toMatchObject({ status: 'cancelled', going_count: 2, waitlist_count: 0 });
      expect((await read(m4, `community_event_signups?post_id=eq.${id}&select=status`)).body).toEqual([{ status: 'going' }]);
      expect((await notices(m4, 'community_event')).map((n) => n.title)).toEqual(['活动有空位，你已报名成功']);
      const [ev] = (await read(c.members[1], `community_events?post_id=eq.${id}&select=place,capacity,going_count`)).body;
      expect(ev).toEqual({ place: '园区体育馆', capacity: 2, going_count: 2 });
    });

    it('check-in with the organiser’s code: only those going, only around the event, only the right code', async () => {
      const id = await created(await publishTyped(m1, c.sectionId, 'event', '读书会签到', '线下读书会', { starts_at: inHours(30), place: '图书角' }));
      await rpc(m2, 'community_event_signup', { p_post_id: id, p_on: true });
      expect((await rpc(m2, 'community_event_checkin_code', { p_post_id: id })).status).toBe(403);
      const code = (await rpc(c.manager, 'community_event_checkin_code', { p_post_id: id })).body as string;
      expect(code).toMatch(/^\d{6}$/);
      expect((await rpc(m1, 'community_event_checkin_code', { p_post_id: id })).body).toBe(code);
      expect((await read(m2, `community_events?post_id=eq.${id}&select=*`)).body[0]).not.toHaveProperty('code');

      expect((await rpc(m2, 'community_event_check_in', { p_post_id: id, p_code: code })).body.message).toBe('checkin_closed');
      await sql(`update public.community_events set starts_at = now() + interval '30 minutes' where post_id = $1`, [id]);
      const wrong = code === '000000' ? '000001' : '000000';
      expect((await rpc(m2, 'community_event_check_in', { p_post_id: id, p_code: wrong })).body.message).toBe('checkin_code_invalid');
      expect((await rpc(m3, 'community_event_check_in', { p_post_id: id, p_code: code })).body.message).toBe('not_signed_up');
      const at = (await rpc(m2, 'community_event_check_in', { p_post_id: id, p_code: code })).body as string;
      expect(Date.parse(at)).toBeGreaterThan(0);
      expect((await rpc(m2, 'community_event_check_in', { p_post_id: id, p_code: code })).body).toBe(at); // once
      const list = (await rpc(m1, 'community_event_attendees', { p_post_id: id })).body as Array<{ name: string; checked_in_at: string | null }>;
      expect(list.map((a) => [a.name, Boolean(a.checked_in_at)])).toEqual([['成员2', true]]);
    });

    it('sign-up closes at its deadline; the job reminds those going once, within a day of the start', async () => {
      const id = await created(await publishTyped(m1, c.sectionId, 'event', '技术分享会', '本周技术分享',
        { starts_at: inHours(30), place: '三楼会议室', signup_closes_at: inHours(29) }));
      await rpc(m2, 'community_event_signup', { p_post_id: id, p_on: true });
      await sql(`update public.community_events set signup_closes_at = now() - interval '1 minute', starts_at = now() + interval '3 hours' where post_id = $1`, [id]);
      expect((await rpc(m3, 'community_event_signup', { p_post_id: id, p_on: true })).body.message).toBe('event_signup_closed');
      await sql('select public.community_run_jobs()');
      await sql('select public.community_run_jobs()');
      const got = await notices(m2, 'community_event');
      // one job run may remind of several events in one transaction (same created_at): find this one by its title
      const mine = got.filter((n) => n.title === '活动提醒：技术分享会');
      expect(mine).toHaveLength(1);
      expect(mine[0].body).toContain('三楼会议室');
      expect(await notices(m3, 'community_event')).toEqual([]);
    });
  });

  it('a restricted member reads polls and events but can’t vote or sign up (cancelling stays possible)', async () => {
    const poll = await created(await publishTyped(m1, c.sectionId, 'poll', '限制测试投票', '投票', { options: ['是', '否'], closes_at: inHours(5) }));
    const event = await created(await publishTyped(m1, c.sectionId, 'event', '限制测试活动', '活动', { starts_at: inHours(50), place: '食堂' }));
    await rpc(m4, 'community_event_signup', { p_post_id: event, p_on: true });
    await sql(`insert into public.community_sanctions (enterprise_id, user_id, kind, ends_at) values ($1, $2, 'restricted', now() + interval '1 day')`,
      [c.eid, m4.userId]);
    expect((await rpc(m4, 'community_poll', { p_post_id: poll })).status).toBe(200);
    expect((await rpc(m4, 'community_vote', { p_post_id: poll, p_choices: [0] })).body.message).toBe('community_restricted');
    expect((await rpc(m4, 'community_event_signup', { p_post_id: event, p_on: false })).body.status).toBe('cancelled');
    expect((await rpc(m4, 'community_event_signup', { p_post_id: event, p_on: true })).body.message).toBe('community_restricted');
  });

  it('another enterprise’s member can’t see or touch any of it', async () => {
    const outsider = (await community(1)).members[0];
    const poll = await created(await publishTyped(m1, c.sectionId, 'poll', '隔离测试投票', '投票', { options: ['是', '否'], closes_at: inHours(5) }));
    expect((await rpc(outsider, 'community_poll', { p_post_id: poll })).body.message).toBe('post_not_found');
    expect((await rpc(outsider, 'community_vote', { p_post_id: poll, p_choices: [0] })).body.message).toBe('post_not_found');
    expect((await rpc(outsider, 'community_mark_read', { p_post_id: poll })).body.message).toBe('post_not_found');
    expect((await read(outsider, `community_polls?post_id=eq.${poll}&select=post_id`)).body).toEqual([]);
  });
});
