import { asShape, bindDataLayer, newestFirst } from '../../../lib/data';
import { IDENTITY_MESSAGES } from '../../identity';

// Platform operations beyond identity (20261201090000_operations.sql): finding an account by
// phone, the audit log, enterprise status and cancellation requests. The database checks the
// operator and audits every change; these are thin calls.

const db = bindDataLayer(IDENTITY_MESSAGES);

export interface FoundAccount {
  user_id: string;
  phone_masked: string;
  display_name: string;
  account_status: 'active' | 'restricted' | 'suspended' | 'terminated';
  status_changed_at: string | null;
  age_band: 'unknown' | 'under_14' | 'under_18' | 'adult';
  created_at: string;
  is_operator: boolean;
  enterprises: Array<{ id: string; name: string; role: string; status: string }>;
  recent_actions: Array<{ action: string; reason: string; created_at: string }>;
}

export const findAccount = (phone: string): Promise<FoundAccount> =>
  db.call('platform_find_account', { p_phone: phone }).then(asShape<FoundAccount>());

export interface AuditEntry {
  id: number;
  operator_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  reason: string;
  before: unknown;
  after: unknown;
  created_at: string;
}

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  operatorId?: string;
  /** keyset paging: entries older than this id */
  beforeId?: number;
  limit?: number;
}

/** Newest first, `limit` at a time; the next page starts before the last id shown. */
export async function listAuditLog(filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const rows = await db.callNullable('platform_audit_log', {
    p_target_type: filter.targetType || undefined,
    p_target_id: filter.targetId || undefined,
    p_operator_id: filter.operatorId || undefined,
    p_before_id: filter.beforeId,
    p_limit: filter.limit ?? 20,
  });
  return rows ?? [];
}

export type EnterpriseStatus = 'normal' | 'suspended' | 'closed';

export interface FoundEnterprise {
  id: string;
  name: string;
  status: EnterpriseStatus;
  status_reason: string;
  edition: string;
  qualification_status: string;
  member_count: number;
  created_at: string;
}

export const findEnterprises = (query: string): Promise<FoundEnterprise[]> =>
  db.call('platform_find_enterprises', { p_query: query }).then(asShape<FoundEnterprise[]>());

export const setEnterpriseStatus = (enterpriseId: string, status: EnterpriseStatus, reason: string): Promise<void> =>
  db.run('platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: status, p_reason: reason });

export interface CancellationRequest {
  id: string;
  enterprise_id: string;
  reason: string;
  document_paths: string[];
  status: 'pending' | 'approved' | 'rejected';
  review_reason: string;
  created_at: string;
  enterprises: { name: string } | null;
}

/** Pending first to work through, or all; RLS shows operators every request. */
export const listCancellationRequests = (filter: 'pending' | 'all'): Promise<CancellationRequest[]> =>
  db.read((c) =>
    newestFirst(
      c.from('enterprise_cancellation_requests').select('id, enterprise_id, reason, document_paths, status, review_reason, created_at, enterprises(name)'),
      filter === 'pending' ? 'pending' : null,
    ).overrideTypes<CancellationRequest[], { merge: false }>(),
  );

export const reviewCancellation = (requestId: string, approve: boolean, reason: string): Promise<void> =>
  db.run('platform_review_enterprise_cancellation', { p_request_id: requestId, p_approve: approve, p_reason: reason });

export const platformOpsService = { findAccount, listAuditLog, findEnterprises, setEnterpriseStatus, listCancellationRequests, reviewCancellation };
export type PlatformOpsService = typeof platformOpsService;
