// Request bodies of the guardian function (validated before anything touches the database).
import { z } from 'npm:zod@3';

export const Channel = z.enum(['weapp', 'h5', 'qywx']);
export const Relationship = z.enum(['father', 'mother', 'grandparent', 'other_guardian']);
// mainland mobile, with or without +86; the database normalises it
const Phone = z.string().regex(/^(\+?86)?1[3-9]\d{9}$/, 'guardian_phone_invalid');
// The child's name for the guardian's SMS and link page only (masked there, never stored).
const ChildName = z.string().trim().min(1).max(20).optional();
// A link token: 18 random bytes, base64url.
const Token = z.string().regex(/^[A-Za-z0-9_-]{24}$/, 'link_invalid');
const GuardianName = z.string().min(1).max(40);

/** Actions of the signed-in minor (on their own device). */
export const GuardianRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('send'), guardian_phone: Phone, child_name: ChildName }).strict(),
  z.object({
    action: z.literal('confirm'),
    code: z.string().regex(/^\d{6}$/, 'code_invalid'),
    guardian_name: GuardianName,
    relationship: Relationship,
    channel: Channel,
    accept_children_statement: z.boolean().default(false),
  }).strict(),
  // a link the guardian opens on their own phone
  z.object({ action: z.literal('create_link'), guardian_phone: Phone, child_name: ChildName }).strict(),
]);
export type GuardianRequest = z.infer<typeof GuardianRequest>;

/** Actions of the guardian who opened a link: no account, the token is the authority. */
export const LINK_ACTIONS = ['link_view', 'link_send', 'link_confirm'] as const;
export const GuardianLinkRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('link_view'), token: Token }).strict(),
  z.object({ action: z.literal('link_send'), token: Token }).strict(),
  z.object({
    action: z.literal('link_confirm'),
    token: Token,
    code: z.string().regex(/^\d{6}$/, 'code_invalid'),
    guardian_name: GuardianName,
    relationship: Relationship,
    accept_children_statement: z.boolean().default(false),
  }).strict(),
]);
export type GuardianLinkRequest = z.infer<typeof GuardianLinkRequest>;
