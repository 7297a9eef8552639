// Request body of invitation-wxacode (validated before anything else runs).
import { z } from 'npm:zod@3';

export const WxacodeRequest = z
  .object({
    // an invitation code as the database stores it: 8 characters without look-alikes
    code: z.string().regex(/^[A-HJKMNP-Z2-9]{8}$/, 'invitation_code_invalid'),
  })
  .strict();
