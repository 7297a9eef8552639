import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useLoader } from '../../../../lib/hooks/use-loader';
import { adminService, type AdminService } from '../../services/admin.service';
import { directoryService, type DirectoryService } from '../../services/directory.service';
import { treeOrder } from '../directory-view';
import { LoadState } from '../../../../ui/load-state';
import { MemberItem } from './member-item';
import { routeUrl } from '../../../../lib/routes';
import { StatusLine } from '../../../../ui/status-line';

export interface MembersPanelProps {
  enterpriseId: string;
  selfId: string;
  canGrantScopes: boolean;
  service?: Pick<AdminService, 'listMembers' | 'setMemberRole' | 'removeMember' | 'moveMember'>;
  directory?: Pick<DirectoryService, 'departmentTree'>;
  /** read the members again when it changes (back from editing a card) */
  refreshKey?: number;
  /** opens a member's card for editing (default: the card page with `?user=`) */
  onOpenCard?(userId: string): void;
}

const openCardPage = (enterpriseId: string) => (userId: string) =>
  void Taro.navigateTo({ url: routeUrl('card', { id: enterpriseId, user: userId }) });

/** 成员管理: everyone in the enterprise, with role, scopes, department, card and removal. */
export function MembersPanel({
  enterpriseId, selfId, canGrantScopes, service = adminService, directory = directoryService, refreshKey = 0, onOpenCard = openCardPage(enterpriseId),
}: MembersPanelProps) {
  const members = useLoader(() => service.listMembers(enterpriseId), `${enterpriseId}|${refreshKey}`);
  const tree = useLoader(() => directory.departmentTree(enterpriseId), enterpriseId);
  const [result, setResult] = useState('');
  const context = { enterpriseId, selfId, departments: treeOrder(tree.data ?? []), canGrantScopes, service, onOpenCard };

  return (
    <View data-testid='admin-members'>
      <StatusLine message={result} className='ent-muted' testId='admin-members-result' />
      <LoadState loading={members.loading && !members.data} error={members.error} onRetry={members.reload} isEmpty={members.data?.length === 0} empty='暂无成员' testId='admin-members' />
      {members.data?.map((m) => (
        <MemberItem
          key={`${m.user_id}-${m.role}-${m.department_id ?? ''}`}
          member={m}
          context={context}
          onChanged={(message) => {
            setResult(message);
            members.reload();
          }}
        />
      ))}
    </View>
  );
}
