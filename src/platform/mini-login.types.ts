// The host app's own sign-in (WeChat / WeCom) and WeChat's privacy authorization, per build.
export type SignInProvider = 'wechat' | 'wecom';

/** What `wx.onNeedPrivacyAuthorization`'s resolve takes. */
export interface PrivacyResolution {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  /** id of the `open-type="agreePrivacyAuthorization"` button the user tapped (event 'agree') */
  buttonId?: string;
}
export type PrivacyResolve = (resolution: PrivacyResolution) => void;

export interface MiniLogin {
  /** the one-tap sign-in this build offers; null where there is none (H5) */
  provider: SignInProvider | null;
  /** a one-time code from `wx.login` / `wx.qy.login` (rejects with the host's errMsg) */
  loginCode(): Promise<string>;
  /** WeChat calls `listener` when a privacy API or component needs the user's consent first */
  onNeedPrivacyAuthorization(listener: (resolve: PrivacyResolve) => void): void;
  /** opens the privacy guideline declared in the mini-program admin console */
  openPrivacyContract(): Promise<void>;
}
