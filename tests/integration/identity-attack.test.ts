// Issue 3 attack tests, generated from the catalog: a signed-in user who is not cleared (no
// consent; or a minor without guardian) calls every RPC, every table write and every edge function
// directly through the gateway, and is refused. A new RPC, writable table or edge function without
// a declared expectation below fails this file, so nobody has to remember to add it.
import fs from 'node:fs';
import path from 'node:path';
import { acceptRequiredAgreements, birthDateForAge, callApi, signInCleared, signInFresh, sql, type SignedInUser } from '../support/clients';
import { THROWAWAY_TABLE_LIKE } from '../support/throwaway';
import { holdAgreements, type AgreementsLock } from '../support/agreement-lock';

/** RPCs a user may call before clearance: read agreements, consent, fix what is missing, or leave. */
const PRE_CLEARANCE_RPCS = new Set([
  'get_current_agreements',
  'get_my_profile',
  'my_consent_status',
  'my_consent_history',
  'accept_agreements',
  'withdraw_consent',
  'set_my_birth_date',
  'withdraw_guardian_consent',
  'mark_notifications_read',
  // notification center (20261210010000_notification_delivery.sql): a member's own inbox and channel
  // choices; a suspended or not-yet-consented member must still read why (account actions, agreement updates)
  'my_notifications', 'my_unread_notification_count', 'mark_all_notifications_read', 'my_notification_settings',
  'set_notification_preference', 'record_wechat_subscriptions',
  'report_stolen_account',
  // anyone checks a certificate code (20261211020000_training_rpcs.sql)
  'training_verify_certificate',
  // a wrong birth date may be what blocks the person (20261201040000_minors_guardians.sql)
  'request_birth_date_correction',
  'my_birth_date_corrections',
  'my_account_reports',
  // reads only the caller's own platform role, so the app can decide which pages to show
  'my_platform_role',
]);
/** RPCs that need clearance (and maybe more): an uncleared caller gets 403. */
const GATED_RPCS = new Set([
  // training (20261211020000_training_rpcs.sql, 20261211030000_training_paths_reports_jobs.sql)
  'training_save_course', 'training_save_chapter', 'training_save_lesson', 'training_publish_course', 'training_assign_course',
  'training_save_question', 'training_question_key', 'training_save_paper', 'training_course_report', 'training_my_assignments',
  'training_course_outline', 'training_report_progress', 'training_start_attempt', 'training_attempt', 'training_save_answer',
  'training_submit_attempt', 'training_record_leave', 'training_leaderboard', 'training_save_path', 'training_path_outline',
  'training_import_questions', 'training_paper_report', 'training_course_csv', 'training_set_archived',
  // knowledge base (20261212010000_kb.sql)
  'kb_add_comment', 'kb_create_node', 'kb_create_space', 'kb_delete_comment', 'kb_inherit_grants', 'kb_move_node',
  'kb_node_access', 'kb_open_page', 'kb_recent', 'kb_rename_node', 'kb_restore_node', 'kb_restore_version',
  'kb_save_page', 'kb_search', 'kb_set_comments_enabled', 'kb_set_file', 'kb_set_grants',
  'kb_set_mark', 'kb_trash', 'kb_trash_node',
  // knowledge-base content (20261215500000_kb_content.sql)
  'kb_copy_node', 'kb_create_from_template', 'kb_delete_template', 'kb_save_template', 'kb_set_space_flag',
  // knowledge-base storage quota (20261212020000_kb_quota.sql)
  'kb_storage_usage',
  // knowledge-base governance (20261215010000_kb_governance.sql)
  'member_content_rule', 'set_member_content_rule', 'kb_submit_page', 'kb_review_page',
  'kb_pending_reviews', 'kb_page_governance', 'kb_set_page_owner', 'kb_set_review_date', 'kb_mark_reviewed',
  'kb_stale_pages', 'kb_storage_by_space',
  // membership (20261201060000_enterprises.sql, 20261201070000_invitations_joining.sql)
  'create_enterprise', 'my_enterprises', 'switch_enterprise', 'enterprise_features', 'update_enterprise_settings',
  'set_member_role', 'create_invitation', 'revoke_invitation', 'get_invitation', 'accept_invitation',
  'decline_invitation', 'decide_join_request', 'withdraw_join_request', 'list_join_requests', 'set_phone_allowlist',
  'leave_enterprise', 'remove_member', 'submit_qualification', 'platform_review_qualification',
  // the desk members table (20261214010000_admin_member_search.sql)
  'admin_search_members',
  // directory (20261201080000_directory.sql)
  'create_department', 'rename_department', 'move_department', 'delete_department', 'set_department_head',
  'move_member', 'update_member_profile', 'department_tree', 'directory',
  'update_my_profile',
  'publish_agreement_version',
  'platform_act_on_account',
  'platform_resolve_account_report',
  // platform operations (20261201090000_operations.sql)
  'platform_find_account', 'platform_audit_log', 'platform_set_enterprise_status', 'platform_find_enterprises',
  'request_enterprise_cancellation', 'platform_review_enterprise_cancellation',
  'platform_list_birth_date_corrections',
  'platform_decide_birth_date_correction',
  // community (20261213020000_community_rpcs.sql)
  'community_create_section', 'community_archive_section', 'community_create_post', 'community_edit_post',
  'community_delete_post', 'community_pin_post', 'community_feature_post', 'community_add_comment',
  'community_delete_comment', 'community_set_like', 'community_set_favorite', 'community_report',
  'community_moderation_queue', 'community_moderate', 'community_appeal', 'community_decide_appeal',
  'community_set_word_list', 'community_set_settings', 'community_my_status', 'platform_set_community_words',
  // community content types (20261213030000_community_types.sql)
  'community_poll', 'community_vote', 'community_event_signup', 'community_event_attendees', 'community_accept_answer',
  'community_mark_read', 'community_read_receipts', 'community_event_checkin_code', 'community_event_check_in',
  // anonymous questions (20261216020000_community_anonymous.sql)
  'community_post_mine',
]);
/** Tables `authenticated` may write directly, and what an uncleared user gets then (none today). */
const WRITABLE_TABLES = new Map<string, 'gated'>();
/** Edge functions that do not answer 403 to an uncleared user, and why. */
const UNGATED_FUNCTIONS: Record<string, string> = {
  health: 'liveness probe, no data',
  'send-sms': 'GoTrue hook, Standard Webhooks signature instead of a user',
  guardian: 'how a minor becomes cleared',
  'account-cancel': 'declining new terms must leave a way out',
  // Uploads are authorised by the report's one-time token (the reporter is often signed out); the
  // operators' `sign` action goes through the gate.
  'report-evidence': 'stolen-account evidence, authorised by the report\'s upload token',
  'sms-deliveries': 'service role only: every user gets 403 service_role_required',
  'notify-deliveries': 'service role only: every user gets 403 service_role_required',
  // Pre-clearance sign-in: they authenticate by a WeChat/WeCom code and hand out a session; the gate
  // applies to what that session does afterwards, as with SMS sign-in. An empty body is a 400.
  'wechat-login': 'sign-in (before consent is possible), authenticated by a wx.login code',
  'wecom-login': 'sign-in (before consent is possible), authenticated by a wx.qy.login code',
  'sms-otp': 'sign-in (before consent is possible): trades a texted code for GoTrue\'s, hands out no session',
  // WeChat's message push (image verdicts): called by WeChat, proven by the push token's signature
  'community-media-push': 'WeChat message push, authenticated by the push token signature (401 without it)',
};

