import { byIdAndStatus, DecisionList, openOrAll, type DecisionListProps } from '../../../ui/decision-list';
import type { AccountReport, OpsService } from '../services/ops.service';
import { ReportItem } from './report-item';

type Service = Pick<OpsService, 'listAccountReports' | 'resolveAccountReport'>;

/** What the report list loads and shows (the phone list and the desk table share it). */
export function accountReportsList(service: Service, onActOnAccount: (userId: string) => void): DecisionListProps<'open' | 'all', AccountReport> {
  return {
    testId: 'ops-reports',
    className: 'card',
    resultClassName: 'settings-note',
    ...openOrAll('open', '待处理', '没有待处理的申诉', '暂无申诉'),
    load: (filter) => service.listAccountReports(filter),
    itemKey: byIdAndStatus,
    renderItem: (report, onDone) => <ReportItem report={report} service={service} onActOnAccount={onActOnAccount} onResolved={onDone} />,
  };
}

export interface ReportsListProps {
  service: Service;
  onActOnAccount(userId: string): void;
}

/** 账号被盗申诉: open ones first to work through, or all with their outcomes. */
export function ReportsList({ service, onActOnAccount }: ReportsListProps) {
  return <DecisionList {...accountReportsList(service, onActOnAccount)} />;
}
