import Taro from '@tarojs/taro';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { routeUrl } from '../../../../lib/routes';
import { DeskShell, type DeskNavItem } from '../../../../ui/desk-shell';
import { adminService } from '../../services/admin.service';
import { directoryService } from '../../services/directory.service';
import { searchMembers } from '../../services/member-search.service';
import { treeOrder } from '../directory-view';
import { EDITION_LABEL } from '../labels';
import type { AdminDeskProps } from './admin-desk.types';
import { MembersTable } from './desk/members-table';

/** Module admin pages that exist, shown when the edition includes the module. */
const MODULE_ENTRIES: { value: string; label: string; feature: string; url: () => string }[] = [
  { value: 'module-community-moderation', label: '社区审核', feature: 'community', url: () => routeUrl('communityModeration') },
  { value: 'module-community-records', label: '社区处理记录', feature: 'community', url: () => routeUrl('communityRecords') },
];

/**
 * 企业管理 at desk width (H5 ≥ 1024 px): a side navigation of the sections, the members as a
 * searchable, filtered, paged table, and 管理员与权限 as the same table filtered to admins. The
 * other sections show the phone layout's panels in the wide content area.
 */
export function AdminDesk({ enterprise, selfId, tabs, tab, onTab, features, refreshKey, header, panel }: AdminDeskProps) {
  const closed = enterprise.status === 'closed';
  const tree = useLoader(() => directoryService.departmentTree(enterprise.id), enterprise.id, !closed);
  const departments = treeOrder(tree.data ?? []);
  const sections: DeskNavItem[] = closed ? [...tabs] : [...tabs.slice(0, 1), { value: 'roles', label: '管理员与权限' }, ...tabs.slice(1)];
  const modules = closed ? [] : MODULE_ENTRIES.filter((m) => features.includes(m.feature));
  const openCard = (userId: string) => void Taro.navigateTo({ url: routeUrl('card', { id: enterprise.id, user: userId }) });
  const table = (initialRole: 'admin' | '') => (
    <MembersTable
      key={initialRole}
      enterpriseId={enterprise.id}
      selfId={selfId}
      canGrantScopes={features.includes('manager_roles')}
      departments={departments}
      service={{ ...adminService, searchMembers }}
      onOpenCard={openCard}
      initialRole={initialRole}
      refreshKey={refreshKey}
    />
  );

  return (
    <DeskShell
      title={enterprise.name}
      subtitle={`${EDITION_LABEL[enterprise.edition] ?? enterprise.edition} · ${enterprise.member_count} 人`}
      testId='admin-desk'
      value={tab}
      onChange={(value) => {
        const entry = modules.find((m) => m.value === value);
        if (entry) void Taro.navigateTo({ url: entry.url() });
        else onTab(value);
      }}
      groups={[{ label: '企业管理', items: sections }, ...(modules.length ? [{ label: '模块管理', items: modules }] : [])]}
      header={header}
    >
      {tab === 'members' && !closed ? table('') : tab === 'roles' && !closed ? table('admin') : panel}
    </DeskShell>
  );
}
