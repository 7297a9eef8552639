import type { PostgrestError } from '@supabase/supabase-js';
import { supabase } from '../../../lib/supabase/client';
import { actOnAccount, fromPostgrestError, getCurrentAgreements, publishAgreementVersion, resolveAccountReport } from '../../identity';
import { platformOpsService } from './platform-ops.service';

// Operator calls. The operator RPCs themselves are wrapped by the identity feature; this adds the
// two reads the ops pages need (who am I, the reports table).

export type OperatorAccess = 'operator' | 'denied' | 'signed-out';

/**
 * There is no "am I an operator" RPC. Every operator RPC checks the operator first and validates
 * its arguments after, so an invalid action answers `not_platform_operator` to others and
 * `action_invalid` to operators — and writes nothing either way.
 */
export async function probeOperator(): Promise<OperatorAccess> {
  const { error } = await supabase.rpc('platform_act_on_account', { p_user_id: null as unknown as string, p_action: '', p_reason: '' });
  if (!error) return 'operator';
  const failure = fromPostgrestError(error);
  if (failure.code === 'action_invalid') return 'operator';
  if (failure.code === 'not_authenticated') return 'signed-out';
  if (failure.code === 'not_platform_operator' || failure.code.startsWith('account_') || failure.code.endsWith('_required')) return 'denied';
  throw failure;
}

export interface AccountReport {
  id: string;
  reported_phone: string;
  target_user_id: string | null;
  real_name: string;
  evidence: string;
  contact: string;
  status: 'open' | 'confirmed' | 'rejected';
  resolution_note: string | null;
  froze_account: boolean;
  resolved_at: string | null;
  created_at: string;
}

/** Newest first; RLS shows operators every report (others only their own). */
export async function listAccountReports(status: 'open' | 'all'): Promise<AccountReport[]> {
  let query = supabase
    .from('account_reports')
    .select('id, reported_phone, target_user_id, real_name, evidence, contact, status, resolution_note, froze_account, resolved_at, created_at')
    .order('created_at', { ascending: false })
    .limit(100);
  if (status === 'open') query = query.eq('status', 'open');
  const { data, error } = await query;
  if (error) throw fromPostgrestError(error as PostgrestError);
  return (data ?? []) as AccountReport[];
}

export const opsService = {
  probeOperator,
  listAccountReports,
  getCurrentAgreements,
  publishAgreementVersion,
  actOnAccount,
  resolveAccountReport,
  ...platformOpsService,
};
export type OpsService = typeof opsService;
