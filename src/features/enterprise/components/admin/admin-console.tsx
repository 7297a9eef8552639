import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { useWideScreen } from '../../../../lib/hooks/use-wide-screen';
import { enterpriseService } from '../../services/enterprise.service';
import type { MyEnterprise } from '../../services/enterprise.types';
import { AccessDenied } from '../../../../ui/access-denied';
import { ChoiceChips } from '../../../../ui/choice-chips';
import { EnterpriseStatusNotice } from '../enterprise-status-notice';
import { EDITION_LABEL } from '../labels';
import { AdminDesk } from './admin-desk';
import { CancellationPanel } from './cancellation-panel';
import { DepartmentsPanel } from './departments-panel';
import { InvitationsPanel } from './invitations-panel';
import { JoinRequestsPanel } from './join-requests-panel';
import { MembersPanel } from './members-panel';
import { QualificationPanel } from './qualification-panel';
import { SettingsPanel } from './settings-panel';

export type AdminTab = 'members' | 'invitations' | 'requests' | 'departments' | 'settings' | 'qualification' | 'cancellation';

const TABS: { value: AdminTab; label: string }[] = [
  { value: 'members', label: '成员' },
  { value: 'invitations', label: '邀请' },
  { value: 'requests', label: '加入申请' },
  { value: 'departments', label: '部门' },
  { value: 'settings', label: '设置' },
  { value: 'qualification', label: '企业认证' },
  { value: 'cancellation', label: '注销企业' },
];

export interface AdminConsoleProps {
  enterprise: MyEnterprise;
  selfId: string;
  initialTab?: AdminTab;
  /** something changed the enterprise summary (qualification status): reload the list */
  onEnterpriseChanged?(): void;
  /** changes when the page is shown again, so lists edited elsewhere are read again */
  refreshKey?: number;
}

/** 企业管理 for the enterprise's admins (the database refuses everyone else anyway). */
export function AdminConsole({ enterprise, selfId, initialTab = 'members', onEnterpriseChanged, refreshKey = 0 }: AdminConsoleProps) {
  const closed = enterprise.status === 'closed';
  // A closed enterprise keeps only its cancellation record for its admins: the other panels'
  // reads are refused or empty (docs/api.md "Enterprise status"), so they are not offered.
  // 'roles' is the desk's 管理员与权限 (the members table filtered to admins); phones show members.
  const [tab, setTab] = useState<AdminTab | 'roles'>(closed ? 'cancellation' : initialTab);
  const wide = useWideScreen();
  const features = useLoader(() => enterpriseService.enterpriseFeatures(enterprise.id), enterprise.id, !closed);
  const tabs = closed ? TABS.filter((t) => t.value === 'cancellation') : TABS;

  if (enterprise.role !== 'admin') {
    return <AccessDenied message='仅企业管理员可以使用企业管理。' testId='admin-denied' />;
  }

  const id = enterprise.id;
  const section = tab === 'roles' ? 'members' : tab;
  const panel = (
    <>
      {section === 'members' && <MembersPanel enterpriseId={id} selfId={selfId} canGrantScopes={features.data?.includes('manager_roles') ?? false} refreshKey={refreshKey} />}
      {section === 'invitations' && <InvitationsPanel enterpriseId={id} />}
      {section === 'requests' && <JoinRequestsPanel enterpriseId={id} />}
      {section === 'departments' && <DepartmentsPanel enterpriseId={id} />}
      {section === 'settings' && <SettingsPanel enterpriseId={id} />}
      {section === 'qualification' && <QualificationPanel enterpriseId={id} status={enterprise.qualification_status} onSubmitted={onEnterpriseChanged} />}
      {section === 'cancellation' && (
        <CancellationPanel enterpriseId={id} enterpriseName={enterprise.name} status={enterprise.status} onChanged={onEnterpriseChanged} />
      )}
    </>
  );
  const status = <EnterpriseStatusNotice enterprise={enterprise} testId='admin-enterprise-status' />;

  if (wide) {
    return (
      <View data-testid='admin-console'>
        <AdminDesk enterprise={enterprise} selfId={selfId} tabs={tabs} tab={tab} onTab={(v) => setTab(v as AdminTab | 'roles')}
          features={features.data ?? []} refreshKey={refreshKey} header={status} panel={panel} />
      </View>
    );
  }
  return (
    <View data-testid='admin-console'>
      <View className='card'>
        <Text className='page-title'>{enterprise.name}</Text>
        <Text className='page-subtitle'>
          {EDITION_LABEL[enterprise.edition] ?? enterprise.edition} · {enterprise.member_count} 人
        </Text>
        {status}
      </View>
      <ChoiceChips label='管理功能' testId='admin-tab' value={section} onChange={(v) => setTab(v as AdminTab)} options={tabs} />
      {panel}
    </View>
  );
}
