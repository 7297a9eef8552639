// Public API of the auth feature.
export { LoginForm, type LoginFormProps, type LocalCodeHintProps } from './components/login-form';
export { SetPasswordForm } from './components/set-password-form';
export { authService, type AuthService } from './services/auth.service';
export { toAuthError, AUTH_ERROR_MESSAGES } from './services/auth-errors';
export { useSessionStore, type SessionStatus, type SessionUser } from './store/session.store';
export { startSessionSync } from './store/session-sync';
export { goToLogin, signOutTo, useRequireSession } from './hooks/use-require-session';
export { useCountdown } from './hooks/use-countdown';
export { phoneSchema, otpCodeSchema, passwordSchema, setPasswordSchema, firstIssue } from './schemas/auth.schema';
