import type { PostgrestError } from '@supabase/supabase-js';
import { AppError, UNKNOWN_ERROR_MESSAGE } from '../../../lib/errors/app-error';
import { supabase } from '../../../lib/supabase/client';
import type { Json } from '../../../lib/supabase/database.types';
import { CHANNEL } from '../../../platform/channel';
import { fromFunctionsError, fromPostgrestError, isGateCode, toIdentityError, type GateCode } from './identity-errors';
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

// Typed wrappers of every identity RPC and edge function (docs/api.md). Each throws AppError
// (code = the server's stable code, message = Chinese). Changes are RPCs/functions (POST): the
// mini-programs have no PATCH, and the database owns the rules.

type GateListener = (code: GateCode) => void;
let gateListener: GateListener | null = null;

/**
 * Whoever routes the app (the gate router) hears of every gate refusal, wherever it happened,
 * so a user who became uncleared mid-session (new agreement version, suspension) is sent on.
 */
export function onGateRefusal(listener: GateListener | null): void {
  gateListener = listener;
}

/** Tells the listener of a gate refusal met anywhere (identity calls, other features' RPCs). */
export function reportGateRefusal(error: AppError): void {
  if (isGateCode(error.code)) gateListener?.(error.code);
}

function raise(error: AppError): never {
  reportGateRefusal(error);
  throw error;
}

async function rpc<T>(call: PromiseLike<{ data: unknown; error: PostgrestError | null }>): Promise<T> {
  let result: { data: unknown; error: PostgrestError | null };
  try {
    result = await call;
  } catch (failure) {
    raise(toIdentityError(failure));
  }
  if (result.error) raise(fromPostgrestError(result.error));
  if (result.data === null || result.data === undefined) raise(new AppError('empty_response', UNKNOWN_ERROR_MESSAGE));
  return result.data as T;
}

async function invoke<T>(name: 'guardian' | 'account-cancel', body: Record<string, unknown>): Promise<T> {
  let result: { data: unknown; error: unknown };
  try {
    result = await supabase.functions.invoke(name, { body });
  } catch (failure) {
    raise(toIdentityError(failure));
  }
  if (result.error) raise(await fromFunctionsError(result.error));
  return result.data as T;
}

// ---- agreements and consent (callable before clearance)

export const getCurrentAgreements = () => rpc<CurrentAgreement[]>(supabase.rpc('get_current_agreements'));

export const getConsentStatus = () => rpc<ConsentStatus>(supabase.rpc('my_consent_status'));

export const getConsentHistory = () => rpc<ConsentRecord[]>(supabase.rpc('my_consent_history'));

/** Send exactly the version ids the user ticked (never pre-ticked). */
export const acceptAgreements = (versionIds: string[], channel = CHANNEL) =>
  rpc<ConsentStatus>(supabase.rpc('accept_agreements', { p_version_ids: versionIds, p_channel: channel }));

/** Optional documents only; required ones answer `consent_required_document`. */
export const withdrawConsent = (documentId: string, channel = CHANNEL) =>
  rpc<ConsentStatus>(supabase.rpc('withdraw_consent', { p_document_id: documentId, p_channel: channel }));

/** `YYYY-MM-DD`; the server computes the age in Asia/Shanghai dates. */
export const setMyBirthDate = (birthDate: string) => rpc<ConsentStatus>(supabase.rpc('set_my_birth_date', { p_birth_date: birthDate }));

export const withdrawGuardianConsent = (channel = CHANNEL) =>
  rpc<ConsentStatus>(supabase.rpc('withdraw_guardian_consent', { p_channel: channel }));

// ---- guardian (edge function)

/** `guardianPhone` in E.164 (+86…). `childName` only names the child in the guardian's SMS (not stored). */
export const sendGuardianCode = (guardianPhone: string, childName?: string) =>
  invoke<CodeSent>('guardian', { action: 'send', guardian_phone: guardianPhone, ...(childName ? { child_name: childName } : {}) });

/** A single-use link (24 h) the guardian opens on their own phone; the code goes to `guardianPhone`. */
export const createGuardianLink = (guardianPhone: string, childName?: string) =>
  invoke<GuardianLink>('guardian', { action: 'create_link', guardian_phone: guardianPhone, ...(childName ? { child_name: childName } : {}) });

