import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { InvitationLanding } from '../components/invitation-landing';
import type { InvitationPreview } from '../services/enterprise.types';

const preview = (patch: Partial<InvitationPreview> = {}): InvitationPreview => ({
  enterprise_id: 'e1',
  enterprise_name: '星河科技',
  industry: '互联网',
  inviter_name: '张伟',
  role: 'member',
  expires_at: '2026-12-06T10:00:00Z',
  join_rule: 'invite',
  state: 'valid',
  ...patch,
});

function service(p: InvitationPreview) {
  return {
    getInvitation: jest.fn().mockResolvedValue(p),
    acceptInvitation: jest.fn(),
    declineInvitation: jest.fn().mockResolvedValue(undefined),
    myPendingRequestId: jest.fn().mockResolvedValue('r1'),
    withdrawJoinRequest: jest.fn().mockResolvedValue(undefined),
  };
}

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('InvitationLanding', () => {
  it('shows the enterprise and the inviter, and joins on 加入', async () => {
    const s = service(preview());
    s.acceptInvitation.mockResolvedValue({ enterprise_id: 'e1', status: 'joined' });
    const onJoined = jest.fn();
    render(<InvitationLanding code='ABCD2345' enabled onJoined={onJoined} service={s} />);
    expect(await screen.findByTestId('invitation-enterprise')).toHaveTextContent('星河科技');
    expect(screen.getByText('张伟 邀请你加入')).toBeInTheDocument();
    expect(screen.getByText(/有效期至 2026-12-06 18:00/)).toBeInTheDocument();
    await click('invitation-accept');
    expect(s.getInvitation).toHaveBeenCalledWith('ABCD2345');
    expect(s.acceptInvitation).toHaveBeenCalledWith('ABCD2345');
    expect(onJoined).toHaveBeenCalledWith('e1');
    expect(screen.getByTestId('invitation-status')).toHaveTextContent('已加入星河科技');
    expect(screen.queryByTestId('invitation-accept')).not.toBeInTheDocument();
  });

  it('says the request waits for approval when the enterprise approves joins', async () => {
    const s = service(preview({ join_rule: 'approval' }));
    s.acceptInvitation.mockResolvedValue({ enterprise_id: 'e1', status: 'pending' });
    const onJoined = jest.fn();
    render(<InvitationLanding code='ABCD2345' enabled onJoined={onJoined} service={s} />);
    await screen.findByText('加入方式：需管理员审批');
    await click('invitation-accept');
    expect(screen.getByTestId('invitation-status')).toHaveTextContent('等待管理员审批');
    expect(onJoined).not.toHaveBeenCalled();
    // Changed their mind: the pending request is withdrawn.
    await click('invitation-withdraw');
    expect(s.myPendingRequestId).toHaveBeenCalledWith('e1');
    expect(s.withdrawJoinRequest).toHaveBeenCalledWith('r1');
    expect(screen.getByTestId('invitation-status')).toHaveTextContent('你已撤回加入申请');
  });

  it('records a decline', async () => {
    const s = service(preview());
    render(<InvitationLanding code='ABCD2345' enabled onJoined={jest.fn()} service={s} />);
    await screen.findByTestId('invitation-decline');
    await click('invitation-decline');
    expect(s.declineInvitation).toHaveBeenCalledWith('ABCD2345');
    expect(screen.getByTestId('invitation-status')).toHaveTextContent('你已拒绝该邀请');
  });

  it.each([
    ['expired', '邀请已过期'],
    ['revoked', '邀请已被撤销'],
    ['used_up', '使用次数已用完'],
    ['pending_request', '等待管理员审批'],
    ['already_member', '已经是该企业的成员'],
  ] as const)('offers no buttons for a %s invitation', async (state, text) => {
    render(<InvitationLanding code='ABCD2345' enabled onJoined={jest.fn()} service={service(preview({ state }))} />);
    expect(await screen.findByTestId('invitation-status')).toHaveTextContent(text);
    expect(screen.queryByTestId('invitation-accept')).not.toBeInTheDocument();
    expect(screen.queryByTestId('invitation-decline')).not.toBeInTheDocument();
    expect(screen.queryByTestId('invitation-withdraw') !== null).toBe(state === 'pending_request');
  });

  it('shows the server refusal for an unknown code, with a retry', async () => {
    const s = service(preview());
    s.getInvitation.mockRejectedValue(new AppError('invitation_not_found', '邀请不存在，请确认邀请码或链接是否正确'));
    render(<InvitationLanding code='ZZZZ2222' enabled onJoined={jest.fn()} service={s} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('邀请不存在');
    expect(screen.getByText('重试')).toBeInTheDocument();
  });
});
