// H5: no host app to sign in with, no WeChat privacy popup. Mini-program builds resolve
// mini-login.weapp.ts / mini-login.qywx.ts instead (Taro platform files).
import type { MiniLogin } from './mini-login.types';

export const miniLogin: MiniLogin = {
  provider: null,
  loginCode: () => Promise.reject(new Error('no host sign-in on this platform')),
  onNeedPrivacyAuthorization: () => undefined,
  openPrivacyContract: () => Promise.resolve(),
};