// The guardian's side of a link: no account; the token is the authority.
export const viewGuardianLink = (token: string) => invoke<GuardianLinkView>('guardian', { action: 'link_view', token });

export const sendGuardianLinkCode = (token: string) => invoke<CodeSent>('guardian', { action: 'link_send', token });

export const confirmGuardianLink = (input: GuardianLinkConfirmInput) =>
  invoke<{ confirmed: true }>('guardian', {
    action: 'link_confirm',
    token: input.token,
    code: input.code,
    guardian_name: input.guardian_name,
    relationship: input.relationship,
    accept_children_statement: input.accept_children_statement,
  });

export const confirmGuardian = (input: GuardianConfirmInput) =>
  invoke<{ confirmed: true; status: ConsentStatus }>('guardian', {
    action: 'confirm',
    code: input.code,
    guardian_name: input.guardian_name,
    relationship: input.relationship,
    channel: input.channel ?? CHANNEL,
    accept_children_statement: input.accept_children_statement,
  });

// ---- account cancellation (edge function)

export const sendCancelCode = () => invoke<CodeSent>('account-cancel', { action: 'send' });

/** Call only after the user confirmed the irreversible-deletion warning. */
export const confirmCancel = (code: string) =>
  invoke<{ cancelled: true }>('account-cancel', { action: 'confirm', code, acknowledge_irreversible: true });

// ---- reports and notifications

export const reportStolenAccount = (input: StolenAccountReportInput) =>
  rpc<{ id: string; status: 'open' }>(
    supabase.rpc('report_stolen_account', {
      p_phone: input.phone,
      p_real_name: input.realName,
      p_evidence: input.evidence,
      p_contact: input.contact,
      ...(input.evidencePath ? { p_evidence_path: input.evidencePath } : {}),
    }),
  );

export const markNotificationsRead = (ids: string[]) => rpc<number>(supabase.rpc('mark_notifications_read', { p_ids: ids }));

// ---- platform operators

export const publishAgreementVersion = (input: {
  documentId: string;
  title: string;
  bodyMd: string;
  keyClauses?: KeyClause[];
  effectiveAt?: string;
}) =>
  rpc<PublishedVersion>(
    supabase.rpc('publish_agreement_version', {
      p_document_id: input.documentId,
      p_title: input.title,
      p_body_md: input.bodyMd,
      p_key_clauses: (input.keyClauses ?? []) as unknown as Json,
      ...(input.effectiveAt ? { p_effective_at: input.effectiveAt } : {}),
    }),
  );

export const actOnAccount = (userId: string, action: AccountAction, reason: string) =>
  rpc<AccountActionResult>(supabase.rpc('platform_act_on_account', { p_user_id: userId, p_action: action, p_reason: reason }));

export const resolveAccountReport = (reportId: string, outcome: 'confirmed' | 'rejected', freeze: boolean, note: string) =>
  rpc<ReportResolution>(
    supabase.rpc('platform_resolve_account_report', { p_report_id: reportId, p_outcome: outcome, p_freeze: freeze, p_note: note }),
  );

// ---- birth-date corrections (the date is set once; changes are reviewed by an operator)

export const requestBirthDateCorrection = (birthDate: string, reason: string, evidencePath?: string) =>
  rpc<BirthDateCorrection>(
    supabase.rpc('request_birth_date_correction', {
      p_birth_date: birthDate,
      p_reason: reason,
      ...(evidencePath ? { p_evidence_path: evidencePath } : {}),
    }),
  );

export const myBirthDateCorrections = () => rpc<BirthDateCorrection[]>(supabase.rpc('my_birth_date_corrections'));

export const listBirthDateCorrections = (status: CorrectionStatus = 'pending') =>
  rpc<BirthDateCorrectionForReview[]>(supabase.rpc('platform_list_birth_date_corrections', { p_status: status }));

export const decideBirthDateCorrection = (requestId: string, approve: boolean, reason: string) =>
  rpc<BirthDateCorrectionDecision>(
    supabase.rpc('platform_decide_birth_date_correction', { p_request_id: requestId, p_approve: approve, p_reason: reason }),
  );

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
