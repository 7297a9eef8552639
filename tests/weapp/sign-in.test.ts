// The compiled WeChat build (dist/weapp) signs a user in for real: its pages run in
// miniprogram-simulate, wx.request goes over HTTP to the live local stack, and Node's fetch/URL/
// WebSocket/TextEncoder/localStorage (and friends) are gone while it runs, so the bundle's own
// adapters and polyfills carry supabase-js, as in WeChat.
import { verifyJwt } from '../../tools/local-stack/jwt';
import { randomPhone, sql } from '../support/clients';
import { getStack } from '../support/stack';
import { openHarness, type Harness } from './support/harness';
import { HOME_URL, LOGIN_PAGE, ONBOARDING_URL, signInWithSms } from './support/sign-in-flow';

const PROFILE_PAGE = 'packages/account/profile/index';

// Sign-in crosses the gateway, auth service, SMS hook, Deno function and Postgres several times.
jest.setTimeout(90_000);

describe('weapp build in miniprogram-simulate', () => {
  let harness: Harness;

  beforeEach(() => {
    harness = openHarness({ launchPath: LOGIN_PAGE });
  });

  afterEach(() => {
    if (!harness) return; // openHarness threw; its error is the one to read
    harness.close();
    // ZX_WEAPP_LOGS=1 shows what the app did (requests, storage, console) when a run needs explaining.
    if (process.env.ZX_WEAPP_LOGS) {
      const stored = [...harness.bridge.storage].map(([k, v]) => `storage ${k} = ${String(typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 200)}`);
      const requests = harness.bridge.requests.map((r) => `${r.method} ${r.url} -> ${r.statusCode ?? ''} ${r.errMsg}`);
      console.log([expect.getState().currentTestName, ...stored, ...requests, ...new Set(harness.logs)].join('\n'));
    }
  });

  test('a new phone number signs in with the SMS code and is sent to onboarding', async () => {
    const stack = getStack();
    const phone = randomPhone();
    const digits = phone.slice(1); // GoTrue stores phones without '+'

    // While the app runs, Node's web globals are gone: whatever works below, the bundle brought.
    const g = globalThis as Record<string, unknown>;
    expect(['fetch', 'Headers', 'URL', 'URLSearchParams', 'AbortController', 'WebSocket', 'TextEncoder', 'localStorage'].filter((name) => name in g)).toEqual([]);

    const { page, session } = await signInWithSms(harness, phone);

    expect(session.user.phone).toBe(digits);
    const claims = verifyJwt(session.access_token, stack.jwtSecret) as { sub: string; phone: string; role: string };
    expect(claims).toMatchObject({ sub: session.user.id, phone: digits, role: 'authenticated' });
    // A brand-new member is not cleared yet (birth date, agreements): the server-side gate sends
    // the app to onboarding, not home.
    await page.waitFor(() => harness.bridge.navigations.find((n) => n.url && ONBOARDING_URL.test(n.url)), 'navigation to onboarding');
    expect(harness.bridge.navigations.some((n) => n.url && HOME_URL.test(n.url))).toBe(false);
    // Every call went through wx.request with a method WeChat has, and got an answer.
    expect(harness.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);

    // The app's part is done; Node's globals come back for the test's own database client.
    harness.close();
    const users = await sql<{ id: string }>('select id from auth.users where phone = $1', [digits]);
    expect(users).toEqual([{ id: session.user.id }]);
  });

  test('after sign-in the profile page (account subpackage) shows the phone masked, never in full', async () => {
    const phone = randomPhone();
    const local = phone.replace(/^\+86/, '');
    await signInWithSms(harness, phone);

    const profile = await harness.openPage(PROFILE_PAGE);
    const masked = `${local.slice(0, 3)}****${local.slice(-4)}`;
    await profile.waitFor(() => profile.text().includes(masked), `the masked phone ${masked} on the profile page`);
    expect(profile.text()).not.toContain(local);
    // The profile came from the database through an RPC (POST), not a PATCH or a cached guess.
    expect(harness.bridge.requests.some((r) => r.method === 'POST' && r.url.includes('/rest/v1/rpc/get_my_profile') && r.statusCode === 200)).toBe(true);
  });
});
