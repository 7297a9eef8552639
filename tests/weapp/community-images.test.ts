// 社区 pictures in the compiled mini-program: a member with a WeChat openid picks two pictures in
// 发帖 (wx.chooseMedia), they upload (wx.uploadFile to Storage) and the post is published; WeChat's
// mediaCheckAsync (the local fake, which fetches each picture and reads a marker in its bytes) passes
// one and finds the other risky, which leaves the post; a colleague opening the post sees the passed
// picture only and taps it into the preview; the author is told why the other one went.
import crypto from 'node:crypto';
import { sql } from '../support/clients';
import { newOpenid } from '../support/fake-wechat';
import { community, waitUntil } from '../integration/support-community/community';
import { readyEditor, typeInEditor } from './support/native-editor';
import { simulatedApp } from './support/simulated-app';

jest.setTimeout(120_000);

const COMPOSE_PAGE = 'packages/community/compose/index';
const POST_PAGE = 'packages/community/post/index';
const POST_URL = /^\/?packages\/community\/post\/index\?id=/;
// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

const app = simulatedApp();


test('post with pictures → WeChat passes one, finds one risky → a colleague sees and previews the passed one; the author is told', async () => {
  const c = await community(2);
  const [author, reader] = c.members;
  await sql(`insert into private.wechat_links (provider, subject, user_id, last_login_at) values ('wechat', $1, $2, now())`, [newOpenid(), author.userId]);
  const title = `千岛湖团建${Math.floor(Math.random() * 1e5)}`;

  const compose = await app.openAs(author, COMPOSE_PAGE, { section: c.sectionId });
  await compose.waitFor(() => compose.inputByPlaceholder('请输入标题'), 'the compose form');
  const h = app.harness;
  h.bridge.chosenMedia.push([
    { path: `http://tmp/${crypto.randomBytes(4).toString('hex')}.png`, bytes: PNG, contentType: 'image/png' },
    // what WeChat's model would call risky: the fake reads this marker in the bytes it fetches
    { path: `http://tmp/${crypto.randomBytes(4).toString('hex')}.png`, bytes: Buffer.concat([PNG, Buffer.from('zx-risky')]), contentType: 'image/png' },
  ]);
  await compose.tap('＋ 图片');
  await compose.waitFor(() => h.bridge.uploads.length === 2 && !compose.text().includes('%'), 'both pictures uploaded');
  expect(h.bridge.uploads.map((u) => u.statusCode)).toEqual([200, 200]);
  await compose.tap('技术交流');
  await compose.type('请输入标题', title);
  await typeInEditor(compose, await readyEditor(compose), '周末去了千岛湖，附两张照片。');
  await compose.tap('发布');
  await compose.waitFor(() => h.bridge.navigations.find((n) => n.url && POST_URL.test(n.url)), 'the new post opened');
  await app.closeQuiet();

  const [post] = await sql<{ id: string; images: string[] }>('select id, images from public.community_posts where title = $1', [title]);
  expect(post.images).toHaveLength(2);
  // WeChat (the local fake) fetched each picture through its signed link and pushed its verdict
  const settled = await waitUntil(() => sql<{ path: string; status: string }>(
    'select path, status from public.community_post_images where post_id = $1 order by sort_order', [post.id]),
  (r) => r.length === 2 && r.every((x) => x.status !== 'pending'));
  expect(settled.map((r) => r.path)).toEqual(post.images);
  expect(settled.map((r) => r.status)).toEqual(['pass', 'risky']);

  const [after] = await sql<{ images: string[] }>('select images from public.community_posts where id = $1', [post.id]);
  expect(after.images).toEqual([post.images[0]]);

  const page = await app.openAs(reader, POST_PAGE, { id: post.id });
  await page.waitFor(() => page.text().includes(title), 'the post');
  const images = () => page.nodes().filter((n) => n.tag === 'image' && String(n.attrs.src ?? '').includes('/storage/v1/object/sign/community/'));
  await page.waitFor(() => images().length === 1, 'the passed picture');
  expect(String(images()[0].attrs.src)).toContain(post.images[0]);
  expect(page.text()).not.toContain('审核中');
  await page.tap(images()[0]);
  expect(app.harness.bridge.previews).toHaveLength(1);
  expect(app.harness.bridge.previews[0].urls).toHaveLength(1);
  await app.closeQuiet();

  const [told] = await sql<{ body: string }>(`select body from public.notifications where user_id = $1 and title = '图片未通过内容审核'`, [author.userId]);
  expect(told.body).toContain(title);
});
