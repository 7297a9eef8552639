import { act, fireEvent, render, screen } from '@testing-library/react';
import { AuditLog, type AuditLogProps } from '../components/audit-log';
import type { AuditEntry } from '../services/platform-ops.service';

const entry = (id: number, action = 'account.warn'): AuditEntry => ({
  id, operator_id: 'op-1', action, target_type: 'account', target_id: `u-${id}`, reason: `原因${id}`,
  before: { status: 'active' }, after: { status: 'active' }, created_at: '2026-12-01T02:00:00Z',
});

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

describe('AuditLog', () => {
  it('shows entries newest first with their meaning, and pages on from the last one shown', async () => {
    const first = Array.from({ length: 20 }, (_, i) => entry(100 - i));
    const listAuditLog = jest.fn<ReturnType<AuditLogProps['service']['listAuditLog']>, Parameters<AuditLogProps['service']['listAuditLog']>>()
      .mockResolvedValueOnce(first)
      .mockResolvedValueOnce([entry(80, 'enterprise.suspend')]);
    await act(async () => {
      render(<AuditLog service={{ listAuditLog }} />);
    });
    expect(listAuditLog).toHaveBeenLastCalledWith({ targetType: '', targetId: '', operatorId: '', beforeId: undefined, limit: 20 });
    expect(screen.getByTestId('ops-audit-entry-100')).toHaveTextContent('警告账号');
    expect(screen.getByTestId('ops-audit-entry-100')).toHaveTextContent('原因100');

    await click('ops-audit-more');
    expect(listAuditLog).toHaveBeenLastCalledWith(expect.objectContaining({ beforeId: 81 }));
    expect(screen.getByTestId('ops-audit-entry-80')).toHaveTextContent('暂停企业');
    expect(screen.getByTestId('ops-audit-entry-100')).toBeInTheDocument();
    expect(screen.queryByTestId('ops-audit-more')).toBeNull();
  });

  it('filters by target type, target and operator', async () => {
    const listAuditLog = jest.fn().mockResolvedValue([]);
    await act(async () => {
      render(<AuditLog service={{ listAuditLog }} />);
    });
    await click('ops-audit-type-enterprise');
    type('ops-audit-target', 'e-1');
    type('ops-audit-operator', 'op-2');
    await click('ops-audit-apply');
    expect(listAuditLog).toHaveBeenLastCalledWith({ targetType: 'enterprise', targetId: 'e-1', operatorId: 'op-2', beforeId: undefined, limit: 20 });
    expect(screen.getByText('没有符合条件的记录')).toBeInTheDocument();
  });
});
