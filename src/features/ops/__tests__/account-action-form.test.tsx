import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { AccountActionForm, type AccountActionFormProps } from '../components/account-action-form';
import type { FoundAccount } from '../services/platform-ops.service';

type Service = AccountActionFormProps['service'];

const account: FoundAccount = {
  user_id: 'u-1', phone_masked: '138****0001', display_name: '陈静', account_status: 'active', status_changed_at: null,
  age_band: 'adult', created_at: '2026-11-01T00:00:00Z', is_operator: false,
  enterprises: [{ id: 'e1', name: '星河科技', role: 'member', status: 'normal' }], recent_actions: [],
};

function fakeService(overrides: Partial<jest.Mocked<Service>> = {}): jest.Mocked<Service> {
  return {
    findAccount: jest.fn().mockResolvedValue(account),
    actOnAccount: jest.fn().mockResolvedValue({ id: 'a1', user_id: 'u-1', action: 'restrict', reason: '多次违规', sessions_ended: false, account_status: 'restricted' }),
    ...overrides,
  } as jest.Mocked<Service>;
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const typeReason = (value: string) =>
  fireEvent(screen.getByTestId('ops-action-reason'), new CustomEvent('input', { detail: { value }, bubbles: true }));
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('AccountActionForm', () => {
  it('takes the number as people copy it, with spaces or hyphens', async () => {
    const service = fakeService();
    render(<AccountActionForm service={service} />);
    type('ops-action-phone', '+86 138-0000-0001');
    await click('ops-action-find');
    expect(service.findAccount).toHaveBeenCalledWith('+8613800000001');
  });

  it('finds the account by phone, shows it masked, and acts on the account found (no UUID to paste)', async () => {
    const service = fakeService();
    render(<AccountActionForm service={service} />);
    expect(screen.queryByTestId('ops-action-user')).toBeNull();
    expect(screen.getByTestId('ops-action-submit')).toHaveAttribute('aria-disabled', 'true');

    type('ops-action-phone', '13800000001');
    await click('ops-action-find');
    expect(service.findAccount).toHaveBeenCalledWith('13800000001');
    expect(screen.getByTestId('ops-action-account')).toHaveTextContent('陈静（138****0001）');
    expect(screen.getByTestId('ops-action-account')).toHaveTextContent('星河科技（成员）');

    await click('ops-action-kind-restrict');
    typeReason('多次违规');
    await click('ops-action-submit');
    await click('ops-action-submit-confirm');
    expect(service.actOnAccount).toHaveBeenCalledWith('u-1', 'restrict', '多次违规');
    expect(screen.getByTestId('ops-action-result')).toHaveTextContent('账号状态 受限');
  });

  it('says when no account has that phone, and acts on nobody', async () => {
    const service = fakeService({ findAccount: jest.fn().mockRejectedValue(new AppError('user_not_found', '找不到该手机号的账号')) });
    render(<AccountActionForm service={service} />);
    type('ops-action-phone', '13900000009');
    await click('ops-action-find');
    expect(screen.getByTestId('ops-action-find-error')).toHaveTextContent('找不到该手机号的账号');
    expect(screen.getByTestId('ops-action-submit')).toHaveAttribute('aria-disabled', 'true');
  });

  it('acts on the account a report named', async () => {
    const service = fakeService();
    render(<AccountActionForm service={service} userId='u-9' />);
    expect(screen.getByTestId('ops-action-from-report')).toBeInTheDocument();
    typeReason('账号被盗，先暂停');
    await click('ops-action-kind-suspend');
    await click('ops-action-submit');
    await click('ops-action-submit-confirm');
    expect(service.actOnAccount).toHaveBeenCalledWith('u-9', 'suspend', '账号被盗，先暂停');
  });
});
