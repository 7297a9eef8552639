// GET/PUT /user and POST /logout for the signed-in caller.
import { requireUser } from './authn';
import { withTx } from './db';
import { sendSmsCode, type Route } from './deps';
import { sendJson, sendNoContent, unprocessable, validationFailed, weakPassword } from './errors';
import { obj, readJsonObject, readOptionalJsonObject, str } from './http';
import { normalizePhone } from './phone';
import { endSessions } from './sessions';
import { checkPassword, findUser, passwordTooShort, setPassword, userJson } from './users';

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
  str(body, 'nonce');
  if (email !== undefined && email !== (caller.user.email ?? '')) {
    throw validationFailed('Email changes are not available: this project has no email sender');
  }
  const out = await withTx(deps.pool, async (tx) => {
    const user = (await findUser(tx, 'id', caller.user.id, true)) ?? caller.user;
    if (password !== undefined) {
      const min = deps.settings.minimumPasswordLength;
      if (passwordTooShort(password, min)) throw weakPassword(`Password should be at least ${min} characters.`, ['length']);
      if (await checkPassword(tx, user.id, password)) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      await setPassword(tx, user.id, password);
      // GoTrue's UpdatePassword logs out every other session of the user.
      await endSessions(tx, user.id, caller.sessionId, caller.sessionId ? 'others' : 'global');
    }
    if (data) {
      // GoTrue merges metadata key by key; a null value removes the key.
      await tx.query(
        `update auth.users set raw_user_meta_data = jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb),
           updated_at = now() where id = $1`,
        [user.id, JSON.stringify(data)],
      );
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
