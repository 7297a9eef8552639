// Declared outcomes of the isolation matrix (tests/integration/tenancy-matrix.test.ts): for every
// relation in the exposed schemas and every function in `public`, what each caller gets.
// A relation, bucket or function that exists in the database without an entry here fails the test.
//
// Callers (support-tenancy/matrix-fixture.ts): anon; memberA; memberB; adminA; both (member of A
// and admin of B, acting in A); operator (platform operator, in no enterprise). Every RPC is called
// with tenant A's ids, so for memberB it is an attempt on another tenant.
import type { Fixture, Role } from './support-tenancy/matrix-fixture';
import { q } from './support-tenancy/matrix-fixture';

// ------------------------------------------------------------------------------------------------
// Relations
// ------------------------------------------------------------------------------------------------
/** A fixture row of a relation: its key (primary-key columns) and who it belongs to. */
export interface LabelledRow {
  label: string;
  key: Record<string, string>;
}

/** 'denied': 401 (anon) / 403; otherwise the exact set of fixture-row labels the caller reads. */
export type SelectOutcome = 'denied' | string[];
/** Writes: only 'denied' exists today (no client role may write any table directly). */
export type WriteOutcome = 'denied';

export interface RelationExpectation {
  /** the fixture rows of this relation with their labels */
  rows: (fx: Fixture) => Promise<LabelledRow[]>;
  select: Record<Role, SelectOutcome>;
  insert: Record<Role, WriteOutcome>;
  update: Record<Role, WriteOutcome>;
  delete: Record<Role, WriteOutcome>;
}

const byRole = <T>(anon: T, memberA: T, memberB: T, adminA: T, both: T, operator: T): Record<Role, T> =>
  ({ anon, memberA, memberB, adminA, both, operator });
const allDenied: Record<Role, WriteOutcome> = byRole('denied', 'denied', 'denied', 'denied', 'denied', 'denied');
const noWrites = { insert: allDenied, update: allDenied, delete: allDenied };

/** Rows labelled by tenant: 'A' / 'B'. */
const tenantRows = (table: string, keyCols: string[]) => async (fx: Fixture): Promise<LabelledRow[]> => {
  const cols = keyCols.map((c) => `${c}::text as ${c}`).join(', ');
  const rows = await q<Record<string, string>>(`select ${cols}, enterprise_id::text as enterprise_id from public.${table} where enterprise_id = any($1::uuid[])`, [[fx.A.id, fx.B.id]]);
  return rows.map((r) => ({ label: r.enterprise_id === fx.A.id ? 'A' : 'B', key: Object.fromEntries(keyCols.map((c) => [c, r[c]])) }));
};

/** Rows labelled by tenant and person: 'A:adminA', 'B:memberB', 'A:outsider' … */
const tenantPersonRows = (table: string, keyCols: string[], personCol: string) => async (fx: Fixture): Promise<LabelledRow[]> => {
  const cols = keyCols.map((c) => `${c}::text as ${c}`).join(', ');
  const rows = await q<Record<string, string>>(
    `select ${cols}, enterprise_id::text as enterprise_id, ${personCol}::text as person from public.${table} where enterprise_id = any($1::uuid[])`,
    [[fx.A.id, fx.B.id]]);
  return rows.map((r) => ({
    label: `${r.enterprise_id === fx.A.id ? 'A' : 'B'}:${fx.roleOf.get(r.person) ?? 'someone'}`,
    key: Object.fromEntries(keyCols.map((c) => [c, r[c]])),
  }));
};

/** Rows labelled by the person they belong to: 'person:memberA' … */
const personRows = (table: string, personCol: string, keyCol = 'id') => async (fx: Fixture): Promise<LabelledRow[]> => {
  const rows = await q<{ k: string; person: string }>(
    `select ${keyCol}::text as k, ${personCol}::text as person from public.${table} where ${personCol} = any($1::uuid[])`,
    [[...fx.roleOf.keys()]]);
  return rows.map((r) => ({ label: `person:${fx.roleOf.get(r.person)}`, key: { [keyCol]: r.k } }));
};

/** A few rows of a public catalogue table, labelled 'public'. */
const publicRows = (table: string, keyCols: string[]) => async (): Promise<LabelledRow[]> => {
  const cols = keyCols.map((c) => `${c}::text as ${c}`).join(', ');
  const rows = await q<Record<string, string>>(`select ${cols} from public.${table} order by 1 limit 5`);
  return rows.map((r) => ({ label: 'public', key: r }));
};

const own = (p: string) => [`person:${p}`];

// --- training fixture rows (one small world per tenant, made once per fixture) ---------------------
const trainingSeeded = new Set<string>();
async function seedTraining(fx: Fixture): Promise<void> {
  if (trainingSeeded.has(fx.A.id)) return;
  trainingSeeded.add(fx.A.id);
  for (const [t, learner] of [[fx.A, fx.users.memberA.userId], [fx.B, fx.users.memberB.userId]] as const) {
    await q(
      `with c as (insert into public.training_courses (enterprise_id, title, status, published_at) values ($1, '矩阵课程', 'published', now()) returning id),
            ch as (insert into public.training_chapters (enterprise_id, course_id, title) select $1, c.id, '矩阵章节' from c returning id, course_id),
            l as (insert into public.training_lessons (enterprise_id, course_id, chapter_id, title, kind, body_delta, body_text)
                  select $1, ch.course_id, ch.id, '矩阵课时', 'text', '{"ops":[{"insert":"矩阵"}]}', '矩阵' from ch returning id, course_id),
            a as (insert into public.training_assignments (enterprise_id, course_id, target) select $1, c.id, 'everyone' from c returning id),
            pr as (insert into public.training_lesson_progress (user_id, lesson_id, enterprise_id, course_id, completed_at)
                   select $2, l.id, $1, l.course_id, now() from l returning lesson_id),
            cc as (insert into public.training_course_completions (user_id, course_id, enterprise_id) select $2, c.id, $1 from c returning course_id),
            qu as (insert into public.training_questions (enterprise_id, kind, stem, options) values ($1, 'true_false', '矩阵题', '[{"id":"T","text":"正确"},{"id":"F","text":"错误"}]') returning id),
            k as (insert into private.training_question_keys (question_id, answer) select qu.id, '["T"]' from qu returning question_id),
            pa as (insert into public.training_papers (enterprise_id, course_id, title, total_score, pass_score, duration_minutes, status)
                   select $1, c.id, '矩阵试卷', 10, 6, 10, 'published' from c returning id),
            pq as (insert into public.training_paper_questions (paper_id, question_id, enterprise_id, score, position)
                   select pa.id, qu.id, $1, 10, 1 from pa, qu returning paper_id),
            ru as (insert into public.training_paper_rules (paper_id, enterprise_id, question_count, score) select pa.id, $1, 1, 10 from pa returning id),
            att as (insert into public.training_attempts (enterprise_id, paper_id, user_id, attempt_no, status, deadline_at, submitted_at, score, total_score, pass_score, passed, submit_reason)
                    select $1, pa.id, $2, 1, 'submitted', now(), now(), 10, 10, 6, true, 'learner' from pa returning id, paper_id),
            pth as (insert into public.training_paths (enterprise_id, title, status) values ($1, '矩阵路径', 'published') returning id),
            pc as (insert into public.training_path_courses (path_id, course_id, enterprise_id, position) select pth.id, c.id, $1, 1 from pth, c returning path_id),
            ce as (insert into public.training_certificates (enterprise_id, user_id, attempt_id, paper_id, serial, verification_code, holder_name, title, score)
                   select $1, $2, att.id, att.paper_id, 'ZXMATRIX-' || att.id, 'MX' || left(replace(att.id::text, '-', ''), 10), '矩阵学员', '矩阵课程', 10 from att returning id)
       insert into public.training_points (enterprise_id, user_id, source_kind, source_id, points)
       select $1, $2, 'course', c.id, 5 from c`,
      [t.id, learner]);
  }
}
const trainingRows = (table: string, keyCols: string[]) => async (fx: Fixture) => {
  await seedTraining(fx);
  return tenantRows(table, keyCols)(fx);
};
const trainingPersonRows = (table: string, keyCols: string[]) => async (fx: Fixture) => {
  await seedTraining(fx);
  return tenantPersonRows(table, keyCols, 'user_id')(fx);
};
// 'both' is a member of A and the admin (so training manager) of B
const publishedSelect = byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['A', 'B'], []);
const managersSelect = byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], []);
const learnerRowsManagersOnly = byRole<SelectOutcome>('denied', [], [], ['A:memberA'], ['B:memberB'], []);
const ownOrManager = byRole<SelectOutcome>('denied', ['A:memberA'], ['B:memberB'], ['A:memberA'], ['B:memberB'], []);
/** Knowledge-base rows of each tenant (once per fixture): a space readable by everyone in it, a page
 * with one version and a comment, and the tenant's member's read, favourite and like. */
