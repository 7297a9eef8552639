// The settings pages speak the identity feature's contracts (docs/api.md); names kept local so the
// components read in their own terms.
export type {
  CurrentAgreement as AgreementDocument,
  ConsentRecord as ConsentHistoryItem,
  ConsentStatus,
  GuardianInfo,
  KeyClause,
  MissingAgreement,
  CodeSent,
  StolenAccountReportInput as StolenReportInput,
} from '../../identity';
