// Public API of the identity feature (consent gate, agreements, minors, account services).
export * from './services/identity.service';
export type * from './services/identity.types';
export { GATE_CODES, FIXABLE_GATE_CODES, isGateCode, isFixableGate, onGateRefusal, type GateCode } from '../../lib/data';
export { IDENTITY_ERROR_MESSAGES, IDENTITY_MESSAGES } from './identity.messages';
export { parseMarkdown, parseInline, type Block, type Inline } from './services/markdown';
export { CHANNEL, channelOf, type Channel } from '../../platform/channel';
export { checkGate, goToOnboarding, startGateWatch, ONBOARDING_PAGE, HOME_PAGE } from './services/gate-router';
export { useGateStore, type GateState } from './store/gate.store';
export { useOnboarding, stepFor, type OnboardingStep } from './hooks/use-onboarding';
export { MarkdownView } from './components/markdown-view';
export { ConsentCheckbox } from './components/consent-checkbox';
export { AgreementsStep } from './components/agreements-step';
export { BirthDateStep } from './components/birth-date-step';
export { GuardianStep } from './components/guardian-step';
export { GuardianLinkShare } from './components/guardian-link-share';
export { GuardianLinkForm } from './components/guardian-link-form';
export { BirthDateCorrectionForm, type BirthDateCorrectionFormProps, type BirthEvidencePicker } from './components/birth-date-correction-form';
export {
  birthDateEvidenceService,
  checkBirthEvidenceFile,
  chooseBirthEvidenceFile,
  signedBirthEvidenceUrl,
  uploadBirthDateEvidence,
  type BirthDateEvidenceService,
  type BirthEvidenceFile,
} from './services/birth-date-evidence.service';
export { guardianLinkUrl, GUARDIAN_LINK_ROUTE } from './services/guardian-link';
export { BlockedNotice } from './components/blocked-notice';
export { ExitDialog } from './components/exit-dialog';
export { OnboardingSteps } from './components/onboarding-steps';
