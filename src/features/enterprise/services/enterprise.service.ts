import { callRpc, callVoid, readRows } from './enterprise.rpc';
import type { AcceptResult, CreateEnterpriseInput, InvitationPreview, MyEnterprise } from './enterprise.types';

// The member's side of tenancy: create, list and switch enterprises, feature gate, invitations.
// Small on purpose: the home page (main package) imports this file and the store only.

export const createEnterprise = (input: CreateEnterpriseInput) =>
  callRpc<string>('create_enterprise', {
    p_name: input.name,
    p_industry: input.industry,
    p_size_band: input.sizeBand,
    p_contact_name: input.contactName,
    p_contact_phone: input.contactPhone,
  });

export const myEnterprises = () => callRpc<MyEnterprise[]>('my_enterprises');

export const switchEnterprise = (enterpriseId: string) => callVoid('switch_enterprise', { p_enterprise_id: enterpriseId });

/** The features of the enterprise's edition: the app's feature gate (the database enforces it too). */
export const enterpriseFeatures = (enterpriseId: string) => callRpc<string[]>('enterprise_features', { p_enterprise_id: enterpriseId });

export const getInvitation = (code: string) => callRpc<InvitationPreview>('get_invitation', { p_code: code });

export const acceptInvitation = (code: string) => callRpc<AcceptResult>('accept_invitation', { p_code: code });

// Answers { status: 'declined' }; nothing in it the screen needs.
export const declineInvitation = (code: string) => callVoid('decline_invitation', { p_code: code });

export const withdrawJoinRequest = (requestId: string) => callVoid('withdraw_join_request', { p_request_id: requestId });

/** The caller's own pending request to join `enterpriseId` (RLS: people read their own requests). */
export async function myPendingRequestId(enterpriseId: string): Promise<string | null> {
  const rows = await readRows<{ id: string }>('join_requests', 'id', (q) => q.eq('enterprise_id', enterpriseId).eq('status', 'pending').limit(1));
  return rows[0]?.id ?? null;
}

export const leaveEnterprise = (enterpriseId: string) => callVoid('leave_enterprise', { p_enterprise_id: enterpriseId });

export const enterpriseService = {
  createEnterprise,
  myEnterprises,
  switchEnterprise,
  enterpriseFeatures,
  getInvitation,
  acceptInvitation,
  declineInvitation,
  withdrawJoinRequest,
  myPendingRequestId,
  leaveEnterprise,
};
export type EnterpriseService = typeof enterpriseService;
