// Request bodies of the report-evidence function.
import { z } from 'npm:zod@3';

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export const EvidenceRequest = z.discriminatedUnion('action', [
  // whoever filed the report (signed in or not), with the one-time token the report RPC returned
  z.object({
    action: z.literal('upload'),
    report_id: z.string().uuid(),
    token: z.string().regex(/^[0-9a-f]{48}$/),
    content_type: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    data_base64: z.string().min(4).max(Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4),
  }).strict(),
  // platform operators: short-lived links to a report's files
  z.object({ action: z.literal('sign'), report_id: z.string().uuid() }).strict(),
]);
export type EvidenceRequest = z.infer<typeof EvidenceRequest>;
