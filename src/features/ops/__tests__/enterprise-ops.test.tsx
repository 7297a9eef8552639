import { act, fireEvent, render, screen } from '@testing-library/react';
import { EnterpriseOps, type EnterpriseOpsProps } from '../components/enterprise-ops';
import type { CancellationRequest, FoundEnterprise } from '../services/platform-ops.service';

type Service = EnterpriseOpsProps['service'];

const enterprise: FoundEnterprise = {
  id: 'e1', name: '星河科技', status: 'normal', status_reason: '', edition: 'professional', qualification_status: 'approved',
  member_count: 5, created_at: '2026-11-01T00:00:00Z',
};
const request: CancellationRequest = {
  id: 'r1', enterprise_id: 'e2', reason: '公司业务调整，申请注销企业', document_paths: ['e2/cancel.pdf'], status: 'pending',
  review_reason: '', created_at: '2026-12-01T00:00:00Z', enterprises: { name: '远山制造' },
};

function fakeService(): jest.Mocked<Service> {
  return {
    findEnterprises: jest.fn().mockResolvedValue([enterprise]),
    setEnterpriseStatus: jest.fn().mockResolvedValue(undefined),
    listCancellationRequests: jest.fn().mockResolvedValue([request]),
    reviewCancellation: jest.fn().mockResolvedValue(undefined),
  } as jest.Mocked<Service>;
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const typeArea = (testId: string, value: string) =>
  fireEvent(screen.getByTestId(testId), new CustomEvent('input', { detail: { value }, bubbles: true }));
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('EnterpriseOps', () => {
  it('finds an enterprise by name and suspends it with a reason, saying what suspension does', async () => {
    const service = fakeService();
    await act(async () => {
      render(<EnterpriseOps service={service} />);
    });
    type('ops-enterprise-query', '星河');
    await click('ops-enterprise-search');
    expect(service.findEnterprises).toHaveBeenCalledWith('星河');
    await click('ops-enterprise-e1');
    expect(screen.getByTestId('ops-enterprise-submit')).toHaveAttribute('aria-disabled', 'true');
    typeArea('ops-enterprise-reason', '发布违规内容，暂停整改');
    await click('ops-enterprise-submit');
    expect(screen.getByRole('group', { name: '改为：已暂停' })).toHaveTextContent('成员仍可查看');
    await click('ops-enterprise-submit-confirm');
    expect(service.setEnterpriseStatus).toHaveBeenCalledWith('e1', 'suspended', '发布违规内容，暂停整改');
    expect(screen.getByTestId('ops-enterprise-result')).toHaveTextContent('星河科技 已改为“已暂停”');
  });

  it('reviews cancellation requests: a rejection needs a reason, an approval closes the enterprise', async () => {
    const service = fakeService();
    await act(async () => {
      render(<EnterpriseOps service={service} />);
    });
    expect(screen.getByTestId('ops-cancellation-r1')).toHaveTextContent('远山制造');
    await click('ops-cancellation-r1-reject');
    expect(screen.getByTestId('ops-cancellation-r1-error')).toHaveTextContent('驳回须填写');
    expect(service.reviewCancellation).not.toHaveBeenCalled();
    await click('ops-cancellation-r1-approve');
    expect(service.reviewCancellation).toHaveBeenCalledWith('r1', true, '');
    expect(screen.getByTestId('ops-cancellations-result')).toHaveTextContent('已通过，企业已注销');
  });
});
