import Taro from '@tarojs/taro';

// H5: Taro's router handles each location change only after loading that page's script, and a
// change that finishes late still acts as the newest: it hides whatever page is on top (the one a
// reLaunch put there meanwhile) and shows its own, while the address names the other. So the app's
// reLaunches wait until no page change is in flight. Mini-programs navigate natively: their router
// sends none of these events and always has a page, so nothing waits there.

/** How long a change may stay unfinished before it counts as abandoned (a superseded or failed load). */
const STALE_MS = 8000;
const POLL_MS = 50;
/** Path → when its newest change began; the router finishes (or abandons) older ones of the same path. */
const pending = new Map<string, number>();
let tracking = false;

type RouterEvent = { toLocation?: { path?: string } };
const pathOf = (e: RouterEvent | undefined) => (e?.toLocation?.path ?? '').split('?')[0];

/** Call once, before the router starts (app.ts), so the first page's change is seen too. */
export function trackPageChanges(): void {
  if (tracking || !Taro.eventCenter) return;
  tracking = true;
  Taro.eventCenter.on('__taroRouterChange', (e: RouterEvent) => pending.set(pathOf(e), Date.now()));
  Taro.eventCenter.on('__afterTaroRouterChange', (e: RouterEvent) => pending.delete(pathOf(e)));
}

function changing(now: number): boolean {
  for (const [path, since] of pending) if (now - since > STALE_MS) pending.delete(path);
  // No page yet: the first one is still loading, whether or not its change was seen.
  return pending.size > 0 || Taro.getCurrentPages().length === 0;
}

/** Resolves once no page change is in flight (at most STALE_MS later). */
async function pageChangesSettled(): Promise<void> {
  const deadline = Date.now() + STALE_MS;
  while (changing(Date.now()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
}

/** Taro.reLaunch, after any page change in flight has finished. */
export async function relaunch(url: string): Promise<void> {
  await pageChangesSettled();
  await Taro.reLaunch({ url });
}
