// WeChat's message push (消息推送) in plaintext mode with JSON bodies: every request carries
// `signature`, `timestamp` and `nonce` in the query, where signature = SHA-1 of the sorted
// concatenation of the push token (configured in the mini-program console), timestamp and nonce.
// The URL check (GET) also carries `echostr`, answered as is when the signature holds.
import { envOr } from './errors.ts';

export const pushTokenFromEnv = (get?: (name: string) => string | undefined) =>
  envOr('WECHAT_PUSH_TOKEN', 'local-wechat-push-token', get);

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The signature WeChat sends for this token, timestamp and nonce. */
export const pushSignature = (token: string, timestamp: string, nonce: string) => sha1Hex([token, timestamp, nonce].sort().join(''));

/** Whether the request's query carries a valid signature (compared in constant time). */
export async function verifyPushSignature(token: string, query: URLSearchParams): Promise<boolean> {
  const [signature, timestamp, nonce] = ['signature', 'timestamp', 'nonce'].map((k) => query.get(k) ?? '');
  if (!/^[0-9a-f]{40}$/.test(signature) || !timestamp || !nonce || timestamp.length > 20 || nonce.length > 64) return false;
  const expected = await pushSignature(token, timestamp, nonce);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  return diff === 0;
}

/** The `wxa_media_check` event WeChat pushes with an asynchronous check's verdict. */
export interface MediaCheckEvent {
  traceId: string;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

/** The verdict of a pushed body, or null when it is another event; a failed check counts as review. */
export function mediaCheckEvent(body: unknown): MediaCheckEvent | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as { Event?: unknown; trace_id?: unknown; errcode?: unknown; result?: { suggest?: unknown; label?: unknown } };
  if (b.Event !== 'wxa_media_check' || typeof b.trace_id !== 'string' || !b.trace_id || b.trace_id.length > 128) return null;
  const suggest = b.result?.suggest;
  if (Number(b.errcode ?? 0) !== 0 || (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')) {
    return { traceId: b.trace_id, suggest: 'review', label: 21000 };
  }
  return { traceId: b.trace_id, suggest, label: Number(b.result?.label ?? 100) || 100 };
}
