import type { QuestionKind } from './training.types';

// Shapes the training managers' screens read (tables through RLS, report RPCs: docs/api.md ›
// Training and exams › Managers). Text columns holding a union are narrowed here.

export type CourseStatus = 'draft' | 'published' | 'archived';
export type LessonKind = 'text' | 'video' | 'document';
export type ReviewPolicy = 'none' | 'score' | 'answers';

export interface ManagedCourse {
  id: string;
  title: string;
  summary: string;
  category: string;
  required: boolean;
  status: CourseStatus;
  points: number;
  /** Video lessons: no seeking past the furthest point watched (checked on the server). */
  limit_seeking: boolean;
  /** the cover's object path in the training bucket */
  cover_path: string | null;
  updated_at: string;
}

export interface ManagedLesson {
  id: string;
  chapter_id: string;
  title: string;
  kind: LessonKind;
  sort_order: number;
  points: number;
  body_text: string;
  /** text lessons: the rich text (Quill Delta) the shared editor opens */
  body_delta?: { ops: unknown[] } | null;
  video_path: string | null;
  video_seconds: number | null;
  document_path: string | null;
}

export interface ManagedChapter {
  id: string;
  title: string;
  sort_order: number;
  lessons: ManagedLesson[];
}

export interface ManagedQuestion {
  id: string;
  kind: QuestionKind;
  stem: string;
  options: Array<{ id: string; text: string }>;
  category: string;
  difficulty: number;
  tags: string[];
  archived: boolean;
}

export interface QuestionKey {
  answer: string[];
  explanation: string;
}

/** What `training_save_question` takes (options as texts, ids A, B … given by the server). */
export interface QuestionDraft {
  kind: QuestionKind;
  stem: string;
  options: string[];
  /** single: "B"; multiple: ["A","C"]; true/false: boolean; fill: accepted answers */
  answer: string | string[] | boolean;
  category: string;
  difficulty: number;
  tags: string[];
  explanation: string;
}

export interface PaperSettings {
  title: string;
  course_id: string | null;
  mode: 'fixed' | 'random';
  pass_score: number;
  duration_minutes: number;
  opens_at: string | null;
  closes_at: string | null;
  attempt_limit: number | null;
  shuffle_questions: boolean;
  shuffle_options: boolean;
  leave_limit: number | null;
  review_after_submit: ReviewPolicy;
  review_after_close: ReviewPolicy;
  certificate: boolean;
  points: number;
  questions: Array<{ question_id: string; score: number }>;
  rules: Array<{ category: string; difficulty: number | null; count: number; score: number }>;
}

export interface ManagedPaper extends Omit<PaperSettings, 'questions' | 'rules'> {
  id: string;
  status: CourseStatus;
  total_score: number;
}

export interface ManagedAssignment {
  id: string;
  target: 'everyone' | 'department' | 'member';
  department_id: string | null;
  user_id: string | null;
  due_at: string | null;
  created_at: string;
}

export interface CourseReport {
  assigned: number;
  completed: number;
  by_department: Array<{ department_id: string | null; department: string; assigned: number; completed: number }>;
  overdue: Array<{ user_id: string; name: string; due_at: string }>;
  scores: Array<{ paper_id: string; title: string; attempts: number; passed: number; average: number | null }>;
}

export interface PaperReport {
  attempts: number;
  learners: number;
  passed: number;
  distribution: Array<{ from_percent: number; to_percent: number; count: number }>;
  questions: Array<{ question_id: string; stem: string; answered: number; correct_rate: number | null }>;
}

export interface ImportAnswer {
  imported: number;
  errors: Array<{ row: number; code: string; message: string }>;
}

export interface DepartmentOption {
  id: string;
  name: string;
  depth: number;
}

export interface MemberOption {
  user_id: string;
  display_name: string;
  department_name: string | null;
}

/** A learning path as its managers list and edit it: courses in order. */
export interface ManagedPath {
  id: string;
  title: string;
  summary: string;
  status: 'draft' | 'published';
  course_ids: string[];
}
