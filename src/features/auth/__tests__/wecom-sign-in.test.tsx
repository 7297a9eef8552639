import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { AppError } from '../../../lib/errors/app-error';
import { PROVIDER_ERROR_MESSAGES } from '../auth.messages';
import { WecomSignIn } from '../components/wecom-sign-in';
import { useWecomLink } from '../hooks/use-wecom-link';

const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('WecomSignIn', () => {
  it('signs a linked WeCom member in', async () => {
    const service = { signInWithWecom: jest.fn().mockResolvedValue({ userId: 'u-1', linked: false }) };
    const onSignedIn = jest.fn();
    const onNeedsLink = jest.fn();
    render(<WecomSignIn service={service} onSignedIn={onSignedIn} onNeedsLink={onNeedsLink} />);
    await tap('wecom-sign-in-button');
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(onNeedsLink).not.toHaveBeenCalled();
  });

  it('a first-time member is told to sign in by SMS once, and the page is asked to link afterwards', async () => {
    const service = { signInWithWecom: jest.fn().mockRejectedValue(new AppError('wecom_not_linked', PROVIDER_ERROR_MESSAGES.wecom_not_linked)) };
    const onNeedsLink = jest.fn();
    render(<WecomSignIn service={service} onNeedsLink={onNeedsLink} />);
    await tap('wecom-sign-in-button');
    expect(onNeedsLink).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('首次使用请先用手机号验证码登录，完成企业微信账号绑定');
    expect(screen.queryByTestId('wecom-sign-in-button')).toBeNull();
  });
});

describe('useWecomLink', () => {
  let toast: jest.SpyInstance;
  beforeEach(() => {
    toast = jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'showToast:ok' }) as never);
  });
  afterEach(() => toast.mockRestore());

  it('links only after an SMS sign-in that followed a "not linked" answer, and only once', async () => {
    const service = { linkWecom: jest.fn().mockResolvedValue(true) };
    const { result } = renderHook(() => useWecomLink(service));

    await expect(result.current.afterSignIn('sms')).resolves.toBeNull();
    expect(service.linkWecom).not.toHaveBeenCalled();

    act(() => result.current.arm());
    await expect(result.current.afterSignIn('password')).resolves.toBeNull();
    expect(service.linkWecom).not.toHaveBeenCalled();

    act(() => result.current.arm());
    await expect(result.current.afterSignIn('sms')).resolves.toBe(true);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已绑定企业微信，下次可一键登录' }));
    await expect(result.current.afterSignIn('sms')).resolves.toBeNull();
    expect(service.linkWecom).toHaveBeenCalledTimes(1);
  });

  it('a WeCom member already linked to another account is reported, and a failed link does not throw', async () => {
    const service = { linkWecom: jest.fn().mockResolvedValueOnce(false).mockRejectedValueOnce(new AppError('network', '网络异常，请重试')) };
    const { result } = renderHook(() => useWecomLink(service));
    act(() => result.current.arm());
    await expect(result.current.afterSignIn('sms')).resolves.toBe(false);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '该企业微信已绑定其他账号' }));
    act(() => result.current.arm());
    await expect(result.current.afterSignIn('sms')).resolves.toBeNull();
  });
});
