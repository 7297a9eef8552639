// The local GoTrue stand-in mounted at /auth/v1: the subset of GoTrue's HTTP API that supabase-js
// uses for phone sign-in, sessions and user admin. Every request ends in a GoTrue-shaped answer;
// anything unexpected becomes 500 unexpected_failure, bad input never does.
import type { MountedService, ServiceContext } from '../types';
import type { AuthDeps, Route } from './deps';
import { notFound, sendError, sendJson, HttpError } from './errors';
import { splitPath } from './http';
import { createAdminUser, deleteAdminUser, getAdminUser, listUsers, updateAdminUser } from './routes-admin';
import { postGenerateLink } from './routes-links';
import { postOtp, postSignup, postVerify } from './routes-signin';
import { postToken } from './routes-token';
import { deleteIdentity, getReauthenticate, getUser, postLogout, putUser } from './routes-user';
import { postInvite, postRecover, postResend } from './routes-email';
import { loadAuthSettings, type AuthSettings } from './settings';

const health: Route = async (_deps, { res }) => {
  sendJson(res, 200, { version: 'local', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });
};

// GET /settings: what GoTrue reports about enabled providers.
const settingsRoute: Route = async (deps, { res }) => {
  const s = deps.settings;
  sendJson(res, 200, {
    external: { anonymous_users: false, email: s.email.enabled, phone: s.sms.enabled, apple: false, github: false, google: false, wechat: false },
    disable_signup: !s.enableSignup,
    mailer_autoconfirm: false,
    phone_autoconfirm: !s.sms.enableConfirmations,
    sms_provider: s.sendSmsHook.enabled ? 'hook' : '',
    saml_enabled: false,
  });
};

type Table = Array<{ method: string; path: RegExp; route: Route }>;

/** `'METHOD /path/:param'` → its route; each `:param` matches one path segment, handed over decoded. */
function routeTable(routes: Record<string, Route>): Table {
  return Object.entries(routes).map(([key, route]) => {
    const [method, pattern] = key.split(' ');
    return { method, path: new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}$`), route };
  });
}

// GoTrue's paths that supabase-js and the admin API call.
const ROUTES = routeTable({
  'GET /health': health, 'GET /settings': settingsRoute,
  'POST /otp': postOtp, 'POST /signup': postSignup, 'POST /verify': postVerify, 'POST /token': postToken,
  'GET /user': getUser, 'PUT /user': putUser, 'POST /logout': postLogout, 'GET /reauthenticate': getReauthenticate,
  'POST /resend': postResend, 'POST /recover': postRecover, 'POST /invite': postInvite,
  'DELETE /user/identities/:id': deleteIdentity,
  'GET /admin/users': listUsers, 'POST /admin/users': createAdminUser, 'POST /admin/generate_link': postGenerateLink,
  'GET /admin/users/:id': getAdminUser, 'PUT /admin/users/:id': updateAdminUser, 'DELETE /admin/users/:id': deleteAdminUser,
});

export interface AuthServiceOptions {
  /** default: supabase/config.toml and GOTRUE_* env */
  settings?: AuthSettings;
  /** default 'local': the stack is one project. Contract tests mount a second one to spend an SMS budget of its own. */
  projectRef?: string;
}

export function createAuthService(ctx: ServiceContext, opts: AuthServiceOptions = {}): MountedService {
  const deps: AuthDeps = {
    config: ctx.config,
    pool: ctx.pool,
    log: ctx.log,
    settings: opts.settings ?? loadAuthSettings(),
    projectRef: opts.projectRef ?? 'local',
  };
  return {
    async handle(req, res, path) {
      try {
        const { pathname, query } = splitPath(path);
        const method = (req.method ?? 'GET').toUpperCase();
        const matches = ROUTES.filter((r) => r.path.test(pathname));
        if (matches.length === 0) throw notFound('not_found', 'Not found');
        const hit = matches.find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
        if (!hit) throw new HttpError(405, 'method_not_allowed', 'Method not allowed');
        const params = (hit.path.exec(pathname) ?? []).slice(1).map((p) => safeDecode(p));
        await hit.route(deps, { req, res, query, params });
      } catch (e) {
        sendError(req, res, e, ctx.log);
      }
    },
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
