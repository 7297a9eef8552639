import { bindDataLayer, newestFirst } from '../../../lib/data';
import { AppError } from '../../../lib/errors/app-error';
import { actOnAccount, getCurrentAgreements, IDENTITY_MESSAGES, publishAgreementVersion, resolveAccountReport } from '../../identity';
import { platformOpsService } from './platform-ops.service';

// Operator calls. The operator RPCs themselves are wrapped by the identity feature; this adds the
// two reads the ops pages need (who am I, the reports table). Operator codes are identity's.
const db = bindDataLayer(IDENTITY_MESSAGES);

export type OperatorAccess = 'operator' | 'denied' | 'signed-out';

/**
 * Whether the caller may use the ops pages, read from `my_platform_role()`: 'operator' for a
 * platform operator whose own account is cleared (the rule every operator RPC applies), null for
 * everyone else. Signed-out callers get 401 (the function is for signed-in users only).
 */
export async function readOperatorAccess(): Promise<OperatorAccess> {
  try {
    return (await db.callNullable('my_platform_role')) === 'operator' ? 'operator' : 'denied';
  } catch (failure) {
    if (failure instanceof AppError && (failure.status === 401 || failure.code === 'not_authenticated')) return 'signed-out';
    throw failure;
  }
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
export const listAccountReports = (status: 'open' | 'all'): Promise<AccountReport[]> =>
  db.read((c) =>
    newestFirst(
      c
        .from('account_reports')
        .select('id, reported_phone, target_user_id, real_name, evidence, contact, status, resolution_note, froze_account, resolved_at, created_at'),
      status === 'open' ? 'open' : null,
    ).overrideTypes<AccountReport[], { merge: false }>(),
  );

export const opsService = {
  readOperatorAccess,
  listAccountReports,
  getCurrentAgreements,
  publishAgreementVersion,
  actOnAccount,
  resolveAccountReport,
  ...platformOpsService,
};
export type OpsService = typeof opsService;
