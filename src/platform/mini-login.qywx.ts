// WeCom (企业微信) mini-program: `wx.qy.login` codes for the wecom-login function. WeCom has no
// WeChat privacy-authorization API, so there is no popup to show.
import Taro from '@tarojs/taro';
import type { MiniLogin } from './mini-login.types';

interface QyLogin {
  login(options?: Record<string, unknown>): Promise<{ code?: string; errMsg?: string }>;
}

const errMsgOf = (failure: unknown) =>
  new Error(typeof failure === 'object' && failure && 'errMsg' in failure ? String((failure as { errMsg: unknown }).errMsg) : 'qy.login:fail');

export const miniLogin: MiniLogin = {
  provider: 'wecom',
  loginCode() {
    // @tarojs/plugin-platform-weapp-qy puts a promisified `wx.qy` on Taro as `Taro.qy`.
    const qy = (Taro as unknown as { qy?: Partial<QyLogin> }).qy;
    if (!qy?.login) return Promise.reject(new Error('qy.login:fail not in WeCom'));
    return qy.login().then(
      (res) => {
        if (!res.code) throw errMsgOf(res);
        return res.code;
      },
      (failure: unknown) => {
        throw errMsgOf(failure);
      },
    );
  },
  onNeedPrivacyAuthorization: () => undefined,
  openPrivacyContract: () => Promise.resolve(),
};
