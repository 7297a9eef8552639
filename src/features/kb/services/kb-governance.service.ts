// Knowledge-base governance (docs/api.md › Knowledge base › Governance): approval before
// publishing, page owners and review dates, storage per space.
import { asShape, bindDataLayer } from '../../../lib/data';
import { KB_GOVERNANCE_MESSAGES } from '../kb.messages';
import { pendingReviews, stalePages } from './kb.service';
import type { KbGovernance, KbReviewDraft, KbStorageUsage } from './kb.types';

// The KB home's two reads (待审核, 待复查) live in kb.service: the home is in the weapp main package.
const db = bindDataLayer(KB_GOVERNANCE_MESSAGES);

export const pageGovernance = (nodeId: string) => db.call('kb_page_governance', { p_node_id: nodeId }).then(asShape<KbGovernance>());

/** Managers of a space: an editor's save waits for a manager's approval. */
export const setSpaceApproval = (spaceId: string, on: boolean) => db.run('kb_set_space_flag', { p_space_id: spaceId, p_flag: 'approval_required', p_on: on });

/** One pending save with its content (its author and the page's managers may read it). */
export const reviewDraft = async (reviewId: string): Promise<KbReviewDraft | null> => {
  const rows = await db.read((c) => c.from('kb_page_reviews').select('id, node_id, title, delta, status, reason, base_version, created_at').eq('id', reviewId)
    .limit(1).overrideTypes<KbReviewDraft[], { merge: false }>());
  return rows[0] ?? null;
};

export const decideReview = (reviewId: string, approve: boolean, reason = '') =>
  db.call('kb_review_page', { p_review_id: reviewId, p_approve: approve, p_reason: reason });

/** The owner or a manager: the review date (YYYY-MM-DD), or none. */
export const setReviewDate = (nodeId: string, due: string | null) => db.run('kb_set_review_date', { p_node_id: nodeId, p_due: due as string });

/** 已复查: resolves with the next review date (90 days on unless given). */
export const markReviewed = (nodeId: string, next?: string) =>
  db.call('kb_mark_reviewed', next ? { p_node_id: nodeId, p_next: next } : { p_node_id: nodeId }).then(asShape<string>());

export const setPageOwner = (nodeId: string, ownerId: string) => db.run('kb_set_page_owner', { p_node_id: nodeId, p_owner_id: ownerId });

export const storageUsage = (enterpriseId: string) => db.call('kb_storage_by_space', { p_enterprise_id: enterpriseId }).then(asShape<KbStorageUsage>());

export const kbGovernanceService = {
  pageGovernance, setSpaceApproval, pendingReviews, reviewDraft, decideReview, setReviewDate, markReviewed, setPageOwner, stalePages, storageUsage,
};
export type KbGovernanceService = typeof kbGovernanceService;
