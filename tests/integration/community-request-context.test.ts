// The community request context (migration 20261213010000_community.sql): for community requests
// (and direct SQL) PostgREST's pre-request hook resolves the caller's readable sections and
// moderated enterprises once, and the posts policy reads them back as two arrays. A stale or
// borrowed answer would show a hidden post to someone who may no longer moderate, so each test opens
// a transaction the way PostgREST does, changes what the answer depends on inside it, and reads
// under RLS as the caller. The same reads without the hook cover the helpers' own resolution.
import { sql, type SignedInUser } from '../support/clients';
import { asOwner, inRequestOf, type Q } from '../support/request';
import { community, postOk, type Community } from './support-community/community';

const FEED = '/community_posts';

const seesPost = async (q: Q, id: string) => (await q('select id from public.community_posts where id = $1', [id])).length === 1;
const contextUid = async (q: Q) => String((await q(`select coalesce(current_setting('zx.ctx_community_uid', true), '') as v`))[0].v);

describe('community request context', () => {
  let c: Community;
  let author: SignedInUser;
  let reader: SignedInUser;
  let hidden: string;
  let published: string;

  beforeAll(async () => {
    c = await community(2);
    [author, reader] = c.members;
    published = await postOk(author, c.sectionId, '食堂新菜单', '本周起午餐增加两道素菜。');
    hidden = await postOk(author, c.sectionId, '二手显示器转让', '九成新，带支架。');
    await sql(`update public.community_posts set status = 'hidden', hidden_reason = 'reports' where id = $1`, [hidden]);
  });

  it('is made for community requests; moderators and the author read the hidden post, other members only the published one', async () => {
    for (const [who, expected] of [[c.manager, true], [c.admin, true], [author, true], [reader, false]] as const) {
      await inRequestOf(who.userId, async (q) => {
        expect(await contextUid(q)).toBe(who.userId);
        expect(await seesPost(q, published)).toBe(true);
        expect(await seesPost(q, hidden)).toBe(expected);
      }, { path: FEED });
    }
  });

  it('without it (direct SQL, Realtime, other endpoints) the helpers resolve the same answers themselves', async () => {
    for (const opts of [{ hook: false }, { path: '/notifications' }]) {
      for (const [who, expected] of [[c.manager, true], [author, true], [reader, false]] as const) {
        await inRequestOf(who.userId, async (q) => {
          expect(await contextUid(q)).toBe('');
          expect(await seesPost(q, published)).toBe(true);
          expect(await seesPost(q, hidden)).toBe(expected);
        }, opts);
      }
    }
  });

  it('a moderator whose scope is taken away during the request no longer reads the hidden post in that request', async () => {
    await inRequestOf(c.manager.userId, async (q) => {
      expect(await seesPost(q, hidden)).toBe(true);
      await asOwner(q, `update public.enterprise_members set scopes = '{}' where enterprise_id = $1 and user_id = $2`, [c.eid, c.manager.userId]);
      expect(await seesPost(q, hidden)).toBe(false);
      expect(await seesPost(q, published)).toBe(true);
    }, { path: FEED });
  });

  it('a section closed to the reader during the request disappears from that request', async () => {
    await inRequestOf(reader.userId, async (q) => {
      expect(await seesPost(q, published)).toBe(true);
      await asOwner(q, `update public.community_sections set department_ids = array[gen_random_uuid()] where id = $1`, [c.sectionId]);
      expect(await seesPost(q, published)).toBe(false);
    }, { path: FEED });
  });

  it('an answer resolved for a moderator is never used for another identity', async () => {
    await inRequestOf(c.manager.userId, async (q) => {
      expect(await seesPost(q, hidden)).toBe(true);
      // Same transaction, other claims, no new hook call (Realtime checks subscribers this way).
      await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: reader.userId, role: 'authenticated' })]);
      expect(await seesPost(q, hidden)).toBe(false);
      expect(await seesPost(q, published)).toBe(true);
    }, { path: FEED });
  });
});
