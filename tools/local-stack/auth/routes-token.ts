// POST /token?grant_type=password|refresh_token — GoTrue's Token endpoint for the grants supabase-js
// uses here. Wrong phone/email or password give the same 400 invalid_credentials (no user probing).
import { withTx } from './db';
import { ipOf, type Route } from './deps';
import { badRequest, OAuthError, sendJson, validationFailed } from './errors';
import { readJsonObject, str } from './http';
import { normalizePhone } from './phone';
import { consume } from './rate-limit';
import { refreshTokenGrant } from './refresh';
import { emailProviderDisabled } from './routes-signin';
import { startSession } from './sessions';
import { checkPassword, findUser } from './users';

const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');

export const postToken: Route = async (deps, args) => {
  const grantType = args.query.get('grant_type') ?? '';
  if (grantType === 'password') return passwordGrant(deps, args);
  if (grantType === 'refresh_token') return refreshGrant(deps, args);
  throw new OAuthError('unsupported_grant_type', '');
};

const passwordGrant: Route = async (deps, { req, res }) => {
  const body = await readJsonObject(req);
  await consume(deps.pool, deps.settings, 'sign_in_sign_ups', ipOf(deps, req));
  const phoneIn = str(body, 'phone');
  const email = str(body, 'email');
  const password = str(body, 'password') ?? '';
  if ((phoneIn && email) || (!phoneIn && !email)) {
    throw validationFailed('Only an email address or phone number should be provided on login.');
  }
  // GoTrue's password grant: 422 email_provider_disabled while the e-mail provider is off.
  if (email && !deps.settings.email.enabled) throw emailProviderDisabled('logins', 422);
  let phone: string | undefined;
  if (phoneIn) {
    if (!deps.settings.sms.enabled) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
    phone = normalizePhone(phoneIn);
  }
  const session = await withTx(deps.pool, async (tx) => {
    const user = phone ? await findUser(tx, 'phone', phone) : await findUser(tx, 'email', (email ?? '').trim());
    if (!user || !password || !(await checkPassword(tx, user.id, password))) throw invalidCredentials();
    if (user.is_banned) throw badRequest('user_banned', 'User is banned');
    if (email && !user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
    if (phone && !user.phone_confirmed_at) throw badRequest('phone_not_confirmed', 'Phone not confirmed');
    return startSession(tx, req, deps.config, deps.settings, user, 'password');
  });
  sendJson(res, 200, session);
};

const refreshGrant: Route = async (deps, { req, res }) => {
  const body = await readJsonObject(req);
  await consume(deps.pool, deps.settings, 'token_refresh', ipOf(deps, req));
  const refreshToken = str(body, 'refresh_token') ?? '';
  if (!refreshToken) throw new OAuthError('invalid_request', 'refresh_token required');
  // Refresh tokens are short opaque strings; anything huge is not one of ours.
  if (refreshToken.length > 255) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  sendJson(res, 200, await refreshTokenGrant(deps.pool, req, deps.config, deps.settings, refreshToken));
};
