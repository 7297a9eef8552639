// POST /resend, /recover and /invite — GoTrue's endpoints that (re)send a code or a mail. This
// project has the e-mail provider off (`[auth.email] enable_signup = false`), so the e-mail paths
// answer as GoTrue does then; nothing is ever e-mailed by the stand-in.
import { requireAdmin } from './authn';
import { withTx } from './db';
import { ipOf, sendSmsCode, type Route } from './deps';
import { badRequest, sendJson, unprocessable, validationFailed } from './errors';
import { obj, readJsonObject, str } from './http';
import { normalizePhone } from './phone';
import { consume } from './rate-limit';
import { emailProviderDisabled } from './routes-signin';
import { generateOtp, tokenHash } from './otp';
import { assertEmailShape, createUser, findUser, userJson } from './users';

const RESEND_TYPES = ['signup', 'email_change', 'sms', 'phone_change'];

/** GoTrue's Resend (internal/api/resend.go): unknown users and nothing-to-resend answer 200 {}. */
export const postResend: Route = async (deps, { req, res }) => {
  const body = await readJsonObject(req);
  await consume(deps.pool, deps.settings, 'sign_in_sign_ups', ipOf(deps, req));
  const type = str(body, 'type') ?? '';
  const email = str(body, 'email') ?? '';
  const phoneIn = str(body, 'phone') ?? '';
  if (!RESEND_TYPES.includes(type)) throw validationFailed('Missing one of these types: signup, email_change, sms, phone_change');
  if (email === '' && type === 'signup') throw validationFailed('Type provided requires an email address');
  if (phoneIn === '' && type === 'sms') throw validationFailed('Type provided requires a phone number');
  if (email !== '' && phoneIn !== '') throw validationFailed('Only an email address or phone number should be provided.');
  if (email !== '') {
    if (!deps.settings.email.enabled) throw emailProviderDisabled('logins');
    assertEmailShape(email);
    throw validationFailed('Email resends are not available in the local stand-in');
  }
  if (phoneIn === '') throw validationFailed('Missing email address or phone number');
  if (!deps.settings.sms.enabled) throw emailProviderDisabledPhone();
  const phone = normalizePhone(phoneIn);
  await withTx(deps.pool, async (tx) => {
    const user = await findUser(tx, 'phone', phone, true);
    if (!user) return;
    if (type === 'sms' && !user.phone_confirmed_at) {
      await sendSmsCode(deps, tx, req, user, 'confirmation', phone, 'otp');
    } else if (type === 'phone_change' && user.phone_change) {
      await sendSmsCode(deps, tx, req, user, 'phone_change', user.phone_change, 'phone_change');
    }
  });
  sendJson(res, 200, {});
};

function emailProviderDisabledPhone() {
  return badRequest('phone_provider_disabled', 'Phone logins are disabled');
}

/** POST /recover: GoTrue routes it through requireEmailProvider, so it is refused here. */
export const postRecover: Route = async (deps, { req, res }) => {
  await consume(deps.pool, deps.settings, 'sign_in_sign_ups', ipOf(deps, req));
  if (!deps.settings.email.enabled) throw emailProviderDisabled('logins');
  const body = await readJsonObject(req);
  const email = (str(body, 'email') ?? '').trim();
  assertEmailShape(email);
  // Like GoTrue: the same empty answer whether or not the address is known (no enumeration).
  await withTx(deps.pool, async (tx) => {
    const user = await findUser(tx, 'email', email, true);
    if (!user) return;
    const hash = tokenHash(user.email ?? email, generateOtp(6));
    await tx.query(`update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1`, [user.id, hash]);
  });
  sendJson(res, 200, {});
};

/**
 * POST /invite (service role): GoTrue's Invite does not look at the e-mail provider flag; it
 * creates an unconfirmed e-mail user (or re-invites an unconfirmed one) and mails an invite. The
 * stand-in stores the invite token and sends nothing.
 */
export const postInvite: Route = async (deps, { req, res }) => {
  requireAdmin(req, deps.config.jwtSecret);
  const body = await readJsonObject(req);
  const email = (str(body, 'email') ?? '').trim().toLowerCase();
  assertEmailShape(email);
  const data = obj(body, 'data');
  const out = await withTx(deps.pool, async (tx) => {
    let user = await findUser(tx, 'email', email, true);
    if (user?.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    user ??= await createUser(tx, { email, userMetadata: data });
    const hash = tokenHash(email, generateOtp(6));
    await tx.query(
      `update auth.users set invited_at = now(), confirmation_token = $2, confirmation_sent_at = now(), updated_at = now() where id = $1`,
      [user.id, hash],
    );
    return userJson(tx, (await findUser(tx, 'id', user.id)) ?? user);
  });
  sendJson(res, 200, out);
};
