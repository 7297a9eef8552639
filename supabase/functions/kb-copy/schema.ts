// Request body of the kb-copy function: a page or folder to copy, or a saved template to make a page from.
import { z } from 'npm:zod@3';

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const CopyRequest = z.union([
  z.object({
    node_id: Uuid,
    /** the folder or space to copy into; default: beside the original */
    parent_id: Uuid.nullish(),
  }).strict(),
  z.object({
    /** one of the enterprise's saved templates (kb_templates) */
    template_id: Uuid,
    /** the folder or space the new page goes into */
    parent_id: Uuid,
    title: z.string().max(200),
  }).strict(),
]);
export type CopyRequest = z.infer<typeof CopyRequest>;
