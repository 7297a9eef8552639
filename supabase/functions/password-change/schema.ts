// Request bodies of the password-change function.
import { z } from 'npm:zod@3';

export const PasswordChangeRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('send') }).strict(),
  z.object({
    action: z.literal('confirm'),
    code: z.string().regex(/^\d{6}$/, 'code_invalid'),
    // the database checks the rules (length, letters and digits, common passwords); this bounds the input
    password: z.string().min(1).max(200),
  }).strict(),
]);
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;
