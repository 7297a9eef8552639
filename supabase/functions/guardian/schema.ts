// Request bodies of the guardian function (validated before anything touches the database).
import { z } from 'npm:zod@3';

export const Channel = z.enum(['weapp', 'h5', 'qywx']);
export const Relationship = z.enum(['father', 'mother', 'grandparent', 'other_guardian']);

export const GuardianRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('send'),
    // mainland mobile, with or without +86; the database normalises it
    guardian_phone: z.string().regex(/^(\+?86)?1[3-9]\d{9}$/, 'guardian_phone_invalid'),
  }).strict(),
  z.object({
    action: z.literal('confirm'),
    code: z.string().regex(/^\d{6}$/, 'code_invalid'),
    guardian_name: z.string().min(1).max(40),
    relationship: Relationship,
    channel: Channel,
    accept_children_statement: z.boolean().default(false),
  }).strict(),
]);
export type GuardianRequest = z.infer<typeof GuardianRequest>;
