import { View } from '@tarojs/components';
import { useState } from 'react';
import { useLoader } from '../../../../../lib/hooks/use-loader';
import { ChoiceChips } from '../../../../../ui/choice-chips';
import { DeskPager } from '../../../../../ui/desk-pager';
import { DeskTable, type DeskColumn } from '../../../../../ui/desk-table';
import { LoadState } from '../../../../../ui/load-state';
import { SearchBox } from '../../../../../ui/search-box';
import { StatusLine } from '../../../../../ui/status-line';
import type { AdminService } from '../../../services/admin.service';
import type { searchMembers } from '../../../services/member-search.service';
import type { AccountStatus, DepartmentNode, MemberRole, MemberSearchRow } from '../../../services/enterprise.types';
import { ROLE_LABEL } from '../../labels';
import { MemberItem } from '../member-item';

export const ACCOUNT_STATUS_LABEL: Record<AccountStatus, string> = { active: '正常', restricted: '受限', suspended: '已暂停', terminated: '已终止' };
const PAGE_SIZE = 20;

export interface MembersTableProps {
  enterpriseId: string;
  selfId: string;
  canGrantScopes: boolean;
  departments: DepartmentNode[];
  service: Pick<AdminService, 'setMemberRole' | 'removeMember' | 'moveMember'> & { searchMembers: typeof searchMembers };
  onOpenCard(userId: string): void;
  /** the role filter it opens with ('admin' for 管理员与权限) */
  initialRole?: MemberRole | '';
  refreshKey?: number;
}

/**
 * 成员 at desk width: search by name, employee number or phone tail, filter by department, role and
 * account status, page on the server (`admin_search_members`), and act on a member in a side panel
 * (the phone layout's member item).
 */
export function MembersTable({ enterpriseId, selfId, canGrantScopes, departments, service, onOpenCard, initialRole = '', refreshKey = 0 }: MembersTableProps) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState<MemberRole | ''>(initialRole);
  const [status, setStatus] = useState<AccountStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<MemberSearchRow | null>(null);
  const [result, setResult] = useState('');
  const [changes, setChanges] = useState(0);
  const page = useLoader(
    () => service.searchMembers(enterpriseId, { query, departmentId: department || null, role: role || null, status: status || null, offset, limit: PAGE_SIZE }),
    [enterpriseId, query, department, role, status, offset, refreshKey, changes].join('|'),
  );
  // A new search or filter starts at the first page.
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
    setSelected(null);
  };
  const context = { enterpriseId, selfId, departments, canGrantScopes, service, onOpenCard };
  const departmentName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '未分配';
  const rows = page.data?.rows ?? [];
  const columns: DeskColumn<MemberSearchRow>[] = [
    { label: '姓名', width: '1.3fr', render: (m) => `${m.display_name || '未填写姓名'}${m.user_id === selfId ? '（我）' : ''}` },
    { label: '手机号', width: '1.1fr', render: (m) => m.phone_masked || '—' },
    { label: '部门', width: '1.1fr', render: (m) => departmentName(m.department_id) },
    { label: '职务', width: '1fr', render: (m) => m.title || '—' },
    { label: '工号', width: '0.8fr', render: (m) => m.employee_no || '—' },
    { label: '角色', width: '0.7fr', render: (m) => ROLE_LABEL[m.role] },
    { label: '状态', width: '0.6fr', render: (m) => ACCOUNT_STATUS_LABEL[m.account_status] ?? m.account_status },
    { label: '加入时间', width: '0.9fr', render: (m) => m.joined_at.slice(0, 10) },
  ];

  return (
    <View data-testid='desk-members'>
      <View className='desk-toolbar'>
        <SearchBox className='ent-search' value={typed} onChange={setTyped} onSearch={filter(setQuery)} placeholder='搜索姓名、工号或手机尾号' ariaLabel='搜索成员' testId='desk-members-search' />
        <ChoiceChips label='角色' testId='desk-members-role' value={role} onChange={(v) => filter(setRole)(v as MemberRole | '')}
          options={[{ value: '', label: '全部' }, { value: 'admin', label: '管理员' }, { value: 'member', label: '成员' }]} />
        <ChoiceChips label='账号状态' testId='desk-members-status' value={status} onChange={(v) => filter(setStatus)(v as AccountStatus | '')}
          options={[{ value: '', label: '全部' }, ...(Object.keys(ACCOUNT_STATUS_LABEL) as AccountStatus[]).map((s) => ({ value: s, label: ACCOUNT_STATUS_LABEL[s] }))]} />
      </View>
      {departments.length > 0 && (
        <ChoiceChips label='部门' testId='desk-members-department' value={department} onChange={filter(setDepartment)}
          options={[{ value: '', label: '全部' }, ...departments.map((d) => ({ value: d.id, label: `${'·'.repeat(d.depth - 1)}${d.name}` }))]} />
      )}
      <StatusLine message={result} className='ent-muted' testId='admin-members-result' />
      <View className='desk-split'>
        <View className='desk-split__main'>
          <DeskTable<MemberSearchRow>
            label='成员列表'
            columns={columns}
            rows={rows}
            rowKey={(m) => m.user_id}
            selectedKey={selected?.user_id}
            onSelect={setSelected}
            rowLabel={(m) => `${m.display_name || '未填写姓名'}，查看与调整`}
            rowTestId='desk-member-row'
            busy={page.loading}
          />
          <LoadState loading={page.loading && !page.data} error={page.error} onRetry={page.reload} isEmpty={rows.length === 0}
            empty={query ? `没有找到“${query}”` : '没有符合条件的成员'} testId='desk-members' />
          {page.data && page.data.total > 0 && (
            <DeskPager total={page.data.total} offset={offset} limit={PAGE_SIZE} unit='人' testId='desk-members-pager'
              onOffset={(next) => { setOffset(next); setSelected(null); }} />
          )}
        </View>
        {selected && (
          <View className='desk-split__side' data-testid='desk-member-panel'>
            <MemberItem
              key={selected.user_id}
              member={selected}
              context={context}
              onChanged={(message) => {
                setResult(message);
                setSelected(null);
                setChanges((n) => n + 1);
              }}
            />
          </View>
        )}
      </View>
    </View>
  );
}
