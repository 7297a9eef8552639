// Opening the app as members the API signed in, and arranging an enterprise for them, for browser
// suites whose subject is what happens next in the page (tab bar, notification center).
import type { BrowserContext } from 'playwright-core';
import { sql, type SignedInUser } from '../../support/clients';
import { getStack } from '../../support/stack';
import { AccountPages } from './app-pages';
import { mobileContext } from './browser';
import type { BrowserSuite } from './suite';

/** Registers an afterEach that closes the contexts it opened; returns `openAs(who, route)`. */
export function signedInPages(suite: BrowserSuite) {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    while (contexts.length) await contexts.pop()?.close();
  });
  return async function openAs(who: SignedInUser, route: string): Promise<AccountPages> {
    const context = await mobileContext(suite.browser);
    contexts.push(context);
    const app = new AccountPages(await context.newPage(), suite.server.url);
    const { data } = await who.client.auth.getSession();
    if (!data.session) throw new Error('no session');
    await app.openSignedIn(data.session, route, getStack().url);
    return app;
  };
}

export async function rpc<T>(who: SignedInUser, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await who.client.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

/** `admin` creates an enterprise (basic edition, join rule approval) and `applicant` asks to join it by invitation. */
export async function pendingJoinRequest(admin: SignedInUser, applicant: SignedInUser, namePrefix: string): Promise<{ enterpriseId: string; requestId: string }> {
  const enterpriseId = await rpc<string>(admin, 'create_enterprise', {
    p_name: `${namePrefix}${Math.floor(Math.random() * 1e5)}`, p_industry: '互联网', p_size_band: '1-49', p_contact_name: '吴管理', p_contact_phone: admin.phone,
  });
  await rpc(admin, 'update_enterprise_settings', { p_enterprise_id: enterpriseId, p_settings: { join_rule: 'approval' } });
  const [invitation] = await rpc<{ code: string }[]>(admin, 'create_invitation', { p_enterprise_id: enterpriseId });
  await rpc(applicant, 'accept_invitation', { p_code: invitation.code });
  const [request] = await sql<{ id: string }>('select id from public.join_requests where user_id = $1 and enterprise_id = $2', [applicant.userId, enterpriseId]);
  return { enterpriseId, requestId: request.id };
}
