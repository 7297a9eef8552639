// Uploading course covers and lesson videos in 培训管理 on the H5 build (issue 16): a wrong type or
// a file over the limit is refused in Chinese before anything is sent, a cancelled upload leaves the
// form as it was and stores nothing, a finished one is previewed and saved on the course; a video
// lesson saved from an upload plays for a learner through a link their own session signed; an image
// put into a text lesson's body in the editor is shown to a learner the same way.
import type { BrowserContext } from 'playwright-core';
import { sql, type SignedInUser } from '../support/clients';
import { buildTrainingWorld, dropTrainingWorld, ok, type TrainingWorld } from '../integration/support-training/fixture';
import { browserSuite } from './support/suite';
import { openTrainingAs } from './support/training-pages';

const suite = browserSuite();
const contexts: BrowserContext[] = [];
let w: TrainingWorld;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);

beforeAll(async () => {
  w = await buildTrainingWorld();
});
afterAll(async () => {
  while (contexts.length) await contexts.pop()?.close();
  await dropTrainingWorld(w);
  await sql("delete from storage.objects where bucket_id = 'training' and name like $1", [`${w.enterpriseId}/%`]);
});

const openAs = (who: SignedInUser, route: string) => openTrainingAs(suite, contexts, who, route);
const stored = async (folder: string) =>
  (await sql<{ name: string }>("select name from storage.objects where bucket_id = 'training' and name like $1 order by name", [`${w.enterpriseId}/${folder}/%`])).map((r) => r.name);

it('course cover: wrong type and too large are refused in Chinese, a cancelled upload keeps the form, a finished one is saved', async () => {
  const manager = await openAs(w.admin, `packages/training/manage-course/index?course=${w.courseId}`);
  await manager.page.getByTestId('course-form').waitFor();
  await manager.fillField('course-title', '信息安全合规培训（2026版）');

  await manager.pickMedia('course-cover', { name: '封面.gif', mimeType: 'image/gif', buffer: PNG });
  await manager.page.getByTestId('course-cover-error').filter({ hasText: '封面仅支持 JPG、PNG 图片' }).waitFor();
  await manager.pickMedia('course-cover', { name: '封面.png', mimeType: 'image/png', buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
  await manager.page.getByTestId('course-cover-error').filter({ hasText: '文件不能超过 10 MB' }).waitFor();
  expect(await stored('covers')).toEqual([]);

  // the upload is held on the way, so the manager can cancel it mid-flight
  let held = 0;
  await manager.page.route('**/storage/v1/object/training/**', () => void held++);
  await manager.pickMedia('course-cover', { name: '封面.png', mimeType: 'image/png', buffer: PNG });
  await manager.page.getByTestId('course-cover-progress').filter({ hasText: '上传中' }).waitFor();
  await manager.page.getByTestId('course-cover-cancel').click();
  await manager.page.getByTestId('course-cover-error').filter({ hasText: '已取消上传' }).waitFor();
  expect(held).toBe(1);
  await expect(manager.fieldValue('course-title')).resolves.toBe('信息安全合规培训（2026版）');
  await manager.page.unroute('**/storage/v1/object/training/**');

  await manager.pickMedia('course-cover', { name: '封面.png', mimeType: 'image/png', buffer: PNG });
  await manager.page.getByTestId('course-cover-preview').waitFor();
  await expect(manager.fieldValue('course-title')).resolves.toBe('信息安全合规培训（2026版）');
  await manager.page.getByTestId('course-save').click();
  await manager.page.getByTestId('course-editor-status').filter({ hasText: '信息安全合规培训（2026版）' }).waitFor();
  const covers = await stored('covers');
  expect(covers).toHaveLength(1);
  const [course] = await sql<{ cover_path: string }>('select cover_path from public.training_courses where id = $1', [w.courseId]);
  expect(course.cover_path).toBe(covers[0]);
  // after the reload the saved cover is shown again
  await manager.page.getByTestId('course-cover-preview').waitFor();

  // the learner's 学习 list shows the published course's cover through their own signed link
  await ok(w.admin, 'training_assign_course', { p_course_id: w.courseId, p_target: 'everyone' });
  const learner = await openAs(w.learner, 'packages/training/index');
  const cover = learner.page.getByTestId(`assignment-cover-${w.courseId}`).locator('img');
  await cover.waitFor({ state: 'attached' });
  await expect(cover.getAttribute('src')).resolves.toContain(`/storage/v1/object/sign/training/${covers[0]}`);
});

it('video lesson: uploaded from the lesson form, saved with its length, played by a learner through a signed link', async () => {
  const manager = await openAs(w.admin, `packages/training/manage-course/index?course=${w.courseId}`);
  const lessonId = await manager.addLesson('安全意识短片', async () => {
    await manager.page.getByTestId('lesson-kind-video').click();
    await manager.pickMedia('lesson-video', { name: '安全意识.mp4', mimeType: 'video/mp4', buffer: MP4 });
    await manager.page.getByTestId('lesson-video-current').waitFor();
    await manager.fillField('lesson-minutes', '5');
  });
  const videos = await stored('videos');
  expect(videos).toHaveLength(1);
  expect(await sql('select video_path, video_seconds from public.training_lessons where title = $1 and course_id = $2', ['安全意识短片', w.courseId]))
    .toEqual([{ video_path: videos[0], video_seconds: 300 }]);

  const learner = await openAs(w.learner, `packages/training/lesson/index?id=${lessonId}&course=${w.courseId}`);
  const video = learner.page.locator('video');
  await video.waitFor({ state: 'attached' });
  await expect(video.getAttribute('src')).resolves.toContain(`/storage/v1/object/sign/training/${videos[0]}`);
});

it('text lesson: an image inserted in the editor is stored in the enterprise\'s images folder and shown to a learner through a signed link', async () => {
  const manager = await openAs(w.admin, `packages/training/manage-course/index?course=${w.courseId}`);
  const lessonId = await manager.addLesson('机房参观须知', async () => {
    await manager.page.getByTestId('lesson-text').click();
    await manager.page.keyboard.insertText('进入机房前请先登记。');
    const chooser = manager.page.waitForEvent('filechooser');
    await manager.page.getByTestId('lesson-editor-tool-image').click();
    await (await chooser).setFiles({ name: '机房平面图.png', mimeType: 'image/png', buffer: PNG });
    // shown in the editor by the manager's signed link while the course is edited
    await manager.page.getByTestId('lesson-text').locator('img[src*="/sign/training/"]').first().waitFor();
  });
  const images = await stored('images');
  expect(images).toHaveLength(1);
  expect(await sql('select image_paths from public.training_lessons where id = $1', [lessonId])).toEqual([{ image_paths: images }]);

  const learner = await openAs(w.learner, `packages/training/lesson/index?id=${lessonId}&course=${w.courseId}`);
  await learner.page.getByTestId('lesson-body').filter({ hasText: '进入机房前请先登记。' }).waitFor();
  const img = learner.page.getByTestId('lesson-body').locator('img').first();
  await img.waitFor();
  await expect(img.getAttribute('src')).resolves.toContain(`/storage/v1/object/sign/training/${images[0]}`);
});
