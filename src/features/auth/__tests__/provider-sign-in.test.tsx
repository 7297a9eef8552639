import { render, screen } from '@testing-library/react';
import { ProviderSignIn } from '../components/provider-sign-in';
import { miniLogin } from '../../../platform/mini-login';

describe('ProviderSignIn', () => {
  it('H5 offers no WeChat or WeCom sign-in (the platform file says so)', () => {
    expect(miniLogin.provider).toBeNull();
    const { container } = render(<ProviderSignIn onNeedsWecomLink={jest.fn()} />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByText('微信一键登录')).toBeNull();
    expect(screen.queryByText('企业微信一键登录')).toBeNull();
  });

  it('the weapp build offers 微信一键登录, the WeCom build 企业微信一键登录', () => {
    const { unmount } = render(<ProviderSignIn provider='wechat' onNeedsWecomLink={jest.fn()} />);
    expect(screen.getByText('微信一键登录')).toBeInTheDocument();
    expect(screen.queryByText('企业微信一键登录')).toBeNull();
    unmount();
    render(<ProviderSignIn provider='wecom' onNeedsWecomLink={jest.fn()} />);
    expect(screen.getByText('企业微信一键登录')).toBeInTheDocument();
    expect(screen.queryByText('微信一键登录')).toBeNull();
  });
});
