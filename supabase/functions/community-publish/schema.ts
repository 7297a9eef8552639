// Request body of community-publish: a new post, an edit of one's post, or a comment.
import { z } from 'npm:zod@3';

const uuid = z.string().uuid();
// A Quill Delta as the weapp <editor> and Quill 2 give it; the database checks it again.
const Delta = z.object({
  ops: z.array(z.object({ insert: z.union([z.string(), z.record(z.unknown())]), attributes: z.record(z.unknown()).optional() }).strict())
    .min(1).max(2000),
}).strict();
const channel = z.enum(['weapp', 'h5', 'qywx']).default('h5');
// @mentions: colleagues' user ids (the database notifies those who can read the section)
const mentions = z.array(uuid).max(20).default([]);

export const PublishRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'), channel, section_id: uuid, title: z.string().max(200), body: Delta,
    images: z.array(z.string().max(300)).max(9).default([]), mentions,
    // the content type and what it adds (poll options, event details, announcement reach); the
    // database validates `extra` for the type (docs/api.md › Community › content types)
    type: z.enum(['post', 'announcement', 'question', 'poll', 'event']).default('post'),
    extra: z.record(z.unknown()).refine((x) => JSON.stringify(x).length <= 4000).default({}),
  }).strict(),
  z.object({
    kind: z.literal('edit'), channel, post_id: uuid, title: z.string().max(200), body: Delta,
    images: z.array(z.string().max(300)).max(9).default([]),
  }).strict(),
  z.object({
    kind: z.literal('comment'), channel, post_id: uuid, text: z.string().max(4000),
    parent_id: uuid.nullable().default(null), quote_id: uuid.nullable().default(null), mentions,
  }).strict(),
]);
export type PublishRequest = z.infer<typeof PublishRequest>;
