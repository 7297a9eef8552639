// Issue 15, images in posts: the `community` bucket's policies (upload into one's own enterprise,
// read only through a post one reads once the image passed), WeChat's mediaCheckAsync through the
// adapter against the local fake (pass shows the image, risky removes it and tells the author,
// review sends the post to the moderation queue), the signed message push (a bad signature is
// refused, a replayed verdict changes nothing), and H5 authors, whose images wait for a moderator.
import crypto from 'node:crypto';
import { callApi, sql, storageObject, type SignedInUser } from '../support/clients';
import { fakeMediaChecks, newOpenid, repushMediaCheck } from '../support/fake-wechat';
import { community, waitUntil, delta, publish, read, rpc, type Community } from './support-community/community';

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

const imagePath = (eid: string, name: string) => `${eid}/${crypto.randomUUID()}/${name}.png`;
const upload = (user: SignedInUser, path: string) =>
  storageObject(user.token, 'POST', 'community', path, { bytes: new Uint8Array(PNG), contentType: 'image/png' });
const download = (user: SignedInUser, path: string) => storageObject(user.token, 'GET', 'community', path);

async function uploaded(user: SignedInUser, eid: string, name: string): Promise<string> {
  const path = imagePath(eid, name);
  const res = await upload(user, path);
  if (res.status !== 200) throw new Error(`upload answered ${res.status} ${res.text}`);
  return path;
}

const imagesOf = async (user: SignedInUser, postId: string) =>
  (await read(user, `community_post_images?post_id=eq.${postId}&select=path,status,label&order=sort_order`)).body as Array<{ path: string; status: string; label: string }>;


const publishWithImages = (user: SignedInUser, sectionId: string, images: string[], channel = 'h5') =>
  publish(user, { kind: 'post', channel, section_id: sectionId, title: '团建照片', body: delta('周末团建的照片'), images });

