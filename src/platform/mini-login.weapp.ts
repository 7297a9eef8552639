// WeChat mini-program: `wx.login` codes for the wechat-login function, and WeChat's privacy
// authorization (the app shows its own popup when a privacy API such as getPhoneNumber needs it).
import Taro from '@tarojs/taro';
import type { MiniLogin } from './mini-login.types';

const errMsgOf = (failure: unknown) =>
  new Error(typeof failure === 'object' && failure && 'errMsg' in failure ? String((failure as { errMsg: unknown }).errMsg) : 'login:fail');

export const miniLogin: MiniLogin = {
  provider: 'wechat',
  loginCode: () =>
    Taro.login().then(
      (res) => {
        if (!res.code) throw errMsgOf(res);
        return res.code;
      },
      (failure: unknown) => {
        throw errMsgOf(failure);
      },
    ),
  onNeedPrivacyAuthorization(listener) {
    // Base library ≥ 2.32.3; older clients have no privacy API and need no popup.
    if (typeof Taro.onNeedPrivacyAuthorization === 'function') Taro.onNeedPrivacyAuthorization((resolve) => listener(resolve));
  },
  openPrivacyContract: () =>
    new Promise((resolve) => {
      if (typeof Taro.openPrivacyContract !== 'function') return resolve();
      Taro.openPrivacyContract({ complete: () => resolve() });
    }),
};
