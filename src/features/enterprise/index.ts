// Public API of the enterprise feature (tenancy: enterprises, invitations, directory, admin).
// The main package's pages (home, sign-in) import a few files directly instead, so the admin
// screens stay in their subpackages: those deep imports are named in eslint.config.mjs.
export * from './services/enterprise.service';
export * from './services/admin.service';
export * from './services/directory.service';
export * from './services/qualification.service';
export type * from './services/enterprise.types';
export { ENTERPRISE_ERROR_MESSAGES, ENTERPRISE_MESSAGES } from './enterprise.messages';
export { inviteLink, JOIN_ROUTE } from './services/invite-link';
export { rememberPendingInvite, clearPendingInvite, pendingInvite, routeAfterSignIn } from './services/pending-invite';
export * from './schemas/enterprise.schema';
export { useEnterpriseStore, selectCurrent } from './store/enterprise.store';
export { useEnterprises } from './hooks/use-enterprises';
export { useEnterprisePage } from './hooks/use-enterprise-page';
export { CreateEnterpriseForm } from './components/create-enterprise-form';
export { EnterpriseList } from './components/enterprise-list';
export { InvitationLanding } from './components/invitation-landing';
export { JoinCodeForm } from './components/join-code-form';
export { DirectoryView, treeOrder } from './components/directory-view';
export { CurrentEnterpriseCard } from './components/current-enterprise-card';
export { MemberCardForm } from './components/member-card-form';
export { QrCode, qrSvg } from './components/qr-code';
export { AdminConsole, type AdminTab } from './components/admin/admin-console';
export * from './components/labels';
