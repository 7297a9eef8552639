// POST /otp, /signup, /verify — phone sign-in and sign-up with SMS codes, as GoTrue answers them.
import { withTx, CommitThenFail } from './db';
import { sendSmsCode, ipOf, type Route } from './deps';
import { badRequest, sendJson, unprocessable, validationFailed, forbidden } from './errors';
import { bool, obj, readJsonObject, str } from './http';
import { checkOtp, otpInvalid } from './otp';
import { verifyTokenHash } from './routes-links';
import { normalizePhone } from './phone';
import { consume } from './rate-limit';
import { startSession } from './sessions';
import type { AuthSettings } from './settings';
import {
  assertPasswordStrength, createUser, findUser, findUserByPendingPhone, setPassword, uniqueViolation, userJson,
} from './users';

function requirePhoneProvider(settings: AuthSettings): void {
  if (!settings.sms.enabled) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
}

/**
 * `[auth.email] enable_signup = false` is GOTRUE_EXTERNAL_EMAIL_ENABLED=false on hosted (the CLI maps
 * it so): the e-mail provider is off, and GoTrue refuses e-mail sign-up, sign-in and recovery with
 * email_provider_disabled. The admin API (create user, generate_link) and /verify with a token
 * hash do not look at it — the WeChat alias flow relies on that.
 */
export function emailProviderDisabled(kind: 'signups' | 'logins', status: 400 | 422 = 400) {
  const msg = kind === 'signups' ? 'Email signups are disabled' : 'Email logins are disabled';
  return status === 422 ? unprocessable('email_provider_disabled', msg) : badRequest('email_provider_disabled', msg);
}

function checkChannel(channel: string | undefined): void {
  if (channel !== undefined && channel !== 'sms') {
    throw validationFailed(channel === 'whatsapp' ? 'WhatsApp is not configured for this project' : "Invalid channel, supported values are 'sms' or 'whatsapp'");
  }
}

