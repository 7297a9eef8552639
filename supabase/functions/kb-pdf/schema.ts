// Request body of the kb-pdf function.
import { z } from 'npm:zod@3';

export const PdfRequest = z.object({
  node_id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
}).strict();
export type PdfRequest = z.infer<typeof PdfRequest>;
