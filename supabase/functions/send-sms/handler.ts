// GoTrue's Send SMS hook: GoTrue POSTs `{ user, sms: { otp, sms_type } }` signed per Standard
// Webhooks. GoTrue's own code (10 digits) never reaches a person: the database keeps it
// (`sms_code_issue`, which also enforces the per-phone send limits) and gives us a 6-digit code of
// ours, which we deliver through Tencent Cloud SMS; the `sms-otp` function trades a right 6-digit
// code for GoTrue's (5 wrong tries kill it). Errors use the hook error shape GoTrue relays to the
// client (`{ error: { http_code, message } }`).
import { z } from 'npm:zod@3';
import { json } from '../_shared/http.ts';
import { rpc, serviceKey } from '../_shared/rest.ts';
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
    // GoTrue's sms_type names the flow (sign-in/sign-up codes, phone change, re-authentication);
    // the app names the same three when it redeems a code.
    smsType: p.sms.sms_type === 'phone_change' ? 'phone_change' : /reauth/.test(p.sms.sms_type ?? '') ? 'reauthentication' : 'sms',
    phone: p.sms.sms_type === 'phone_change' && p.user.new_phone ? p.user.new_phone : p.user.phone,
  }))
  .refine((p) => Boolean(p.phone), { message: 'no phone number to send to' });

const hookError = (httpCode: number, message: string) => json({ error: { http_code: httpCode, message } }, httpCode);
// GoTrue relays an error carried in a 2xx answer with its own status and message; a non-2xx answer
// becomes GoTrue's generic 500. Refusals of a person's request (a number we can't text, per-phone
// limits) go this way, so the app sees a 4xx it can explain.
const refusal = (httpCode: number, message: string) => json({ error: { http_code: httpCode, message } });

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
    return refusal(400, 'invalid JSON payload');
  }
  const parsed = Payload.safeParse(data);
  if (!parsed.success) return refusal(400, '无法向该手机号发送短信，请检查号码');

  const phone = parsed.data.phone!.startsWith('+') ? parsed.data.phone! : `+${parsed.data.phone}`;
  const issued = await rpc<{ code: string }>(
    'sms_code_issue',
    { p_phone: phone.slice(1), p_sms_type: parsed.data.smsType, p_gotrue_token: parsed.data.otp },
    serviceKey(),
  );
  if (issued.error) {
    if (issued.error.status >= 500) return hookError(500, 'database unavailable');
    return refusal(issued.error.code.startsWith('sms_') ? 429 : 400, issued.error.message);
  }
  const result = await sendVerificationCode(tencentConfigFromEnv(), phone, issued.data.code);
  if (result.ok) return json({});
  const status = isRateLimit(result.code) ? 429 : 500;
  console.error(`send-sms: provider refused (${result.code}): ${result.message}`);
  return hookError(status, `SMS provider error ${result.code}: ${result.message}`);
}

