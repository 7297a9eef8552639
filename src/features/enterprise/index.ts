// Public API of the enterprise feature (tenancy: enterprises, invitations, directory, admin).
// The home page (main package) imports only the store, the service and the card directly, not
// this index, so the admin screens stay in their subpackages.
export * from './services/enterprise.service';
export * from './services/admin.service';
export * from './services/directory.service';
export * from './services/qualification.service';
export type * from './services/enterprise.types';
export { ENTERPRISE_ERROR_MESSAGES, ENTERPRISE_MESSAGES } from './enterprise.messages';
export { inviteLink, JOIN_ROUTE } from './services/invite-link';
export * from './schemas/enterprise.schema';
export { useEnterpriseStore, selectCurrent } from './store/enterprise.store';
export { useEnterprises } from './hooks/use-enterprises';
export { useEnterprisePage } from './hooks/use-enterprise-page';
export { useLoader } from './hooks/use-loader';
export { CreateEnterpriseForm } from './components/create-enterprise-form';
export { EnterpriseList } from './components/enterprise-list';
export { InvitationLanding } from './components/invitation-landing';
export { JoinCodeForm } from './components/join-code-form';
export { DirectoryView, treeOrder } from './components/directory-view';
export { CurrentEnterpriseCard } from './components/current-enterprise-card';
export { LoadState } from './components/load-state';
export { QrCode, qrSvg } from './components/qr-code';
export { AdminConsole, type AdminTab } from './components/admin/admin-console';
export * from './components/labels';
