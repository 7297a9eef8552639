// The training module's data access (docs/api.md › Training and exams): plain async functions on
// the data layer. Answer keys never come through here before the review policy allows: the server
// decides what an attempt view contains.
import { asShape, bindDataLayer } from '../../../lib/data';
import { supabase } from '../../../lib/supabase/client';
import { TRAINING_MESSAGES } from '../training.messages';
import type {
  Answer, Assignment, AttemptView, Certificate, CourseOutline, Leaderboard, Lesson, PathOutline, PathSummary, ProgressAnswer,
} from './training.types';

const db = bindDataLayer(TRAINING_MESSAGES);

export const myAssignments = (enterpriseId: string) =>
  db.call('training_my_assignments', { p_enterprise_id: enterpriseId }).then(asShape<Assignment[]>());

export const courseOutline = (courseId: string) =>
  db.call('training_course_outline', { p_course_id: courseId }).then(asShape<CourseOutline>());

export async function lesson(lessonId: string): Promise<Lesson> {
  const rows = await db.read((c) =>
    c.from('training_lessons')
      .select('id, course_id, title, kind, body_delta, body_text, video_path, video_seconds, document_path')
      .eq('id', lessonId)
      .overrideTypes<Lesson[], { merge: false }>());
  if (rows.length === 0) throw db.error('lesson_not_found');
  return rows[0];
}

/** Periodic video report (every ~15 s while playing) or completion of a text/document lesson. */
export const reportProgress = (lessonId: string, positionSeconds: number, completed = false) =>
  db.call('training_report_progress', { p_lesson_id: lessonId, p_position_seconds: Math.max(0, Math.floor(positionSeconds)), p_completed: completed })
    .then(asShape<ProgressAnswer>());

export const startAttempt = (paperId: string) => db.call('training_start_attempt', { p_paper_id: paperId }).then(asShape<AttemptView>());
export const attempt = (attemptId: string) => db.call('training_attempt', { p_attempt_id: attemptId }).then(asShape<AttemptView>());

export const saveAnswer = (attemptId: string, position: number, answer: Answer) =>
  db.call('training_save_answer', { p_attempt_id: attemptId, p_position: position, p_answer: answer })
    .then(asShape<{ saved: boolean; status: AttemptView['status']; deadline_at: string; server_now: string }>());

/** Submits with every answer on screen (saved ones included); a second submit returns the first result. */
export const submitAttempt = (attemptId: string, answers: Record<number, Answer>) =>
  db.call('training_submit_attempt', { p_attempt_id: attemptId, p_answers: answers }).then(asShape<AttemptView>());

export const recordLeave = (attemptId: string) =>
  db.call('training_record_leave', { p_attempt_id: attemptId })
    .then(asShape<{ leave_count: number; leave_limit: number | null; status: AttemptView['status'] }>());

/** Published learning paths of the enterprise (RLS: members read published ones). */
export async function myPaths(enterpriseId: string): Promise<PathSummary[]> {
  const rows = await db.read((c) => c.from('training_paths').select('id, title, summary, training_path_courses(count)')
    .eq('enterprise_id', enterpriseId).eq('status', 'published').order('updated_at', { ascending: false })
    .overrideTypes<Array<{ id: string; title: string; summary: string; training_path_courses: Array<{ count: number }> }>, { merge: false }>());
  return rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, courses: r.training_path_courses[0]?.count ?? 0 }));
}

export const pathOutline = (pathId: string) => db.call('training_path_outline', { p_path_id: pathId }).then(asShape<PathOutline>());

export const leaderboard = (enterpriseId: string, month?: string, departmentId?: string) =>
  db.call('training_leaderboard', { p_enterprise_id: enterpriseId, p_month: month ?? null, p_department_id: departmentId ?? null })
    .then(asShape<Leaderboard>());

export const myCertificates = () =>
  db.read((c) => c.from('training_certificates').select('id, serial, verification_code, holder_name, title, score, issued_at')
    .is('revoked_at', null).order('issued_at', { ascending: false }));

export const myPoints = (enterpriseId: string) =>
  db.read((c) => c.from('training_points').select('id, source_kind, points, reason, created_at')
    .eq('enterprise_id', enterpriseId).order('created_at', { ascending: false }).limit(50));

/** The certificate as an SVG document (training-certificate function). */
export const certificateSvg = (certificateId: string) => db.invoke<string>('training-certificate', { certificate_id: certificateId });

/** Anyone: validity and the holder's name only. */
export const verifyCertificate = (code: string) =>
  db.call('training_verify_certificate', { p_code: code }).then(asShape<{ valid: boolean; name: string | null }>());

/**
 * Links for several objects at once (course covers on a list), keyed by path; a path the member
 * may not read (Storage says so per path) or a failed call is simply left out.
 */
export async function mediaUrls(paths: string[], expiresIn = 3600): Promise<Record<string, string>> {
  const wanted = [...new Set(paths.filter(Boolean))];
  if (wanted.length === 0) return {};
  try {
    const { data } = await supabase.storage.from('training').createSignedUrls(wanted, expiresIn);
    const out: Record<string, string> = {};
    for (const d of data ?? []) if (d.path && d.signedUrl) out[d.path] = d.signedUrl;
    return out;
  } catch {
    return {};
  }
}

/** A link the member's own session signs for a video or document of their enterprise. */
export async function mediaUrl(path: string, expiresIn = 3600): Promise<string> {
  let url: string | undefined;
  try {
    const { data, error } = await supabase.storage.from('training').createSignedUrl(path, expiresIn);
    url = error ? undefined : data?.signedUrl;
  } catch {
    url = undefined;
  }
  if (!url) throw db.error('media_unavailable');
  return url;
}

/** How a text lesson's Delta refers to an image of the training bucket: `training/<enterprise>/images/<name>`. */
export const LESSON_IMAGE_PREFIX = 'training/';
export const lessonImageRef = (objectPath: string) => `${LESSON_IMAGE_PREFIX}${objectPath}`;

/** A signed link to a lesson image (`training/…` reference); Storage refuses it unless the caller may read the image. */
export const lessonImageUrl = (ref: string) => mediaUrl(ref.startsWith(LESSON_IMAGE_PREFIX) ? ref.slice(LESSON_IMAGE_PREFIX.length) : ref);

export type { Certificate };
