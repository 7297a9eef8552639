// Chinese labels of the training managers' enums (one place for every manager screen).
import type { CourseStatus, LessonKind, ReviewPolicy } from '../../services/training-manage.types';
import type { QuestionKind } from '../../services/training.types';

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = { draft: '草稿', published: '已发布', archived: '已归档' };
export const LESSON_KIND_LABELS: Record<LessonKind, string> = { text: '图文', video: '视频', document: '文档' };
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选', true_false: '判断', fill: '填空' };
export const REVIEW_LABELS: Record<ReviewPolicy, string> = { none: '不可查看', score: '仅分数', answers: '分数和答案' };
export const DIFFICULTY_OPTIONS = [1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: `${d}` }));

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** `2026-12-31` (Shanghai) → the end of that day as an ISO instant; empty → null. */
export const endOfShanghaiDay = (day: string): string | null => (day ? new Date(`${day}T23:59:59+08:00`).toISOString() : null);

/** An ISO instant → its Shanghai day `YYYY-MM-DD`. */
export const shanghaiDate = (iso: string | null): string => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');
