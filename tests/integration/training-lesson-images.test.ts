// Images inside text lessons: a training manager uploads a picture into `<enterprise>/images/` of
// bucket `training` and the lesson's Delta refers to it as `training/<object>`. training_save_lesson
// keeps the objects a lesson shows in `image_paths` and refuses any other image (another
// enterprise's, another folder's, a web image); a member reads an image only while a lesson of a
// published course shows it (private.training_media_readable), directly and through a signed link.
import { sql, storageObject, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, ok, rpc, trainingWorldPerFile } from './support-training/fixture';

jest.setTimeout(60_000);

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));

const w = trainingWorldPerFile();

const upload = async (who: SignedInUser, path: string) => {
  const res = await storageObject(who.token, 'POST', 'training', path, { bytes: PNG, contentType: 'image/png' });
  expect([res.status, res.text]).toEqual([200, expect.any(String)]);
};
const download = async (who: SignedInUser, path: string) => (await storageObject(who.token, 'GET', 'training', path)).status;
const signs = async (who: SignedInUser, path: string) => {
  const { data, error } = await who.client.storage.from('training').createSignedUrl(path, 60);
  return Boolean(data?.signedUrl) && !error;
};
/** What the lesson form saves: text with the image embedded by its `training/…` reference. */
const withImages = (...refs: string[]) => ({
  ops: [{ insert: '如何识别钓鱼邮件：\n' }, ...refs.map((ref) => ({ insert: { image: ref } })), { insert: '\n看清发件人地址。\n' }],
});
const chapterOf = async (course: string) => (await sql<{ id: string }>('select id from public.training_chapters where course_id = $1', [course]))[0].id;

let published: string; // object shown by a lesson of the world's published course
let chapter: string;
let lesson: string;

beforeAll(async () => {
  published = `${w.enterpriseId}/images/1700000000000-abc123.png`;
  await upload(w.admin, published);
  chapter = await chapterOf(w.courseId);
  lesson = await ok<string>(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter, p_title: '钓鱼邮件图解', p_kind: 'text', p_body_delta: withImages(`training/${published}`),
  });
});

test('the saved lesson lists the image objects its Delta shows (once each), and a member reads them', async () => {
  const second = `${w.enterpriseId}/images/1700000000001-def456.jpg`;
  await upload(w.admin, second);
  await ok(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter, p_lesson_id: lesson, p_title: '钓鱼邮件图解', p_kind: 'text',
    p_body_delta: withImages(`training/${published}`, `training/${second}`, `training/${published}`),
  });
  const [row] = await sql<{ image_paths: string[] }>('select image_paths from public.training_lessons where id = $1', [lesson]);
  expect([...row.image_paths].sort()).toEqual([published, second].sort());
  for (const path of [published, second]) {
    expect([path, await download(w.learner, path)]).toEqual([path, 200]);
    expect([path, await signs(w.learner, path)]).toEqual([path, true]);
  }
});

test('a member can’t read the image of a draft course’s lesson, nor one uploaded and never saved; the manager can', async () => {
  const draftImage = `${w.enterpriseId}/images/1700000000002-draft1.png`;
  const loose = `${w.enterpriseId}/images/1700000000003-loose1.png`;
  await upload(w.admin, draftImage);
  await upload(w.admin, loose);
  const draft = await ok<string>(w.admin, 'training_save_course', { p_enterprise_id: w.enterpriseId, p_title: '草稿课程' });
  const draftChapter = await ok<string>(w.admin, 'training_save_chapter', { p_course_id: draft, p_title: '第一章' });
  await ok(w.admin, 'training_save_lesson', { p_chapter_id: draftChapter, p_title: '草稿图文', p_kind: 'text', p_body_delta: withImages(`training/${draftImage}`) });
  for (const path of [draftImage, loose]) {
    // Storage answers an object the caller may not read as missing (400), never 200
    expect([path, await download(w.learner, path)]).toEqual([path, 400]);
    expect([path, await signs(w.learner, path)]).toEqual([path, false]);
    expect([path, await download(w.admin, path)]).toEqual([path, 200]);
  }
  // publishing the draft opens its image to members
  await ok(w.admin, 'training_publish_course', { p_course_id: draft });
  expect(await download(w.learner, draftImage)).toBe(200);
  expect(await download(w.learner, loose)).toBe(400);
});

