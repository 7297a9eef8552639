// The app's route table: every page path, the subpackage it lives in, and the query parameters it
// reads. `src/app.config.ts` builds the page list from it, pages and links navigate with it, share
// links and QR codes are built from it, and the `invitation-wxacode` edge function names the
// invitation's landing page from it. It lives here, with no imports at all, because both runtimes
// compile it: Deno (edge functions deploy only `supabase/functions`) and the Taro build (through
// `src/lib/routes.ts`; `config/index.ts` lists this folder in `compile.include`).

/** Subpackage roots (mini-program subpackages; plain folders on H5). The main package has none. */
export const SUBPACKAGES = {
  /** 我的资料, password, agreements, cancellation, stolen-account report, birth date */
  account: 'packages/account',
  /** everything a new or uncleared member sees, and the guardian's own page */
  onboarding: 'packages/onboarding',
  /** platform operators (H5) */
  ops: 'packages/ops',
  /** enterprises for members: mine, create, join, code, 通讯录, 我的名片 */
  enterprise: 'packages/enterprise',
  /** enterprise admins */
  admin: 'packages/admin',
  /** 消息 (inbox) and 通知设置 */
  notifications: 'packages/notifications',
  /** 学习: assignments, courses, lessons, exams, certificates, points; the public certificate check */
  training: 'packages/training',
  /** 知识库: home, folders, pages, the editor, versions, search */
  kb: 'packages/kb',
  /** 社区: feed, post page, compose, report, moderation queue, my records */
  community: 'packages/community',
} as const;

export type Subpackage = keyof typeof SUBPACKAGES;

interface RouteDef {
  /** page path without a leading slash, as app.json and the mini-program code API spell it */
  readonly path: string;
  /** null: the main package */
  readonly subpackage: Subpackage | null;
  /** query parameters the page reads */
  readonly query: readonly string[];
}

const route = <Q extends readonly string[]>(path: string, subpackage: Subpackage | null, query: Q) => ({ path, subpackage, query });

