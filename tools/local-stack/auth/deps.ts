// What every auth route needs, built once per service.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool, PoolClient } from 'pg';
import type { StackConfig } from '../config';
import { HttpError } from './errors';
import { clientIp } from './http';
import { issueOtp, assertCanResend, type OtpKind } from './otp';
import { consume } from './rate-limit';
import type { AuthSettings } from './settings';
import { callSendSmsHook } from './sms-hook';
import { findUser, userJson, type UserRow } from './users';

export interface AuthDeps {
  config: StackConfig;
  settings: AuthSettings;
  /** names the project whose SMS budget this service counts (one row per project) */
  projectRef: string;
  pool: Pool;
  log: (msg: string) => void;
}

export interface RouteArgs {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** path segments after the route's prefix, e.g. ['<uuid>'] for /admin/users/<uuid> */
  params: string[];
}

export type Route = (deps: AuthDeps, args: RouteArgs) => Promise<void>;

export function ipOf(deps: AuthDeps, req: IncomingMessage): string {
  return clientIp(req, deps.settings.rateLimits.header);
}

/**
 * GoTrue's sendPhoneConfirmation: frequency check, SMS budget, new code stored as a hash, then the
 * Send SMS hook — inside the caller's transaction, so a failed send leaves no half-issued code.
 */
export async function sendSmsCode(
  deps: AuthDeps, tx: PoolClient, _req: IncomingMessage, user: UserRow, kind: OtpKind, phone: string, smsType: string,
): Promise<void> {
  const { settings, config } = deps;
  await assertCanResend(tx, settings, user.id, kind);
  await consume(deps.pool, settings, 'sms_sent', deps.projectRef);
  if (!settings.sendSmsHook.enabled) {
    throw new HttpError(500, 'sms_send_failed', 'Error sending SMS: no SMS provider or Send SMS hook is configured');
  }
  const otp = await issueOtp(tx, settings, user.id, kind, phone);
  const current = (await findUser(tx, 'id', user.id)) ?? user;
  // config.toml names the URL a Dockerised GoTrue would use; here the hook is this stack's function.
  const url = `${config.apiUrl}/functions/v1/send-sms`;
  await callSendSmsHook(url, config.smsHookSecret, await userJson(tx, current), otp, smsType);
}