test('another enterprise’s members read nothing, and its lessons can’t show this enterprise’s image', async () => {
  const other = await buildTrainingWorld();
  try {
    expect(await download(other.learner, published)).not.toBe(200);
    expect(await signs(other.admin, published)).toBe(false);
    // naming W's object in the other enterprise's lesson is refused, so it can't open it either
    const res = await rpc<{ message?: string; hint?: string }>(other.admin, 'training_save_lesson', {
      p_chapter_id: await chapterOf(other.courseId), p_title: '借用图片', p_kind: 'text', p_body_delta: withImages(`training/${published}`),
    });
    expect([res.status, res.body.message]).toEqual([400, 'lesson_image_invalid']);
    expect(await download(other.learner, published)).not.toBe(200);
  } finally {
    await dropTrainingWorld(other);
    await sql("delete from storage.objects where bucket_id = 'training' and name like $1", [`${other.enterpriseId}/%`]);
  }
});

test('an image outside this enterprise’s images/ folder, a web image or a malformed embed is refused with the code and a Chinese hint', async () => {
  const e = w.enterpriseId;
  const refused = [
    `training/${e}/videos/phishing.mp4`, // the published video lesson's object
    `training/${e}/covers/cover.png`,
    `training/${e}/images/../videos/phishing.mp4`,
    `training/00000000-0000-4000-8000-000000000000/images/1700000000000-abc123.png`,
    `kb/${e}/node/image-1.png`,
    `${e}/images/1700000000000-abc123.png`, // the object path without the bucket
    'https://example.com/a.png',
    'http://example.com/a.png',
    'data:image/png;base64,iVBORw0KGgo=',
    42,
  ];
  for (const image of refused) {
    const res = await rpc<{ message?: string; hint?: string }>(w.admin, 'training_save_lesson', {
      p_chapter_id: chapter, p_lesson_id: lesson, p_title: '钓鱼邮件图解', p_kind: 'text',
      p_body_delta: { ops: [{ insert: '图：\n' }, { insert: { image: image } }, { insert: '\n' }] },
    });
    expect([image, res.status, res.body.message]).toEqual([image, 400, 'lesson_image_invalid']);
    expect(res.body.hint).toMatch(/[\u4e00-\u9fa5]/);
  }
  // the refused saves changed nothing: the lesson still shows its images
  expect(await download(w.learner, published)).toBe(200);
});

test('removing the image from the lesson (or making it a document lesson) takes the member’s access away', async () => {
  await ok(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter, p_lesson_id: lesson, p_title: '钓鱼邮件图解', p_kind: 'text', p_body_delta: { ops: [{ insert: '暂无图片\n' }] },
  });
  expect(await download(w.learner, published)).toBe(400);
  expect(await signs(w.learner, published)).toBe(false);
  expect(await download(w.admin, published)).toBe(200);

  await ok(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter, p_lesson_id: lesson, p_title: '钓鱼邮件图解', p_kind: 'text', p_body_delta: withImages(`training/${published}`),
  });
  expect(await download(w.learner, published)).toBe(200);
  const pdf = `${w.enterpriseId}/documents/guide.pdf`;
  await ok(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter, p_lesson_id: lesson, p_title: '钓鱼邮件图解', p_kind: 'document', p_document_path: pdf, p_body_delta: withImages(`training/${published}`),
  });
  const [row] = await sql<{ image_paths: string[] }>('select image_paths from public.training_lessons where id = $1', [lesson]);
  expect(row.image_paths).toEqual([]);
  expect(await download(w.learner, published)).toBe(400);
});

afterAll(async () => {
  await sql("delete from storage.objects where bucket_id = 'training' and name like $1", [`${w.enterpriseId}/%`]);
});
