// Standard Webhooks (standardwebhooks.com) verification, as GoTrue signs its HTTP hooks:
// signature = base64(HMAC-SHA256(secret, `${webhook-id}.${webhook-timestamp}.${body}`)),
// header `webhook-signature: v1,<sig> [v1,<sig2> …]`, secret `v1,whsec_<base64>` in the config.
// Implemented on Web Crypto so the function has no dependency for its most sensitive check.

export class WebhookError extends Error {}

/** Replays older than this (or clocks this far ahead) are refused, like the reference libraries. */
export const TOLERANCE_SECONDS = 5 * 60;

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const raw = secret.replace(/^v1,/, '').replace(/^whsec_/, '');
  try {
    return Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
  } catch {
    throw new WebhookError('webhook secret is not base64');
  }
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

async function hmac(secret: string, content: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return toBase64(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content)));
}

/** Constant-time comparison: the attacker controls one side. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  return `v1,${await hmac(secret, `${id}.${timestamp}.${body}`)}`;
}

/** Throws WebhookError unless the headers carry a fresh, valid signature of `body`. */
export async function verifyWebhook(
  secret: string,
  headers: Headers,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<void> {
  const id = headers.get('webhook-id');
  const timestamp = headers.get('webhook-timestamp');
  const signatures = headers.get('webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookError('missing webhook headers');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookError('invalid webhook timestamp');
  const ts = Number(timestamp);
  if (Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) throw new WebhookError('webhook timestamp out of tolerance');
  const expected = (await signWebhook(secret, id, ts, body)).slice(3);
  for (const candidate of signatures.split(' ')) {
    const [version, signature] = candidate.split(',', 2);
    if (version === 'v1' && signature && sameText(signature, expected)) return;
  }
  throw new WebhookError('no matching webhook signature');
}
