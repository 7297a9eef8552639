// GoTrue's Send SMS hook over HTTP: POST `{ user, sms: { otp, sms_type } }` signed per Standard
// Webhooks (webhook-id / webhook-timestamp / webhook-signature = v1,base64(HMAC-SHA256(secret,
// "id.timestamp.body")) with the secret being the base64 after `v1,whsec_`). Error handling follows
// runHTTPHook + invokeHook: non-2xx → 500; a 2xx body `{ error: { http_code, message } }` → that error.
import crypto from 'node:crypto';
import { HttpError, internal } from './errors';
import type { Json } from './http';

const HOOK_TIMEOUT_MS = 5000;

export function signStandardWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^v1,/, '').replace(/^whsec_/, ''), 'base64');
  const sig = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${sig}`;
}

export async function callSendSmsHook(url: string, secret: string, user: Json, otp: string, smsType: string): Promise<void> {
  const body = JSON.stringify({ user, sms: { otp, sms_type: smsType } });
  const id = crypto.randomUUID();
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signStandardWebhook(secret, id, timestamp, body),
  };
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(HOOK_TIMEOUT_MS) }).catch((e: unknown) => {
    throw internal(`Failed to trigger auth hook, error making HTTP request: ${(e as Error).message}`);
  });
  const text = await res.text().catch(() => '');
  if (![200, 202, 204].includes(res.status)) {
    const why =
      res.status === 400 ? 'Invalid payload sent to hook'
      : res.status === 401 ? 'Hook requires authorization token'
      : res.status === 429 || res.status === 503 ? 'Service currently unavailable due to hook'
      : `Unexpected status code returned from hook: ${res.status}`;
    throw internal(why);
  }
  if (res.status === 204 || !text) return;
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) {
    throw new HttpError(400, 'hook_payload_invalid_content_type', `Invalid JSON response. Received content-type: ${res.headers.get('content-type') ?? ''}`);
  }
  let out: { error?: { http_code?: number; message?: string } };
  try {
    out = JSON.parse(text);
  } catch {
    throw internal('Error unmarshaling Send SMS output.');
  }
  if (out && typeof out === 'object' && out.error && typeof out.error === 'object') {
    const code = Number(out.error.http_code) || 500;
    const status = code >= 400 && code <= 599 ? code : 500;
    throw new HttpError(status, status === 500 ? 'unexpected_failure' : '', String(out.error.message ?? 'Hook error'));
  }
}