const ZERO = '00000000-0000-4000-8000-000000000000';
const FUNCTIONS_DIR = path.resolve(__dirname, '../../supabase/functions');

async function executableRpcs(): Promise<Array<{ name: string; args: string[] }>> {
  const rows = await sql<{ name: string; args: string[] | null }>(
    `select p.proname as name, p.proargnames[1:p.pronargs] as args -- input arguments only (not RETURNS TABLE columns)
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and has_function_privilege('authenticated', p.oid, 'execute')
      order by 1`,
  );
  return rows.map((r) => ({ name: r.name, args: r.args ?? [] }));
}

async function writableTables(): Promise<Array<{ name: string; privilege: string }>> {
  return sql(
    `select c.relname as name, priv as privilege
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       cross join unnest(array['INSERT', 'UPDATE', 'DELETE']) as priv
      where n.nspname = 'public' and c.relkind in ('r', 'v', 'p') and c.relname not like $1
        and has_table_privilege('authenticated', c.oid, priv)
      order by 1, 2`,
    [THROWAWAY_TABLE_LIKE],
  );
}

function edgeFunctions(): string[] {
  return fs
    .readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(FUNCTIONS_DIR, d.name, 'handler.ts')))
    .map((d) => d.name);
}

async function unclearedUsers(): Promise<Array<[string, SignedInUser, string]>> {
  const noConsent = await signInFresh();
  await noConsent.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(30) });
  const noBirthDate = await signInFresh();
  const minor = await signInFresh();
  await minor.client.rpc('set_my_birth_date', { p_birth_date: birthDateForAge(16) });
  await acceptRequiredAgreements(minor.client);
  return [
    ['an adult without consent', noConsent, 'consent_required'],
    ['a user without birth date', noBirthDate, 'birth_date_required'],
    ['a minor without guardian', minor, 'guardian_required'],
  ];
}

