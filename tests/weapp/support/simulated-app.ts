// One simulated phone per signed-in person, for suites about what members do after sign-in: opens a
// page of the compiled build with `who`'s session in wx storage, and closes the client once the
// app is quiet, checking what a member would notice (a failed request, being sent to sign in).
// Closing puts Node's globals back, which the database checks after it need.
import type { SignedInUser } from '../../support/clients';
import { openHarness, type Harness } from './harness';
import type { PageDriver } from './page-driver';
import { signedInStorage } from './signed-in';

const LOGIN_URL = /^\/?pages\/login\/index(\?|$)/;

export interface SimulatedApp {
  /** The open client (throws when none is open). */
  readonly harness: Harness;
  /** Closes any open client, then opens `route` in a fresh one where `who` is signed in. */
  openAs(who: SignedInUser, route: string, query?: Record<string, string>): Promise<PageDriver>;
  /** Opens another page in the same client (same session, same bridge records). */
  open(route: string, query?: Record<string, string>): Promise<PageDriver>;
  /**
   * Waits until the app is quiet, closes the client and checks that no request failed at the
   * transport (HTTP error statuses are the app's to show) and that the app never sent the member
   * to sign in, nor drew an element the view layer can't render. Returns the closed harness for further checks of its records.
   */
  closeQuiet(): Promise<Harness>;
}

/** Registers an afterEach that closes whatever client a test left open. */
export function simulatedApp(): SimulatedApp {
  let current: Harness | undefined;
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  const open = () => {
    if (!current) throw new Error('no simulated client is open');
    return current;
  };
  return {
    get harness() {
      return open();
    },
    async openAs(who, route, query = {}) {
      current?.close();
      current = openHarness({ launchPath: route, storage: await signedInStorage(who) });
      return current.openPage(route, query);
    },
    open(route, query = {}) {
      return open().openPage(route, query);
    },
    async closeQuiet() {
      const h = open();
      await h.settle();
      h.close();
      current = undefined;
      expect(h.bridge.requests.filter((r) => r.errMsg !== 'request:ok')).toEqual([]);
      expect(h.bridge.navigations.filter((n) => n.url && LOGIN_URL.test(n.url))).toEqual([]);
      // an element the mini-program has no template for draws nothing (NutUI's <i> icons did)
      expect(h.logs.filter((l) => /Template .* not found/.test(l))).toEqual([]);
      return h;
    },
  };
}