// Main package first; the first entry is the app's start page.
export const ROUTES = {
  home: route('pages/index/index', null, []),
  login: route('pages/login/index', null, []),
  /** the 我的 tab (profile, enterprises, agreements, security); tab pages sit in the main package */
  mine: route('pages/mine/index', null, []),
  /** the 知识库 / 学习 / 社区 tabs: thin main-package pages showing the module's home screen */
  kbTab: route('pages/kb/index', null, []),
  learnTab: route('pages/learn/index', null, []),
  communityTab: route('pages/community/index', null, []),
  profile: route('packages/account/profile/index', 'account', []),
  password: route('packages/account/password/index', 'account', []),
  agreements: route('packages/account/agreements/index', 'account', []),
  cancel: route('packages/account/cancel/index', 'account', []),
  reportStolen: route('packages/account/report-stolen/index', 'account', []),
  birthDate: route('packages/account/birth-date/index', 'account', []),
  onboarding: route('packages/onboarding/index', 'onboarding', []),
  /** the guardian's page, opened from a link on the guardian's phone; `t` = the link token */
  guardianLink: route('packages/onboarding/guardian-link/index', 'onboarding', ['t']),
  ops: route('packages/ops/index', 'ops', []),
  birthDateCorrections: route('packages/ops/birth-date-corrections/index', 'ops', []),
  myEnterprises: route('packages/enterprise/mine/index', 'enterprise', []),
  createEnterprise: route('packages/enterprise/create/index', 'enterprise', []),
  /** invitation landing: `code` from a link or QR, `scene` from the mini-program code */
  join: route('packages/enterprise/join/index', 'enterprise', ['code', 'scene']),
  joinCode: route('packages/enterprise/code/index', 'enterprise', []),
  directory: route('packages/enterprise/directory/index', 'enterprise', ['id']),
  /** 我的名片; with `user` an admin edits that member's card */
  card: route('packages/enterprise/card/index', 'enterprise', ['id', 'user']),
  admin: route('packages/admin/index', 'admin', ['id', 'tab']),
  /** 消息; `id` = a notice opened from a WeChat subscribe message (marked read) */
  inbox: route('packages/notifications/inbox/index', 'notifications', ['id']),
  notificationSettings: route('packages/notifications/settings/index', 'notifications', []),
  /** 学习: my assignments with deadlines, points, entries to certificates and the leaderboard */
  training: route('packages/training/index', 'training', []),
  trainingCourse: route('packages/training/course/index', 'training', ['id']),
  /** `course`: the course the lesson belongs to (its outline carries the learner's progress) */
  trainingLesson: route('packages/training/lesson/index', 'training', ['id', 'course']),
  /** `attempt` resumes an attempt; without it the paper's open attempt is resumed or a new one starts */
  trainingExam: route('packages/training/exam/index', 'training', ['paper', 'attempt']),
  trainingCertificates: route('packages/training/certificates/index', 'training', []),
  trainingLeaderboard: route('packages/training/leaderboard/index', 'training', []),
  /** a learning path: its courses in order, which are done, the next one */
  trainingPath: route('packages/training/path/index', 'training', ['id']),
  /** public: anyone checks a certificate's verification code (validity and name only) */
  certificateVerify: route('packages/training/verify/index', 'training', ['code']),
  /** 培训管理 (admins, `training` scope): `tab` courses | questions | papers | paths */
  trainingManage: route('packages/training/manage/index', 'training', ['tab']),
  /** a course's editor: details, lessons, publishing, exams, assignments; no `course`: a new course.
   *  (Not `id`: the manager pages read `id` as the enterprise, as every enterprise page does.) */
  trainingManageCourse: route('packages/training/manage-course/index', 'training', ['course']),
  /** a question of the bank; no `question`: a new one */
  trainingManageQuestion: route('packages/training/manage-question/index', 'training', ['question']),
  /** a paper; no `paper`: a new one (for the course `course`, if given) */
  trainingManagePaper: route('packages/training/manage-paper/index', 'training', ['paper', 'course']),
  /** a course's report (completion, departments, overdue, exams) with CSV export */
  trainingReport: route('packages/training/manage-report/index', 'training', ['course']),
  /** 知识库 home: search, spaces, recently viewed, favourites */
  kb: route('packages/kb/index', 'kb', []),
  /** a space or folder; `node` = its id */
  kbFolder: route('packages/kb/folder/index', 'kb', ['node']),
  kbPage: route('packages/kb/page/index', 'kb', ['node']),
  kbEdit: route('packages/kb/edit/index', 'kb', ['node']),
  kbVersions: route('packages/kb/versions/index', 'kb', ['node']),
  /** managers: who can see a space, folder or page, and its grants */
  kbAccess: route('packages/kb/access/index', 'kb', ['node']),
  /** `q` = the query to run */
  kbSearch: route('packages/kb/search/index', 'kb', ['q']),
  /** 待审核: saves waiting for the caller's approval (current enterprise, or `id`) */
  kbReviews: route('packages/kb/reviews/index', 'kb', ['id']),
  /** one save waiting for review; `review` = its id */
  kbReview: route('packages/kb/review/index', 'kb', ['review']),
  /** admins and content managers: storage used of the quota, per space; `id` = the enterprise */
  kbStorage: route('packages/kb/storage/index', 'kb', ['id']),
  community: route('packages/community/index', 'community', []),
  communityPost: route('packages/community/post/index', 'community', ['id']),
  /** `section`: the section chosen in the feed */
  communityCompose: route('packages/community/compose/index', 'community', ['section']),
  /** the author edits their post (`id`) */
  communityEdit: route('packages/community/edit/index', 'community', ['id']),
  /** `type`: post | comment, `id`: the item */
  communityReport: route('packages/community/report/index', 'community', ['type', 'id']),
  communityModeration: route('packages/community/moderation/index', 'community', []),
  communityRecords: route('packages/community/records/index', 'community', []),
  /** platform operators: community cases escalated by enterprises */
  communityEscalations: route('packages/community/escalations/index', 'community', []),
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;
export type RouteQuery<N extends RouteName> = Partial<Record<(typeof ROUTES)[N]['query'][number], string>>;

/** `/packages/enterprise/join/index?code=AB12`: the in-app URL (navigateTo, redirectTo, reLaunch). */
export function routeUrl<N extends RouteName>(name: N, query: RouteQuery<N> = {}): string {
  const pairs = Object.entries(query as Record<string, string | undefined>)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return `/${ROUTES[name].path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

/** The app config's page lists: main package pages, then each subpackage's pages relative to its root. */
export function appPages(): { pages: string[]; subPackages: { root: string; pages: string[] }[] } {
  const all = Object.values(ROUTES) as RouteDef[];
  const pages = all.filter((r) => r.subpackage === null).map((r) => r.path);
  const subPackages = (Object.keys(SUBPACKAGES) as Subpackage[]).map((name) => {
    const root = SUBPACKAGES[name];
    return { root, pages: all.filter((r) => r.subpackage === name).map((r) => r.path.slice(root.length + 1)) };
  });
  return { pages, subPackages };
}