async function ensureKb(fx: Fixture): Promise<void> {
  for (const [t, admin, member] of [[fx.A, fx.users.adminA, fx.users.memberA], [fx.B, fx.users.both, fx.users.memberB]] as const) {
    if ((await q('select 1 from public.kb_nodes where enterprise_id = $1 limit 1', [t.id])).length) continue;
    const [space] = await q<{ id: string }>(
      `insert into public.kb_nodes (id, enterprise_id, space_id, kind, space_kind, title, path, acl_node_id, read_key, sets_grants, created_by)
       select i, $1, i, 'space', 'enterprise', '矩阵空间', array[i], i, $1, true, $2 from gen_random_uuid() i returning id`, [t.id, admin.userId]);
    await q(`insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind) values ($1, $2, 'viewer', 'everyone')`, [t.id, space.id]);
    await q(`insert into public.kb_grants (enterprise_id, node_id, role, grantee_kind, user_id) values ($1, $2, 'manager', 'member', $3)`, [t.id, space.id, admin.userId]);
    const [page] = await q<{ id: string }>(
      `insert into public.kb_nodes (id, enterprise_id, space_id, parent_id, kind, title, path, acl_node_id, read_key, created_by)
       select i, $1, $2, $2, 'page', '矩阵页面', array[$2::uuid, i], $2, $1, $3 from gen_random_uuid() i returning id`, [t.id, space.id, admin.userId]);
    await q(`insert into public.kb_page_contents (node_id, enterprise_id, delta, version_no) values ($1, $2, '{"ops":[{"insert":"矩阵正文\\n"}]}', 1)`, [page.id, t.id]);
    await q(`insert into public.kb_page_versions (enterprise_id, node_id, version_no, title, delta, body_text, author_id)
             values ($1, $2, 1, '矩阵页面', '{"ops":[]}', '矩阵正文', $3)`, [t.id, page.id, admin.userId]);
    await q(`insert into public.kb_comments (enterprise_id, node_id, author_id, body) values ($1, $2, $3, '矩阵评论')`, [t.id, page.id, member.userId]);
    await q(`insert into public.kb_templates (enterprise_id, title, delta, created_by) values ($1, '矩阵模板', '{"ops":[]}', $2)`, [t.id, admin.userId]);
    await q(`insert into public.kb_reads (enterprise_id, node_id, user_id) values ($1, $2, $3)`, [t.id, page.id, member.userId]);
    for (const kind of ['favorite', 'like']) {
      await q(`insert into public.kb_marks (enterprise_id, node_id, user_id, kind) values ($1, $2, $3, $4)`, [t.id, page.id, member.userId, kind]);
    }
  }
}
const kbRows = (inner: (fx: Fixture) => Promise<LabelledRow[]>) => async (fx: Fixture) => {
  await ensureKb(fx);
  return inner(fx);
};
const kbReaders = byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['A', 'B'], []);
/** Governance rows (20261215010000_kb_governance.sql), once per fixture: each tenant's member's
 * pending save of the page, the tenant's content rule and one former member. */
async function ensureKbGovernance(fx: Fixture): Promise<void> {
  await ensureKb(fx);
  for (const [t, member] of [[fx.A, fx.users.memberA], [fx.B, fx.users.memberB]] as const) {
    if ((await q('select 1 from public.kb_page_reviews where enterprise_id = $1 limit 1', [t.id])).length) continue;
    await q(`insert into public.kb_page_reviews (enterprise_id, node_id, title, delta, body_text, author_id)
             select $1, n.id, '矩阵待审', '{"ops":[{"insert":"矩阵草稿\\n"}]}', '矩阵草稿', $2 from public.kb_nodes n
              where n.enterprise_id = $1 and n.kind = 'page' limit 1`, [t.id, member.userId]);
    await q(`insert into public.member_content_rules (enterprise_id, rule) values ($1, 'keep') on conflict do nothing`, [t.id]);
    await q(`insert into public.former_members (enterprise_id, user_id, display_name, ended, rule_applied)
             values ($1, gen_random_uuid(), '矩阵前成员', 'left', 'keep')`, [t.id]);
  }
}
const kbGovernanceRows = (inner: (fx: Fixture) => Promise<LabelledRow[]>) => async (fx: Fixture) => {
  await ensureKbGovernance(fx);
  return inner(fx);
};
// admins only ('both' is B's admin); pending saves: their author and the enterprise's managers
const kbAdminsOnly = byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], []);
const kbAuthorOrManager = byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['B'], []);
const kbOwn = byRole<SelectOutcome>('denied', ['A:memberA'], ['B:memberB'], [], [], []);
// Community rows (issue 15), arranged once per fixture: in each tenant a section open to all, a
// published post by its member (A: memberA, B: memberB) with a comment, a like and a favourite, a
// report of it by the tenant's admin (A: adminA, B: both) with its case, a warning of the author,
// an expired restriction and one blocked word.
const communityArranged = new Set<string>();
async function arrangeCommunity(fx: Fixture): Promise<void> {
  if (communityArranged.has(fx.A.id)) return;
  communityArranged.add(fx.A.id);
  for (const [t, author, reporter] of [[fx.A, fx.users.memberA, fx.users.adminA], [fx.B, fx.users.memberB, fx.users.both]] as const) {
    await q(
      `with s as (insert into public.community_sections (enterprise_id, name) values ($1, '矩阵版块') returning id),
            p as (insert into public.community_posts (enterprise_id, section_id, author_id, title, body, body_text)
                  select $1, s.id, $2, '矩阵帖子', '{"ops":[{"insert":"矩阵正文\\n"}]}', '矩阵正文' from s returning id, section_id),
            c as (insert into public.community_comments (enterprise_id, section_id, post_id, author_id, body_text)
                  select $1, p.section_id, p.id, $2, '矩阵评论' from p returning id),
            l as (insert into public.community_post_marks (enterprise_id, post_id, user_id, kind) select $1, p.id, $2, kinds.kind from p, (values ('like'), ('favorite')) kinds(kind)),
            k as (insert into public.community_cases (enterprise_id, target_type, target_id, author_id, source, score, report_count)
                  select $1, 'post', p.id, $2, 'reports', 1, 1 from p returning id, target_id),
            r as (insert into public.community_reports (enterprise_id, case_id, target_type, target_id, reporter_id, category, weight)
                  select $1, k.id, 'post', k.target_id, $3, 'ads', 1 from k),
            a as (insert into public.community_actions (enterprise_id, case_id, target_type, target_id, author_id, actor_id, actor_role, action, clause, reason)
                  select $1, k.id, 'post', k.target_id, $2, $3, 'moderator', 'warn', 'LX 4.4.2.2', '矩阵警告' from k returning id)
       insert into public.community_sanctions (enterprise_id, user_id, kind, starts_at, ends_at, action_id)
       select $1, $2, 'restricted', now() - interval '2 days', now() - interval '1 day', a.id from a`,
      [t.id, author.userId, reporter.userId]);
    await q(`insert into public.community_blocked_words (enterprise_id, word) values ($1, '矩阵违禁词')`, [t.id]);
    await q(`insert into public.community_settings (enterprise_id, hide_threshold) values ($1, 4)`, [t.id]);
    // the content types (20261213030000_community_types.sql): a poll and an event on the post, the
    // author's vote, sign-up and read receipt
    await q(
      `with p as (select id from public.community_posts where enterprise_id = $1 and title = '矩阵帖子'),
            poll as (insert into public.community_polls (post_id, enterprise_id, options, closes_at)
                     select p.id, $1, '{甲,乙}', now() + interval '1 day' from p returning post_id),
            v as (insert into public.community_poll_votes (post_id, user_id, enterprise_id, choices) select poll.post_id, $2, $1, '{0}' from poll),
            ev as (insert into public.community_events (post_id, enterprise_id, starts_at, place)
                   select p.id, $1, now() + interval '2 days', '矩阵地点' from p returning post_id),
            su as (insert into public.community_event_signups (post_id, user_id, enterprise_id, status) select ev.post_id, $2, $1, 'going' from ev)
       insert into public.community_post_marks (kind, post_id, user_id, enterprise_id) select 'read', p.id, $2, $1 from p`,
      [t.id, author.userId]);
    // an image of the post that passed WeChat's check (20261216010000_community_images.sql)
    await q(
      `insert into public.community_post_images (enterprise_id, post_id, path, author_id, status)
       select $1::uuid, p.id, $1::text || '/' || gen_random_uuid()::text || '/matrix.png', $2::uuid, 'pass'
         from public.community_posts p where p.enterprise_id = $1::uuid and p.title = '矩阵帖子'`,
      [t.id, author.userId]);
  }
}
const communityRows = (table: string, keyCols: string[], personCol?: string) => async (fx: Fixture): Promise<LabelledRow[]> => {
  await arrangeCommunity(fx);
  return personCol ? tenantPersonRows(table, keyCols, personCol)(fx) : tenantRows(table, keyCols)(fx);
};
const communityMarkRows = async (fx: Fixture): Promise<LabelledRow[]> => {
  await arrangeCommunity(fx);
  const rows = await q<Record<string, string>>(
    `select kind, post_id::text as post_id, user_id::text as user_id, enterprise_id::text as enterprise_id
       from public.community_post_marks where enterprise_id = any($1::uuid[])`, [[fx.A.id, fx.B.id]]);
  return rows.map((r) => ({
    label: `${r.enterprise_id === fx.A.id ? 'A' : 'B'}:${r.kind === 'like' ? 'like' : `${r.kind}:${fx.roleOf.get(r.user_id) ?? 'someone'}`}`,
    key: { kind: r.kind, post_id: r.post_id, user_id: r.user_id },
  }));
};
const communityMembers = byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['A', 'B'], []);
const communityModerators = byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], []);
const communityAuthors = byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['B'], []);

