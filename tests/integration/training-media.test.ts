// Training media follow their course (issue 16, private.training_media_readable): a
// training manager uploads covers, videos and documents into the enterprise's folder of bucket
// `training`; a member reads an object only while a published course refers to it (its cover, or a
// lesson's video or document). Uploads not attached yet, a draft course's media and another
// enterprise's media stay unreadable, through a direct download and through a signed link.
import { sql, storageObject, type SignedInUser } from '../support/clients';
import { newMember } from './support-tenancy/fixture';
import { buildTrainingWorld, dropTrainingWorld, ok, rpc, type TrainingWorld } from './support-training/fixture';

jest.setTimeout(60_000);

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
const MP4 = Uint8Array.from(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]));
const PDF = Uint8Array.from(Buffer.from('%PDF-1.4\n%%EOF\n'));

let w: TrainingWorld;
let other: TrainingWorld;
let draftCourse: string;

const upload = async (who: SignedInUser, path: string, bytes: Uint8Array, contentType: string) => {
  const res = await storageObject(who.token, 'POST', 'training', path, { bytes, contentType });
  expect([res.status, res.text]).toEqual([200, expect.any(String)]);
};
const download = async (who: SignedInUser, path: string) => (await storageObject(who.token, 'GET', 'training', path)).status;
const signs = async (who: SignedInUser, path: string) => {
  const { data, error } = await who.client.storage.from('training').createSignedUrl(path, 60);
  return Boolean(data?.signedUrl) && !error;
};

beforeAll(async () => {
  [w, other] = await Promise.all([buildTrainingWorld(), buildTrainingWorld()]);
  const e = w.enterpriseId;
  await upload(w.admin, `${e}/videos/phishing.mp4`, MP4, 'video/mp4'); // the world's published video lesson
  await upload(w.admin, `${e}/covers/compliance.png`, PNG, 'image/png');
  await upload(w.admin, `${e}/documents/policy.pdf`, PDF, 'application/pdf');
  await upload(w.admin, `${e}/documents/never-attached.pdf`, PDF, 'application/pdf');
  await upload(w.admin, `${e}/videos/draft.mp4`, MP4, 'video/mp4');
  await upload(w.admin, `${e}/covers/draft.png`, PNG, 'image/png');
  await upload(other.admin, `${other.enterpriseId}/videos/phishing.mp4`, MP4, 'video/mp4');

  await ok(w.admin, 'training_save_course', {
    p_enterprise_id: e, p_course_id: w.courseId, p_title: '信息安全合规培训', p_category: '合规', p_required: true, p_points: 10,
    p_cover_path: `${e}/covers/compliance.png`,
  });
  const [chapter] = await sql<{ id: string }>('select id from public.training_chapters where course_id = $1', [w.courseId]);
  await ok(w.admin, 'training_save_lesson', {
    p_chapter_id: chapter.id, p_title: '信息安全制度', p_kind: 'document', p_document_path: `${e}/documents/policy.pdf`,
  });
  draftCourse = await ok<string>(w.admin, 'training_save_course', { p_enterprise_id: e, p_title: '草稿课程', p_cover_path: `${e}/covers/draft.png` });
  const draftChapter = await ok<string>(w.admin, 'training_save_chapter', { p_course_id: draftCourse, p_title: '第一章' });
  await ok(w.admin, 'training_save_lesson', {
    p_chapter_id: draftChapter, p_title: '未发布视频', p_kind: 'video', p_video_path: `${e}/videos/draft.mp4`, p_video_seconds: 60,
  });
});
afterAll(async () => {
  await Promise.all([dropTrainingWorld(w), dropTrainingWorld(other)]);
  await sql("delete from storage.objects where bucket_id = 'training' and (name like $1 or name like $2)", [`${w.enterpriseId}/%`, `${other.enterpriseId}/%`]);
});

test('a member reads the cover, video and document of a published course, directly and through a signed link', async () => {
  for (const path of ['videos/phishing.mp4', 'covers/compliance.png', 'documents/policy.pdf']) {
    expect([path, await download(w.learner, `${w.enterpriseId}/${path}`)]).toEqual([path, 200]);
    expect([path, await signs(w.learner, `${w.enterpriseId}/${path}`)]).toEqual([path, true]);
  }
});

test('a member can’t read a draft course’s media or an upload no course refers to; the manager can', async () => {
  for (const path of ['videos/draft.mp4', 'covers/draft.png', 'documents/never-attached.pdf']) {
    // Storage answers an object the caller may not read as missing (400 not_found), never 200
    expect([path, await download(w.learner, `${w.enterpriseId}/${path}`)]).toEqual([path, 400]);
    expect([path, await signs(w.learner, `${w.enterpriseId}/${path}`)]).toEqual([path, false]);
    expect([path, await download(w.admin, `${w.enterpriseId}/${path}`)]).toEqual([path, 200]);
  }
});

test('publishing the course opens its media to members; archiving it closes them again', async () => {
  const path = `${w.enterpriseId}/videos/draft.mp4`;
  await ok(w.admin, 'training_publish_course', { p_course_id: draftCourse });
  expect(await download(w.learner, path)).toBe(200);
  await sql("update public.training_courses set status = 'archived' where id = $1", [draftCourse]);
  expect(await download(w.learner, path)).not.toBe(200);
  expect(await signs(w.learner, path)).toBe(false);
  await sql("update public.training_courses set status = 'draft' where id = $1", [draftCourse]);
});

test('another enterprise’s members and managers read nothing, even under the same object name', async () => {
  expect(await download(other.learner, `${w.enterpriseId}/videos/phishing.mp4`)).not.toBe(200);
  expect(await download(other.admin, `${w.enterpriseId}/videos/phishing.mp4`)).not.toBe(200);
  expect(await signs(other.admin, `${w.enterpriseId}/covers/compliance.png`)).toBe(false);
  // a course of W can't point at the other enterprise's folder, so it can't open those objects either
  const res = await rpc(w.admin, 'training_save_course', {
    p_enterprise_id: w.enterpriseId, p_title: '借用封面', p_cover_path: `${other.enterpriseId}/videos/phishing.mp4`,
  });
  expect([res.status, (res.body as { message?: string }).message]).toEqual([400, 'cover_path_invalid']);
});

test('a plain member can’t upload into the training bucket, nor overwrite a course’s video', async () => {
  const res = await storageObject(w.learner.token, 'POST', 'training', `${w.enterpriseId}/videos/mine.mp4`, { bytes: MP4, contentType: 'video/mp4' });
  expect(res.status).not.toBe(200);
  const newcomer = await newMember(w.enterpriseId, { displayName: '新同事' });
  expect(await download(newcomer, `${w.enterpriseId}/videos/phishing.mp4`)).toBe(200);
});
