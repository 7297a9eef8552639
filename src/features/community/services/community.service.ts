// Community data access (docs/api.md › Community) on the app's data layer: reads under RLS,
// RPCs, and the community-publish edge function (the only way to publish).
import { asShape, bindDataLayer } from '../../../lib/data';
import { COMMUNITY_MESSAGES } from '../community.messages';
import type { Delta } from '../lib/delta';
import type { ActionRecord, FeedPost, ModerationAction, MyStatus, Post, PublishResult, QueueItem, ReportCategory, Section } from './community.types';

const db = bindDataLayer(COMMUNITY_MESSAGES);
const FEED_COLUMNS = 'id, section_id, author_id, author_name, title, body_text, status, like_count, comment_count, pinned_at, featured_at, created_at';

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
  const rows = await db.read((c) => c.from('community_posts').select(`${FEED_COLUMNS}, enterprise_id, body, hidden_reason`).eq('id', id));
  return (rows[0] as unknown as Post | undefined) ?? null;
}

export const comments = (postId: string) =>
  db.read((c) => c.from('community_comments').select('id, parent_id, quote_id, author_name, body_text, created_at')
    .eq('post_id', postId).eq('status', 'published').order('created_at').limit(200));

export async function myReactions(postId: string, userId: string): Promise<{ liked: boolean; favorite: boolean }> {
  const [likes, favs] = await Promise.all([
    db.read((c) => c.from('community_likes').select('post_id').eq('post_id', postId).eq('user_id', userId)),
    db.read((c) => c.from('community_favorites').select('post_id').eq('post_id', postId).eq('user_id', userId)),
  ]);
  return { liked: likes.length > 0, favorite: favs.length > 0 };
}

export const setLike = (postId: string, on: boolean) => db.call('community_set_like', { p_post_id: postId, p_on: on });
export const setFavorite = (postId: string, on: boolean) => db.call('community_set_favorite', { p_post_id: postId, p_on: on });

export const publishPost = (sectionId: string, title: string, body: Delta, channel: string) =>
  db.invoke<PublishResult>('community-publish', { kind: 'post', section_id: sectionId, title, body, channel });

export const publishComment = (postId: string, text: string, channel: string, parentId: string | null = null, quoteId: string | null = null) =>
  db.invoke<PublishResult>('community-publish', { kind: 'comment', post_id: postId, text, channel, parent_id: parentId, quote_id: quoteId });

export const editPost = (postId: string, title: string, body: Delta, channel: string) =>
  db.invoke<PublishResult>('community-publish', { kind: 'edit', post_id: postId, title, body, channel });

export const reportCategories = () =>
  db.read((c) => c.from('community_report_categories').select('code, clause, label').order('sort_order')) as Promise<ReportCategory[]>;

export const report = (targetType: 'post' | 'comment', targetId: string, category: string, note: string) =>
  db.call('community_report', { p_target_type: targetType, p_target_id: targetId, p_category: category, p_note: note })
    .then(asShape<{ case_id: string; hidden: boolean }>());

export const myStatus = (enterpriseId: string) => db.call('community_my_status', { p_enterprise_id: enterpriseId }).then(asShape<MyStatus>());

export const queue = (enterpriseId: string) =>
  db.call('community_moderation_queue', { p_enterprise_id: enterpriseId, p_status: 'open' }).then(asShape<QueueItem[]>());

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
