import { asShape as as, bindDataLayer } from '../../../lib/data';
import { CHANNEL } from '../../../platform/channel';
import { IDENTITY_MESSAGES } from '../identity.messages';
import type {
  AccountAction,
  AccountActionResult,
  CodeSent,
  ConsentRecord,
  ConsentStatus,
  CurrentAgreement,
  BirthDateCorrection,
  BirthDateCorrectionDecision,
  BirthDateCorrectionForReview,
  CorrectionStatus,
  GuardianConfirmInput,
  GuardianLink,
  GuardianLinkConfirmInput,
  GuardianLinkView,
  KeyClause,
  PublishedVersion,
  ReportResolution,
  StolenAccountReportInput,
} from './identity.types';

// Every identity RPC and edge function (docs/api.md) as a plain async function on the data layer
// (docs/data-layer.md): each throws AppError (code = the server's stable code, message = Chinese),
// and a gate refusal reaches the gate router through the data layer's one signal. Changes are
// RPCs/functions (POST): the mini-programs have no PATCH, and the database owns the rules.

const db = bindDataLayer(IDENTITY_MESSAGES);

// ---- agreements and consent (callable before clearance)

export const getCurrentAgreements = () => db.call('get_current_agreements').then(as<CurrentAgreement[]>());

export const getConsentStatus = () => db.call('my_consent_status').then(as<ConsentStatus>());

export const getConsentHistory = () => db.call('my_consent_history').then(as<ConsentRecord[]>());

/** Send exactly the version ids the user ticked (never pre-ticked). */
export const acceptAgreements = (versionIds: string[], channel = CHANNEL) =>
  db.call('accept_agreements', { p_version_ids: versionIds, p_channel: channel }).then(as<ConsentStatus>());

/** Optional documents only; required ones answer `consent_required_document`. */
export const withdrawConsent = (documentId: string, channel = CHANNEL) =>
  db.call('withdraw_consent', { p_document_id: documentId, p_channel: channel }).then(as<ConsentStatus>());

/** `YYYY-MM-DD`; the server computes the age in Asia/Shanghai dates. */
export const setMyBirthDate = (birthDate: string) => db.call('set_my_birth_date', { p_birth_date: birthDate }).then(as<ConsentStatus>());

export const withdrawGuardianConsent = (channel = CHANNEL) =>
  db.call('withdraw_guardian_consent', { p_channel: channel }).then(as<ConsentStatus>());

// ---- guardian (edge function)

/** `guardianPhone` in E.164 (+86…). `childName` only names the child in the guardian's SMS (not stored). */
export const sendGuardianCode = (guardianPhone: string, childName?: string) =>
  db.invoke<CodeSent>('guardian', { action: 'send', guardian_phone: guardianPhone, ...(childName ? { child_name: childName } : {}) });

/** A single-use link (24 h) the guardian opens on their own phone; the code goes to `guardianPhone`. */
export const createGuardianLink = (guardianPhone: string, childName?: string) =>
  db.invoke<GuardianLink>('guardian', { action: 'create_link', guardian_phone: guardianPhone, ...(childName ? { child_name: childName } : {}) });

// The guardian's side of a link: no account; the token is the authority.
export const viewGuardianLink = (token: string) => db.invoke<GuardianLinkView>('guardian', { action: 'link_view', token });

export const sendGuardianLinkCode = (token: string) => db.invoke<CodeSent>('guardian', { action: 'link_send', token });

export const confirmGuardianLink = (input: GuardianLinkConfirmInput) =>
  db.invoke<{ confirmed: true }>('guardian', {
    action: 'link_confirm',
    token: input.token,
    code: input.code,
    guardian_name: input.guardian_name,
    relationship: input.relationship,
    accept_children_statement: input.accept_children_statement,
  });

