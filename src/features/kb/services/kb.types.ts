// The shapes the knowledge-base screens read (docs/api.md › Knowledge base).
import type { Delta } from '../../../ui/rich-text';

export type NodeKind = 'space' | 'folder' | 'page' | 'file';
export type SpaceKind = 'enterprise' | 'team' | 'private';
export type KbRole = 'viewer' | 'downloader' | 'editor' | 'manager';

export interface KbNode {
  id: string;
  kind: NodeKind;
  title: string;
  space_kind?: SpaceKind | null;
  description?: string;
  updated_at: string;
  sort_order: number;
}

export interface KbPage {
  id: string;
  kind: NodeKind;
  title: string;
  enterprise_id: string;
  space_id: string;
  parent_id: string | null;
  delta: Delta;
  version_no: number;
  updated_at: string;
  updated_by_name: string | null;
  file_path: string | null;
  file_mime: string;
  file_size: number;
  role: KbRole;
  comments_enabled: boolean;
  reads: number;
  likes: number;
  favorites: number;
  comments: number;
  liked: boolean;
  favorited: boolean;
  /** the space's watermark is on: draw viewer_mark (name, phone tail) over the page */
  watermark?: boolean;
  viewer_mark?: string | null;
  /** the space restricts copying: page text can't be selected or copied */
  copy_protect?: boolean;
}

export interface KbSearchHit {
  node_id: string;
  kind: NodeKind;
  title: string;
  space_id: string;
  parent_id: string | null;
  snippet: string;
  highlights: Array<[number, number]>;
  title_highlights: Array<[number, number]>;
  rank: number;
  updated_at: string;
}

export interface KbRecent {
  node_id: string;
  kind: NodeKind;
  title: string;
  space_id: string;
  last_read_at: string;
  updated_since_read: boolean;
}

export interface KbVersion {
  id: string;
  version_no: number;
  title: string;
  author_id: string | null;
  created_at: string;
  restored_from: number | null;
}

export interface KbComment {
  id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export type GranteeKind = 'member' | 'department' | 'everyone';

/** One grant as kb_set_grants takes it and kb_node_access returns it (with the grantee's name). */
export interface KbGrant {
  role: KbRole;
  kind: GranteeKind;
  id: string | null;
  name?: string;
}

/** kb_node_access: the grants that decide who sees a node (on its acl node). */
export interface KbAccess {
  node_id: string;
  inherits: boolean;
  acl_node_id: string;
  acl_node_title: string;
  grants: KbGrant[];
}

/** Who can be granted: the enterprise's departments and members. */
export interface KbGrantees {
  departments: Array<{ id: string; name: string; depth: number }>;
  members: Array<{ id: string; name: string; department: string | null }>;
}

export const ROLE_LABEL: Record<KbRole, string> = { viewer: '可查看', downloader: '可下载', editor: '可编辑', manager: '可管理' };
export const canEdit = (role: KbRole | undefined) => role === 'editor' || role === 'manager';

/** kb_submit_page: published at once, or waiting for a manager (review_id). */
export interface KbSaveResult {
  published: boolean;
  version_no: number;
  review_id: string | null;
}

/** kb_page_governance: owner, review date, the space's approval, the caller's latest review. */
export interface KbGovernance {
  node_id: string;
  owner_id: string | null;
  /** the owner's name; 「前成员」 once they left (admins see the name in brackets) */
  owner_name: string;
  updated_by_name: string | null;
  review_due: string | null;
  reviewed_at: string | null;
  stale: boolean;
  approval_required: boolean;
  can_manage: boolean;
  can_review_date: boolean;
  pending_count: number;
  my_review: { id: string; status: 'pending' | 'approved' | 'rejected'; reason: string; updated_at: string } | null;
}

/** kb_pending_reviews: one save waiting for the caller's decision. */
export interface KbPendingReview {
  review_id: string;
  node_id: string;
  title: string;
  page_title: string;
  space_title: string;
  author_name: string;
  base_version: number;
  current_version: number | null;
  created_at: string;
  updated_at: string;
}

/** A pending save as its reviewers read it (kb_page_reviews, RLS: its author and the page's managers). */
export interface KbReviewDraft {
  id: string;
  node_id: string;
  title: string;
  delta: Delta;
  status: 'pending' | 'approved' | 'rejected';
  reason: string;
  base_version: number;
  created_at: string;
}

export interface KbStalePage {
  node_id: string;
  kind: NodeKind;
  title: string;
  space_id: string;
  review_due: string;
}

/** kb_storage_by_space: bytes used of the quota (null: unlimited), per space. */
export interface KbStorageUsage {
  used: number;
  quota: number | null;
  spaces: Array<{ space_id: string; title: string; bytes: number }>;
}

/** A page template: built in (no id) or saved by a manager of the enterprise. */
export interface KbTemplate {
  id: string;
  title: string;
  delta: Delta;
  created_by?: string | null;
  created_at?: string;
}