export const RELATIONS: Record<string, RelationExpectation> = {
  // --- tenancy ---------------------------------------------------------------------------------
  enterprises: {
    rows: async (fx) => [{ label: 'A', key: { id: fx.A.id } }, { label: 'B', key: { id: fx.B.id } }],
    select: byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['A', 'B'], ['A', 'B']),
    ...noWrites,
  },
  departments: {
    rows: tenantRows('departments', ['id']),
    select: byRole<SelectOutcome>('denied', ['A'], ['B'], ['A'], ['A', 'B'], []),
    ...noWrites,
  },
  enterprise_members: {
    rows: tenantPersonRows('enterprise_members', ['enterprise_id', 'user_id'], 'user_id'),
    select: byRole<SelectOutcome>('denied', ['A:memberA'], ['B:memberB'], ['A:adminA', 'A:memberA', 'A:both'], ['A:both', 'B:both', 'B:memberB'], []),
    ...noWrites,
  },
  invitations: {
    rows: tenantPersonRows('invitations', ['id'], 'created_by'),
    select: byRole<SelectOutcome>('denied', [], [], ['A:adminA'], ['B:both'], []),
    ...noWrites,
  },
  join_requests: {
    rows: tenantPersonRows('join_requests', ['id'], 'user_id'),
    select: byRole<SelectOutcome>('denied', [], ['A:memberB'], ['A:memberB', 'A:outsider'], ['B:outsider'], []),
    ...noWrites,
  },
  enterprise_phone_allowlist: {
    rows: tenantRows('enterprise_phone_allowlist', ['enterprise_id', 'phone']),
    select: byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], []),
    ...noWrites,
  },
  qualification_documents: {
    rows: tenantRows('qualification_documents', ['id']),
    select: byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], ['A', 'B']),
    ...noWrites,
  },
  // LX 3.3 cancellation requests (20261201090000_operations.sql): the matrix adds one per tenant.
  enterprise_cancellation_requests: {
    rows: async (fx) => {
      await q(
        `insert into public.enterprise_cancellation_requests (enterprise_id, reason)
         select e, '矩阵测试的注销申请原因' from unnest($1::uuid[]) e
          where not exists (select 1 from public.enterprise_cancellation_requests r where r.enterprise_id = e)`,
        [[fx.A.id, fx.B.id]]);
      return tenantRows('enterprise_cancellation_requests', ['id'])(fx);
    },
    select: byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], ['A', 'B']),
    ...noWrites,
  },
  edition_features: {
    rows: publicRows('edition_features', ['edition', 'feature']),
    select: byRole<SelectOutcome>(['public'], ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
  // Issue 14 (20261212020000_kb_quota.sql): the knowledge-base storage quota of each edition
  edition_quotas: {
    rows: publicRows('edition_quotas', ['edition']),
    select: byRole<SelectOutcome>('denied', ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
  notification_kinds: {
    rows: publicRows('notification_kinds', ['kind']),
    select: byRole<SelectOutcome>(['public'], ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
  // --- knowledge base (20261212010000_kb.sql): an enterprise-wide space per tenant, readable by
  // everyone in it; grants only by managers (admins); own reads/favourites/likes only -------------
  kb_nodes: { rows: kbRows(tenantRows('kb_nodes', ['id'])), select: kbReaders, ...noWrites },
  kb_page_contents: { rows: kbRows(tenantRows('kb_page_contents', ['node_id'])), select: kbReaders, ...noWrites },
  kb_page_versions: { rows: kbRows(tenantRows('kb_page_versions', ['id'])), select: kbReaders, ...noWrites },
  kb_comments: { rows: kbRows(tenantRows('kb_comments', ['id'])), select: kbReaders, ...noWrites },
  kb_grants: {
    rows: kbRows(tenantRows('kb_grants', ['id'])),
    select: byRole<SelectOutcome>('denied', [], [], ['A'], ['B'], []),
    ...noWrites,
  },
  kb_reads: { rows: kbRows(tenantPersonRows('kb_reads', ['node_id', 'user_id'], 'user_id')), select: kbOwn, ...noWrites },
  kb_marks: { rows: kbRows(tenantPersonRows('kb_marks', ['node_id', 'kind', 'user_id'], 'user_id')), select: kbOwn, ...noWrites },
  // --- knowledge-base governance (20261215010000_kb_governance.sql) -------------------------------
  kb_page_reviews: { rows: kbGovernanceRows(tenantRows('kb_page_reviews', ['id'])), select: kbAuthorOrManager, ...noWrites },
  member_content_rules: { rows: kbGovernanceRows(tenantRows('member_content_rules', ['enterprise_id'])), select: kbAdminsOnly, ...noWrites },
  former_members: { rows: kbGovernanceRows(tenantRows('former_members', ['enterprise_id', 'user_id'])), select: kbAdminsOnly, ...noWrites },
  // 20261215500000_kb_content.sql: every member of the enterprise reads its page templates
  kb_templates: { rows: kbRows(tenantRows('kb_templates', ['id'])), select: kbReaders, ...noWrites },
  // --- community (20261213010000_community.sql) -------------------------------------------------
  community_sections: { rows: communityRows('community_sections', ['id']), select: communityMembers, ...noWrites },
  community_posts: { rows: communityRows('community_posts', ['id']), select: communityMembers, ...noWrites },
  community_comments: { rows: communityRows('community_comments', ['id']), select: communityMembers, ...noWrites },
  // a like is the tenant's members' to read ('A:like'), a favourite its owner's ('A:favorite:memberA'),
  // a read receipt its owner's and the moderators' ('A:read:memberA')
  community_post_marks: {
    rows: communityMarkRows,
    select: byRole<SelectOutcome>('denied', ['A:like', 'A:favorite:memberA', 'A:read:memberA'], ['B:like', 'B:favorite:memberB', 'B:read:memberB'],
      ['A:like', 'A:read:memberA'], ['A:like', 'B:like', 'B:read:memberB'], []),
    ...noWrites,
  },
  community_report_categories: {
    rows: publicRows('community_report_categories', ['code']),
    select: byRole<SelectOutcome>('denied', ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
  community_cases: { rows: communityRows('community_cases', ['id']), select: communityModerators, ...noWrites },
  community_reports: { rows: communityRows('community_reports', ['id']), select: communityModerators, ...noWrites },
  community_actions: { rows: communityRows('community_actions', ['id']), select: communityAuthors, ...noWrites },
  community_sanctions: { rows: communityRows('community_sanctions', ['id']), select: communityAuthors, ...noWrites },
  community_blocked_words: { rows: communityRows('community_blocked_words', ['enterprise_id', 'word']), select: communityModerators, ...noWrites },
  community_settings: { rows: communityRows('community_settings', ['enterprise_id']), select: communityMembers, ...noWrites },
  // --- community content types (20261213030000_community_types.sql) ----------------------------
  community_polls: { rows: communityRows('community_polls', ['post_id']), select: communityMembers, ...noWrites },
  community_events: { rows: communityRows('community_events', ['post_id']), select: communityMembers, ...noWrites },
  community_poll_votes: {
    rows: communityRows('community_poll_votes', ['post_id', 'user_id'], 'user_id'),
    select: byRole<SelectOutcome>('denied', ['A:memberA'], ['B:memberB'], [], [], []),
    ...noWrites,
  },
  community_event_signups: {
    rows: communityRows('community_event_signups', ['post_id', 'user_id'], 'user_id'),
    select: byRole<SelectOutcome>('denied', ['A:memberA'], ['B:memberB'], ['A:memberA'], ['B:memberB'], []),
    ...noWrites,
  },
  // --- community images (20261216010000_community_images.sql): passed images, as their post ----
  community_post_images: { rows: communityRows('community_post_images', ['id']), select: communityMembers, ...noWrites },
  // --- people (identity) -----------------------------------------------------------------------
  profiles: {
    rows: personRows('profiles', 'id'),
    select: byRole<SelectOutcome>('denied', own('memberA'), own('memberB'), own('adminA'), own('both'), own('operator')),
    ...noWrites,
  },
  consents: {
    rows: personRows('consents', 'user_id'),
    select: byRole<SelectOutcome>('denied', own('memberA'), own('memberB'), own('adminA'), own('both'), own('operator')),
    ...noWrites,
  },
  guardians: {
    rows: personRows('guardians', 'user_id'),
    select: byRole<SelectOutcome>('denied', own('memberA'), own('memberB'), [], [], []),
    ...noWrites,
  },
  notifications: {
    rows: personRows('notifications', 'user_id'),
    select: byRole<SelectOutcome>('denied', own('memberA'), own('memberB'), [], [], []),
    ...noWrites,
  },
  // issue 13 (20261210010000_notification_delivery.sql): the matrix gives memberA/memberB a
  // preference each, and their matrix notice (a mandatory kind) queues a text to their phone.
  notification_preferences: {
    rows: async (fx) => {
      const rows = await q<{ user_id: string; kind: string; channel: string }>(
        `select user_id::text, kind, channel::text from public.notification_preferences where user_id = any($1::uuid[])`,
        [[...fx.roleOf.keys()]]);
      return rows.map((r) => ({ label: `person:${fx.roleOf.get(r.user_id)}`, key: { user_id: r.user_id, kind: r.kind, channel: r.channel } }));
    },
    select: byRole<SelectOutcome>('denied', own('memberA'), own('memberB'), [], [], []),
    ...noWrites,
  },
  notification_deliveries: {
    rows: personRows('notification_deliveries', 'user_id'),
    select: byRole<SelectOutcome>('denied', own('memberA'), own('memberB'), [], [], []),
    ...noWrites,
  },
  account_reports: {
    rows: personRows('account_reports', 'reporter_user_id'),
    // Issue 10: reporters read their reports through my_account_reports() (without the matched account)
    select: byRole<SelectOutcome>('denied', [], [], [], [], ['person:memberA', 'person:memberB']),
    ...noWrites,
  },
  account_actions: {
    rows: personRows('account_actions', 'user_id'),
    select: byRole<SelectOutcome>('denied', [], [], [], [], ['person:memberA', 'person:memberB']),
    ...noWrites,
  },
  operator_audit_log: {
    rows: personRows('operator_audit_log', 'operator_id'),
    select: byRole<SelectOutcome>('denied', [], [], [], [], ['person:memberA', 'person:memberB']),
    ...noWrites,
  },
  agreement_documents: {
    rows: publicRows('agreement_documents', ['id']),
    select: byRole<SelectOutcome>(['public'], ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
  agreement_versions: {
    rows: publicRows('agreement_versions', ['id']),
    select: byRole<SelectOutcome>(['public'], ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
  // --- training (20261211010000_training_schema.sql): the matrix seeds a small course world in A and B.
  // Members read what is published; training managers (admins here) read all of their enterprise's;
  // learners read their own progress, completions, certificates and points; attempts, assignments,
  // the bank and paper contents are the managers'.
  training_courses: { rows: trainingRows('training_courses', ['id']), select: publishedSelect, ...noWrites },
  training_chapters: { rows: trainingRows('training_chapters', ['id']), select: publishedSelect, ...noWrites },
  training_lessons: { rows: trainingRows('training_lessons', ['id']), select: publishedSelect, ...noWrites },
  training_papers: { rows: trainingRows('training_papers', ['id']), select: publishedSelect, ...noWrites },
  training_assignments: { rows: trainingRows('training_assignments', ['id']), select: managersSelect, ...noWrites },
  training_questions: { rows: trainingRows('training_questions', ['id']), select: managersSelect, ...noWrites },
  training_paper_questions: { rows: trainingRows('training_paper_questions', ['paper_id', 'question_id']), select: managersSelect, ...noWrites },
  training_paper_rules: { rows: trainingRows('training_paper_rules', ['id']), select: managersSelect, ...noWrites },
  training_attempts: { rows: trainingPersonRows('training_attempts', ['id']), select: learnerRowsManagersOnly, ...noWrites },
  training_lesson_progress: { rows: trainingPersonRows('training_lesson_progress', ['user_id', 'lesson_id']), select: ownOrManager, ...noWrites },
  training_course_completions: { rows: trainingPersonRows('training_course_completions', ['user_id', 'course_id']), select: ownOrManager, ...noWrites },
  training_certificates: { rows: trainingPersonRows('training_certificates', ['id']), select: ownOrManager, ...noWrites },
  training_points: { rows: trainingPersonRows('training_points', ['id']), select: ownOrManager, ...noWrites },
  training_paths: { rows: trainingRows('training_paths', ['id']), select: publishedSelect, ...noWrites },
  training_path_courses: { rows: trainingRows('training_path_courses', ['path_id', 'course_id']), select: publishedSelect, ...noWrites },
};

/** Rows the matrix adds once for the people (non-tenant tables with no RPC that writes them for us). */
export async function arrangePersonRows(fx: Pick<Fixture, 'users'>): Promise<void> {
  for (const p of ['memberA', 'memberB'] as const) {
    const uid = fx.users[p].userId;
    await q(
      `insert into public.guardians (user_id, guardian_name, relationship, guardian_phone, phone_verified_at, channel, withdrawn_at)
       values ($1, '矩阵监护人', 'mother', '8613900000000', now(), 'h5', now())`, [uid]);
    await q(`insert into public.notifications (user_id, kind, title) values ($1, 'account_action', '矩阵通知')`, [uid]);
    // Its queued text is not due for days: a worker another suite runs meanwhile must neither send
    // it nor re-time it between a probe's before and after snapshots.
    await q(`update public.notification_deliveries set next_attempt_at = now() + interval '2 days'
              where user_id = $1 and status = 'pending'`, [uid]);
    await q(`insert into public.notification_preferences (user_id, kind, channel, enabled) values ($1, 'account_report', 'sms', true)`, [uid]);
    await q(
      `insert into public.account_reports (reporter_user_id, reported_phone, real_name, evidence, contact)
       values ($1, '8613900000001', '矩阵举报人', '矩阵测试的情况说明', '13900000001')`, [uid]);
    await q(`insert into public.account_actions (user_id, action, reason) values ($1, 'warn', '矩阵测试')`, [uid]);
    await q(`insert into public.operator_audit_log (operator_id, action, target_type, target_id) values ($1::uuid, 'matrix.test', 'account', $1::text)`, [uid]);
  }
}

// ------------------------------------------------------------------------------------------------
// Storage (through the Storage API): each bucket × caller × operation on tenant A's folder
// ------------------------------------------------------------------------------------------------
export type StorageOutcome = 'ok' | 'denied';
export interface BucketExpectation {
  /** download A's object */
  select: Record<Role, StorageOutcome>;
  /** upload a new object into A's folder */
  insert: Record<Role, StorageOutcome>;
  /** overwrite A's object */
  update: Record<Role, StorageOutcome>;
  /** remove A's object */
  delete: Record<Role, StorageOutcome>;
}

export const BUCKETS: Record<string, BucketExpectation> = {
  // Issue 10: written by the report-evidence function (or a reporter into their own report's folder),
  // read by nobody through the Storage API: operators get 10-minute links from the function.
  'account-report-evidence': {
    select: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    insert: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    update: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    delete: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
  },
  // Issue 10: birth-date correction evidence, uploaded by a member into `<their user id>/` only (the
  // matrix writes into A's enterprise folder, which is nobody's user id); read by nobody through the
  // Storage API: operators get links of at most an hour from the storage-sign function.
  'birth-date-evidence': {
    select: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    insert: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    update: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    delete: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
  },
  // Issue 16 (training media in 20261211010000_training_schema.sql): A's
  // training managers read and write; members read only what a published course refers to, which
  // the matrix's object is not (course media: tests/integration/training-media.test.ts).
  training: {
    select: byRole<StorageOutcome>('denied', 'denied', 'denied', 'ok', 'denied', 'denied'),
    insert: byRole<StorageOutcome>('denied', 'denied', 'denied', 'ok', 'denied', 'denied'),
    update: byRole<StorageOutcome>('denied', 'denied', 'denied', 'ok', 'denied', 'denied'),
    delete: byRole<StorageOutcome>('denied', 'denied', 'denied', 'ok', 'denied', 'denied'),
  },
  // Issue 14: objects live under `<enterprise>/<node>/<name>`; A's folder holds no node, so nobody
  // reads or writes there (rights per node: tests/integration/kb-permissions.test.ts).
  kb: {
    select: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    insert: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    update: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    delete: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
  },
  // Issue 15 (20261216010000_community_images.sql): objects are `<enterprise>/<upload folder uuid>/<name>`,
  // readable by their uploader and by readers of a post carrying them once checked; the matrix's object
  // right in A's folder is in no post and its path has no upload folder, so nobody reads or writes it
  // (rights per post and enterprise: tests/integration/community-images.test.ts).
  community: {
    select: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    insert: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    update: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    delete: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
  },
  qualifications: {
    // Issue 10: read only through 1-hour links from the storage-sign function, so nobody can sign longer
    select: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    insert: byRole<StorageOutcome>('denied', 'denied', 'denied', 'ok', 'denied', 'denied'),
    update: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
    delete: byRole<StorageOutcome>('denied', 'denied', 'denied', 'denied', 'denied', 'denied'),
  },
};

/** Which buckets each caller sees when listing buckets (clients list none: they use known ids). */
export const BUCKET_LIST: Record<Role, string[] | 'denied'> = byRole<string[] | 'denied'>([], [], [], [], [], []);

// ------------------------------------------------------------------------------------------------
// Functions in `public`
// ------------------------------------------------------------------------------------------------
/** 'ok' = 2xx; 'refused' = 4xx (401 for anon); 'any' = whatever the input makes it, but never 5xx. */
export type RpcOutcome = 'ok' | 'refused' | 'any';

export interface RpcExpectation {
  roles: Record<Role, RpcOutcome>;
  /** named arguments, built from tenant A's ids */
  args: (fx: Fixture, role: Role) => Record<string, unknown>;
  /** callers whose call may change tenant A's rows; every other call leaves A (and B, always) unchanged */
  changesA?: Role[];
  /** the answer may show A's data to callers outside A (e.g. an invitation shown to its invitee) */
  revealsA?: boolean;
}

const R: RpcOutcome = 'refused';
const OK: RpcOutcome = 'ok';
const ANY: RpcOutcome = 'any';
const everyone = byRole(OK, OK, OK, OK, OK, OK);
const signedIn = byRole(R, OK, OK, OK, OK, OK);
const signedInAny = byRole(R, ANY, ANY, ANY, ANY, ANY);
const membersOfA = byRole(R, OK, R, OK, OK, R);
const adminOfA = byRole(R, R, R, OK, R, R);
const operatorOnly = byRole(R, R, R, R, R, OK);
const operatorAny = byRole(R, R, R, R, R, ANY);
const serviceOnly = byRole(R, R, R, R, R, R);
const unknownNode = byRole(R, R, R, R, R, R);
const ZERO = '00000000-0000-4000-8000-000000000000';
const allSignedIn: Role[] = ['memberA', 'memberB', 'adminA', 'both', 'operator'];

export const RPCS: Record<string, RpcExpectation> = {
  // --- community (20261213020000_community_rpcs.sql): RPCs on community objects get unknown ids
  // here (the matrix fixture has none); tests/integration/community-isolation.test.ts calls them
  // on real objects of another tenant.
  community_create_section: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_name: '矩阵新版块' }), changesA: ['adminA'] },
  community_archive_section: { roles: serviceOnly, args: () => ({ p_section_id: ZERO }) },
  community_create_post: { roles: serviceOnly, args: () => ({ p_section_id: ZERO, p_title: '矩阵标题', p_body: { ops: [{ insert: '矩阵\n' }] } }) },
  community_edit_post: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_title: '矩阵标题', p_body: { ops: [{ insert: '矩阵\n' }] } }) },
  community_delete_post: { roles: serviceOnly, args: () => ({ p_post_id: ZERO }) },
  community_pin_post: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_on: true }) },
  community_feature_post: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_on: true }) },
  community_add_comment: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_body_text: '矩阵评论' }) },
  community_delete_comment: { roles: serviceOnly, args: () => ({ p_comment_id: ZERO }) },
  community_set_like: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_on: true }) },
  community_set_favorite: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_on: true }) },
  community_report: { roles: serviceOnly, args: () => ({ p_target_type: 'post', p_target_id: ZERO, p_category: 'ads' }) },
  community_moderation_queue: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  community_moderate: { roles: serviceOnly, args: () => ({ p_case_id: ZERO, p_action: 'hide', p_reason: '矩阵处理' }) },
  community_appeal: { roles: serviceOnly, args: () => ({ p_action_id: ZERO, p_text: '矩阵申诉理由' }) },
  community_decide_appeal: { roles: serviceOnly, args: () => ({ p_action_id: ZERO, p_uphold: true, p_note: '矩阵决定' }) },
  community_set_word_list: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_words: ['矩阵新词'] }), changesA: ['adminA'] },
  community_my_status: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  community_set_settings: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_hide_threshold: 2, p_on_leave: 'hide' }), changesA: ['adminA'] },
  community_word_list: { roles: serviceOnly, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  community_check_record: {
    roles: serviceOnly,
    args: (fx) => ({ p_user_id: fx.users.memberA.userId, p_enterprise_id: fx.A.id, p_title: '矩阵', p_text: '矩阵', p_verdict: 'pass' }),
  },
  community_wechat_openid: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId }) },
  // images (20261216010000_community_images.sql): the publish and message-push functions only
  community_image_check: { roles: serviceOnly, args: () => ({ p_image_id: ZERO, p_label: 'unchecked' }) },
  community_media_verdict: { roles: serviceOnly, args: () => ({ p_trace_id: 'matrix-trace', p_suggest: 'pass', p_label: 100 }) },
  // anonymous questions (20261216020000_community_anonymous.sql): false for a post the caller didn't write
  community_post_mine: { roles: signedIn, args: () => ({ p_post_id: ZERO }) },
  // content types (20261213030000_community_types.sql): unknown post ids here, so every caller is
  // refused; community-types.test.ts exercises them on real posts
  community_poll: { roles: serviceOnly, args: () => ({ p_post_id: ZERO }) },
  community_vote: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_choices: [0] }) },
  community_event_signup: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_on: true }) },
  community_event_attendees: { roles: serviceOnly, args: () => ({ p_post_id: ZERO }) },
  community_accept_answer: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_comment_id: null }) },
  community_event_checkin_code: { roles: serviceOnly, args: () => ({ p_post_id: ZERO }) },
  community_event_check_in: { roles: serviceOnly, args: () => ({ p_post_id: ZERO, p_code: '000000' }) },
  community_mark_read: { roles: serviceOnly, args: () => ({ p_post_id: ZERO }) },
  community_read_receipts: { roles: serviceOnly, args: () => ({ p_post_id: ZERO }) },
  community_run_jobs: { roles: serviceOnly, args: () => ({}) },
  // removing a word that isn't listed: the operator's call succeeds and changes nothing
  platform_set_community_words: { roles: operatorOnly, args: () => ({ p_add: [], p_remove: ['矩阵不存在的词'] }) },

  // --- identity (20261201020000_profiles.sql … 20261201050000_accounts.sql) ----------------------
  get_current_agreements: { roles: everyone, args: () => ({}) },
  report_stolen_account: {
    roles: byRole(ANY, ANY, ANY, ANY, ANY, ANY),
    args: () => ({ p_phone: 'not-a-phone', p_real_name: '矩阵', p_evidence: '矩阵测试', p_contact: 'x' }),
  },
  get_my_profile: { roles: signedIn, args: () => ({}) },
  update_my_profile: { roles: signedIn, args: () => ({ p_display_name: '矩阵改名' }) },
  my_consent_status: { roles: signedIn, args: () => ({}) },
  my_consent_history: { roles: signedIn, args: () => ({}) },
  accept_agreements: { roles: signedInAny, args: () => ({ p_version_ids: [ZERO], p_channel: 'h5' }) },
  withdraw_consent: { roles: signedInAny, args: () => ({ p_document_id: ZERO, p_channel: 'h5' }) },
  set_my_birth_date: { roles: signedInAny, args: () => ({ p_birth_date: '1990-01-01' }) },
  withdraw_guardian_consent: { roles: signedInAny, args: () => ({ p_channel: 'h5' }) },
  mark_notifications_read: { roles: signedIn, args: () => ({ p_ids: [ZERO] }) },
  // notification center (20261210010000_notification_delivery.sql): each caller's own notices only
  my_notifications: { roles: signedIn, args: () => ({ p_before: null, p_limit: 20 }) },
  my_unread_notification_count: { roles: signedIn, args: () => ({}) },
  mark_all_notifications_read: { roles: signedIn, args: () => ({}) },
  my_notification_settings: { roles: signedIn, args: () => ({}) },
  set_notification_preference: { roles: signedIn, args: () => ({ p_kind: 'account_report', p_channel: 'wecom', p_enabled: false }) },
  record_wechat_subscriptions: { roles: signedInAny, args: () => ({ p_template_ids: ['matrixUnknownTemplate'] }) },
  notification_deliveries_claim: { roles: serviceOnly, args: () => ({ p_limit: 1 }) },
  notification_delivery_done: { roles: serviceOnly, args: () => ({ p_id: ZERO, p_claim_id: ZERO, p_result: 'failed' }) },
  platform_act_on_account: {
    roles: operatorOnly,
    args: (fx) => ({ p_user_id: fx.users.memberA.userId, p_action: 'warn', p_reason: '矩阵测试警告' }),
  },
  platform_resolve_account_report: {
    roles: operatorAny,
    args: () => ({ p_report_id: ZERO, p_outcome: 'rejected', p_freeze: false, p_note: '矩阵测试' }),
  },
  // birth-date corrections (20261201040000_minors_guardians.sql)
  request_birth_date_correction: { roles: signedInAny, args: () => ({ p_birth_date: '1990-01-02', p_reason: '矩阵测试的更正原因' }) },
  my_birth_date_corrections: { roles: signedIn, args: () => ({}) },
  platform_list_birth_date_corrections: { roles: operatorOnly, args: () => ({ p_status: 'pending' }) },
  platform_decide_birth_date_correction: {
    roles: operatorAny,
    args: () => ({ p_request_id: ZERO, p_approve: false, p_reason: '矩阵测试' }),
  },
  publish_agreement_version: {
    roles: operatorAny, // an unknown document: never publishes (that would un-clear everyone on the stack)
    args: () => ({ p_document_id: ZERO, p_title: '矩阵', p_body_md: '矩阵' }),
  },
  // service role only (edge functions)
  guardian_issue_code: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId, p_guardian_phone: '13900000000' }) },
  guardian_confirm: {
    roles: serviceOnly,
    args: (fx) => ({
      p_user_id: fx.users.memberA.userId, p_code: '000000', p_guardian_name: '矩阵', p_relationship: 'mother', p_channel: 'h5',
      p_accept_children_statement: true,
    }),
  },
  guardian_link_create: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId, p_guardian_phone: '13900000000' }) },
  guardian_link_view: { roles: serviceOnly, args: () => ({ p_token: 'matrixmatrixmatrixmatrix' }) },
  guardian_link_issue_code: { roles: serviceOnly, args: () => ({ p_token: 'matrixmatrixmatrixmatrix' }) },
  guardian_link_confirm: {
    roles: serviceOnly,
    args: () => ({
      p_token: 'matrixmatrixmatrixmatrix', p_code: '000000', p_guardian_name: '矩阵', p_relationship: 'mother', p_accept_children_statement: true,
    }),
  },
  account_cancel_issue_code: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId }) },
  account_cancel_verify: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId, p_code: '000000' }) },
  // account hardening (20261201050000_accounts.sql)
  my_account_reports: { roles: signedIn, args: () => ({}) },
  // operator rights (20261207005000_operator_rights.sql): a read; 'operator' or null, never a refusal for the signed-in
  my_platform_role: { roles: signedIn, args: () => ({}) },
  account_report_evidence_claim: { roles: serviceOnly, args: () => ({ p_report_id: ZERO, p_token: 'x', p_content_type: 'image/png' }) },
  account_report_evidence_list: { roles: serviceOnly, args: (fx) => ({ p_operator_id: fx.users.operator.userId, p_report_id: ZERO }) },
  sms_deliveries_claim: { roles: serviceOnly, args: () => ({ p_limit: 1 }) },
  sms_delivery_done: { roles: serviceOnly, args: () => ({ p_id: ZERO, p_ok: false }) },
  gate_refresh_batch: { roles: serviceOnly, args: () => ({ p_limit: 1 }) },
  wechat_token_lease: { roles: serviceOnly, args: () => ({ p_app_key: 'matrix|app' }) },
  wechat_token_store: { roles: serviceOnly, args: () => ({ p_app_key: 'matrix|app', p_lease: ZERO, p_token: 't', p_expires_in: 7200 }) },
  wechat_token_release: { roles: serviceOnly, args: () => ({ p_app_key: 'matrix|app', p_lease: ZERO }) },
  password_change_issue_code: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId }) },
  birth_date_evidence_sign_allowed: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.adminA.userId, p_path: 'x/y.pdf' }) },
  storage_sign_allowed: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.adminA.userId, p_bucket: 'qualifications', p_path: 'x/y.pdf' }) },
  password_change_permit: { roles: serviceOnly, args: (fx) => ({ p_user_id: fx.users.memberA.userId, p_code: '000000', p_password: 'x' }) },
  wechat_link_lookup: { roles: serviceOnly, args: () => ({ p_provider: 'wechat', p_subject: 'matrix' }) },
  wechat_user_by_phone: { roles: serviceOnly, args: () => ({ p_phone: '13800000001' }) },
  sms_code_issue: { roles: serviceOnly, args: () => ({ p_phone: '8613900000000', p_sms_type: 'sms', p_gotrue_token: '1234567890' }) },
  sms_code_redeem: { roles: serviceOnly, args: () => ({ p_phone: '8613900000000', p_sms_type: 'sms', p_code: '000000' }) },
  wechat_link_bind: {
    roles: serviceOnly,
    args: (fx) => ({ p_provider: 'wechat', p_subject: 'matrix', p_unionid: 'matrix', p_user_id: fx.users.memberA.userId }),
  },

  // --- membership (20261201060000_enterprises.sql, 20261201070000_invitations_joining.sql) -------
  create_enterprise: {
    roles: signedIn,
    args: () => ({ p_name: '矩阵新企业', p_industry: '软件', p_size_band: '1-49', p_contact_name: '张三', p_contact_phone: '13800000000' }),
  },
  my_enterprises: { roles: signedIn, args: () => ({}) },
  switch_enterprise: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  enterprise_features: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  update_enterprise_settings: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_settings: { members_can_invite: true } }),
    changesA: ['adminA'],
  },
  set_member_role: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_user_id: fx.users.memberA.userId, p_role: 'admin', p_scopes: [] }),
    changesA: ['adminA'],
  },
  create_invitation: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_role: 'member', p_department_id: null, p_valid_hours: 168, p_max_uses: null }),
    changesA: ['adminA'],
  },
  revoke_invitation: { roles: adminOfA, args: (fx) => ({ p_invitation_id: fx.A.invitationId }), changesA: ['adminA'] },
  // Anyone holding the code may see the invitation and answer it: the code is the capability.
  get_invitation: { roles: signedIn, args: (fx) => ({ p_code: fx.A.invitationCode }), revealsA: true },
  accept_invitation: { roles: signedInAny, args: (fx) => ({ p_code: fx.A.invitationCode }), changesA: allSignedIn, revealsA: true },
  decline_invitation: { roles: signedInAny, args: (fx) => ({ p_code: fx.A.invitationCode }), changesA: allSignedIn, revealsA: true },
  decide_join_request: {
    roles: adminOfA,
    args: (fx) => ({ p_request_id: fx.A.requestId, p_approve: true, p_reason: '' }),
    changesA: ['adminA'],
  },
  list_join_requests: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_status: 'pending' }) },
  // the desk members table (20261214010000_admin_member_search.sql): A's admins only
  admin_search_members: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_query: '', p_limit: 20 }) },
  // memberB withdraws their own request into A; everyone else tries the outsider's request
  withdraw_join_request: {
    roles: byRole(R, R, OK, R, R, R),
    args: (fx, role) => ({ p_request_id: role === 'memberB' ? fx.memberBRequestInA : fx.A.requestId }),
    changesA: ['memberB'],
  },
  set_phone_allowlist: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_phones: ['13800000000'] }),
    changesA: ['adminA'],
  },
  leave_enterprise: {
    roles: byRole(R, OK, R, R, OK, R), // adminA is A's last admin
    args: (fx) => ({ p_enterprise_id: fx.A.id }),
    changesA: ['memberA', 'both'],
  },
  remove_member: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_user_id: fx.users.memberA.userId }),
    changesA: ['adminA'],
  },
  submit_qualification: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_kind: 'legal_rep_id', p_object_path: fx.A.objectPath, p_file_name: 'id.png' }),
    changesA: ['adminA'],
  },
  platform_review_qualification: {
    roles: operatorOnly,
    args: (fx) => ({ p_document_id: fx.A.documentId, p_approve: true, p_reason: '' }),
    changesA: ['operator'],
  },

  // --- platform operations (20261201090000_operations.sql) --------------------------------------
  platform_find_account: { roles: operatorAny, args: () => ({ p_phone: '13900000009' }) },
  platform_audit_log: { roles: operatorOnly, args: () => ({ p_target_type: 'account', p_limit: 5 }) },
  // an unknown enterprise / request: never suspends or closes the matrix's tenants
  platform_set_enterprise_status: { roles: operatorAny, args: () => ({ p_enterprise_id: ZERO, p_status: 'suspended', p_reason: '矩阵测试' }) },
  platform_find_enterprises: { roles: operatorOnly, args: (fx) => ({ p_query: fx.A.name }), revealsA: true },
  platform_review_enterprise_cancellation: { roles: operatorAny, args: () => ({ p_request_id: ZERO, p_approve: false, p_reason: '矩阵测试' }) },
  request_enterprise_cancellation: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_reason: '矩阵测试：公司业务调整，申请注销', p_document_paths: [] }),
    changesA: ['adminA'],
  },

  // --- directory (20261201080000_directory.sql) -------------------------------------------------
  create_department: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_parent_id: fx.A.rootDept, p_name: '矩阵新部门' }),
    changesA: ['adminA'],
  },
  rename_department: { roles: adminOfA, args: (fx) => ({ p_department_id: fx.A.childDept, p_name: '矩阵改名' }), changesA: ['adminA'] },
  move_department: { roles: adminOfA, args: (fx) => ({ p_department_id: fx.A.childDept, p_new_parent_id: fx.A.emptyDept }), changesA: ['adminA'] },
  delete_department: { roles: adminOfA, args: (fx) => ({ p_department_id: fx.A.emptyDept }), changesA: ['adminA'] },
  set_department_head: {
    roles: adminOfA,
    args: (fx) => ({ p_department_id: fx.A.childDept, p_user_id: fx.users.memberA.userId }),
    changesA: ['adminA'],
  },
  move_member: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_user_id: fx.users.memberA.userId, p_department_id: fx.A.emptyDept }),
    changesA: ['adminA'],
  },
  // a member edits their own profile; only admins edit someone else's
  update_member_profile: {
    roles: byRole(R, OK, R, OK, R, R),
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_user_id: fx.users.memberA.userId, p_fields: { title: '矩阵职位' } }),
    changesA: ['memberA', 'adminA'],
  },
  department_tree: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },

  // --- knowledge base (20261212010000_kb.sql): node ids the fixture doesn't hold are "not found"
  // for everyone (4xx); per-node rights are covered in kb-permissions.test.ts -----------------------
  kb_create_space: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_kind: 'enterprise', p_title: '矩阵空间' }),
    changesA: ['adminA'],
  },
  kb_create_node: { roles: unknownNode, args: () => ({ p_parent_id: ZERO, p_kind: 'page', p_title: '矩阵' }) },
  kb_rename_node: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_title: '矩阵' }) },
  kb_move_node: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_new_parent_id: ZERO }) },
  kb_save_page: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_delta: { ops: [{ insert: '矩阵\n' }] } }) },
  kb_restore_version: { roles: unknownNode, args: () => ({ p_version_id: ZERO }) },
  kb_set_file: { roles: unknownNode, args: (fx) => ({ p_node_id: ZERO, p_object_path: `${fx.A.id}/${ZERO}/a.pdf`, p_mime: 'application/pdf', p_size: 1 }) },
  // 20261212020000_kb_quota.sql: admins and content managers of A
  kb_storage_usage: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  kb_trash_node: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_restore_node: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_trash: { roles: unknownNode, args: () => ({ p_space_id: ZERO }) },
  kb_set_grants: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_grants: [{ role: 'viewer', kind: 'everyone' }] }) },
  kb_inherit_grants: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_node_access: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_open_page: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_set_mark: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_kind: 'like', p_on: true }) },
  kb_add_comment: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_body: '矩阵评论' }) },
  kb_delete_comment: { roles: unknownNode, args: () => ({ p_comment_id: ZERO }) },
  kb_set_comments_enabled: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_enabled: false }) },
  // 20261215500000_kb_content.sql
  kb_set_space_flag: { roles: unknownNode, args: () => ({ p_space_id: ZERO, p_flag: 'copy_protect', p_on: true }) },
  kb_copy_node: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_create_from_template: { roles: unknownNode, args: () => ({ p_parent_id: ZERO, p_template_id: ZERO, p_title: '矩阵页面' }) },
  kb_save_template: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_title: '矩阵模板' }) },
  kb_delete_template: { roles: unknownNode, args: () => ({ p_template_id: ZERO }) },
  kb_search: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_query: '矩阵' }) },
  kb_recent: { roles: signedIn, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  // 20261215010000_kb_governance.sql: unknown nodes / reviews are "not found" for everyone
  member_content_rule: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  set_member_content_rule: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_rule: 'keep' }), changesA: ['adminA'] },
  kb_submit_page: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_delta: { ops: [{ insert: '矩阵\n' }] } }) },
  kb_review_page: { roles: unknownNode, args: () => ({ p_review_id: ZERO, p_approve: true }) },
  kb_pending_reviews: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  kb_page_governance: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_set_page_owner: { roles: unknownNode, args: (fx) => ({ p_node_id: ZERO, p_owner_id: fx.users.memberA.userId }) },
  kb_set_review_date: { roles: unknownNode, args: () => ({ p_node_id: ZERO, p_due: null }) },
  kb_mark_reviewed: { roles: unknownNode, args: () => ({ p_node_id: ZERO }) },
  kb_stale_pages: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  kb_storage_by_space: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  kb_run_jobs: { roles: serviceOnly, args: () => ({}) },
  directory: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },

  // --- training (20261211020000_training_rpcs.sql) ---------------------------------------------
  // Calls on A's enterprise id; the ones taking a course/paper/attempt id get an unknown one (the
  // matrix world has no training rows per RPC call): refused for everyone, changing nothing.
  // tests/integration/training-isolation.test.ts calls them across tenants with real ids.
  training_save_course: { roles: adminOfA, args: (fx) => ({ p_enterprise_id: fx.A.id, p_title: '矩阵课程' }), changesA: ['adminA'] },
  training_save_question: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_kind: 'true_false', p_stem: '矩阵判断题', p_answer: true }),
    changesA: ['adminA'],
  },
  training_save_paper: {
    roles: serviceOnly, // no questions in A's bank: refused for A's admin by input, for everyone else by rights
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_settings: { title: '矩阵试卷', mode: 'random', pass_score: 1, duration_minutes: 10, rules: [{ count: 1, score: 1 }] } }),
  },
  training_my_assignments: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  training_leaderboard: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
  training_verify_certificate: { roles: everyone, args: () => ({ p_code: 'ABCDEFGHJKMN' }) },
  training_save_chapter: { roles: serviceOnly, args: () => ({ p_course_id: ZERO, p_title: '矩阵章节' }) },
  training_save_lesson: { roles: serviceOnly, args: () => ({ p_chapter_id: ZERO, p_title: '矩阵课时', p_kind: 'text', p_body_delta: { ops: [] } }) },
  training_publish_course: { roles: serviceOnly, args: () => ({ p_course_id: ZERO }) },
  training_assign_course: { roles: serviceOnly, args: () => ({ p_course_id: ZERO, p_target: 'everyone' }) },
  training_question_key: { roles: serviceOnly, args: () => ({ p_question_id: ZERO }) },
  training_course_report: { roles: serviceOnly, args: () => ({ p_course_id: ZERO }) },
  training_course_outline: { roles: serviceOnly, args: () => ({ p_course_id: ZERO }) },
  training_report_progress: { roles: serviceOnly, args: () => ({ p_lesson_id: ZERO, p_position_seconds: 1 }) },
  training_start_attempt: { roles: serviceOnly, args: () => ({ p_paper_id: ZERO }) },
  training_attempt: { roles: serviceOnly, args: () => ({ p_attempt_id: ZERO }) },
  training_save_answer: { roles: serviceOnly, args: () => ({ p_attempt_id: ZERO, p_position: 1, p_answer: 'A' }) },
  training_submit_attempt: { roles: serviceOnly, args: () => ({ p_attempt_id: ZERO }) },
  training_record_leave: { roles: serviceOnly, args: () => ({ p_attempt_id: ZERO }) },
  // 20261211030000_training_paths_reports_jobs.sql
  training_save_path: { roles: serviceOnly, args: (fx) => ({ p_enterprise_id: fx.A.id, p_title: '矩阵路径', p_course_ids: [ZERO] }) },
  training_path_outline: { roles: serviceOnly, args: () => ({ p_path_id: ZERO }) },
  training_import_questions: {
    roles: adminOfA,
    args: (fx) => ({ p_enterprise_id: fx.A.id, p_rows: [{ kind: '判断', stem: '矩阵导入题', answer: '正确' }] }),
    changesA: ['adminA'],
  },
  training_paper_report: { roles: serviceOnly, args: () => ({ p_paper_id: ZERO }) },
  training_course_csv: { roles: serviceOnly, args: () => ({ p_course_id: ZERO }) },
  training_set_archived: { roles: serviceOnly, args: () => ({ p_kind: 'course', p_id: ZERO, p_archived: true }) },
  training_run_jobs: { roles: serviceOnly, args: () => ({}) },
};
