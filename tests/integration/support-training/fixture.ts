// Training fixtures (issue 16): an enterprise with an admin and learners, a published course built
// through the managers' RPCs, a question bank and a paper. Rights are arranged in SQL (as the
// tenancy fixtures do); everything a manager or learner does goes through the API.
import { callApi, sql, type SignedInUser } from '../../support/clients';
import { addDepartment, createEnterprise, newMember } from '../support-tenancy/fixture';

export async function rpc<T = unknown>(user: SignedInUser | undefined, fn: string, args: Record<string, unknown>): Promise<{ status: number; body: T }> {
  const res = await callApi(`/rest/v1/rpc/${fn}`, { token: user?.token, body: args });
  return { status: res.status, body: res.body as T };
}

/** The call must succeed; its body. */
export async function ok<T = unknown>(user: SignedInUser | undefined, fn: string, args: Record<string, unknown>): Promise<T> {
  const res = await rpc<T>(user, fn, args);
  if (res.status >= 300) throw new Error(`${fn} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface TrainingWorld {
  enterpriseId: string;
  admin: SignedInUser;
  learner: SignedInUser;
  /** in a sub-department of the learner's department */
  subLearner: SignedInUser;
  rootDept: string;
  childDept: string;
  subDept: string;
  courseId: string;
  textLessonId: string;
  videoLessonId: string;
  /** single, multiple, true/false, fill-in (ids in that order) */
  questionIds: string[];
}

export async function buildTrainingWorld(opts: { edition?: 'basic' | 'professional' } = {}): Promise<TrainingWorld> {
  const enterpriseId = await createEnterprise({ edition: opts.edition ?? 'professional' });
  const rootDept = await addDepartment(enterpriseId, '总部');
  const childDept = await addDepartment(enterpriseId, '研发部', rootDept);
  const subDept = await addDepartment(enterpriseId, '前端组', childDept);
  const admin = await newMember(enterpriseId, { role: 'admin', departmentId: rootDept, displayName: '培训管理员' });
  const learner = await newMember(enterpriseId, { departmentId: childDept, displayName: '李学员' });
  const subLearner = await newMember(enterpriseId, { departmentId: subDept, displayName: '王学员' });

  const courseId = await ok<string>(admin, 'training_save_course', {
    p_enterprise_id: enterpriseId, p_title: '信息安全合规培训', p_category: '合规', p_required: true, p_points: 10,
  });
  const chapterId = await ok<string>(admin, 'training_save_chapter', { p_course_id: courseId, p_title: '第一章 基础' });
  const textLessonId = await ok<string>(admin, 'training_save_lesson', {
    p_chapter_id: chapterId, p_title: '密码安全', p_kind: 'text',
    p_body_delta: { ops: [{ insert: '密码至少12位，' }, { insert: '不要复用。', attributes: { bold: true } }, { insert: '\n' }] },
  });
  const videoLessonId = await ok<string>(admin, 'training_save_lesson', {
    p_chapter_id: chapterId, p_title: '钓鱼邮件识别', p_kind: 'video', p_video_path: `${enterpriseId}/videos/phishing.mp4`, p_video_seconds: 1800,
  });
  await ok(admin, 'training_publish_course', { p_course_id: courseId });

  const questionIds = [
    await ok<string>(admin, 'training_save_question', {
      p_enterprise_id: enterpriseId, p_kind: 'single', p_stem: '收到可疑邮件应当？', p_options: ['直接打开附件', '报告安全团队', '转发给同事'],
      p_answer: 'B', p_category: '合规', p_difficulty: 1, p_explanation: '可疑邮件应报告安全团队',
    }),
    await ok<string>(admin, 'training_save_question', {
      p_enterprise_id: enterpriseId, p_kind: 'multiple', p_stem: '哪些属于敏感信息？', p_options: ['身份证号', '公司地址', '客户手机号', '银行卡号'],
      p_answer: ['A', 'C', 'D'], p_category: '合规', p_difficulty: 2,
    }),
    await ok<string>(admin, 'training_save_question', {
      p_enterprise_id: enterpriseId, p_kind: 'true_false', p_stem: '可以把工作密码写在便利贴上。', p_answer: false, p_category: '合规',
    }),
    await ok<string>(admin, 'training_save_question', {
      p_enterprise_id: enterpriseId, p_kind: 'fill', p_stem: '双因素认证的英文缩写是＿＿。', p_answer: ['2FA', 'MFA'], p_category: '合规',
    }),
  ];
  return { enterpriseId, admin, learner, subLearner, rootDept, childDept, subDept, courseId, textLessonId, videoLessonId, questionIds };
}

export interface PaperOptions {
  passScore?: number;
  durationMinutes?: number;
  attemptLimit?: number | null;
  leaveLimit?: number | null;
  reviewAfterSubmit?: 'none' | 'score' | 'answers';
  reviewAfterClose?: 'none' | 'score' | 'answers';
  shuffle?: boolean;
  points?: number;
  closesAt?: string | null;
}

/** A fixed paper of the world's four questions, 25 points each. */
export async function publishPaper(w: TrainingWorld, o: PaperOptions = {}): Promise<string> {
  return ok<string>(w.admin, 'training_save_paper', {
    p_enterprise_id: w.enterpriseId,
    p_publish: true,
    p_settings: {
      title: '信息安全合规考试', course_id: w.courseId, mode: 'fixed', pass_score: o.passScore ?? 60,
      duration_minutes: o.durationMinutes ?? 30, attempt_limit: o.attemptLimit === undefined ? 3 : o.attemptLimit,
      leave_limit: o.leaveLimit ?? null, review_after_submit: o.reviewAfterSubmit ?? 'score',
      review_after_close: o.reviewAfterClose ?? 'answers', shuffle_questions: o.shuffle ?? true, shuffle_options: o.shuffle ?? true,
      points: o.points ?? 20, closes_at: o.closesAt ?? null,
      questions: w.questionIds.map((id) => ({ question_id: id, score: 25 })),
    },
  });
}

export interface AttemptView {
  id: string;
  status: 'in_progress' | 'submitted';
  deadline_at: string;
  server_now: string;
  submit_reason: string | null;
  leave_count: number;
  questions: Array<{ position: number; kind: string; stem: string; options: Array<{ id: string; text: string }>; score: number; answer: unknown }>;
  result: null | { review: string; score?: number; passed?: boolean; items?: Array<{ position: number; earned: number; correct_answer: unknown }> };
  certificate: null | { serial: string; verification_code: string };
}

/** The right answer to each of the world's questions, by stem (what a learner who studied knows). */
export function correctAnswer(q: AttemptView['questions'][number]): unknown {
  const byText = (t: string) => q.options.find((o) => o.text === t)!.id;
  switch (q.stem) {
    case '收到可疑邮件应当？': return byText('报告安全团队');
    case '哪些属于敏感信息？': return [byText('身份证号'), byText('客户手机号'), byText('银行卡号')];
    case '可以把工作密码写在便利贴上。': return byText('错误');
    default: return '　ｍｆａ '; // full-width, lower case, padded: accepted after normalising
  }
}

/** Moves an attempt's clock back (as if `seconds` had passed on the server) — arranging, not asserting. */
export async function ageAttempt(attemptId: string, seconds: number): Promise<void> {
  await sql(
    `update public.training_attempts set started_at = started_at - make_interval(secs => $2), deadline_at = deadline_at - make_interval(secs => $2)
      where id = $1`, [attemptId, seconds]);
}

/** Moves a progress row's last report back by `seconds` (time passing between two reports). */
export async function ageProgress(userId: string, lessonId: string, seconds: number): Promise<void> {
  await sql(`update public.training_lesson_progress set last_report_at = last_report_at - make_interval(secs => $3)
              where user_id = $1 and lesson_id = $2`, [userId, lessonId, seconds]);
}

/**
 * The training world of one test file: built before its tests, dropped after them. Filled in place,
 * so a file takes it at module level (`const w = trainingWorldPerFile();`).
 */
export function trainingWorldPerFile(): TrainingWorld {
  const w = {} as TrainingWorld;
  beforeAll(async () => {
    Object.assign(w, await buildTrainingWorld());
  });
  afterAll(async () => {
    await dropTrainingWorld(w);
  });
  return w;
}

export async function dropTrainingWorld(w: TrainingWorld): Promise<void> {
  await sql('delete from public.enterprises where id = $1', [w.enterpriseId]);
}
