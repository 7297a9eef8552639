// Shapes of the identity RPC / edge-function results (docs/api.md). The database returns json, so
// the generated types say `Json`; these are the documented contracts.
import type { Channel } from '../../../platform/channel';

export type { Channel };
export type DocumentKind = 'service' | 'privacy' | 'children_privacy' | 'service_specific';
export type Audience = 'everyone' | 'under_18' | 'under_14';
export type AgeBand = 'unknown' | 'under_14' | 'under_18' | 'adult';
export type GuardianStatus = 'not_needed' | 'missing' | 'confirmed' | 'withdrawn';
export type AccountStatus = 'active' | 'restricted' | 'suspended' | 'terminated';
export type GuardianRelationship = 'father' | 'mother' | 'grandparent' | 'other_guardian';

// A type alias, not an interface: it is sent as jsonb, and aliases are assignable to `Json`.
export type KeyClause = {
  id: string;
  title: string;
};

/** The fields every agreement row carries: the document and its current version. */
interface AgreementVersion {
  document_id: string;
  slug: string;
  kind: DocumentKind;
  title: string;
  required: boolean;
  audience: Audience;
  version_id: string;
  version: number;
  version_title: string;
  effective_at: string;
}

export interface CurrentAgreement extends AgreementVersion {
  body_md: string;
  key_clauses: KeyClause[];
  published_at: string;
}

export interface MissingAgreement extends AgreementVersion {
  needs_guardian: boolean;
  previously_consented_version: number | null;
}

export interface GuardianInfo {
  needed: boolean;
  status: GuardianStatus;
  name: string | null;
  relationship: GuardianRelationship | null;
  phone_masked: string | null;
  confirmed_at: string | null;
  children_statement_needed: boolean;
}

export interface ConsentStatus {
  cleared: boolean;
  gate: string | null;
  gate_hint: string | null;
  missing: MissingAgreement[];
  birth_date_set: boolean;
  birth_date_locked: boolean;
  age_band: AgeBand;
  guardian: GuardianInfo;
  account_status: AccountStatus;
}

export interface ConsentRecord {
  id: string;
  document_id: string;
  slug: string;
  kind: DocumentKind;
  title: string;
  version_id: string;
  version: number;
  version_title: string;
  channel: Channel;
  consented_by: 'self' | 'guardian';
  guardian_name: string | null;
  guardian_relationship: GuardianRelationship | null;
  consented_at: string;
  withdrawn_at: string | null;
  withdrawn_channel: Channel | null;
}

export interface CodeSent {
  sent: true;
  phone_masked: string;
  expires_in: number;
  resend_after: number;
}

export interface GuardianConfirmInput {
  code: string;
  guardian_name: string;
  relationship: GuardianRelationship;
  accept_children_statement: boolean;
  channel?: Channel;
}

export interface StolenAccountReportInput {
  phone: string;
  realName: string;
  evidence: string;
  contact: string;
  evidencePath?: string;
}

export type AccountAction = 'warn' | 'restrict' | 'suspend' | 'terminate' | 'restore';

export interface PublishedVersion {
  id: string;
  document_id: string;
  version: number;
  title: string;
  effective_at: string;
}

export interface AccountActionResult {
  id: string;
  user_id: string;
  action: AccountAction;
  reason: string;
  sessions_ended: boolean;
  account_status: AccountStatus;
}

export interface ReportResolution {
  id: string;
  status: string;
  froze_account: boolean;
  resolved_at: string;
}

export interface GuardianLink {
  /** secret: whoever holds it can ask the code to the guardian phone; share only with the guardian */
  token: string;
  expires_at: string;
  phone_masked: string;
}

/** What the guardian sees when opening a link (the child masked; never the child's account data). */
export interface GuardianLinkView {
  child_label: string;
  age_band: AgeBand;
  children_statement_needed: boolean;
  guardian_phone_masked: string;
  expires_at: string;
}

export interface GuardianLinkConfirmInput {
  token: string;
  code: string;
  guardian_name: string;
  relationship: GuardianRelationship;
  accept_children_statement: boolean;
}

export type CorrectionStatus = 'pending' | 'approved' | 'rejected';

export interface BirthDateCorrection {
  id: string;
  current_birth_date: string;
  claimed_birth_date: string;
  reason: string;
  evidence_path: string | null;
  status: CorrectionStatus;
  created_at: string;
  decided_at: string | null;
  decision_reason: string | null;
}

export interface BirthDateCorrectionForReview extends BirthDateCorrection {
  user_id: string;
  display_name: string;
  phone_masked: string;
  current_age_band: AgeBand;
  claimed_age_band: AgeBand;
  account_status: AccountStatus;
}

export interface BirthDateCorrectionDecision {
  request: BirthDateCorrection;
  status: ConsentStatus;
}
