// What a person does on the compiled sign-in page, shared by the weapp simulator tests.
import { sql } from '../../support/clients';
import { getStack } from '../../support/stack';
import type { Harness } from './harness';
import { latestSmsCodeOverHttp } from './outbox';
import type { PageDriver } from './page-driver';

export const LOGIN_PAGE = 'pages/login/index';
export const ONBOARDING_PAGE = 'packages/onboarding/index';
export const HOME_URL = /^\/?pages\/index\/index(\?|$)/;
export const ONBOARDING_URL = /^\/?packages\/onboarding\/index(\?|$)/;

export interface StoredSession {
  access_token: string;
  refresh_token: string;
  user: { id: string; phone: string };
}

/** The supabase-js session the app persisted through wx storage (found by shape). */
export function storedSession(harness: Harness): StoredSession | undefined {
  for (const value of harness.bridge.storage.values()) {
    if (typeof value !== 'string' || !value.startsWith('{')) continue;
    const session = JSON.parse(value) as Partial<StoredSession>;
    if (session.access_token && session.refresh_token && session.user) return session as StoredSession;
  }
  return undefined;
}

/** Polls the outbox without blocking the driver's synchronous waitFor. */
export function outboxPoller(stackUrl: string, phone: string): () => string | undefined {
  let pending: Promise<void> | undefined;
  let code: string | undefined;
  return () => {
    pending ??= latestSmsCodeOverHttp(stackUrl, phone).then(
      (found) => {
        code = found;
        pending = undefined;
      },
      () => {
        pending = undefined;
      },
    );
    return code;
  };
}

/** Phone, 获取验证码, the code from the SMS, 登录 — on the sign-in page. */
export async function signInWithSms(harness: Harness, phone: string): Promise<{ page: PageDriver; session: StoredSession }> {
  const page = await harness.openPage(LOGIN_PAGE);
  return { page, session: await smsSignInOn(page, harness, phone) };
}

/** The SMS sign-in on a sign-in page already open. */
export async function smsSignInOn(page: PageDriver, harness: Harness, phone: string): Promise<StoredSession> {
  await page.type('请输入手机号', phone.replace(/^\+86/, ''));
  await page.tap('获取验证码');
  const code = await page.waitFor(outboxPoller(getStack().url, phone), 'the SMS code in the local outbox');
  await page.type(/验证码/, code);
  await page.tap('登录');
  return page.waitFor(() => storedSession(harness), 'a session in wx storage');
}

/** Waits until the app navigated to a URL matching `url`. */
export function waitForNavigation(page: PageDriver, harness: Harness, url: RegExp, what: string) {
  return page.waitFor(() => harness.bridge.navigations.find((n) => n.url && url.test(n.url)), what);
}

/**
 * Every simulator sign-in (and every session the WeChat/WeCom functions mint) is a token
 * verification from loopback, counted in one per-IP window shared with the suites that ran before
 * (e2e): start each test with a fresh window rather than inherit an exhausted one.
 */
export async function freshLoopbackVerifyBudget(): Promise<void> {
  await sql(`delete from auth.local_rate_limits where bucket = 'ip:token_verifications' and key in ('127.0.0.1', '::ffff:127.0.0.1', '::1')`);
}
