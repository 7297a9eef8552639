// The training managers' data access (admins and members with the `training` scope): RLS lets them
// read their enterprise's courses, bank, papers and assignments; every write is an RPC (docs/api.md
// › Training and exams › Managers). Answer keys come only from `training_question_key`.
import { asShape, bindDataLayer } from '../../../lib/data';
import { TRAINING_MESSAGES } from '../training.messages';
import type { ImportRow } from '../lib/csv';
import type {
  CourseReport, DepartmentOption, ImportAnswer, ManagedAssignment, ManagedChapter, ManagedCourse, ManagedLesson, ManagedPaper, ManagedPath,
  ManagedQuestion, MemberOption, PaperReport, PaperSettings, QuestionDraft, QuestionKey,
} from './training-manage.types';

const db = bindDataLayer(TRAINING_MESSAGES);

export const managedCourses = (enterpriseId: string) =>
  db.read((c) => c.from('training_courses').select('id, title, summary, category, required, status, points, limit_seeking, cover_path, updated_at')
    .eq('enterprise_id', enterpriseId).order('updated_at', { ascending: false }).overrideTypes<ManagedCourse[], { merge: false }>());

export async function managedCourse(courseId: string): Promise<ManagedCourse & { chapters: ManagedChapter[] }> {
  const [courses, chapters, lessons] = await Promise.all([
    db.read((c) => c.from('training_courses').select('id, title, summary, category, required, status, points, limit_seeking, cover_path, updated_at')
      .eq('id', courseId).overrideTypes<ManagedCourse[], { merge: false }>()),
    db.read((c) => c.from('training_chapters').select('id, title, sort_order').eq('course_id', courseId).order('sort_order')),
    db.read((c) => c.from('training_lessons')
      .select('id, chapter_id, title, kind, sort_order, points, body_text, body_delta, video_path, video_seconds, document_path')
      .eq('course_id', courseId).order('sort_order').overrideTypes<ManagedLesson[], { merge: false }>()),
  ]);
  if (courses.length === 0) throw db.error('course_not_found');
  return { ...courses[0], chapters: chapters.map((ch) => ({ ...ch, lessons: lessons.filter((l) => l.chapter_id === ch.id) })) };
}

export const saveCourse = (enterpriseId: string, courseId: string | null, fields: Pick<ManagedCourse, 'title' | 'summary' | 'category' | 'required' | 'points' | 'limit_seeking' | 'cover_path'>) =>
  db.call('training_save_course', {
    p_enterprise_id: enterpriseId, p_course_id: courseId, p_title: fields.title, p_summary: fields.summary, p_cover_path: fields.cover_path,
    p_category: fields.category, p_required: fields.required, p_points: fields.points, p_limit_seeking: fields.limit_seeking,
  });

/** Every learning path of the enterprise (drafts included), with its courses in order. */
export async function managedPaths(enterpriseId: string): Promise<ManagedPath[]> {
  const rows = await db.read((c) => c.from('training_paths').select('id, title, summary, status, training_path_courses(course_id, position)')
    .eq('enterprise_id', enterpriseId).order('updated_at', { ascending: false })
    .overrideTypes<Array<Omit<ManagedPath, 'course_ids'> & { training_path_courses: Array<{ course_id: string; position: number }> }>, { merge: false }>());
  return rows.map(({ training_path_courses: courses, ...p }) => ({
    ...p, course_ids: [...courses].sort((a, b) => a.position - b.position).map((x) => x.course_id),
  }));
}

/** Creates or rewrites a path (its courses in this order); `publish` shows it in the 学习 tab. */
export const savePath = (enterpriseId: string, pathId: string | null, p: Pick<ManagedPath, 'title' | 'summary' | 'course_ids'>, publish: boolean) =>
  db.call('training_save_path', {
    p_enterprise_id: enterpriseId, p_path_id: pathId, p_title: p.title, p_summary: p.summary, p_course_ids: p.course_ids, p_publish: publish,
  });

export const saveChapter = (courseId: string, title: string, chapterId: string | null = null) =>
  db.call('training_save_chapter', { p_course_id: courseId, p_chapter_id: chapterId, p_title: title });

/** Plain text → the Quill Delta lessons store (one insert; paragraphs are its line breaks). */
export const textDelta = (text: string) => ({ ops: [{ insert: `${text.replace(/\r\n?/g, '\n').replace(/\n*$/, '')}\n` }] });

export interface LessonDraft {
  title: string;
  kind: ManagedLesson['kind'];
  text: string;
  /** the rich text from the shared editor; without it `text` is stored as plain paragraphs */
  delta?: { ops: unknown[] };
  video_path: string | null;
  video_seconds: number | null;
  document_path: string | null;
  points: number;
}

export const saveLesson = (chapterId: string, lessonId: string | null, d: LessonDraft) =>
  db.call('training_save_lesson', {
    p_chapter_id: chapterId, p_lesson_id: lessonId, p_title: d.title, p_kind: d.kind,
    p_body_delta: d.kind === 'text' ? ((d.delta as never) ?? textDelta(d.text)) : null, p_video_path: d.kind === 'video' ? d.video_path : null,
    p_video_seconds: d.kind === 'video' ? d.video_seconds : null, p_document_path: d.kind === 'document' ? d.document_path : null,
    p_points: d.points,
  });

