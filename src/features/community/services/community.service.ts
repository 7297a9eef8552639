// Community data access (docs/api.md › Community) on the app's data layer: reads under RLS,
// RPCs, and the community-publish edge function (the only way to publish).
import { asShape, bindDataLayer } from '../../../lib/data';
import { COMMUNITY_MESSAGES } from '../community.messages';
import type { Delta } from '../lib/delta';
import type {
  ActionRecord, Attendee, EventDetails, FeedPost, ModerationAction, MyStatus, PollView, Post, PostExtra, PublishResult, QueueItem, ReadReceipts,
  MySignup, ReportCategory, Section, SignupStatus,
} from './community.types';

const db = bindDataLayer(COMMUNITY_MESSAGES);
// `author_id` itself is not readable (anonymous questions): `visible_author_id` is null for those.
const FEED_COLUMNS = 'id, post_type, section_id, author_id:visible_author_id, author_name, anonymous, title, body_text, status, like_count, comment_count, read_count, accepted_comment_id, pinned_at, featured_at, created_at';

/** The enterprise the app is in (the member's current one), with its name. */
export async function currentEnterprise(): Promise<{ id: string; name: string } | null> {
  const rows = await db.read((c) => c.from('profiles').select('current_enterprise_id').limit(1));
  const id = rows[0]?.current_enterprise_id;
  if (!id) return null;
  const ents = await db.read((c) => c.from('enterprises').select('id, name').eq('id', id));
  return ents[0] ?? null;
}

export const sections = (enterpriseId: string) =>
  db.read((c) => c.from('community_sections').select('id, name, description').eq('enterprise_id', enterpriseId)
    .is('archived_at', null).order('sort_order').order('created_at')) as Promise<Section[]>;

/** Latest first, pinned on top; RLS leaves out what the member may not see. */
export const feed = (enterpriseId: string, sectionId: string | null) =>
  db.read((c) => {
    let q = c.from('community_posts').select(FEED_COLUMNS).eq('enterprise_id', enterpriseId).neq('status', 'deleted');
    if (sectionId) q = q.eq('section_id', sectionId);
    return q.order('pinned_at', { ascending: false, nullsFirst: false }).order('created_at', { ascending: false }).limit(30);
  }) as Promise<FeedPost[]>;

export async function post(id: string): Promise<Post | null> {
  const [rows, mine] = await Promise.all([
    db.read((c) => c.from('community_posts').select(`${FEED_COLUMNS}, enterprise_id, body, hidden_reason`).eq('id', id)),
    db.call('community_post_mine', { p_post_id: id }),
  ]);
  const row = rows[0] as unknown as Omit<Post, 'mine'> | undefined;
  return row ? { ...row, mine: mine === true } : null;
}

export const comments = (postId: string) =>
  db.read((c) => c.from('community_comments').select('id, parent_id, quote_id, author_id:visible_author_id, author_name, anonymous, body_text, created_at')
    .eq('post_id', postId).eq('status', 'published').order('created_at').limit(200));

export async function myReactions(postId: string, userId: string): Promise<{ liked: boolean; favorite: boolean }> {
  const mine = await db.read((c) => c.from('community_post_marks').select('kind').eq('post_id', postId).eq('user_id', userId));
  return { liked: mine.some((r) => r.kind === 'like'), favorite: mine.some((r) => r.kind === 'favorite') };
}

export const setLike = (postId: string, on: boolean) => db.call('community_set_like', { p_post_id: postId, p_on: on });
export const setFavorite = (postId: string, on: boolean) => db.call('community_set_favorite', { p_post_id: postId, p_on: on });

export function publishPost(sectionId: string, title: string, body: Delta, channel: string, extra: PostExtra = { type: 'post' }, images: string[] = []) {
  const { type, ...rest } = extra;
  return db.invoke<PublishResult>('community-publish', { kind: 'post', section_id: sectionId, title, body, channel, type, extra: rest, images });
}

export const publishComment = (postId: string, text: string, channel: string, parentId: string | null = null, quoteId: string | null = null) =>
  db.invoke<PublishResult>('community-publish', { kind: 'comment', post_id: postId, text, channel, parent_id: parentId, quote_id: quoteId });

/** An edit replaces the images too: pass the post's current paths to keep them. */
export const editPost = (postId: string, title: string, body: Delta, channel: string, images: string[]) =>
  db.invoke<PublishResult>('community-publish', { kind: 'edit', post_id: postId, title, body, channel, images });

