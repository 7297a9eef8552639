import { create } from 'zustand';
import { miniLogin } from '../../../platform/mini-login';
import type { MiniLogin, PrivacyResolve } from '../../../platform/mini-login.types';

/** Id of the popup's `open-type="agreePrivacyAuthorization"` button; WeChat checks it was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'zx-privacy-agree';

interface PrivacyState {
  /** WeChat's resolve while a privacy API (getPhoneNumber) waits for the user's answer */
  pending: PrivacyResolve | null;
  open(resolve: PrivacyResolve): void;
  agree(): void;
  disagree(): void;
}

// WeChat privacy authorization (隐私保护指引): WeChat holds a privacy API or component until the
// app shows its own popup and the user agrees through an agreePrivacyAuthorization button.
export const usePrivacyStore = create<PrivacyState>()((set, get) => ({
  pending: null,
  open(resolve) {
    // A second request while one is open: the first is answered "no" (WeChat fails that call).
    get().pending?.({ event: 'disagree' });
    set({ pending: resolve });
    resolve({ event: 'exposureAuthorization' });
  },
  agree() {
    get().pending?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    set({ pending: null });
  },
  disagree() {
    get().pending?.({ event: 'disagree' });
    set({ pending: null });
  },
}));

let listening = false;

/** Registers the app's popup as WeChat's privacy prompt (once; a no-op on H5 and WeCom). */
export function startPrivacyPrompt(platform: Pick<MiniLogin, 'onNeedPrivacyAuthorization'> = miniLogin): void {
  if (listening) return;
  listening = true;
  platform.onNeedPrivacyAuthorization((resolve) => usePrivacyStore.getState().open(resolve));
}
