// GET/PUT /user and POST /logout for the signed-in caller.
import { requireUser } from './authn';
import { withTx } from './db';
import { sendSmsCode, type Route } from './deps';
import { badRequest, notFound, sendJson, sendNoContent, unprocessable, validationFailed } from './errors';
import { obj, readJsonObject, readOptionalJsonObject, str } from './http';
import { normalizePhone } from './phone';
import { endSessions } from './sessions';
import { checkOtp } from './otp';
import { assertPasswordStrength, checkPassword, findUser, isUuid, mergeMetadataSql, setPassword, userJson } from './users';

export const getUser: Route = async (deps, { req, res }) => {
  const { user } = await requireUser(req, deps.pool, deps.config.jwtSecret);
  sendJson(res, 200, await userJson(deps.pool, user));
};

export const putUser: Route = async (deps, { req, res }) => {
  const caller = await requireUser(req, deps.pool, deps.config.jwtSecret);
  const body = await readJsonObject(req);
  const password = str(body, 'password');
  const email = str(body, 'email');
  const phoneIn = str(body, 'phone');
  const data = obj(body, 'data');
  const nonce = str(body, 'nonce') ?? '';
  if (password !== undefined) {
    assertPasswordStrength(password, deps.settings.minimumPasswordLength, deps.settings.passwordRequiredCharacters);
  }
  if (email !== undefined && email !== (caller.user.email ?? '')) {
    throw validationFailed('Email changes are not available: this project has no email sender');
  }
  const out = await withTx(deps.pool, async (tx) => {
    const user = (await findUser(tx, 'id', caller.user.id, true)) ?? caller.user;
    if (password !== undefined) {
      // secure_password_change: a session older than a day (or none) needs the nonce that
      // GET /reauthenticate sent; a fresh sign-in does not (GoTrue's UserUpdate).
      if (deps.settings.email.securePasswordChange && caller.sessionOlderThanADay) {
        if (!nonce) throw badRequest('reauthentication_needed', 'Password update requires reauthentication');
        const phone = user.phone ?? '';
        const ok = phone !== '' && (await checkOtp(tx, deps.settings, user.id, 'reauthentication', phone, nonce));
        if (!ok) throw badRequest('reauthentication_not_valid', 'Nonce has expired or is invalid');
      }
      if (await checkPassword(tx, user.id, password)) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      await setPassword(tx, user.id, password);
      // GoTrue's UpdatePassword logs out every other session of the user.
      await endSessions(tx, user.id, caller.sessionId, caller.sessionId ? 'others' : 'global');
    }
    if (data) {
      // GoTrue merges metadata key by key; a top-level null removes the key, nested nulls stay.
      await tx.query(`update auth.users set ${mergeMetadataSql('raw_user_meta_data')}, updated_at = now() where id = $1`, [
        user.id,
        JSON.stringify(data),
      ]);
    }
    if (phoneIn !== undefined) {
      if (!deps.settings.sms.enabled) throw validationFailed('Phone logins are disabled');
      const phone = normalizePhone(phoneIn);
      if (phone !== user.phone) {
        const other = await findUser(tx, 'phone', phone);
        if (other) throw unprocessable('phone_exists', 'A user with this phone number has already been registered');
        await sendSmsCode(deps, tx, req, user, 'phone_change', phone, 'phone_change');
      }
    }
    return userJson(tx, (await findUser(tx, 'id', user.id)) ?? user);
  });
  sendJson(res, 200, out);
};

const SCOPES = ['global', 'local', 'others'] as const;

export const postLogout: Route = async (deps, { req, res, query }) => {
  const caller = await requireUser(req, deps.pool, deps.config.jwtSecret);
  await readOptionalJsonObject(req).catch(() => ({}));
  const scope = query.get('scope') ?? 'global';
  if (!(SCOPES as readonly string[]).includes(scope)) throw validationFailed(`Unsupported logout scope "${scope}"`);
  await endSessions(deps.pool, caller.user.id, caller.sessionId, scope as (typeof SCOPES)[number]);
  sendNoContent(res);
};

/**
 * GET /reauthenticate: GoTrue's Reauthenticate for a phone user — a code to the confirmed number
 * through the Send SMS hook with sms_type 'reauthentication', stored in reauthentication_token.
 */
export const getReauthenticate: Route = async (deps, { req, res }) => {
  const caller = await requireUser(req, deps.pool, deps.config.jwtSecret);
  const { user } = caller;
  if (user.email) {
    if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Please verify your email first.');
    // an e-mail user would get the nonce by mail; the stand-in sends no mail
    throw validationFailed('Reauthentication by e-mail is not available in the local stand-in');
  }
  if (!user.phone) throw unprocessable('validation_failed', 'Reauthentication requires the user to have an email or a phone number');
  if (!user.phone_confirmed_at) throw badRequest('phone_not_confirmed', 'Please verify your phone first.');
  await withTx(deps.pool, async (tx) => {
    const locked = (await findUser(tx, 'id', user.id, true)) ?? user;
    await sendSmsCode(deps, tx, req, locked, 'reauthentication', locked.phone ?? '', 'reauthentication');
  });
  sendJson(res, 200, {});
};

/** DELETE /user/identities/:id — GoTrue's DeleteIdentity, behind requireManualLinkingEnabled. */
export const deleteIdentity: Route = async (deps, { req, res, params }) => {
  const caller = await requireUser(req, deps.pool, deps.config.jwtSecret);
  if (!deps.settings.manualLinking) throw notFound('manual_linking_disabled', 'Manual linking is disabled');
  const identityId = params[0] ?? '';
  if (!isUuid(identityId)) throw notFound('validation_failed', 'identity_id must be an UUID');
  await withTx(deps.pool, async (tx) => {
    const { rows } = await tx.query<{ id: string; provider: string }>(
      `select id, provider from auth.identities where user_id = $1 for update`,
      [caller.user.id],
    );
    if (rows.length <= 1) throw unprocessable('single_identity_not_deletable', 'User must have at least 1 identity after unlinking');
    const target = rows.find((r) => r.id === identityId);
    if (!target) throw unprocessable('identity_not_found', "Identity doesn't exist");
    await tx.query(`delete from auth.identities where id = $1`, [identityId]);
    const left = rows.filter((r) => r.id !== identityId).map((r) => r.provider);
    await tx.query(
      `update auth.users set raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb)
         || jsonb_build_object('provider', $2::text, 'providers', $3::jsonb), updated_at = now() where id = $1`,
      [caller.user.id, left[0], JSON.stringify([...new Set(left)])],
    );
    if (target.provider === 'phone') await tx.query(`update auth.users set phone = null, phone_confirmed_at = null where id = $1`, [caller.user.id]);
    if (target.provider === 'email') await tx.query(`update auth.users set email = null, email_confirmed_at = null where id = $1`, [caller.user.id]);
  });
  sendJson(res, 200, {});
};
