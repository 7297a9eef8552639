import { act, fireEvent, render, screen } from '@testing-library/react';
import { useSessionStore } from '../../auth/store/session.store';
import { EnterpriseList } from '../components/enterprise-list';
import { mapError } from '../../../lib/data';
import { ENTERPRISE_MESSAGES } from '../enterprise.messages';
import type { MyEnterprise } from '../services/enterprise.types';
import { selectCurrent, useEnterpriseStore } from '../store/enterprise.store';

const ent = (id: string, name: string, role: 'admin' | 'member', current: boolean): MyEnterprise => ({
  id, name, industry: '互联网', edition: 'basic', role, scopes: [], is_current: current, qualification_status: 'none', member_count: 3, status: 'normal', status_reason: '',
});

/** The server's view: memberships of one person; leaving the last-admin enterprise is refused. */
function fakeServer() {
  let memberships = [ent('a', '星河科技', 'member', true), ent('b', '青禾教育', 'admin', false)];
  return {
    myEnterprises: jest.fn(async () => memberships),
    leaveEnterprise: jest.fn(async (id: string) => {
      if (id === 'b') throw mapError({ code: 'P0001', message: 'last_admin', details: '', hint: '' }, ENTERPRISE_MESSAGES);
      memberships = memberships.filter((e) => e.id !== id);
    }),
  };
}

function Harness({ server }: { server: ReturnType<typeof fakeServer> }) {
  const enterprises = useEnterpriseStore((s) => s.enterprises);
  const leave = useEnterpriseStore((s) => s.leave);
  return (
    <EnterpriseList
      enterprises={enterprises}
      loading={false}
      error=''
      onRetry={jest.fn()}
      onSwitch={jest.fn()}
      onOpenDirectory={jest.fn()}
      onOpenCard={jest.fn()}
      onOpenAdmin={jest.fn()}
      onLeave={(e) => leave(e.id, server)}
    />
  );
}

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

beforeEach(() => {
  useEnterpriseStore.getState().reset();
  useSessionStore.setState({ status: 'signed-in', user: { id: 'u1', phone: '8613800000001' } });
});

describe('退出企业 on 我的企业', () => {
  it('explains what leaving means, leaves after the second tap, and refreshes the list and current enterprise', async () => {
    const server = fakeServer();
    await useEnterpriseStore.getState().load(server);
    render(<Harness server={server} />);

    await click('enterprise-leave-星河科技');
    expect(server.leaveEnterprise).not.toHaveBeenCalled();
    expect(screen.getByText(/退出「星河科技」后，你将立即无法查看该企业的内容和通讯录；如需回来，需要企业重新邀请你。/)).toBeInTheDocument();

    // Changing one's mind leaves everything as it was.
    await click('enterprise-leave-星河科技-cancel');
    expect(screen.getByTestId('enterprise-item-星河科技')).toBeInTheDocument();

    await click('enterprise-leave-星河科技');
    await click('enterprise-leave-星河科技-confirm');
    expect(server.leaveEnterprise).toHaveBeenCalledWith('a');
    expect(server.myEnterprises).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('enterprise-item-星河科技')).not.toBeInTheDocument();
    expect(screen.getByTestId('enterprise-list-notice')).toHaveTextContent('你已退出星河科技');
    // It was the current enterprise: there is no current one now.
    expect(selectCurrent(useEnterpriseStore.getState())).toBeNull();
  });

  it('shows the last-admin refusal in Chinese and keeps the membership', async () => {
    const server = fakeServer();
    await useEnterpriseStore.getState().load(server);
    render(<Harness server={server} />);

    await click('enterprise-leave-青禾教育');
    expect(screen.getByText(/如果你是唯一的管理员，请先指定其他管理员/)).toBeInTheDocument();
    await click('enterprise-leave-青禾教育-confirm');
    expect(server.leaveEnterprise).toHaveBeenCalledWith('b');
    expect(screen.getByTestId('enterprise-leave-青禾教育-error')).toHaveTextContent('企业至少需要一名管理员');
    expect(screen.getByTestId('enterprise-item-青禾教育')).toBeInTheDocument();
    expect(screen.queryByTestId('enterprise-list-notice')).not.toBeInTheDocument();
  });

  it('shows the notice even when the last enterprise was left', async () => {
    const server = fakeServer();
    server.myEnterprises.mockResolvedValueOnce([ent('a', '星河科技', 'member', true)]);
    await useEnterpriseStore.getState().load(server);
    server.myEnterprises.mockResolvedValueOnce([]);
    render(<Harness server={server} />);
    await click('enterprise-leave-星河科技');
    await click('enterprise-leave-星河科技-confirm');
    expect(screen.getByTestId('enterprise-list-notice')).toHaveTextContent('你已退出星河科技');
    expect(screen.getByTestId('enterprise-list-empty')).toBeInTheDocument();
  });
});
