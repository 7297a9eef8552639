import { routeUrl } from '../../../lib/routes';
import type { InboxNotice } from './notifications.types';

// Where tapping a notice goes: the target kind a module registered with its notice kind
// (notification_kinds.target_kind, docs/api.md) → a page of the route table. A module adding target
// kinds adds a line here; an unknown kind only marks the notice read.
type Opener = (id: string | null, data: Record<string, unknown>) => string | null;

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

const OPENERS: Record<string, Opener> = {
  agreement: () => routeUrl('agreements'),
  account: () => routeUrl('profile'),
  account_report: () => routeUrl('reportStolen'),
  // join requests and qualification outcomes are handled on the enterprise's admin console
  join_request: (_id, data) => (text(data.enterprise_id) ? routeUrl('admin', { id: text(data.enterprise_id)!, tab: 'requests' }) : null),
  qualification: (id) => (id ? routeUrl('admin', { id, tab: 'qualification' }) : null),
  enterprise: () => routeUrl('myEnterprises'),
  // community notices (replies, mentions, accepted answers, required announcements, event reminders)
  community_post: (id) => (id ? routeUrl('communityPost', { id }) : null),
  // knowledge-base notices: comments, review outcomes and due review dates lead to the page; a save
  // waiting for review to its decision screen
  kb_page: (id) => (id ? routeUrl('kbPage', { node: id }) : null),
  kb_review: (id) => (id ? routeUrl('kbReview', { review: id }) : null),
};

/** The in-app URL of a notice's object, or null when it has none the app can open. */
export function targetUrl(notice: Pick<InboxNotice, 'target' | 'data'>): string | null {
  const target = notice.target;
  if (!target) return null;
  const open = OPENERS[target.kind];
  return open ? open(target.id, notice.data ?? {}) : null;
}
