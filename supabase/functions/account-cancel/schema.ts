// Request bodies of the account-cancel function.
import { z } from 'npm:zod@3';

export const CancelRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('send') }).strict(),
  z.object({
    action: z.literal('confirm'),
    code: z.string().regex(/^\d{6}$/, 'code_invalid'),
    // the UI shows the irreversible-deletion warning; the server insists it was acknowledged
    acknowledge_irreversible: z.literal(true),
  }).strict(),
]);
export type CancelRequest = z.infer<typeof CancelRequest>;
