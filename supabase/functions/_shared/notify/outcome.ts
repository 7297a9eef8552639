// What a channel adapter reports for one message: the worker passes it on to
// notification_delivery_done (sent / retry later / failed for good). `code` is short and safe to log
// and store: `<api>:<provider code>` (never a token, secret or address).
export type DeliveryResult = 'sent' | 'retry' | 'failed';

export interface DeliveryOutcome {
  result: DeliveryResult;
  code: string;
}

export const sent = (code = 'ok'): DeliveryOutcome => ({ result: 'sent', code });
export const retry = (code: string): DeliveryOutcome => ({ result: 'retry', code });
export const failed = (code: string): DeliveryOutcome => ({ result: 'failed', code });

/** A fetch that never answered: the provider may or may not have sent it, so it is not sent again. */
export function networkOutcome(api: string, e: unknown): DeliveryOutcome {
  const timedOut = e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError');
  return timedOut ? failed(`${api}:timeout`) : retry(`${api}:network`);
}

/** Cut to `max` characters (code points, as WeChat counts them). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/** "2026年12月6日 19:40" in China time (UTC+8, no daylight saving), WeChat's `time` keyword format. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
