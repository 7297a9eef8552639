import { useState } from 'react';
import { useLoader } from '../../lib/hooks/use-loader';
import { AccountActionForm, AuditLog, EnterpriseOps, PublishVersionForm, opsService } from '../../features/ops';
import { AccessDenied } from '../../ui/access-denied';
import { DeskShell } from '../../ui/desk-shell';
import { LoadState } from '../../ui/load-state';
import type { OpsDeskProps } from './ops-desk.types';
import { CancellationsTable, CorrectionsTable, QualificationTable, ReportsTable } from './ops-desk-tables';

type Section = 'accounts' | 'reports' | 'qualifications' | 'enterprises' | 'cancellations' | 'corrections' | 'publish' | 'audit';

const GROUPS: { label: string; items: { value: Section; label: string }[] }[] = [
  { label: '账号', items: [{ value: 'accounts', label: '查找与处置账号' }, { value: 'reports', label: '被盗申诉' }] },
  {
    label: '审核',
    items: [
      { value: 'qualifications', label: '企业资质审核' },
      { value: 'enterprises', label: '企业状态' },
      { value: 'cancellations', label: '企业注销申请' },
      { value: 'corrections', label: '出生日期更正' },
    ],
  },
  { label: '协议与审计', items: [{ value: 'publish', label: '发布协议' }, { value: 'audit', label: '审计日志' }] },
];

/**
 * 平台运营 at desk width (H5 ≥ 1024 px): every ops list behind one side navigation, instead of the
 * phone's section chips and the separate corrections page. The database decides who is an operator.
 */
export function OpsDesk({ enabled }: OpsDeskProps) {
  const access = useLoader(() => opsService.readOperatorAccess(), 'access', enabled);
  const [section, setSection] = useState<Section>('accounts');
  // a stolen-account report's account, handed to 查找与处置账号
  const [reportUserId, setReportUserId] = useState('');

  if (!access.data) {
    return <LoadState loading={access.loading} error={access.error} onRetry={access.reload} testId='ops-desk' />;
  }
  if (access.data !== 'operator') {
    return <AccessDenied message='仅平台运营人员可以使用此页面。' testId='ops-denied' />;
  }
  return (
    <DeskShell title='平台运营' subtitle='知享运营后台' testId='ops-desk' value={section} onChange={(v) => setSection(v as Section)} groups={GROUPS}>
      {section === 'accounts' && <AccountActionForm service={opsService} userId={reportUserId} />}
      {section === 'reports' && (
        <ReportsTable
          onActOnAccount={(userId) => {
            setReportUserId(userId);
            setSection('accounts');
          }}
        />
      )}
      {section === 'qualifications' && <QualificationTable />}
      {section === 'enterprises' && <EnterpriseOps service={opsService} withCancellations={false} />}
      {section === 'cancellations' && <CancellationsTable />}
      {section === 'corrections' && <CorrectionsTable />}
      {section === 'publish' && <PublishVersionForm service={opsService} />}
      {section === 'audit' && <AuditLog service={opsService} />}
    </DeskShell>
  );
}
