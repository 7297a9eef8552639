import type { PostgrestError } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase/client';
import { fromPostgrestError } from '../../identity';

// Platform operations beyond identity (20261206040000_platform_ops.sql): finding an account by
// phone, the audit log, enterprise status and cancellation requests. The database checks the
// operator and audits every change; these are thin calls.

const fail = (error: PostgrestError | null) => {
  if (error) throw fromPostgrestError(error);
};

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

export async function findAccount(phone: string): Promise<FoundAccount> {
  const { data, error } = await supabase.rpc('platform_find_account', { p_phone: phone });
  fail(error);
  return data as unknown as FoundAccount;
}

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
  const { data, error } = await supabase.rpc('platform_audit_log', {
    p_target_type: filter.targetType || undefined,
    p_target_id: filter.targetId || undefined,
    p_operator_id: filter.operatorId || undefined,
    p_before_id: filter.beforeId,
    p_limit: filter.limit ?? 20,
  });
  fail(error);
  return (data ?? []) as AuditEntry[];
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

export async function findEnterprises(query: string): Promise<FoundEnterprise[]> {
  const { data, error } = await supabase.rpc('platform_find_enterprises', { p_query: query });
  fail(error);
  return (data ?? []) as FoundEnterprise[];
}

export async function setEnterpriseStatus(enterpriseId: string, status: EnterpriseStatus, reason: string): Promise<void> {
  const { error } = await supabase.rpc('platform_set_enterprise_status', { p_enterprise_id: enterpriseId, p_status: status, p_reason: reason });
  fail(error);
}

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
export async function listCancellationRequests(filter: 'pending' | 'all'): Promise<CancellationRequest[]> {
  let query = supabase
    .from('enterprise_cancellation_requests')
    .select('id, enterprise_id, reason, document_paths, status, review_reason, created_at, enterprises(name)')
    .order('created_at', { ascending: false })
    .limit(100);
  if (filter === 'pending') query = query.eq('status', 'pending');
  const { data, error } = await query;
  fail(error as PostgrestError | null);
  return (data ?? []) as unknown as CancellationRequest[];
}

export async function reviewCancellation(requestId: string, approve: boolean, reason: string): Promise<void> {
  const { error } = await supabase.rpc('platform_review_enterprise_cancellation', { p_request_id: requestId, p_approve: approve, p_reason: reason });
  fail(error);
}

export const platformOpsService = {
  findAccount,
  listAuditLog,
  findEnterprises,
  setEnterpriseStatus,
  listCancellationRequests,
  reviewCancellation,
};
export type PlatformOpsService = typeof platformOpsService;
