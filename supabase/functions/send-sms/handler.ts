// GoTrue's Send SMS hook: GoTrue POSTs `{ user, sms: { otp } }` signed per Standard Webhooks; we
// deliver the code through Tencent Cloud SMS. Errors use the hook error shape GoTrue relays to the
// client (`{ error: { http_code, message } }`).
import { z } from 'npm:zod@3';
import { json } from '../_shared/http.ts';
import { verifyWebhook, WebhookError } from '../_shared/webhooks.ts';
import { isRateLimit, sendVerificationCode, tencentConfigFromEnv } from '../_shared/sms/tencent.ts';

// GoTrue stores phones as digits without '+'; accept either form.
const Phone = z.string().regex(/^\+?[1-9]\d{5,14}$/);

const Payload = z
  .object({
    user: z
      .object({
        id: z.string().optional(),
        phone: Phone.or(z.literal('')).optional(),
        // set while a phone change awaits confirmation: the code must reach the NEW number
        new_phone: Phone.or(z.literal('')).optional(),
      })
      .passthrough(),
    sms: z.object({ otp: z.string().regex(/^\d{4,10}$/), sms_type: z.string().optional() }).passthrough(),
  })
  .transform((p) => ({
    otp: p.sms.otp,
    phone: p.sms.sms_type === 'phone_change' && p.user.new_phone ? p.user.new_phone : p.user.phone,
  }))
  .refine((p) => Boolean(p.phone), { message: 'no phone number to send to' });

const hookError = (httpCode: number, message: string) => json({ error: { http_code: httpCode, message } }, httpCode);

export async function handler(req: Request): Promise<Response> {
  if (req.method !== 'POST') return hookError(405, 'method not allowed');
  const secret = Deno.env.get('SEND_SMS_HOOK_SECRET');
  if (!secret) return hookError(500, 'SEND_SMS_HOOK_SECRET is not configured');

  // Verify over the exact bytes received: re-serialised JSON would not match the signature.
  const body = await req.text();
  try {
    await verifyWebhook(secret, req.headers, body);
  } catch (e) {
    if (e instanceof WebhookError) return hookError(401, `invalid signature: ${e.message}`);
    throw e;
  }

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return hookError(400, 'invalid JSON payload');
  }
  const parsed = Payload.safeParse(data);
  if (!parsed.success) return hookError(400, `invalid payload: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);

  const phone = parsed.data.phone!.startsWith('+') ? parsed.data.phone! : `+${parsed.data.phone}`;
  const result = await sendVerificationCode(tencentConfigFromEnv(), phone, parsed.data.otp);
  if (result.ok) return json({});
  const status = isRateLimit(result.code) ? 429 : 500;
  console.error(`send-sms: provider refused (${result.code}): ${result.message}`);
  return hookError(status, `SMS provider error ${result.code}: ${result.message}`);
}

