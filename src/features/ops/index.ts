// Public API of the ops feature (platform operators, H5 subpackage).
export { OpsConsole } from './components/ops-console';
// the desk ops console (H5 ≥ 1024 px) lays these out itself
export { AccountActionForm } from './components/account-action-form';
export { ReportsList, accountReportsList } from './components/reports-list';
export { REPORT_STATUS } from './components/report-item';
export { cancellationRequestsList, CANCELLATION_STATUS } from './components/cancellation-requests';
export { PublishVersionForm } from './components/publish-version-form';
export { opsService, readOperatorAccess, listAccountReports, type OpsService, type OperatorAccess, type AccountReport } from './services/ops.service';
export { AuditLog } from './components/audit-log';
export { EnterpriseOps } from './components/enterprise-ops';
export { platformOpsService, type PlatformOpsService, type FoundAccount, type AuditEntry, type FoundEnterprise, type CancellationRequest } from './services/platform-ops.service';
