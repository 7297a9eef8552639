// Issue 15, an attacker's view of the publishing check: a ticket is bound to one person, one
// enterprise and one text, is spent once even under concurrent calls, and does not outlive a
// restriction decided after it was issued (a restricted member racing their own ticket).
import { sql, type SignedInUser } from '../support/clients';
import { community, delta, rpc, type Community } from './support-community/community';

/** A ticket as the community-publish function records it after the check (service role). */
const ticket = (user: SignedInUser, eid: string, title: string, text: string) =>
  sql(`select public.community_check_record($1, $2, $3, $4::jsonb, null, 'pass', '', 'post', '{}'::jsonb)`,
    [user.userId, eid, title, JSON.stringify(delta(text))]);

const createPost = (user: SignedInUser, c: Community, title: string, text: string) =>
  rpc(user, 'community_create_post', { p_section_id: c.sectionId, p_title: title, p_body: delta(text) });

describe('publishing tickets under attack', () => {
  let c: Community;
  beforeAll(async () => {
    c = await community(3);
  });

  it('a restriction decided after the check still refuses the post, and the ticket stays unspent', async () => {
    const [member] = c.members;
    await ticket(member, c.eid, '抢在限制之前', '检查已通过的内容');
    await sql(`insert into public.community_sanctions (enterprise_id, user_id, kind, ends_at) values ($1, $2, 'restricted', now() + interval '1 day')`,
      [c.eid, member.userId]);
    const res = await createPost(member, c, '抢在限制之前', '检查已通过的内容');
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('community_restricted');
    expect(await sql('select 1 from public.community_posts where author_id = $1', [member.userId])).toEqual([]);
    const [{ n }] = await sql<{ n: number }>('select count(*)::int as n from private.community_publish_tickets where user_id = $1', [member.userId]);
    expect(n).toBe(1); // refused before it was taken; it expires ten minutes after the check
  });

  it('one ticket, ten concurrent publish calls: exactly one post', async () => {
    const author = c.members[1];
    await ticket(author, c.eid, '并发发布', '同一张检查凭证');
    const answers = await Promise.all(Array.from({ length: 10 }, () => createPost(author, c, '并发发布', '同一张检查凭证')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => a.body.message)).toEqual(Array(9).fill('publish_check_required'));
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from public.community_posts where author_id = $1 and title = '并发发布'`, [author.userId]);
    expect(n).toBe(1);
  });

  it('a ticket is someone’s: a colleague can’t spend it, nor can it publish in another enterprise', async () => {
    const [, owner, thief] = c.members;
    await ticket(owner, c.eid, '别人的凭证', '只属于发起检查的人');
    expect((await createPost(thief, c, '别人的凭证', '只属于发起检查的人')).body.message).toBe('publish_check_required');
    const other = await community(1);
    await sql('insert into public.enterprise_members (enterprise_id, user_id) values ($1, $2)', [other.eid, owner.userId]);
    expect((await rpc(owner, 'community_create_post', { p_section_id: other.sectionId, p_title: '别人的凭证', p_body: delta('只属于发起检查的人') })).body.message)
      .toBe('publish_check_required');
    expect((await createPost(owner, c, '别人的凭证', '只属于发起检查的人')).status).toBe(200);
  });

  it('an expired ticket publishes nothing', async () => {
    const author = c.members[1];
    await ticket(author, c.eid, '过期凭证', '十分钟后失效');
    await sql(`update private.community_publish_tickets set expires_at = now() - interval '1 second' where user_id = $1`, [author.userId]);
    expect((await createPost(author, c, '过期凭证', '十分钟后失效')).body.message).toBe('publish_check_required');
  });
});
