import type { Delta } from '../lib/delta';

export interface Section {
  id: string;
  name: string;
  description: string;
}

export interface FeedPost {
  id: string;
  section_id: string;
  author_id: string | null;
  author_name: string;
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
  body: Delta;
  hidden_reason: string | null;
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
