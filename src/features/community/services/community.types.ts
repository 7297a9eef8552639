import type { Delta } from '../lib/delta';

export interface Section {
  id: string;
  name: string;
  description: string;
}

export type PostType = 'post' | 'announcement' | 'question' | 'poll' | 'event';

export interface FeedPost {
  id: string;
  post_type: PostType;
  accepted_comment_id: string | null;
  read_count: number;
  section_id: string;
  /** the author for everyone to see (`visible_author_id`): null for an anonymous question and after the account is gone */
  author_id: string | null;
  author_name: string;
  /** an anonymous question (or the asker's reply in its thread): 匿名提问者 */
  anonymous: boolean;
  title: string;
  body_text: string;
  status: 'published' | 'held' | 'hidden' | 'deleted';
  like_count: number;
  comment_count: number;
  pinned_at: string | null;
  featured_at: string | null;
  created_at: string;
}

export interface Post extends FeedPost {
  enterprise_id: string;
  /** the caller wrote it (community_post_mine: also for their anonymous question) */
  mine: boolean;
  body: Delta;
  hidden_reason: string | null;
}

/** An image of a post as the caller sees it: `pending`/`review` only reach its author and the moderators. */
export interface PostImage {
  path: string;
  status: 'pending' | 'pass' | 'review';
}

export interface PublishResult {
  id: string;
  status: 'published' | 'held';
}

export interface ReportCategory {
  code: string;
  clause: string;
  label: string;
}

export interface MyStatus {
  is_moderator: boolean;
  account_restricted: boolean;
  restricted_until: string | null;
  suspended_until: string | null;
}

export interface QueueItem {
  id: string;
  enterprise_id: string;
  target_type: 'post' | 'comment';
  target_id: string;
  post_id: string;
  source: 'reports' | 'publish_check';
  check_label: string;
  score: number;
  report_count: number;
  hid_item: boolean;
  author_name: string | null;
  title: string;
  excerpt: string;
  content_status: string;
  categories: Array<{ category: string; clause: string; label: string; count: number }> | null;
  notes: string[] | null;
}

export type ModerationAction = 'hide' | 'delete' | 'dismiss' | 'require_edit' | 'warn' | 'restrict' | 'suspend' | 'escalate';

export interface ActionRecord {
  id: string;
  action: ModerationAction;
  clause: string;
  reason: string;
  days: number | null;
  created_at: string;
  appeal_status: 'pending' | 'upheld' | 'overturned' | null;
  appeal_text: string | null;
  appeal_note: string | null;
  actor_id: string | null;
  author_id: string | null;
}

/** `community_poll` / `community_vote` (docs/api.md › Community › content types). */
export interface PollView {
  post_id: string;
  max_choices: number;
  anonymous: boolean;
  show_results: 'always' | 'after_vote' | 'after_close';
  closes_at: string;
  closed: boolean;
  voter_count: number;
  my_choices: number[];
  results_visible: boolean;
  /** votes and voters are null while the results are hidden from the caller; voters null when anonymous */
  options: Array<{ index: number; label: string; votes: number | null; voters: string[] | null }>;
}

export interface EventDetails {
  post_id: string;
  starts_at: string;
  ends_at: string | null;
  place: string;
  capacity: number | null;
  signup_closes_at: string | null;
  going_count: number;
  waitlist_count: number;
}

export type SignupStatus = 'going' | 'waitlist' | 'cancelled';

export interface Attendee {
  name: string;
  status: SignupStatus;
  signed_up_at: string;
  checked_in_at: string | null;
}

export interface MySignup {
  status: SignupStatus;
  checked_in_at: string | null;
}

export interface ReadReceipts {
  read_count: number;
  required: boolean;
  required_count: number;
  required_read: number;
  unread: string[];
}

/** What a content type adds when publishing (`extra` of community-publish). */
export type PostExtra =
  | { type: 'post' }
  | { type: 'question'; anonymous?: boolean }
  | { type: 'announcement'; pinned: boolean; required_department_ids: string[] | null }
  | { type: 'poll'; options: string[]; max_choices: number; anonymous: boolean; show_results: PollView['show_results']; closes_at: string }
  | { type: 'event'; starts_at: string; ends_at: string | null; place: string; capacity: number | null; signup_closes_at: string | null };
