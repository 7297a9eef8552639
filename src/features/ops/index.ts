// Public API of the ops feature (platform operators, H5 subpackage).
export { OpsConsole } from './components/ops-console';
export { opsService, probeOperator, listAccountReports, type OpsService, type OperatorAccess, type AccountReport } from './services/ops.service';
