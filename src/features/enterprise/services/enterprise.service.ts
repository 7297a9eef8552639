import { asShape } from '../../../lib/data';
import { db } from './enterprise.db';
import type { AcceptResult, CreateEnterpriseInput, InvitationPreview, MyEnterprise } from './enterprise.types';

// The member's side of tenancy: create, list and switch enterprises, feature gate, invitations.
// Small on purpose: the home page (main package) imports this file and the store only.

export const createEnterprise = (input: CreateEnterpriseInput) =>
  db.call('create_enterprise', {
    p_name: input.name,
    p_industry: input.industry,
    p_size_band: input.sizeBand,
    p_contact_name: input.contactName,
    p_contact_phone: input.contactPhone,
  });

export const myEnterprises = () => db.call('my_enterprises').then(asShape<MyEnterprise[]>());

export const switchEnterprise = (enterpriseId: string) => db.run('switch_enterprise', { p_enterprise_id: enterpriseId });

/** The features of the enterprise's edition: the app's feature gate (the database enforces it too). */
export const enterpriseFeatures = (enterpriseId: string) => db.call('enterprise_features', { p_enterprise_id: enterpriseId });

export const getInvitation = (code: string) => db.call('get_invitation', { p_code: code }).then(asShape<InvitationPreview>());

export const acceptInvitation = (code: string) => db.call('accept_invitation', { p_code: code }).then(asShape<AcceptResult>());

// Answers { status: 'declined' }; nothing in it the screen needs.
export const declineInvitation = (code: string) => db.run('decline_invitation', { p_code: code });

export const withdrawJoinRequest = (requestId: string) => db.run('withdraw_join_request', { p_request_id: requestId });

/** The caller's own pending request to join `enterpriseId` (RLS: people read their own requests). */
export async function myPendingRequestId(enterpriseId: string): Promise<string | null> {
  const rows = await db.read((c) => c.from('join_requests').select('id').eq('enterprise_id', enterpriseId).eq('status', 'pending').limit(1));
  return rows[0]?.id ?? null;
}

export const leaveEnterprise = (enterpriseId: string) => db.run('leave_enterprise', { p_enterprise_id: enterpriseId });

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
