import { asShape } from '../../../lib/data';
import { db } from './enterprise.db';
import type {
  CancellationRequest,
  CreatedInvitation,
  EnterpriseSettings,
  InvitationRow,
  JoinRequestRow,
  ManagerScope,
  MemberRole,
  MemberRow,
} from './enterprise.types';

// The enterprise admin's calls (subpackage `packages/admin`). Reads are RLS-scoped selects
// (admins read their enterprise's rows); every change is an RPC.

/** `returns table(...)` functions that answer exactly one row. */
function firstRow<T>(rows: T[]): T {
  if (!rows[0]) throw db.error('empty_response');
  return rows[0];
}

export const listMembers = (enterpriseId: string) =>
  db.read((c) => c.from('enterprise_members').select('user_id, role, scopes, department_id, display_name, title, employee_no, joined_at').eq('enterprise_id', enterpriseId).order('joined_at', { ascending: true }).limit(1000).overrideTypes<MemberRow[], { merge: false }>());

export const setMemberRole = (enterpriseId: string, userId: string, role: MemberRole, scopes: ManagerScope[] = []) =>
  db.run('set_member_role', { p_enterprise_id: enterpriseId, p_user_id: userId, p_role: role, p_scopes: scopes });

export const removeMember = (enterpriseId: string, userId: string) =>
  db.run('remove_member', { p_enterprise_id: enterpriseId, p_user_id: userId });

export const moveMember = (enterpriseId: string, userId: string, departmentId: string | null) =>
  db.run('move_member', { p_enterprise_id: enterpriseId, p_user_id: userId, p_department_id: departmentId });

export const listInvitations = (enterpriseId: string) =>
  db.read((c) => c.from('invitations').select('id, code, role, department_id, expires_at, max_uses, use_count, revoked_at, created_at').eq('enterprise_id', enterpriseId).order('created_at', { ascending: false }).limit(50).overrideTypes<InvitationRow[], { merge: false }>());

export interface InvitationOptions {
  role: MemberRole;
  departmentId?: string | null;
  validHours: number;
  maxUses?: number | null;
}

export const createInvitation = (enterpriseId: string, options: InvitationOptions) =>
  db.call('create_invitation', {
    p_enterprise_id: enterpriseId,
    p_role: options.role,
    p_department_id: options.departmentId ?? null,
    p_valid_hours: options.validHours,
    p_max_uses: options.maxUses ?? null,
  }).then(firstRow<CreatedInvitation>);

export const revokeInvitation = (invitationId: string) => db.run('revoke_invitation', { p_invitation_id: invitationId });

/** The review list (RPC: applicants' profiles are private, the function shows name and masked phone). */
export const listJoinRequests = (enterpriseId: string, status: 'pending' | 'all' = 'pending') =>
  db.call('list_join_requests', { p_enterprise_id: enterpriseId, p_status: status }).then(asShape<JoinRequestRow[]>());

export const decideJoinRequest = (requestId: string, approve: boolean, reason = '') =>
  db.run('decide_join_request', { p_request_id: requestId, p_approve: approve, p_reason: reason });

export async function getSettings(enterpriseId: string): Promise<EnterpriseSettings | null> {
  const rows = await db.read((c) => c.from('enterprises').select('name, industry, size_band, contact_name, contact_phone, join_rule, members_can_invite, directory_scope, directory_hidden_fields').eq('id', enterpriseId).limit(1).overrideTypes<EnterpriseSettings[], { merge: false }>());
  return rows[0] ?? null;
}

export const updateSettings = (enterpriseId: string, settings: Partial<EnterpriseSettings>) =>
  db.run('update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: settings });

export const listAllowlist = async (enterpriseId: string) =>
  (await db.read((c) => c.from('enterprise_phone_allowlist').select('phone').eq('enterprise_id', enterpriseId).limit(5000))).map(
    (r) => r.phone,
  );

/** Replaces the allow-list; returns how many phones it now holds. */
export const setPhoneAllowlist = (enterpriseId: string, phones: string[]) =>
  db.call('set_phone_allowlist', { p_enterprise_id: enterpriseId, p_phones: phones });

/** The enterprise's cancellation requests, newest first (RLS: its admins, also once it is closed). */
export const listCancellationRequests = (enterpriseId: string) =>
  db.read((c) => c.from('enterprise_cancellation_requests').select('id, status, reason, review_reason, created_at, reviewed_at').eq('enterprise_id', enterpriseId).order('created_at', { ascending: false }).limit(20).overrideTypes<CancellationRequest[], { merge: false }>());

/** LX 3.3: asks the platform to cancel the enterprise; an operator approves (closed) or rejects. */
export const requestCancellation = (enterpriseId: string, reason: string) =>
  db.call('request_enterprise_cancellation', { p_enterprise_id: enterpriseId, p_reason: reason }).then(asShape<{ id: string; status: 'pending' }>());

export const adminService = {
  listMembers,
  setMemberRole,
  removeMember,
  moveMember,
  listInvitations,
  createInvitation,
  revokeInvitation,
  listJoinRequests,
  decideJoinRequest,
  getSettings,
  updateSettings,
  listAllowlist,
  setPhoneAllowlist,
  listCancellationRequests,
  requestCancellation,
};
export type AdminService = typeof adminService;
