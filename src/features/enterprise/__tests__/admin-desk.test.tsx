import { act, fireEvent, render, screen } from '@testing-library/react';
import { AdminConsole } from '../components/admin/admin-console';
import type { MyEnterprise } from '../services/enterprise.types';

// The layout switch, not the services: answers as the database would for a small enterprise.
jest.mock('../services/enterprise.service', () => ({ enterpriseService: { enterpriseFeatures: jest.fn().mockResolvedValue(['directory', 'community']) } }));
jest.mock('../services/directory.service', () => ({ directoryService: { departmentTree: jest.fn().mockResolvedValue([]) } }));
jest.mock('../services/member-search.service', () => ({
  searchMembers: jest.fn().mockResolvedValue({ total: 1, offset: 0, limit: 20, rows: [{ user_id: 'u-1', display_name: '张伟', phone_masked: '138****0001', role: 'admin', scopes: [], department_id: null, title: '', employee_no: '', joined_at: '2026-12-01T00:00:00Z', account_status: 'active' }] }),
}));
jest.mock('../services/admin.service', () => ({
  adminService: {
    listMembers: jest.fn().mockResolvedValue([]),
    listInvitations: jest.fn().mockResolvedValue([]),
  },
}));

const enterprise: MyEnterprise = {
  id: 'e1', name: '星河科技', industry: '软件', edition: 'professional', role: 'admin', scopes: [], is_current: true,
  qualification_status: 'none', member_count: 2003, status: 'normal', status_reason: '',
};

function screenWidth(wide: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({ matches: wide, media: query, addEventListener: jest.fn(), removeEventListener: jest.fn() }),
  });
}

afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('AdminConsole layout', () => {
  it('at desk width: a side navigation, the members as a table, module admin entries of the edition', async () => {
    screenWidth(true);
    render(<AdminConsole enterprise={enterprise} selfId='u-1' />);
    await act(async () => undefined);
    expect(screen.getByTestId('admin-desk')).toBeInTheDocument();
    expect(screen.queryByTestId('admin-tab')).toBeNull();
    expect(screen.getByTestId('desk-member-row')).toHaveTextContent('138****0001');
    expect(screen.getByTestId('admin-desk-nav-module-community-moderation')).toHaveTextContent('社区审核');
    await act(async () => {
      fireEvent.click(screen.getByTestId('admin-desk-nav-invitations'));
    });
    expect(screen.getByTestId('admin-desk-nav-invitations')).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByTestId('desk-members')).toBeNull();
  });

  it('on a phone: the section chips and the member list, no desk', async () => {
    screenWidth(false);
    render(<AdminConsole enterprise={enterprise} selfId='u-1' />);
    await act(async () => undefined);
    expect(screen.queryByTestId('admin-desk')).toBeNull();
    expect(screen.getByTestId('admin-tab')).toBeInTheDocument();
    expect(screen.getByTestId('admin-members')).toBeInTheDocument();
  });
});
