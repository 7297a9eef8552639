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

/** The errcode/errmsg answer of a WeChat or WeCom server API. */
export interface ApiAnswer {
  errcode?: number;
  errmsg?: string;
}

/**
 * POSTs `payload` as JSON to `path` of a WeChat/WeCom API with an access token. An HTTP error or a
 * body that isn't JSON reads as errcode -2 (retried); a network failure or timeout throws.
 */
export async function postWithToken<T extends ApiAnswer>(baseUrl: string, path: string, token: string, payload: unknown, timeoutMs: number): Promise<T> {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  url.searchParams.set('access_token', token);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) return { errcode: -2, errmsg: `HTTP ${res.status}` } as T;
  try {
    return await res.json();
  } catch {
    return { errcode: -2, errmsg: 'no JSON' } as T;
  }
}

/** The outcome of an answered send: sent on errcode 0, failed on a code that can't get better, else retried. */
export function answerOutcome(api: string, errcode: number, permanent: ReadonlySet<number>): DeliveryOutcome {
  if (errcode === 0) return sent();
  return permanent.has(errcode) ? failed(`${api}:${errcode}`) : retry(`${api}:${errcode}`);
}
