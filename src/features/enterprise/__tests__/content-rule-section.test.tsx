import { act, fireEvent, render, screen } from '@testing-library/react';
import { ContentRuleSection } from '../components/admin/content-rule-section';
import type { MemberContentRule } from '../services/member-content.service';

const rule: MemberContentRule = {
  rule: 'keep', transfer_to: null, transfer_to_name: null,
  managers: [{ user_id: 'm1', name: '管理员' }, { user_id: 'm2', name: '内容经理' }],
  former_members: [{ user_id: 'u9', name: '张三', ended: 'removed', rule_applied: 'keep', left_at: '2026-12-06T10:00:00Z' }],
};

describe('former members content rule', () => {
  it('lists who left (names for admins) and transfers only to a chosen manager', async () => {
    const setMemberContentRule = jest.fn(async () => undefined);
    render(<ContentRuleSection enterpriseId='e1' service={{ memberContentRule: async () => rule, setMemberContentRule }} />);
    expect((await screen.findByTestId('settings-former-members')).textContent).toContain('张三 · 被移除 · 2026-12-06 · 内容保留');
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-content-rule-choice-transfer'));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-content-rule-save'));
    });
    expect(screen.getByRole('alert').textContent).toBe('请选择接收内容的管理者');
    expect(setMemberContentRule).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-content-rule-target-m2'));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-content-rule-save'));
    });
    expect(setMemberContentRule).toHaveBeenCalledWith('e1', 'transfer', 'm2');
    expect(screen.getByTestId('settings-content-rule-result').textContent).toBe('已保存');
  });
});
