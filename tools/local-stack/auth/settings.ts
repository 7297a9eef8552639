// The auth settings, read from supabase/config.toml — the same file the Supabase CLI pushes to a
// real project — so the local stand-in enforces exactly what production is configured to enforce.
// Rate limits may be overridden with GoTrue's own env names (GOTRUE_RATE_LIMIT_*), and the
// rate-limit IP header is opt-in via GOTRUE_RATE_LIMIT_HEADER, as in GoTrue.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { parseToml, type TomlTable, type TomlValue } from '../toml';

export interface AuthSettings {
  jwtExpiry: number;
  refreshTokenRotation: boolean;
  refreshTokenReuseInterval: number;
  enableSignup: boolean;
  minimumPasswordLength: number;
  /** GoTrue's PASSWORD_REQUIRED_CHARACTERS: each set needs one character of the password */
  passwordRequiredCharacters: string[];
  /** [auth] enable_manual_linking: gates /user/identities (link and unlink) */
  manualLinking: boolean;
  email: {
    /** GOTRUE_EXTERNAL_EMAIL_ENABLED, which the CLI takes from [auth.email] enable_signup */
    enabled: boolean;
    /** [auth.email] secure_password_change: old sessions need a reauthentication nonce */
    securePasswordChange: boolean;
    otpExpirySeconds: number;
  };
  sms: {
    enabled: boolean;
    /** false = GoTrue's SMS autoconfirm: phone sign-ups get a session at once */
    enableConfirmations: boolean;
    otpLength: number;
    otpExpirySeconds: number;
    maxFrequencySeconds: number;
  };
  sendSmsHook: { enabled: boolean; uri: string };
  rateLimits: {
    /** per IP per 5 minutes: /otp, /signup, password grant */
    signInSignUps: number;
    /** per IP per 5 minutes: /verify */
    tokenVerifications: number;
    /** per IP per 5 minutes: refresh_token grant */
    tokenRefresh: number;
    /** per hour for the whole project (as hosted GoTrue counts it): SMS messages sent */
    smsSent: number;
    /** header trusted for the caller's IP, or undefined for the socket address */
    header: string | undefined;
  };
}

export const CONFIG_TOML = path.join(REPO_ROOT, 'supabase', 'config.toml');

/** Go duration ("60s", "1m", "1m30s", "1h") or plain seconds → seconds. */
export function durationSeconds(v: TomlValue | undefined, fallback: number): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return fallback;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms)/g;
  let total = 0;
  let matched = false;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : n / 1000;
  }
  return matched ? total : fallback;
}

const num = (t: TomlTable | undefined, k: string, d: number) => (typeof t?.[k] === 'number' ? (t[k] as number) : d);
const flag = (t: TomlTable | undefined, k: string, d: boolean) => (typeof t?.[k] === 'boolean' ? (t[k] as boolean) : d);

function envInt(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const SYMBOLS = "!@#$%^&*()_+-=[]{};'\\:\"|<>?,./`~";

/** The CLI's password_requirements → GoTrue's required character sets (pkg/config/auth.go). */
export function requiredCharacters(v: TomlValue | undefined): string[] {
  switch (v) {
    case 'letters_digits': return [LOWER + UPPER, DIGITS];
    case 'lower_upper_letters_digits': return [LOWER, UPPER, DIGITS];
    case 'lower_upper_letters_digits_symbols': return [LOWER, UPPER, DIGITS, SYMBOLS];
    default: return [];
  }
}

export function loadAuthSettings(file = CONFIG_TOML): AuthSettings {
  const toml = fs.existsSync(file) ? parseToml(fs.readFileSync(file, 'utf8')) : {};
  const auth = toml['auth'];
  const sms = toml['auth.sms'];
  const limits = toml['auth.rate_limit'];
  const hook = toml['auth.hook.send_sms'];
  const email = toml['auth.email'];
  // [auth.sms] `enabled` is the CLI's current name for the legacy `enable_signup`.
  const smsEnabled = flag(sms, 'enabled', flag(sms, 'enable_signup', false));
  return {
    jwtExpiry: num(auth, 'jwt_expiry', 3600),
    refreshTokenRotation: flag(auth, 'enable_refresh_token_rotation', true),
    refreshTokenReuseInterval: num(auth, 'refresh_token_reuse_interval', 10),
    enableSignup: flag(auth, 'enable_signup', true),
    minimumPasswordLength: Math.max(6, num(auth, 'minimum_password_length', 6)),
    passwordRequiredCharacters: requiredCharacters(auth?.['password_requirements']),
    manualLinking: flag(auth, 'enable_manual_linking', false),
    email: {
      enabled: flag(email, 'enable_signup', true),
      securePasswordChange: flag(email, 'secure_password_change', false),
      otpExpirySeconds: num(email, 'otp_expiry', 3600),
    },
    sms: {
      enabled: smsEnabled,
      enableConfirmations: flag(sms, 'enable_confirmations', false),
      otpLength: Math.min(10, Math.max(6, num(sms, 'otp_length', 6))),
      otpExpirySeconds: num(sms, 'otp_expiry', 60),
      maxFrequencySeconds: durationSeconds(sms?.['max_frequency'], 60),
    },
    sendSmsHook: {
      enabled: flag(hook, 'enabled', false),
      uri: typeof hook?.['uri'] === 'string' ? (hook['uri'] as string) : '',
    },
    rateLimits: {
      signInSignUps: envInt('GOTRUE_RATE_LIMIT_OTP') ?? num(limits, 'sign_in_sign_ups', 30),
      tokenVerifications: envInt('GOTRUE_RATE_LIMIT_VERIFY') ?? num(limits, 'token_verifications', 30),
      tokenRefresh: envInt('GOTRUE_RATE_LIMIT_TOKEN_REFRESH') ?? num(limits, 'token_refresh', 150),
      smsSent: envInt('GOTRUE_RATE_LIMIT_SMS_SENT') ?? num(limits, 'sms_sent', 30),
      header: process.env.GOTRUE_RATE_LIMIT_HEADER?.trim() || undefined,
    },
  };
}
