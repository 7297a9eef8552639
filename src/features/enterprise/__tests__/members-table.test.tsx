import { act, fireEvent, render, screen } from '@testing-library/react';
import { MembersTable, type MembersTableProps } from '../components/admin/desk/members-table';
import type { DepartmentNode, MemberSearchPage, MemberSearchRow } from '../services/enterprise.types';

type Service = MembersTableProps['service'];

const departments: DepartmentNode[] = [
  { id: 'd-sales', parent_id: null, name: '销售部', depth: 1, head_user_id: null, head_name: null, member_count: 120 },
];
const row = (n: number, extra: Partial<MemberSearchRow> = {}): MemberSearchRow => ({
  user_id: `u-${n}`, display_name: `成员${n}`, phone_masked: `138****${String(n).padStart(4, '0')}`, role: 'member', scopes: [],
  department_id: null, title: '', employee_no: '', joined_at: '2026-12-01T00:00:00Z', account_status: 'active', ...extra,
});
const pageOf = (rows: MemberSearchRow[], total: number, offset = 0): MemberSearchPage => ({ total, offset, limit: 20, rows });

function fakeService(search: Service['searchMembers']): jest.Mocked<Service> {
  return {
    searchMembers: jest.fn(search),
    setMemberRole: jest.fn().mockResolvedValue(undefined),
    removeMember: jest.fn().mockResolvedValue(undefined),
    moveMember: jest.fn().mockResolvedValue(undefined),
  } as jest.Mocked<Service>;
}

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const settle = () => act(async () => undefined);

function renderTable(service: Service, props: Partial<MembersTableProps> = {}) {
  return render(<MembersTable enterpriseId='e1' selfId='u-1' canGrantScopes={false} departments={departments} service={service} onOpenCard={jest.fn()} {...props} />);
}

describe('MembersTable (desk width)', () => {
  it('asks the server for one page at a time and shows the total and page count', async () => {
    const service = fakeService(async (_e, s) => pageOf(Array.from({ length: 20 }, (_, i) => row((s.offset ?? 0) + i + 1)), 2000, s.offset));
    renderTable(service);
    await settle();
    expect(screen.getAllByTestId('desk-member-row')).toHaveLength(20);
    expect(screen.getByTestId('desk-members-pager-total')).toHaveTextContent('共 2000 人');
    expect(screen.getByTestId('desk-members-pager-page')).toHaveTextContent('第 1 / 100 页');
    await click('desk-members-pager-next');
    expect(service.searchMembers).toHaveBeenLastCalledWith('e1', expect.objectContaining({ offset: 20, limit: 20 }));
    expect(screen.getByTestId('desk-members-pager-page')).toHaveTextContent('第 2 / 100 页');
    expect(screen.getAllByTestId('desk-member-row')[0]).toHaveTextContent('成员21');
  });

  it('searches by phone tail and filters by department from the first page, saying when nothing matches', async () => {
    const service = fakeService(async (_e, s) =>
      s.departmentId ? pageOf([], 0) : s.query === '0042' ? pageOf([row(42, { display_name: '欧阳' })], 1) : pageOf([row(1)], 60, s.offset));
    renderTable(service);
    await settle();
    await click('desk-members-pager-next');
    fireEvent.input(screen.getByTestId('desk-members-search'), { target: { value: ' 0042 ' } });
    await click('desk-members-search-submit');
    expect(service.searchMembers).toHaveBeenLastCalledWith('e1', expect.objectContaining({ query: '0042', offset: 0 }));
    expect(screen.getByTestId('desk-member-row')).toHaveTextContent('欧阳');
    expect(screen.getByTestId('desk-member-row')).toHaveTextContent('138****0042');

    await click('desk-members-department-d-sales');
    expect(service.searchMembers).toHaveBeenLastCalledWith('e1', expect.objectContaining({ query: '0042', departmentId: 'd-sales', offset: 0 }));
    expect(screen.getByTestId('desk-members-empty')).toHaveTextContent('没有找到“0042”');
  });

  it('opens the member in a side panel and reads the page again after a change', async () => {
    const service = fakeService(async () => pageOf([row(1), row(2, { display_name: '李四', department_id: 'd-sales' })], 2));
    renderTable(service);
    await settle();
    await click('desk-members-role-admin');
    expect(service.searchMembers).toHaveBeenLastCalledWith('e1', expect.objectContaining({ role: 'admin' }));
    fireEvent.click(screen.getAllByTestId('desk-member-row')[1]);
    expect(screen.getByTestId('desk-member-panel')).toHaveTextContent('销售部');
    const calls = service.searchMembers.mock.calls.length;
    await click('member-李四-edit');
    await click('member-李四-save-role');
    expect(service.setMemberRole).toHaveBeenCalledWith('e1', 'u-2', 'member', []);
    expect(screen.getByTestId('admin-members-result')).toHaveTextContent('已更新 李四 的角色');
    expect(service.searchMembers.mock.calls.length).toBe(calls + 1);
  });
});
