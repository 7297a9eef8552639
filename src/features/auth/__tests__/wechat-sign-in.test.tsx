import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppError } from '../../../lib/errors/app-error';
import { PROVIDER_ERROR_MESSAGES } from '../auth.messages';
import { WechatSignIn } from '../components/wechat-sign-in';
import { nativeHandlers } from './native-button.stub';

jest.mock('../../../ui/button', () => jest.requireActual('./native-button.stub'));

const notLinked = () => new AppError('wechat_not_linked', PROVIDER_ERROR_MESSAGES.wechat_not_linked);

async function tap(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
}

async function phoneAnswer(detail: Record<string, unknown>) {
  await act(async () => {
    nativeHandlers.get('wechat-phone')?.onGetPhoneNumber?.({ detail });
  });
}

describe('WechatSignIn', () => {
  it('signs a linked WeChat user in with the login code alone', async () => {
    const service = { signInWithWechat: jest.fn().mockResolvedValue({ userId: 'u-1', linked: false }) };
    const onSignedIn = jest.fn();
    render(<WechatSignIn service={service} onSignedIn={onSignedIn} />);
    await tap('wechat-sign-in-button');
    expect(service.signInWithWechat).toHaveBeenCalledWith(undefined);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('授权手机号并登录')).toBeNull();
  });

  it('asks for the phone number when the WeChat account is not linked, then signs in with its code', async () => {
    const service = { signInWithWechat: jest.fn().mockRejectedValueOnce(notLinked()).mockResolvedValueOnce({ userId: 'u-2', linked: true }) };
    const onSignedIn = jest.fn();
    render(<WechatSignIn service={service} onSignedIn={onSignedIn} />);
    await tap('wechat-sign-in-button');

    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    const phoneButton = screen.getByTestId('wechat-phone');
    expect(phoneButton).toHaveTextContent('授权手机号并登录');
    expect(phoneButton).toHaveAttribute('data-open-type', 'getPhoneNumber');

    await phoneAnswer({ code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' });
    expect(service.signInWithWechat).toHaveBeenLastCalledWith('phone-code-1');
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('a declined phone number sends nothing and points to the SMS sign-in', async () => {
    const service = { signInWithWechat: jest.fn().mockRejectedValue(notLinked()) };
    render(<WechatSignIn service={service} />);
    await tap('wechat-sign-in-button');
    await phoneAnswer({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(service.signInWithWechat).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert')).toHaveTextContent('未授权手机号。你也可以使用手机号验证码登录');
  });

  it('shows the server refusal and lets the user try again', async () => {
    const limited = new AppError('wechat_rate_limited', PROVIDER_ERROR_MESSAGES.wechat_rate_limited);
    const service = { signInWithWechat: jest.fn().mockRejectedValueOnce(limited).mockResolvedValueOnce({ userId: 'u-3', linked: false }) };
    render(<WechatSignIn service={service} />);
    await tap('wechat-sign-in-button');
    expect(screen.getByRole('alert')).toHaveTextContent('登录请求过于频繁，请稍后再试');
    await tap('wechat-sign-in-button');
    expect(service.signInWithWechat).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
