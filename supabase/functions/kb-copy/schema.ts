// Request body of the kb-copy function.
import { z } from 'npm:zod@3';

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const CopyRequest = z.object({
  node_id: Uuid,
  /** the folder or space to copy into; default: beside the original */
  parent_id: Uuid.nullish(),
}).strict();
export type CopyRequest = z.infer<typeof CopyRequest>;
