import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { ChangePasswordForm } from '../components/change-password-form';
import type { PasswordService } from '../services/password.service';

function fakeService(overrides: Partial<PasswordService> = {}): jest.Mocked<PasswordService> {
  return {
    sendPasswordCode: jest.fn().mockResolvedValue({ sent: true, phone_masked: '138****8000', expires_in: 300, resend_after: 60 }),
    changePassword: jest.fn().mockResolvedValue({ changed: true }),
    ...overrides,
  } as jest.Mocked<PasswordService>;
}

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('ChangePasswordForm', () => {
  it('needs the SMS code before it sends the new password', async () => {
    const service = fakeService();
    const onDone = jest.fn();
    render(<ChangePasswordForm phone='+8613800138000' onDone={onDone} service={service} />);
    type('password-new', 'Lantern-River-58');
    type('password-confirm', 'Lantern-River-58');
    await click('password-submit');
    expect(screen.getByRole('alert')).toHaveTextContent('请输入 6 位短信验证码');
    expect(service.changePassword).not.toHaveBeenCalled();

    await click('password-send-code');
    expect(screen.getByTestId('password-code-sent')).toHaveTextContent('138****8000');
    type('password-code', '123456');
    await click('password-submit');
    expect(service.changePassword).toHaveBeenCalledWith('123456', 'Lantern-River-58');
    expect(onDone).toHaveBeenCalled();
  });

  it('shows the server\'s reason for a common password and stays on the form', async () => {
    const service = fakeService({
      changePassword: jest.fn().mockRejectedValue(new AppError('password_too_common', '这个密码太常见，容易被猜到，请换一个')),
    });
    const onDone = jest.fn();
    render(<ChangePasswordForm phone='+8613800138000' onDone={onDone} service={service} />);
    type('password-code', '123456');
    type('password-new', 'Password2026');
    type('password-confirm', 'Password2026');
    await click('password-submit');
    expect(screen.getByTestId('password-error')).toHaveTextContent('这个密码太常见');
    expect(onDone).not.toHaveBeenCalled();
  });
});
