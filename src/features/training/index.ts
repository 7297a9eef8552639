// Public API of the training feature (学习: assignments, courses, lessons, exams, certificates,
// points). Its screens live in the training subpackage (src/packages/training).
export * from './services/training.service';
export type * from './services/training.types';
export { TRAINING_ERROR_MESSAGES, TRAINING_MESSAGES } from './training.messages';
export { useExam } from './hooks/use-exam';
export { useVideoProgress } from './hooks/use-video-progress';
export { useShownLoader } from './hooks/use-shown-loader';
export { AssignmentList } from './components/assignment-list';
export { CourseOutlineView } from './components/course-outline-view';
export { PathOutlineView } from './components/path-outline-view';
export { LessonReader } from './components/lesson-reader';
export { ExamRunner } from './components/exam-runner';
export { ExamResult } from './components/exam-result';
export { LeaderboardView } from './components/leaderboard-view';
export { LeaderboardFilters, recentMonths, type LeaderboardScope } from './components/leaderboard-filters';
export { QuestionCard } from './components/question-card';
export { CertificateList } from './components/certificate-list';
export { VerifyCertificateForm } from './components/verify-certificate-form';
export { csvToImportRows, parseCsv, QUESTION_TEMPLATE_CSV, tableToImportRows } from './lib/csv';
export { formatRemaining, remainingMs } from './lib/countdown';
// Managers (admins, `training` scope): courses, question bank, papers, assignments, reports.
export * from './services/training-manage.service';
export type * from './services/training-manage.types';
// The course editor (with the shared rich-text editor) is imported by its own page only:
// packages/training/manage-course deep-imports it (eslint.config.mjs).
export { ManageHome, type ManageTab } from './components/manage/manage-home';
export { isTrainingManager } from './lib/manager';
export { QuestionForm } from './components/manage/question-form';
export { PaperForm } from './components/manage/paper-form';
export { CourseReportView } from './components/manage/course-report-view';