export const reportCategories = () =>
  db.read((c) => c.from('community_report_categories').select('code, clause, label').order('sort_order')) as Promise<ReportCategory[]>;

export const report = (targetType: 'post' | 'comment', targetId: string, category: string, note: string) =>
  db.call('community_report', { p_target_type: targetType, p_target_id: targetId, p_category: category, p_note: note })
    .then(asShape<{ case_id: string; hidden: boolean }>());

export const myStatus = (enterpriseId: string) => db.call('community_my_status', { p_enterprise_id: enterpriseId }).then(asShape<MyStatus>());

export const queue = (enterpriseId: string) =>
  db.call('community_moderation_queue', { p_enterprise_id: enterpriseId, p_status: 'open' }).then(asShape<QueueItem[]>());

/** Whether the caller is a (cleared) platform operator, who decides escalated cases (`my_platform_role`). */
export const isPlatformOperator = () => db.callNullable('my_platform_role').then((role) => role === 'operator');

/** Platform operators: escalated cases of every enterprise. */
export const escalatedCases = () =>
  db.call('community_moderation_queue', { p_enterprise_id: null, p_status: 'escalated' }).then(asShape<QueueItem[]>());

export const moderate = (caseId: string, action: ModerationAction, reason: string, days: number | null) =>
  db.call('community_moderate', { p_case_id: caseId, p_action: action, p_reason: reason, p_days: days });

/** Actions about me (their clause, reason and my appeal). */
export const myActions = (enterpriseId: string, userId: string) =>
  db.read((c) => c.from('community_actions').select('id, action, clause, reason, days, created_at, appeal_status, appeal_text, appeal_note, actor_id, author_id')
    .eq('enterprise_id', enterpriseId).eq('author_id', userId).order('created_at', { ascending: false })) as Promise<ActionRecord[]>;

/** Appeals waiting for a moderator of the enterprise. */
export const pendingAppeals = (enterpriseId: string) =>
  db.read((c) => c.from('community_actions').select('id, action, clause, reason, days, created_at, appeal_status, appeal_text, appeal_note, actor_id, author_id')
    .eq('enterprise_id', enterpriseId).eq('appeal_status', 'pending').order('appealed_at')) as Promise<ActionRecord[]>;

export const appeal = (actionId: string, text: string) => db.run('community_appeal', { p_action_id: actionId, p_text: text });
export const decideAppeal = (actionId: string, uphold: boolean, note: string) =>
  db.run('community_decide_appeal', { p_action_id: actionId, p_uphold: uphold, p_note: note });

// --- content types (announcements, Q&A, polls, events) ---------------------------------------------
export const poll = (postId: string) => db.call('community_poll', { p_post_id: postId }).then(asShape<PollView>());
export const vote = (postId: string, choices: number[]) =>
  db.call('community_vote', { p_post_id: postId, p_choices: choices }).then(asShape<PollView>());

export async function eventDetails(postId: string): Promise<EventDetails | null> {
  const rows = await db.read((c) => c.from('community_events')
    .select('post_id, starts_at, ends_at, place, capacity, signup_closes_at, going_count, waitlist_count').eq('post_id', postId));
  return rows[0] ?? null;
}

export async function mySignup(postId: string, userId: string): Promise<MySignup | null> {
  const rows = await db.read((c) => c.from('community_event_signups').select('status, checked_in_at').eq('post_id', postId).eq('user_id', userId));
  return (rows[0] as MySignup | undefined) ?? null;
}

export const signup = (postId: string, on: boolean) =>
  db.call('community_event_signup', { p_post_id: postId, p_on: on })
    .then(asShape<{ status: SignupStatus; going_count: number; waitlist_count: number }>());
export const checkinCode = (postId: string) => db.call('community_event_checkin_code', { p_post_id: postId });
export const checkIn = (postId: string, code: string) => db.call('community_event_check_in', { p_post_id: postId, p_code: code });
export const attendees = (postId: string) => db.call('community_event_attendees', { p_post_id: postId }).then(asShape<Attendee[]>());
export const acceptAnswer = (postId: string, commentId: string | null) =>
  db.run('community_accept_answer', { p_post_id: postId, p_comment_id: commentId });
export const markRead = (postId: string) => db.call('community_mark_read', { p_post_id: postId });
export const readReceipts = (postId: string) => db.call('community_read_receipts', { p_post_id: postId }).then(asShape<ReadReceipts>());
