import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { CancellationPanel } from '../components/admin/cancellation-panel';
import { CurrentEnterpriseCard } from '../components/current-enterprise-card';
import { EnterpriseList } from '../components/enterprise-list';
import type { CancellationRequest, EnterpriseStatus, MyEnterprise } from '../services/enterprise.types';

// Under jsdom Stencil never renders the <textarea> inside Taro's textarea element, so its value
// watcher throws on controlled updates: third-party noise of the test environment only.
const originalError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const first = args[0];
    if (first instanceof TypeError && first.message.includes("reading 'value'") && /watchValue/.test(first.stack ?? '')) return;
    originalError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

const ent = (name: string, status: EnterpriseStatus, status_reason = '', role: 'admin' | 'member' = 'member'): MyEnterprise => ({
  id: `id-${name}`, name, industry: '互联网', edition: 'basic', role, scopes: [], is_current: true, qualification_status: 'none',
  member_count: 3, status, status_reason,
});

const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const typeText = (testId: string, value: string) => {
  fireEvent(screen.getByTestId(testId), new CustomEvent('input', { detail: { value }, bubbles: true }));
};

function renderList(enterprises: MyEnterprise[]) {
  render(
    <EnterpriseList
      enterprises={enterprises}
      loading={false}
      error=''
      onRetry={jest.fn()}
      onSwitch={jest.fn()}
      onOpenDirectory={jest.fn()}
      onOpenCard={jest.fn()}
      onOpenAdmin={jest.fn()}
      onLeave={jest.fn()}
    />,
  );
}

describe('我的企业 shows the enterprise status', () => {
  it('says 已暂停 with the reason and offers no card editing, but keeps the directory', () => {
    renderList([ent('星河科技', 'suspended', '涉嫌发布违规内容')]);
    const notice = screen.getByTestId('enterprise-status-星河科技');
    expect(notice).toHaveTextContent('已暂停');
    expect(notice).toHaveTextContent('原因：涉嫌发布违规内容');
    expect(notice).toHaveTextContent('只能查看');
    expect(screen.getByTestId('enterprise-directory-星河科技')).toBeInTheDocument();
    expect(screen.queryByTestId('enterprise-card-星河科技')).not.toBeInTheDocument();
    expect(screen.getByTestId('enterprise-leave-星河科技')).toBeInTheDocument();
  });

  it('says 已注销 with the reason; only leaving remains for a member', () => {
    renderList([ent('青禾教育', 'closed', '企业申请注销')]);
    expect(screen.getByTestId('enterprise-status-青禾教育')).toHaveTextContent(/已注销.*原因：企业申请注销/);
    expect(screen.queryByTestId('enterprise-directory-青禾教育')).not.toBeInTheDocument();
    expect(screen.queryByTestId('enterprise-card-青禾教育')).not.toBeInTheDocument();
    expect(screen.getByTestId('enterprise-leave-青禾教育')).toBeInTheDocument();
  });

  it('shows nothing extra for a normal enterprise', () => {
    renderList([ent('远山制造', 'normal')]);
    expect(screen.queryByTestId('enterprise-status-远山制造')).not.toBeInTheDocument();
    expect(screen.getByTestId('enterprise-card-远山制造')).toBeInTheDocument();
  });
});

describe('home page current-enterprise card', () => {
  it('says 已暂停 / 已注销 with the reason', () => {
    const { rerender } = render(<CurrentEnterpriseCard current={ent('星河科技', 'suspended', '涉嫌违规')} count={1} loading={false} error='' onOpen={jest.fn()} />);
    expect(screen.getByTestId('home-enterprise-status')).toHaveTextContent('已暂停：涉嫌违规');
    rerender(<CurrentEnterpriseCard current={ent('星河科技', 'closed', '企业申请注销')} count={1} loading={false} error='' onOpen={jest.fn()} />);
    expect(screen.getByTestId('home-enterprise-status')).toHaveTextContent('已注销：企业申请注销');
    rerender(<CurrentEnterpriseCard current={ent('星河科技', 'normal')} count={1} loading={false} error='' onOpen={jest.fn()} />);
    expect(screen.queryByTestId('home-enterprise-status')).not.toBeInTheDocument();
  });
});

describe('CancellationPanel (LX 3.3)', () => {
  const reason = '公司业务调整，不再使用本平台，申请注销企业';
  const row = (over: Partial<CancellationRequest>): CancellationRequest => ({
    id: 'c1', status: 'pending', reason, review_reason: '', created_at: '2026-12-06T02:00:00Z', reviewed_at: null, ...over,
  });

  function fakeService(initial: CancellationRequest[] = []) {
    let rows = initial;
    return {
      listCancellationRequests: jest.fn(async () => rows),
      requestCancellation: jest.fn(async (_id: string, text: string) => {
        if (rows.some((r) => r.status === 'pending')) throw new AppError('cancellation_already_pending', '已有待审核的注销申请');
        rows = [row({ id: 'c2', reason: text }), ...rows];
        return { id: 'c2', status: 'pending' as const };
      }),
    };
  }

  async function renderPanel(service: ReturnType<typeof fakeService>, status: EnterpriseStatus = 'normal') {
    await act(async () => {
      render(<CancellationPanel enterpriseId='e1' enterpriseName='星河科技' status={status} service={service} />);
    });
  }

  it('warns that it is irreversible, needs a 10+ character reason and a confirm step, then shows it pending', async () => {
    const service = fakeService();
    await renderPanel(service);
    expect(screen.getByTestId('cancellation-warning')).toHaveTextContent('不可撤销');
    typeText('cancellation-reason', '不用了');
    expect(screen.getByTestId('cancellation-reason-error')).toBeInTheDocument();
    expect(screen.getByTestId('cancellation-submit')).toHaveAttribute('aria-disabled', 'true');

    typeText('cancellation-reason', reason);
    await click('cancellation-submit');
    // First tap only asks.
    expect(service.requestCancellation).not.toHaveBeenCalled();
    expect(screen.getByText(/确定提交注销申请吗/)).toBeInTheDocument();
    await click('cancellation-submit-confirm');
    expect(service.requestCancellation).toHaveBeenCalledWith('e1', reason);
    expect(screen.getByTestId('cancellation-sent')).toHaveTextContent('等待平台审核');
    expect(screen.getByTestId('cancellation-pending')).toHaveTextContent('审核中');
    // One pending request at a time: no second form.
    expect(screen.queryByTestId('cancellation-form')).not.toBeInTheDocument();
  });

  it('shows a rejection with the operator reason and lets the admin ask again', async () => {
    await renderPanel(fakeService([row({ status: 'rejected', review_reason: '请先结清未完成的订单', reviewed_at: '2026-12-06T03:00:00Z' })]));
    expect(screen.getByTestId('cancellation-rejected')).toHaveTextContent('未通过');
    expect(screen.getByTestId('cancellation-review-reason')).toHaveTextContent('平台驳回理由：请先结清未完成的订单');
    expect(screen.getByTestId('cancellation-form')).toBeInTheDocument();
  });

  it('shows the approval of a closed enterprise and offers no form', async () => {
    await renderPanel(fakeService([row({ status: 'approved', reviewed_at: '2026-12-06T03:00:00Z' })]), 'closed');
    expect(screen.getByTestId('cancellation-approved')).toHaveTextContent('已通过，企业已注销');
    expect(screen.getByTestId('cancellation-closed')).toBeInTheDocument();
    expect(screen.queryByTestId('cancellation-form')).not.toBeInTheDocument();
  });
});
