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
  notification_kinds: {
    rows: publicRows('notification_kinds', ['kind']),
    select: byRole<SelectOutcome>(['public'], ['public'], ['public'], ['public'], ['public'], ['public']),
    ...noWrites,
  },
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
};

/** Rows the matrix adds once for the people (non-tenant tables with no RPC that writes them for us). */
export async function arrangePersonRows(fx: Pick<Fixture, 'users'>): Promise<void> {
  for (const p of ['memberA', 'memberB'] as const) {
    const uid = fx.users[p].userId;
    await q(
      `insert into public.guardians (user_id, guardian_name, relationship, guardian_phone, phone_verified_at, channel, withdrawn_at)
       values ($1, '矩阵监护人', 'mother', '8613900000000', now(), 'h5', now())`, [uid]);
    await q(`insert into public.notifications (user_id, kind, title) values ($1, 'account_action', '矩阵通知')`, [uid]);
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
const ZERO = '00000000-0000-4000-8000-000000000000';
const allSignedIn: Role[] = ['memberA', 'memberB', 'adminA', 'both', 'operator'];

export const RPCS: Record<string, RpcExpectation> = {
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
  directory: { roles: membersOfA, args: (fx) => ({ p_enterprise_id: fx.A.id }) },
};
