// Request body of the storage-sign function.
import { z } from 'npm:zod@3';

/** The longest a link may live (issue 10): a leaked link must stop working soon. */
export const MAX_SIGNED_SECONDS = 3600;

export const SignRequest = z.object({
  bucket: z.enum(['qualifications', 'account-report-evidence', 'birth-date-evidence']),
  path: z.string().min(3).max(500).regex(/^[A-Za-z0-9_.\/-]+$/),
  expires_in: z.number().int().min(1).max(MAX_SIGNED_SECONDS).default(600),
}).strict();
export type SignRequest = z.infer<typeof SignRequest>;
