import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { CancelAccountForm, type CancelAccountFormProps } from '../components/cancel-account-form';

type Service = NonNullable<CancelAccountFormProps['service']>;

function fakeService(overrides: Partial<Service> = {}): jest.Mocked<Service> {
  return {
    sendCancelCode: jest.fn().mockResolvedValue({ sent: true, phone_masked: '138****8000', expires_in: 300, resend_after: 60 }),
    confirmCancel: jest.fn().mockResolvedValue({ cancelled: true }),
    ...overrides,
  } as jest.Mocked<Service>;
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const confirmButton = () => screen.getByTestId('cancel-confirm');

describe('CancelAccountForm', () => {
  it('shows the irreversible-deletion warning and starts with the acknowledgement unticked', () => {
    render(<CancelAccountForm phone='+8613800138000' onCancelled={jest.fn()} service={fakeService()} />);
    expect(screen.getByTestId('cancel-warning')).toHaveTextContent('不可逆');
    expect(screen.getByTestId('cancel-warning')).toHaveTextContent('已注销用户');
    expect(screen.getByRole('checkbox')).toHaveAttribute('aria-checked', 'false');
    expect(confirmButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('keeps 确认注销 disabled until a 6-digit code and the acknowledgement are both given', async () => {
    const service = fakeService();
    const onCancelled = jest.fn();
    render(<CancelAccountForm phone='+8613800138000' onCancelled={onCancelled} service={service} />);
    await click('cancel-send-code');
    expect(service.sendCancelCode).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('cancel-code-sent')).toHaveTextContent('138****8000');

    // Code only: still disabled, and tapping does nothing.
    type('cancel-code', '123456');
    expect(confirmButton()).toHaveAttribute('aria-disabled', 'true');
    await click('cancel-confirm');
    expect(service.confirmCancel).not.toHaveBeenCalled();

    // Acknowledgement with a short code: still disabled.
    await click('cancel-ack');
    expect(screen.getByRole('checkbox')).toHaveAttribute('aria-checked', 'true');
    type('cancel-code', '12345');
    expect(confirmButton()).toHaveAttribute('aria-disabled', 'true');

    // Both: enabled, and the call carries the code.
    type('cancel-code', '654321');
    expect(confirmButton()).toHaveAttribute('aria-disabled', 'false');
    await click('cancel-confirm');
    expect(service.confirmCancel).toHaveBeenCalledWith('654321');
    expect(onCancelled).toHaveBeenCalledTimes(1);
  });

  it('unticking the acknowledgement disables the button again', async () => {
    render(<CancelAccountForm phone={null} onCancelled={jest.fn()} service={fakeService()} />);
    type('cancel-code', '123456');
    await click('cancel-ack');
    expect(confirmButton()).toHaveAttribute('aria-disabled', 'false');
    await click('cancel-ack');
    expect(confirmButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows the server refusal and stays on the page', async () => {
    const service = fakeService({ confirmCancel: jest.fn().mockRejectedValue(new AppError('code_invalid', '验证码错误')) });
    const onCancelled = jest.fn();
    render(<CancelAccountForm phone={null} onCancelled={onCancelled} service={service} />);
    type('cancel-code', '000000');
    await click('cancel-ack');
    await click('cancel-confirm');
    expect(screen.getByTestId('cancel-error')).toHaveTextContent('验证码错误');
    expect(onCancelled).not.toHaveBeenCalled();
  });
});