export const confirmGuardian = (input: GuardianConfirmInput) =>
  db.invoke<{ confirmed: true; status: ConsentStatus }>('guardian', {
    action: 'confirm',
    code: input.code,
    guardian_name: input.guardian_name,
    relationship: input.relationship,
    channel: input.channel ?? CHANNEL,
    accept_children_statement: input.accept_children_statement,
  });

// ---- account cancellation (edge function)

export const sendCancelCode = () => db.invoke<CodeSent>('account-cancel', { action: 'send' });

/** Call only after the user confirmed the irreversible-deletion warning. */
export const confirmCancel = (code: string) =>
  db.invoke<{ cancelled: true }>('account-cancel', { action: 'confirm', code, acknowledge_irreversible: true });

// ---- reports and notifications

export const reportStolenAccount = (input: StolenAccountReportInput) =>
  db.call('report_stolen_account', {
      p_phone: input.phone,
      p_real_name: input.realName,
      p_evidence: input.evidence,
      p_contact: input.contact,
      ...(input.evidencePath ? { p_evidence_path: input.evidencePath } : {}),
    }).then(as<{ id: string; status: 'open' }>());

export const markNotificationsRead = (ids: string[]) => db.call('mark_notifications_read', { p_ids: ids });

// ---- platform operators

export const publishAgreementVersion = (input: {
  documentId: string;
  title: string;
  bodyMd: string;
  keyClauses?: KeyClause[];
  effectiveAt?: string;
}) =>
  db.call('publish_agreement_version', {
      p_document_id: input.documentId,
      p_title: input.title,
      p_body_md: input.bodyMd,
      p_key_clauses: input.keyClauses ?? [],
      ...(input.effectiveAt ? { p_effective_at: input.effectiveAt } : {}),
    }).then(as<PublishedVersion>());

export const actOnAccount = (userId: string, action: AccountAction, reason: string) =>
  db.call('platform_act_on_account', { p_user_id: userId, p_action: action, p_reason: reason }).then(as<AccountActionResult>());

export const resolveAccountReport = (reportId: string, outcome: 'confirmed' | 'rejected', freeze: boolean, note: string) =>
  db.call('platform_resolve_account_report', { p_report_id: reportId, p_outcome: outcome, p_freeze: freeze, p_note: note }).then(as<ReportResolution>());

// ---- birth-date corrections (the date is set once; changes are reviewed by an operator)

export const requestBirthDateCorrection = (birthDate: string, reason: string, evidencePath?: string) =>
  db.call('request_birth_date_correction', {
      p_birth_date: birthDate,
      p_reason: reason,
      ...(evidencePath ? { p_evidence_path: evidencePath } : {}),
    }).then(as<BirthDateCorrection>());

export const myBirthDateCorrections = () => db.call('my_birth_date_corrections').then(as<BirthDateCorrection[]>());

export const listBirthDateCorrections = (status: CorrectionStatus = 'pending') =>
  db.call('platform_list_birth_date_corrections', { p_status: status }).then(as<BirthDateCorrectionForReview[]>());

export const decideBirthDateCorrection = (requestId: string, approve: boolean, reason: string) =>
  db.call('platform_decide_birth_date_correction', { p_request_id: requestId, p_approve: approve, p_reason: reason }).then(as<BirthDateCorrectionDecision>());

export const identityService = {
  getCurrentAgreements,
  getConsentStatus,
  getConsentHistory,
  acceptAgreements,
  withdrawConsent,
  setMyBirthDate,
  withdrawGuardianConsent,
  sendGuardianCode,
  confirmGuardian,
  createGuardianLink,
  viewGuardianLink,
  sendGuardianLinkCode,
  confirmGuardianLink,
  sendCancelCode,
  confirmCancel,
  reportStolenAccount,
  markNotificationsRead,
  publishAgreementVersion,
  actOnAccount,
  resolveAccountReport,
  requestBirthDateCorrection,
  myBirthDateCorrections,
  listBirthDateCorrections,
  decideBirthDateCorrection,
};
export type IdentityService = typeof identityService;
