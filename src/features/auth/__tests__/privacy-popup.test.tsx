import { act, fireEvent, render, screen } from '@testing-library/react';
import { PrivacyPopup } from '../components/privacy-popup';
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyStore } from '../store/privacy.store';
import { nativeHandlers } from './native-button.stub';

jest.mock('../../../ui/button', () => jest.requireActual('./native-button.stub'));

function renderPopup() {
  const platform = { openPrivacyContract: jest.fn().mockResolvedValue(undefined) };
  render(<PrivacyPopup platform={platform} />);
  return platform;
}

/** What WeChat does when a privacy API needs the user's answer: calls the app's listener. */
function wechatAsks() {
  const resolve = jest.fn();
  act(() => usePrivacyStore.getState().open(resolve));
  return resolve;
}

describe('PrivacyPopup', () => {
  afterEach(() => act(() => usePrivacyStore.setState({ pending: null })));

  it('stays hidden until WeChat asks, then tells WeChat it was shown', () => {
    renderPopup();
    expect(screen.queryByRole('dialog')).toBeNull();
    const resolve = wechatAsks();
    expect(screen.getByRole('dialog')).toHaveTextContent('隐私保护提示');
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
  });

  it('opens the privacy guideline from its link', () => {
    const platform = renderPopup();
    wechatAsks();
    fireEvent.click(screen.getByRole('link'));
    expect(screen.getByRole('link')).toHaveTextContent('《知享小程序隐私保护指引》');
    expect(platform.openPrivacyContract).toHaveBeenCalledTimes(1);
  });

  it('agreeing goes through the agreePrivacyAuthorization button and names it to WeChat', () => {
    renderPopup();
    const resolve = wechatAsks();
    const agree = screen.getByTestId('privacy-agree');
    expect(agree).toHaveAttribute('data-open-type', 'agreePrivacyAuthorization');
    expect(agree).toHaveAttribute('id', PRIVACY_AGREE_BUTTON_ID);
    act(() => nativeHandlers.get('privacy-agree')?.onAgreePrivacyAuthorization?.({ detail: {} }));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('declining answers "disagree" and closes', () => {
    renderPopup();
    const resolve = wechatAsks();
    fireEvent.click(screen.getByTestId('privacy-disagree'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a second request while one is open declines the first', () => {
    renderPopup();
    const first = wechatAsks();
    const second = wechatAsks();
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(second).toHaveBeenLastCalledWith({ event: 'exposureAuthorization' });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