describe('attack: uncleared users are refused everywhere', () => {
  let users: Array<[string, SignedInUser, string]>;
  let lock: AgreementsLock;
  beforeAll(async () => {
    lock = await holdAgreements('rely'); // the minor's expected code is guardian_required
    users = await unclearedUsers();
  });
  afterAll(() => lock?.release());

  it('every executable RPC has a declared expectation', async () => {
    const undeclared = (await executableRpcs()).map((f) => f.name).filter((n) => !PRE_CLEARANCE_RPCS.has(n) && !GATED_RPCS.has(n));
    expect(undeclared).toEqual([]);
  });

  it('every gated RPC answers 403 with the gate’s code (or not_platform_operator) and changes nothing', async () => {
    const fns = (await executableRpcs()).filter((f) => GATED_RPCS.has(f.name));
    expect(fns.length).toBe(GATED_RPCS.size);
    for (const [who, user, code] of users) {
      const before = await sql('select display_name from public.profiles where id = $1', [user.userId]);
      for (const fn of fns) {
        const body: Record<string, unknown> = Object.fromEntries(fn.args.map((a) => [a, null]));
        if ('p_display_name' in body) body.p_display_name = '攻击者';
        const res = await callApi(`/rest/v1/rpc/${fn.name}`, { token: user.token, body });
        expect({ who, fn: fn.name, status: res.status }).toEqual({ who, fn: fn.name, status: 403 });
        expect([code, 'not_platform_operator']).toContain(res.body.message);
      }
      expect(await sql('select display_name from public.profiles where id = $1', [user.userId])).toEqual(before);
    }
  });

  it('every table write granted to authenticated is refused to uncleared users (and none exist unexpectedly)', async () => {
    const tables = await writableTables();
    expect(tables.filter((t) => !WRITABLE_TABLES.has(t.name))).toEqual([]);
  });

  it('every edge function outside the declared list answers 403 with the gate’s code', async () => {
    const names = edgeFunctions();
    for (const listed of Object.keys(UNGATED_FUNCTIONS)) expect(names).toContain(listed); // no stale entries
    const gated = names.filter((n) => !(n in UNGATED_FUNCTIONS));
    for (const [who, user, code] of users) {
      for (const name of gated) {
        const res = await callApi(`/functions/v1/${name}`, { token: user.token, body: {} });
        expect({ who, name, status: res.status, code: res.body?.code }).toEqual({ who, name, status: 403, code });
        expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });
});

describe('attack: consent and guardian records cannot be forged', () => {
  const identityTables = ['consents', 'guardians', 'agreement_documents', 'agreement_versions', 'notifications', 'account_actions', 'account_reports'];

  it('no direct insert/update/delete on identity tables, for anyone, with any payload', async () => {
    const attacker = await signInCleared();
    const victim = await signInCleared();
    const [version] = await sql<{ id: string; document_id: string }>(
      `select id, document_id from public.agreement_versions where document_id = 'a0000000-0000-4000-8000-000000000001' order by version desc limit 1`);
    const forged = {
      user_id: victim.userId, document_id: version.document_id, version_id: version.id, channel: 'h5',
      consented_by: 'guardian', consented_at: '2020-01-01T00:00:00Z',
    };
    const before = await sql<{ n: number }>('select count(*)::int as n from public.consents where user_id = any($1::uuid[])', [[attacker.userId, victim.userId]]);
    for (const table of identityTables) {
      const body = table === 'consents' ? forged : ['guardians', 'notifications', 'account_actions'].includes(table) ? { user_id: victim.userId } : {};
      const insert = await callApi(`/rest/v1/${table}`, { token: attacker.token, body });
      expect({ table, status: insert.status }).toEqual({ table, status: 403 });
      const update = await callApi(`/rest/v1/${table}?id=neq.${ZERO}`, { method: 'PATCH', token: attacker.token, body: { id: ZERO } });
      expect({ table, status: update.status }).toEqual({ table, status: 403 });
      const del = await callApi(`/rest/v1/${table}?id=neq.${ZERO}`, { method: 'DELETE', token: attacker.token });
      expect({ table, status: del.status }).toEqual({ table, status: 403 });
      const anon = await callApi(`/rest/v1/${table}`, { body });
      expect({ table, status: anon.status }).toEqual({ table, status: 401 });
    }
    const after = await sql<{ n: number }>('select count(*)::int as n from public.consents where user_id = any($1::uuid[])', [[attacker.userId, victim.userId]]);
    expect(after).toEqual(before);
  });

  it('RPCs take neither a user nor a time from the client', async () => {
    const attacker = await signInFresh();
    const victim = await signInFresh();
    const current = (await attacker.client.rpc('get_current_agreements')).data as Array<{ version_id: string; required: boolean }>;
    const ids = current.filter((a) => a.required).map((a) => a.version_id);
    for (const extra of [{ p_user_id: victim.userId }, { p_consented_at: '2020-01-01T00:00:00Z' }, { user_id: victim.userId }]) {
      const res = await callApi('/rest/v1/rpc/accept_agreements', { token: attacker.token, body: { p_version_ids: ids, p_channel: 'h5', ...extra } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const birth = await callApi('/rest/v1/rpc/set_my_birth_date', { token: attacker.token, body: { p_birth_date: birthDateForAge(40), p_user_id: victim.userId } });
    expect(birth.status).toBe(404); // no such function signature
    expect(await sql('select 1 from public.consents where user_id = any($1::uuid[])', [[attacker.userId, victim.userId]])).toHaveLength(0);
    const [acc] = await sql<{ birth_date: Date | null }>('select birth_date from private.accounts where user_id = $1', [victim.userId]);
    expect(acc.birth_date).toBeNull();
  });
});