describe('community images', () => {
  let c: Community;
  let other: Community;
  let author: SignedInUser;
  let reader: SignedInUser;

  beforeAll(async () => {
    [c, other] = [await community(3), await community(1)];
    [author, reader] = c.members;
  });

  it('members upload into their enterprise’s folder only, in the accepted shape', async () => {
    expect((await upload(author, imagePath(c.eid, 'ok'))).status).toBe(200);
    expect((await upload(other.members[0], imagePath(c.eid, 'intruder'))).status).toBeGreaterThanOrEqual(400);
    expect((await upload(author, `${c.eid}/not-a-folder/x.png`)).status).toBeGreaterThanOrEqual(400);
    expect((await upload(author, `${other.eid}/${crypto.randomUUID()}/x.png`)).status).toBeGreaterThanOrEqual(400);
  });

  it('a post carries only images its author uploaded', async () => {
    const theirs = await uploaded(reader, c.eid, 'theirs');
    const res = await publishWithImages(author, c.sectionId, [theirs]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('images_invalid');
  });

  it('H5: the image waits for a moderator; the author sees it, others don’t; a dismissal shows it', async () => {
    const path = await uploaded(author, c.eid, 'team');
    const res = await publishWithImages(author, c.sectionId, [path]);
    expect(res.status).toBe(201);
    const postId = res.body.id as string;
    expect(await imagesOf(author, postId)).toEqual([{ path, status: 'review', label: 'unchecked' }]);
    // the text is published; the image is not, for anyone but its author and the moderators
    expect(await imagesOf(reader, postId)).toEqual([]);
    expect((await download(reader, path)).status).toBeGreaterThanOrEqual(400);
    expect((await download(author, path)).status).toBe(200);
    expect((await download(c.manager, path)).status).toBe(200);
    expect((await download(other.admin, path)).status).toBeGreaterThanOrEqual(400);
    const queue = (await rpc(c.manager, 'community_moderation_queue', { p_enterprise_id: c.eid })).body as Array<{ id: string; post_id: string; check_label: string }>;
    const item = queue.find((q) => q.post_id === postId);
    expect(item?.check_label).toBe('image:unchecked');
    expect((await rpc(c.manager, 'community_moderate', { p_case_id: item!.id, p_action: 'dismiss', p_reason: '图片没有问题' })).status).toBe(200);
    expect(await imagesOf(reader, postId)).toEqual([{ path, status: 'pass', label: 'unchecked' }]);
    expect((await download(reader, path)).status).toBe(200);
    // still nothing for another enterprise
    expect((await download(other.admin, path)).status).toBeGreaterThanOrEqual(400);
  });

  it('an edit keeps, removes and adds pictures: kept ones keep their check, removed ones leave, new ones are checked', async () => {
    const [a, b, added] = [await uploaded(author, c.eid, 'a'), await uploaded(author, c.eid, 'b'), await uploaded(author, c.eid, 'added')];
    const res = await publishWithImages(author, c.sectionId, [a, b]);
    expect(res.status).toBe(201);
    const postId = res.body.id as string;
    const [item] = ((await rpc(c.manager, 'community_moderation_queue', { p_enterprise_id: c.eid })).body as Array<{ id: string; post_id: string }>)
      .filter((q) => q.post_id === postId);
    expect((await rpc(c.manager, 'community_moderate', { p_case_id: item.id, p_action: 'dismiss', p_reason: '图片没有问题' })).status).toBe(200);
    expect((await imagesOf(reader, postId)).map((r) => r.path)).toEqual([a, b]);

    // the author drops a, keeps b (first now) and adds a new picture, with a formatted body
    const body = { ops: [{ insert: '补充一张合影，' }, { insert: '去掉了模糊的那张', attributes: { bold: true } }, { insert: '\n' }] };
    const edit = await publish(author, { kind: 'edit', post_id: postId, title: '团建照片（更新）', body, images: [b, added] });
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('published');
    expect((await imagesOf(author, postId)).map((r) => [r.path, r.status])).toEqual([[b, 'pass'], [added, 'review']]);
    // colleagues see the kept picture at once; the new one after its check
    expect((await imagesOf(reader, postId)).map((r) => r.path)).toEqual([b]);
    expect((await download(reader, a)).status).toBeGreaterThanOrEqual(400);
    const [post] = (await read(reader, `community_posts?id=eq.${postId}&select=title,body,body_text,images`)).body as Array<Record<string, unknown>>;
    expect(post).toEqual({ title: '团建照片（更新）', body, body_text: '补充一张合影，去掉了模糊的那张\n', images: [b, added] });
  });

  it('a body carries text only: an image in the Delta is refused on publish and on edit', async () => {
    const withImage = { ops: [{ insert: '看图\n' }, { insert: { image: 'https://cdn.example/a.png' } }, { insert: '\n' }] };
    const created = await publish(author, { kind: 'post', section_id: c.sectionId, title: '带图正文', body: withImage });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe('body_media_not_allowed');
    const postId = (await publishWithImages(author, c.sectionId, [])).body.id as string;
    const edited = await publish(author, { kind: 'edit', post_id: postId, title: '带图正文', body: withImage });
    expect(edited.status).toBe(400);
    expect(edited.body.code).toBe('body_media_not_allowed');
    expect(edited.body.message).toContain('图片请用');
  });

  describe('mini-program authors: mediaCheckAsync through the local fake', () => {
    let openid: string;
    beforeAll(async () => {
      openid = newOpenid();
      await sql(`insert into private.wechat_links (provider, subject, user_id, last_login_at) values ('wechat', $1, $2, now())`, [openid, author.userId]);
    });

    it('pass shows the image, risky removes it and tells the author, review queues the post; a replay changes nothing', async () => {
      const [ok, risky, review] = [await uploaded(author, c.eid, 'lake'), await uploaded(author, c.eid, 'x-risky'), await uploaded(author, c.eid, 'y-review')];
      const res = await publishWithImages(author, c.sectionId, [ok, risky, review], 'weapp');
      expect(res.status).toBe(201);
      const postId = res.body.id as string;
      const checks = (await fakeMediaChecks()).filter((m) => m.openid === openid);
      expect(checks).toHaveLength(3);
      // WeChat fetches the image through a signed link
      expect(checks.every((m) => m.media_url.includes('/storage/v1/object/sign/community/'))).toBe(true);

      const settled = await waitUntil(() => imagesOf(author, postId), (rows) => rows.every((r) => r.status !== 'pending'));
      expect(settled.map((r) => [r.path, r.status])).toEqual([[ok, 'pass'], [risky, 'risky'], [review, 'review']]);
      const [post] = (await read(author, `community_posts?id=eq.${postId}&select=images,status`)).body as Array<{ images: string[]; status: string }>;
      expect(post).toEqual({ images: [ok, review], status: 'published' });
      expect((await imagesOf(reader, postId)).map((r) => r.path)).toEqual([ok]);
      expect((await download(reader, ok)).status).toBe(200);
      expect((await download(reader, review)).status).toBeGreaterThanOrEqual(400);
      expect((await download(reader, risky)).status).toBeGreaterThanOrEqual(400);

      const notices = () => sql<{ body: string }>(`select body from public.notifications where user_id = $1 and title = '图片未通过内容审核'`, [author.userId]);
      const told = await notices();
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('色情');
      const queue = (await rpc(c.admin, 'community_moderation_queue', { p_enterprise_id: c.eid })).body as Array<{ post_id: string; check_label: string }>;
      expect(queue.find((q) => q.post_id === postId)?.check_label).toBe('image:wechat-media:21000');

      // WeChat pushes the same verdict again: acknowledged, nothing changes
      const riskyTrace = checks.find((m) => m.media_url.includes('x-risky'))!.trace_id;
      expect(await repushMediaCheck(riskyTrace)).toBe(200);
      expect(await notices()).toHaveLength(1);
      // a risky image can't be put back on the post
      const back = await publish(author, { kind: 'edit', channel: 'weapp', post_id: postId, title: '团建照片', body: delta('周末团建的照片'), images: [ok, risky] });
      expect(back.body.code).toBe('image_refused');
    });
  });

  describe('the message push endpoint', () => {
    const token = 'local-wechat-push-token';
    const signed = (timestamp: string, nonce: string, t = token) =>
      crypto.createHash('sha1').update([t, timestamp, nonce].sort().join('')).digest('hex');
    const push = (query: string, body?: unknown, method = 'POST') =>
      callApi(`/functions/v1/community-media-push?${query}`, { method, body, headers: { apikey: '' } });

    it('answers the URL check with echostr only when the signature holds', async () => {
      const ts = String(Math.floor(Date.now() / 1000));
      expect((await push(`signature=${signed(ts, 'n1')}&timestamp=${ts}&nonce=n1&echostr=hello123`, undefined, 'GET')).body).toBe('hello123');
      expect((await push(`signature=${signed(ts, 'n1', 'wrong')}&timestamp=${ts}&nonce=n1&echostr=hello123`, undefined, 'GET')).status).toBe(401);
    });

    it('refuses a verdict with a bad or missing signature, and records nothing', async () => {
      const ts = String(Math.floor(Date.now() / 1000));
      const traceId = `forged-${crypto.randomUUID()}`;
      const event = { Event: 'wxa_media_check', trace_id: traceId, errcode: 0, result: { suggest: 'pass', label: 100 } };
      expect((await push(`signature=${signed(ts, 'n2', 'guess')}&timestamp=${ts}&nonce=n2`, event)).status).toBe(401);
      expect((await push('', event)).status).toBe(401);
      expect(await sql('select 1 from private.community_media_verdicts where trace_id = $1', [traceId])).toHaveLength(0);
      expect((await push(`signature=${signed(ts, 'n3')}&timestamp=${ts}&nonce=n3`, event)).body).toBe('success');
      expect(await sql('select 1 from private.community_media_verdicts where trace_id = $1', [traceId])).toHaveLength(1);
    });
  });
});