export const postOtp: Route = async (deps, { req, res }) => {
  const body = await readJsonObject(req);
  await consume(deps.pool, deps.settings, 'sign_in_sign_ups', ipOf(deps, req));
  const phoneIn = str(body, 'phone');
  const email = str(body, 'email');
  const data = obj(body, 'data');
  const createUserFlag = bool(body, 'create_user') ?? true;
  checkChannel(str(body, 'channel'));
  if (phoneIn && email) throw validationFailed('Only an email address or phone number should be provided');
  if (!phoneIn && !email) throw validationFailed('An email address or phone number is required');
  if (email !== undefined) {
    // GoTrue's Otp hands e-mail to MagicLink, which refuses while the e-mail provider is off.
    if (!deps.settings.email.enabled) throw emailProviderDisabled('logins');
    throw validationFailed('Email OTP is not available in the local stand-in');
  }
  if (!phoneIn) throw validationFailed('An email address or phone number is required');
  requirePhoneProvider(deps.settings);
  const phone = normalizePhone(phoneIn);
  await withTx(deps.pool, async (tx) => {
    let user = await findUser(tx, 'phone', phone, true);
    if (!user) {
      if (!createUserFlag) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
      if (!deps.settings.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
      user = await createUser(tx, { phone, userMetadata: data });
    }
    await sendSmsCode(deps, tx, req, user, 'confirmation', phone, 'otp');
  });
  sendJson(res, 200, { message_id: '' });
};

export const postSignup: Route = async (deps, { req, res }) => {
  const body = await readJsonObject(req);
  await consume(deps.pool, deps.settings, 'sign_in_sign_ups', ipOf(deps, req));
  const phoneIn = str(body, 'phone');
  const email = str(body, 'email');
  const password = str(body, 'password') ?? '';
  const data = obj(body, 'data');
  checkChannel(str(body, 'channel'));
  if (!deps.settings.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (!phoneIn && email) {
    if (!deps.settings.email.enabled) throw emailProviderDisabled('signups');
    throw validationFailed('Email sign-ups are not available in the local stand-in');
  }
  // GoTrue reads a sign-up without email or phone as an anonymous sign-in, disabled in config.toml.
  if (!phoneIn) throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  requirePhoneProvider(deps.settings);
  const phone = normalizePhone(phoneIn);
  assertPasswordStrength(password, deps.settings.minimumPasswordLength, deps.settings.passwordRequiredCharacters);
  const confirm = deps.settings.sms.enableConfirmations;
  const out = await withTx(deps.pool, async (tx) => {
    let user = await findUser(tx, 'phone', phone, true);
    if (user?.phone_confirmed_at) throw unprocessable('user_already_exists', 'User already registered');
    if (user) {
      // an unconfirmed sign-up may be retried: GoTrue updates its password and metadata
      await setPassword(tx, user.id, password);
      if (data) await tx.query(`update auth.users set raw_user_meta_data = $2 where id = $1`, [user.id, data]);
    } else {
      user = await createUser(tx, { phone, password, userMetadata: data, phoneConfirmed: !confirm });
    }
    if (!confirm) return startSession(tx, req, deps.config, deps.settings, user, 'password');
    await sendSmsCode(deps, tx, req, user, 'confirmation', phone, 'signup');
    return userJson(tx, (await findUser(tx, 'id', user.id)) ?? user);
  });
  sendJson(res, 200, out);
};

const VERIFY_TYPES = ['sms', 'phone_change', 'signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email'];

export const postVerify: Route = async (deps, { req, res }) => {
  const body = await readJsonObject(req);
  await consume(deps.pool, deps.settings, 'token_verifications', ipOf(deps, req));
  if (str(body, 'token_hash') !== undefined) return verifyTokenHash(deps, req, res, body);
  const type = str(body, 'type') ?? '';
  const token = str(body, 'token') ?? '';
  const phoneIn = str(body, 'phone');
  if (!VERIFY_TYPES.includes(type)) throw validationFailed(`Verify requires a verification type`);
  if (type !== 'sms' && type !== 'phone_change') {
    throw validationFailed(`Verification type ${type} is not available: this project verifies phone numbers only`);
  }
  if (!phoneIn) throw validationFailed('Only an email address or phone number should be provided on verify');
  if (!token) throw validationFailed('Verify requires either a token or a token hash');
  const phone = normalizePhone(phoneIn);
  const kind = type === 'sms' ? 'confirmation' : 'phone_change';
  const session = await withTx(deps.pool, async (tx) => {
    const user = kind === 'confirmation' ? await findUser(tx, 'phone', phone, true) : await findUserByPendingPhone(tx, phone, true);
    if (!user) throw otpInvalid();
    const ok = await checkOtp(tx, deps.settings, user.id, kind, phone, token.trim());
    if (!ok) throw new CommitThenFail(otpInvalid());
    if (user.is_banned) throw forbidden('user_banned', 'User is banned');
    if (kind === 'confirmation') {
      await tx.query(
        `update auth.users set phone_confirmed_at = coalesce(phone_confirmed_at, now()), updated_at = now() where id = $1`,
        [user.id],
      );
    } else {
      await tx
        .query(
          `update auth.users set phone = phone_change, phone_change = '', phone_confirmed_at = now(), updated_at = now()
           where id = $1`,
          [user.id],
        )
        .catch((e: unknown) => {
          throw uniqueViolation(e) ?? e; // someone else confirmed this number meanwhile
        });
    }
    await tx.query(
      `update auth.identities set identity_data = identity_data || jsonb_build_object('phone', $2::text, 'phone_verified', true),
         updated_at = now() where user_id = $1 and provider = 'phone'`,
      [user.id, phone],
    );
    return startSession(tx, req, deps.config, deps.settings, (await findUser(tx, 'id', user.id)) ?? user, 'otp');
  });
  sendJson(res, 200, session);
};
