// Issue 16: "optionally no seeking past the furthest point watched" is a per-course setting the
// training manager chooses (on by default). On, a progress report past the furthest point is
// clamped back to it; off, the learner may resume where they skipped to, yet watched time still
// grows only with the server clock, so a 30-minute video cannot be completed in a minute.
import { ageProgress, ok, trainingWorldPerFile } from './support-training/fixture';

const w = trainingWorldPerFile();

interface Progress { position_seconds: number; watched_seconds: number; completed: boolean; course_completed: boolean }
interface Outline { limit_seeking: boolean; chapters: Array<{ lessons: Array<{ id: string; position_seconds: number }> }> }

const setLimit = (value: boolean | null) =>
  ok<string>(w.admin, 'training_save_course', {
    p_enterprise_id: w.enterpriseId, p_course_id: w.courseId, p_title: '信息安全合规培训', p_limit_seeking: value,
  });
const readLimit = async () => {
  const { data, error } = await w.admin.client.from('training_courses').select('limit_seeking').eq('id', w.courseId).single();
  expect(error).toBeNull();
  return data!.limit_seeking as boolean;
};
const report = (position: number) => ok<Progress>(w.learner, 'training_report_progress', { p_lesson_id: w.videoLessonId, p_position_seconds: position });
const resumeAt = async () => {
  const outline = await ok<Outline>(w.learner, 'training_course_outline', { p_course_id: w.courseId });
  return { limit: outline.limit_seeking, position: outline.chapters.flatMap((c) => c.lessons).find((l) => l.id === w.videoLessonId)!.position_seconds };
};

describe('per-course seeking rule for video lessons', () => {
  it('is on for a new course, and the learner sees it in the outline', async () => {
    expect(await readLimit()).toBe(true);
    expect((await resumeAt()).limit).toBe(true);
  });

  it('on: a report past the furthest point watched is refused (the resume point stays at what was watched)', async () => {
    await ageProgress(w.learner.userId, w.videoLessonId, 30);
    const p = await report(1500);
    expect(p.watched_seconds).toBeLessThanOrEqual(32);
    expect(p.position_seconds).toBe(p.watched_seconds);
    expect((await resumeAt()).position).toBe(p.watched_seconds);
  });

  it('off: the manager turns it off; a report past the furthest point is accepted, but watching still takes real time', async () => {
    await setLimit(false);
    expect(await readLimit()).toBe(false);
    expect((await resumeAt()).limit).toBe(false);
    const before = await report(0);
    const skipped = await report(1500);
    expect(skipped.position_seconds).toBe(1500);
    expect(skipped.watched_seconds).toBeLessThan(before.watched_seconds + 10);
    expect(await resumeAt()).toEqual({ limit: false, position: 1500 });
    // a minute of "watching" that jumps to the end: at most a minute more counts, not completed
    await ageProgress(w.learner.userId, w.videoLessonId, 60);
    const end = await report(1800);
    expect(end.position_seconds).toBe(1800);
    expect(end.watched_seconds).toBeLessThanOrEqual(skipped.watched_seconds + 62);
    expect(end.completed).toBe(false);
    // never past the video's end
    expect((await report(5000)).position_seconds).toBe(1800);
  });

  it('saving the course without the setting keeps it; turning it back on clamps again', async () => {
    await setLimit(null);
    expect(await readLimit()).toBe(false);
    await setLimit(true);
    expect(await readLimit()).toBe(true);
    const p = await report(1700);
    expect(p.position_seconds).toBe(p.watched_seconds);
    expect(p.completed).toBe(false);
  });
});
