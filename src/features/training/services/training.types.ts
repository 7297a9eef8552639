// Shapes of the training RPCs' answers (docs/api.md › Training and exams).

export interface Assignment {
  course_id: string;
  title: string;
  category: string;
  required: boolean;
  cover_path: string | null;
  due_at: string | null;
  overdue: boolean;
  lessons_total: number;
  lessons_done: number;
  completed_at: string | null;
}

export interface OutlineLesson {
  id: string;
  title: string;
  kind: 'text' | 'video' | 'document';
  video_seconds: number | null;
  position_seconds: number;
  completed: boolean;
}

export interface OutlinePaper {
  id: string;
  title: string;
  duration_minutes: number;
  pass_score: number;
  total_score: number;
  opens_at: string | null;
  closes_at: string | null;
  attempt_limit: number | null;
  attempts_used: number;
  open_attempt_id: string | null;
  passed: boolean;
}

export interface CourseOutline {
  id: string;
  enterprise_id: string;
  title: string;
  summary: string;
  category: string;
  required: boolean;
  status: string;
  /** video lessons: no seeking past the furthest point watched (the server clamps reports) */
  limit_seeking: boolean;
  due_at: string | null;
  completed_at: string | null;
  chapters: Array<{ id: string; title: string; lessons: OutlineLesson[] }>;
  papers: OutlinePaper[];
}

export interface Lesson {
  id: string;
  course_id: string;
  title: string;
  kind: 'text' | 'video' | 'document';
  body_delta: { ops: Array<{ insert?: unknown; attributes?: Record<string, unknown> }> } | null;
  body_text: string;
  video_path: string | null;
  video_seconds: number | null;
  document_path: string | null;
}

export interface ProgressAnswer {
  position_seconds: number;
  watched_seconds: number;
  completed: boolean;
  course_completed: boolean;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'fill';
/** choices: option ids; fill-in: ["what was typed"] */
export type Answer = string[] | null;

export interface AttemptQuestion {
  position: number;
  kind: QuestionKind;
  stem: string;
  options: Array<{ id: string; text: string }>;
  score: number;
  answer: Answer;
}

export interface AttemptResult {
  review: 'none' | 'score' | 'answers';
  score?: number;
  passed?: boolean;
  items?: Array<{ position: number; earned: number; correct_answer: string[]; explanation: string }>;
}

export interface AttemptView {
  id: string;
  paper_id: string;
  title: string;
  status: 'in_progress' | 'submitted';
  attempt_no: number;
  started_at: string;
  deadline_at: string;
  server_now: string;
  submitted_at: string | null;
  submit_reason: 'learner' | 'deadline' | 'leave_limit' | null;
  leave_count: number;
  leave_limit: number | null;
  total_score: number;
  pass_score: number;
  questions: AttemptQuestion[];
  result: AttemptResult | null;
  certificate: { serial: string; verification_code: string } | null;
}

export interface Leaderboard {
  month: string;
  rows: Array<{ rank: number; user_id: string; name: string; points: number }>;
  me: { rank: number; points: number } | null;
  my_total: number;
}

export interface Certificate {
  id: string;
  serial: string;
  verification_code: string;
  holder_name: string;
  title: string;
  score: number;
  issued_at: string;
}

/** A published learning path as the 学习 tab lists it. */
export interface PathSummary {
  id: string;
  title: string;
  summary: string;
  /** how many courses it holds (drafts of them included; the outline shows the published ones) */
  courses: number;
}

/** A path for its learner (training_path_outline): courses in order, each done or not, and the next to take. */
export interface PathOutline {
  id: string;
  title: string;
  summary: string;
  courses: Array<{ course_id: string; title: string; category: string; required: boolean; completed: boolean }>;
  next_course_id: string | null;
}
