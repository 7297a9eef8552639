// The auth settings come from supabase/config.toml (what a real project is configured with), and
// the caller's IP is taken from a header only when one is configured as trusted.
import type { IncomingMessage } from 'node:http';
import { loadAuthSettings, durationSeconds } from '../settings';
import { parseToml } from '../../toml';
import { clientIp } from '../http';
import { normalizePhone } from '../phone';

test('config.toml is read as the Supabase CLI maps it to GoTrue', () => {
  const s = loadAuthSettings();
  expect(s).toMatchObject({
    jwtExpiry: 3600,
    refreshTokenRotation: true,
    refreshTokenReuseInterval: 10,
    // GoTrue's own code is 10 digits; members get the sms-otp function's 6-digit one (issue 10)
    sms: { enabled: true, enableConfirmations: true, otpLength: 10, otpExpirySeconds: 300, maxFrequencySeconds: 60 },
    sendSmsHook: { enabled: true },
    minimumPasswordLength: 8,
    // password_requirements = "letters_digits" → the CLI's two required character sets
    passwordRequiredCharacters: ['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'],
    manualLinking: false,
    // [auth.email] enable_signup = false → GOTRUE_EXTERNAL_EMAIL_ENABLED=false
    email: { enabled: false, securePasswordChange: true, otpExpirySeconds: 3600 },
  });
});

test('the TOML reader handles the shapes config.toml uses', () => {
  const t = parseToml(`
a = 1 # comment
[auth.sms]
max_frequency = "60s" # "quoted # not a comment"
list = ["x", 'y', 3]
on = true
[functions."send-sms"]
verify_jwt = false
`);
  expect(t['']).toEqual({ a: 1 });
  expect(t['auth.sms']).toEqual({ max_frequency: '60s', list: ['x', 'y', 3], on: true });
  expect(t['functions.send-sms']).toEqual({ verify_jwt: false });
  expect(durationSeconds('1m30s', 0)).toBe(90);
  expect(durationSeconds('nonsense', 7)).toBe(7);
});

function fakeReq(remote: string, headers: Record<string, string> = {}): IncomingMessage {
  return { headers, socket: { remoteAddress: remote } } as unknown as IncomingMessage;
}

test('the rate-limit IP is the socket address unless a header is configured', () => {
  const spoofed = fakeReq('::ffff:127.0.0.9', { 'x-forwarded-for': '1.2.3.4' });
  expect(clientIp(spoofed, undefined)).toBe('127.0.0.9');
  expect(clientIp(spoofed, 'X-Forwarded-For')).toBe('1.2.3.4');
  expect(clientIp(fakeReq('10.0.0.1', { 'x-forwarded-for': '5.6.7.8, 10.0.0.1' }), 'X-Forwarded-For')).toBe('5.6.7.8');
  expect(clientIp(fakeReq('10.0.0.1'), 'X-Forwarded-For')).toBe('10.0.0.1');
});

// supabase/auth internal/api/phone.go validatePhone: formatPhoneNumber drops one '+' and spaces,
// then ^[1-9]\d{1,14}$ — two digits pass, dashes do not.
test('phone numbers are normalised like GoTrue (digits, no plus)', () => {
  expect(normalizePhone('+86 138 0013 8000')).toBe('8613800138000');
  expect(normalizePhone('8613800138000')).toBe('8613800138000');
  expect(normalizePhone('+12')).toBe('12');
  for (const bad of ['', '+', '0861380013800', '86abc', '+1', '1'.repeat(16), '+86 138-0013-8000', '++8613800138000']) {
    expect(() => normalizePhone(bad)).toThrow(/E\.164/);
  }
});