export const publishCourse = (courseId: string) => db.run('training_publish_course', { p_course_id: courseId });

export const courseAssignments = (courseId: string) =>
  db.read((c) => c.from('training_assignments').select('id, target, department_id, user_id, due_at, created_at')
    .eq('course_id', courseId).order('created_at', { ascending: false }).overrideTypes<ManagedAssignment[], { merge: false }>());

export const assignCourse = (courseId: string, target: ManagedAssignment['target'], dueAt: string | null, departmentId: string | null, userIds: string[] | null) =>
  db.call('training_assign_course', {
    p_course_id: courseId, p_target: target, p_department_id: departmentId, p_user_ids: userIds, p_due_at: dueAt,
  }).then(asShape<{ assignment_ids: string[]; learners: number }>());

export const departments = (enterpriseId: string) =>
  db.call('department_tree', { p_enterprise_id: enterpriseId }).then(asShape<DepartmentOption[]>());

export const members = (enterpriseId: string, query: string) =>
  db.call('directory', { p_enterprise_id: enterpriseId, p_query: query, p_limit: 30 }).then(asShape<MemberOption[]>());

/** The bank (or, `archived`, the questions taken out of it). */
export const questionBank = (enterpriseId: string, archived = false) =>
  db.read((c) => c.from('training_questions').select('id, kind, stem, options, category, difficulty, tags, archived')
    .eq('enterprise_id', enterpriseId).eq('archived', archived).order('updated_at', { ascending: false }).limit(500)
    .overrideTypes<ManagedQuestion[], { merge: false }>());

export async function question(questionId: string): Promise<ManagedQuestion & QuestionKey> {
  const [rows, key] = await Promise.all([
    db.read((c) => c.from('training_questions').select('id, kind, stem, options, category, difficulty, tags, archived')
      .eq('id', questionId).overrideTypes<ManagedQuestion[], { merge: false }>()),
    db.call('training_question_key', { p_question_id: questionId }).then(asShape<QuestionKey>()),
  ]);
  if (rows.length === 0) throw db.error('question_not_found');
  return { ...rows[0], ...key };
}

export const saveQuestion = (enterpriseId: string, questionId: string | null, d: QuestionDraft) =>
  db.call('training_save_question', {
    p_enterprise_id: enterpriseId, p_question_id: questionId, p_kind: d.kind, p_stem: d.stem,
    p_options: d.kind === 'single' || d.kind === 'multiple' ? d.options : [], p_answer: d.answer,
    p_category: d.category, p_difficulty: d.difficulty, p_tags: d.tags, p_explanation: d.explanation,
  });

export const importQuestions = (enterpriseId: string, rows: ImportRow[]) =>
  db.call('training_import_questions', { p_enterprise_id: enterpriseId, p_rows: rows.map((r) => ({ ...r })) }).then(asShape<ImportAnswer>());

const PAPER_COLUMNS = 'id, title, course_id, mode, status, total_score, pass_score, duration_minutes, opens_at, closes_at, attempt_limit, '
  + 'shuffle_questions, shuffle_options, leave_limit, review_after_submit, review_after_close, certificate, points';

export const managedPapers = (enterpriseId: string) =>
  db.read((c) => c.from('training_papers').select(PAPER_COLUMNS).eq('enterprise_id', enterpriseId)
    .order('updated_at', { ascending: false }).overrideTypes<ManagedPaper[], { merge: false }>());

export async function managedPaper(paperId: string): Promise<PaperSettings & ManagedPaper> {
  const [papers, questions, rules] = await Promise.all([
    db.read((c) => c.from('training_papers').select(PAPER_COLUMNS).eq('id', paperId).overrideTypes<ManagedPaper[], { merge: false }>()),
    db.read((c) => c.from('training_paper_questions').select('question_id, score').eq('paper_id', paperId).order('position')),
    db.read((c) => c.from('training_paper_rules').select('category, difficulty, question_count, score').eq('paper_id', paperId).order('position')),
  ]);
  if (papers.length === 0) throw db.error('paper_not_found');
  return { ...papers[0], questions, rules: rules.map((r) => ({ category: r.category, difficulty: r.difficulty, count: r.question_count, score: r.score })) };
}

export const savePaper = (enterpriseId: string, paperId: string | null, settings: PaperSettings, publish: boolean) =>
  db.call('training_save_paper', { p_enterprise_id: enterpriseId, p_paper_id: paperId, p_settings: { ...settings }, p_publish: publish });

export type ArchiveKind = 'course' | 'paper' | 'question';

/** Archives a course, paper or bank question (`archived` false: restores it); answers its new state. */
export const setArchived = (kind: ArchiveKind, id: string, archived: boolean) =>
  db.call('training_set_archived', { p_kind: kind, p_id: id, p_archived: archived });

export const courseReport = (courseId: string) => db.call('training_course_report', { p_course_id: courseId }).then(asShape<CourseReport>());
export const paperReport = (paperId: string) => db.call('training_paper_report', { p_paper_id: paperId }).then(asShape<PaperReport>());
export const courseCsv = (courseId: string) => db.call('training_course_csv', { p_course_id: courseId });

/** An XLSX file's first sheet as cells (training-xlsx function: unzips and reads the sheet XML on the server). */
export const xlsxCells = (base64: string) => db.invoke<{ rows: string[][] }>('training-xlsx', { file: base64 }).then((a) => a.rows);
