// Shapes of the tenancy RPCs (docs/api.md "Enterprises" / "Directory"), as the app reads them:
// the generated Database types say `string` where the SQL checks an enum; these say which values.

export type Edition = 'basic' | 'professional' | 'private';
export type MemberRole = 'admin' | 'member';
export type ManagerScope = 'content' | 'training' | 'community' | 'service';
export type JoinRule = 'invite' | 'approval' | 'allowlist';
export type DirectoryScope = 'all' | 'department';
export type DirectoryField = 'phone' | 'email' | 'title' | 'employee_no';
export type QualificationStatus = 'none' | 'pending' | 'approved' | 'rejected';
export type QualificationKind = 'business_licence' | 'legal_rep_id';
export type SizeBand = '1-49' | '50-199' | '200-999' | '1000+';
export type EnterpriseStatus = 'normal' | 'suspended' | 'closed';
export type CancellationStatus = 'pending' | 'approved' | 'rejected';
export type InvitationState = 'valid' | 'expired' | 'revoked' | 'used_up' | 'already_member' | 'pending_request';

export interface MyEnterprise {
  id: string;
  name: string;
  industry: string;
  edition: Edition;
  role: MemberRole;
  scopes: ManagerScope[];
  is_current: boolean;
  qualification_status: QualificationStatus;
  member_count: number;
  /** suspended: read-only; closed: final, only leaving works (docs/api.md "Enterprise status") */
  status: EnterpriseStatus;
  status_reason: string;
}

/** A row of enterprise_cancellation_requests as its enterprise's admins read it (LX 3.3). */
export interface CancellationRequest {
  id: string;
  status: CancellationStatus;
  reason: string;
  review_reason: string;
  created_at: string;
  reviewed_at: string | null;
}

export interface CreateEnterpriseInput {
  name: string;
  industry: string;
  sizeBand: SizeBand;
  contactName: string;
  contactPhone: string;
}

export interface InvitationPreview {
  enterprise_id: string;
  enterprise_name: string;
  industry: string;
  inviter_name: string;
  role: MemberRole;
  expires_at: string;
  join_rule: JoinRule;
  state: InvitationState;
}

export interface CreatedInvitation {
  id: string;
  code: string;
  expires_at: string;
}

export interface AcceptResult {
  enterprise_id: string;
  status: 'joined' | 'pending';
}

export interface EnterpriseSettings {
  name: string;
  industry: string;
  size_band: SizeBand;
  contact_name: string;
  contact_phone: string;
  join_rule: JoinRule;
  members_can_invite: boolean;
  directory_scope: DirectoryScope;
  directory_hidden_fields: DirectoryField[];
}

export interface DepartmentNode {
  id: string;
  parent_id: string | null;
  name: string;
  depth: number;
  head_user_id: string | null;
  head_name: string | null;
  member_count: number;
}

export interface DirectoryEntry {
  user_id: string;
  display_name: string;
  department_id: string | null;
  department_name: string | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  employee_no: string | null;
  role: MemberRole;
  is_head: boolean;
}

/** A row of public.enterprise_members as admins read it (RLS: admins see their enterprise's). */
export interface MemberRow {
  user_id: string;
  role: MemberRole;
  scopes: ManagerScope[];
  department_id: string | null;
  display_name: string;
  title: string;
  employee_no: string;
  joined_at: string;
}

export type AccountStatus = 'active' | 'restricted' | 'suspended' | 'terminated';

/** What the desk members table asks `admin_search_members` for. */
export interface MemberSearch {
  /** name, employee number or title; 3–11 digits: the tail of the phone number */
  query?: string;
  departmentId?: string | null;
  role?: MemberRole | null;
  status?: AccountStatus | null;
  offset?: number;
  limit?: number;
}

export interface MemberSearchRow extends MemberRow {
  phone_masked: string;
  account_status: AccountStatus;
}

export interface MemberSearchPage {
  total: number;
  offset: number;
  limit: number;
  rows: MemberSearchRow[];
}

export interface InvitationRow {
  id: string;
  code: string;
  role: MemberRole;
  department_id: string | null;
  expires_at: string;
  max_uses: number | null;
  use_count: number;
  revoked_at: string | null;
  created_at: string;
}

/** A row of list_join_requests (admins). */
export interface JoinRequestRow {
  id: string;
  user_id: string;
  display_name: string;
  /** e.g. 138****5678 */
  phone_masked: string | null;
  invitation_id: string | null;
  inviter_name: string | null;
  role: MemberRole;
  department_id: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'declined' | 'withdrawn';
  reason: string;
  created_at: string;
  decided_at: string | null;
}

export interface QualificationDocument {
  id: string;
  enterprise_id: string;
  kind: QualificationKind;
  object_path: string;
  file_name: string;
  status: 'pending' | 'approved' | 'rejected';
  review_reason: string;
  created_at: string;
  reviewed_at: string | null;
}

/** What a member may edit of themselves in an enterprise; the employee number is the admins'. */
export interface MemberCard {
  display_name: string;
  title: string;
  email: string;
  employee_no: string;
}
