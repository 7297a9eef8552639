import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { LoginForm, RESEND_SECONDS, type LoginFormProps } from '../components/login-form';

type Service = NonNullable<LoginFormProps['service']>;

function fakeService(overrides: Partial<Service> = {}): jest.Mocked<Service> {
  return {
    sendSmsCode: jest.fn().mockResolvedValue(undefined),
    verifySmsCode: jest.fn().mockResolvedValue(null),
    signInWithPassword: jest.fn().mockResolvedValue(null),
    ...overrides,
  } as jest.Mocked<Service>;
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};
const sendButton = () => screen.getByTestId('login-send-code');

describe('LoginForm', () => {
  afterEach(() => jest.useRealTimers());

  it('shows an error for an invalid phone and does not ask for a code', async () => {
    const service = fakeService();
    render(<LoginForm onSignedIn={jest.fn()} service={service} />);
    type('login-phone', '12345');
    await click('login-send-code');
    expect(screen.getByRole('alert')).toHaveTextContent('请输入正确的 11 位手机号');
    expect(screen.getByTestId('login-phone')).toHaveAttribute('aria-invalid', 'true');
    expect(service.sendSmsCode).not.toHaveBeenCalled();
  });

  it('sends the code to the E.164 number and disables resending for 60 seconds', async () => {
    jest.useFakeTimers();
    const service = fakeService();
    render(<LoginForm onSignedIn={jest.fn()} service={service} />);
    type('login-phone', '13800138000');
    await click('login-send-code');

    expect(service.sendSmsCode).toHaveBeenCalledWith('+8613800138000');
    expect(sendButton()).toHaveTextContent(`${RESEND_SECONDS} 秒后重发`);
    expect(sendButton()).toHaveAttribute('aria-disabled', 'true');

    // Clicking during the countdown sends nothing.
    await click('login-send-code');
    expect(service.sendSmsCode).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(sendButton()).toHaveTextContent('30 秒后重发');

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(sendButton()).toHaveTextContent('获取验证码');
    expect(sendButton()).toHaveAttribute('aria-disabled', 'false');
    await click('login-send-code');
    expect(service.sendSmsCode).toHaveBeenCalledTimes(2);
  });

  it('signs in with phone and code, then reports the phone', async () => {
    const service = fakeService();
    const onSignedIn = jest.fn();
    render(<LoginForm onSignedIn={onSignedIn} service={service} />);
    type('login-phone', '+86 138 0013 8000');
    type('login-code', '123456');
    await click('login-submit');
    expect(service.verifySmsCode).toHaveBeenCalledWith('+8613800138000', '123456');
    expect(onSignedIn).toHaveBeenCalledWith('+8613800138000', 'sms');
  });

  it('asks for a 6-digit code before calling the server', async () => {
    const service = fakeService();
    render(<LoginForm onSignedIn={jest.fn()} service={service} />);
    type('login-phone', '13800138000');
    type('login-code', '123');
    await click('login-submit');
    expect(screen.getByRole('alert')).toHaveTextContent('请输入 6 位数字验证码');
    expect(service.verifySmsCode).not.toHaveBeenCalled();
  });

  it('shows the server verdict in Chinese and stays on the form', async () => {
    const service = fakeService({
      verifySmsCode: jest.fn().mockRejectedValue(new AppError('otp_expired', '验证码错误或已过期')),
    });
    const onSignedIn = jest.fn();
    render(<LoginForm onSignedIn={onSignedIn} service={service} />);
    type('login-phone', '13800138000');
    type('login-code', '000000');
    await click('login-submit');
    expect(screen.getByTestId('login-error')).toHaveTextContent('验证码错误或已过期');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('starts the countdown when the server says the code was sent too recently', async () => {
    jest.useFakeTimers();
    const service = fakeService({
      sendSmsCode: jest.fn().mockRejectedValue(new AppError('over_sms_send_rate_limit', '发送太频繁，请 60 秒后再试')),
    });
    render(<LoginForm onSignedIn={jest.fn()} service={service} />);
    type('login-phone', '13800138000');
    await click('login-send-code');
    expect(screen.getByTestId('login-error')).toHaveTextContent('发送太频繁，请 60 秒后再试');
    expect(sendButton()).toHaveAttribute('aria-disabled', 'true');
  });

  it('signs in with a password on the password tab, keeping the phone', async () => {
    const service = fakeService();
    const onSignedIn = jest.fn();
    render(<LoginForm onSignedIn={onSignedIn} service={service} initialPhone='13800138000' />);
    await click('login-tab-password');
    expect(screen.queryByTestId('login-code')).not.toBeInTheDocument();
    expect(screen.getByTestId('login-phone')).toHaveValue('13800138000');
    type('login-password', 'abcd1234');
    await click('login-submit');
    expect(service.signInWithPassword).toHaveBeenCalledWith('+8613800138000', 'abcd1234');
    expect(service.verifySmsCode).not.toHaveBeenCalled();
    // A password is not a phone verification: the page must not link a WeCom member on it.
    expect(onSignedIn).toHaveBeenCalledWith('+8613800138000', 'password');
  });

  it('fills the code from the local SMS hint when one is given', async () => {
    const Hint = ({ onFill, phone }: { phone: string | null; onFill(code: string): void }) =>
      phone ? (
        <button type='button' data-testid='local-sms-fill' onClick={() => onFill('654321')}>
          填入
        </button>
      ) : null;
    render(<LoginForm onSignedIn={jest.fn()} service={fakeService()} localCodeHint={Hint} />);
    expect(screen.queryByTestId('local-sms-fill')).not.toBeInTheDocument();
    type('login-phone', '13800138000');
    await click('login-send-code');
    await click('local-sms-fill');
    expect(screen.getByTestId('login-code')).toHaveValue('654321');
  });
});
