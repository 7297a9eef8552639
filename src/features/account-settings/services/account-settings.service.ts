import {
  acceptAgreements,
  confirmCancel,
  getConsentHistory,
  getConsentStatus,
  getCurrentAgreements,
  reportStolenAccount,
  sendCancelCode,
  withdrawConsent,
  withdrawGuardianConsent,
} from '../../identity';

// The calls the settings pages make, gathered so components can take a test double of exactly
// this surface. The wrappers themselves (errors, channel) belong to the identity feature.
export const accountSettingsService = {
  getCurrentAgreements,
  getConsentStatus,
  getConsentHistory,
  withdrawConsent: (documentId: string) => withdrawConsent(documentId),
  acceptAgreements: (versionIds: string[]) => acceptAgreements(versionIds),
  withdrawGuardianConsent: () => withdrawGuardianConsent(),
  sendCancelCode,
  confirmCancel,
  reportStolenAccount,
};
export type AccountSettingsService = typeof accountSettingsService;
