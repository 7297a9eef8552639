// Public API of the auth feature.
export { LoginForm, type LoginFormProps } from './components/login-form';
export { LocalCodeHint } from './components/local-code-hint';
export { ProviderSignIn, type ProviderSignInProps } from './components/provider-sign-in';
export { WechatSignIn } from './components/wechat-sign-in';
export { WecomSignIn } from './components/wecom-sign-in';
export { PrivacyPopup } from './components/privacy-popup';
export { SignOutButton } from './components/sign-out-button';
export { authService, type AuthService } from './services/auth.service';
export { providerSignInService, signInWithWechat, signInWithWecom, linkWecom, type ProviderSignInService } from './services/provider-sign-in.service';
export { AUTH_ERROR_MESSAGES, PROVIDER_ERROR_MESSAGES, AUTH_MESSAGES } from './auth.messages';
export { useSessionStore, type SessionStatus, type SessionUser } from './store/session.store';
export { usePrivacyStore, startPrivacyPrompt } from './store/privacy.store';
export { goToLogin, signOutTo, useRequireSession } from './hooks/use-require-session';
export { useSignOut, type SignOut } from './hooks/use-sign-out';
export { useCountdown } from '../../lib/hooks/use-countdown';
export { useWecomLink, type SignInMethod } from './hooks/use-wecom-link';
export { phoneSchema, otpCodeSchema, passwordSchema, setPasswordSchema, firstIssue } from './schemas/auth.schema';
