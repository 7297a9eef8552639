// Request body of the sms-otp function: the phone, the 6-digit code the person received, and which
// GoTrue flow the code belongs to (GoTrue's sms_type; `sms` signs in).
import { z } from 'npm:zod@3';

export const RedeemRequest = z
  .object({
    // E.164 with '+', or GoTrue's digits-only form
    phone: z.string().regex(/^\+?[1-9]\d{6,14}$/, 'phone_invalid'),
    code: z.string().regex(/^\d{6}$/, 'code_invalid'),
    type: z.enum(['sms', 'phone_change', 'reauthentication']).default('sms'),
  })
  .strict();
export type RedeemRequest = z.infer<typeof RedeemRequest>;
