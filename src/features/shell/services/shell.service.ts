import { bindDataLayer } from '../../../lib/data';
import { SHELL_MESSAGES } from '../shell.messages';

// The reads the home tab needs for "待我处理" and its entries. Small on purpose: main package.
const db = bindDataLayer(SHELL_MESSAGES);

/** 'operator' for a cleared platform operator, null for everyone else (`my_platform_role()`). */
export const myPlatformRole = () => db.callNullable('my_platform_role');

/** The features of the enterprise's edition (`enterprise_features`): which module entries show. */
export const editionFeatures = (enterpriseId: string) => db.call('enterprise_features', { p_enterprise_id: enterpriseId });

/** Pending join requests an admin should decide (RLS: admins read their enterprise's requests). Capped at 100. */
export async function pendingJoinRequests(enterpriseId: string): Promise<number> {
  const rows = await db.read((c) => c.from('join_requests').select('id').eq('enterprise_id', enterpriseId).eq('status', 'pending').limit(100));
  return rows.length;
}

/** Unread notices in the inbox (`my_unread_notification_count()`). */
export const unreadNotificationCount = (): Promise<number | null> => db.call('my_unread_notification_count');

export const shellService = { myPlatformRole, editionFeatures, pendingJoinRequests, unreadNotificationCount };
export type ShellService = typeof shellService;
