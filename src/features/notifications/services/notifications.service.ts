import { asShape } from '../../../lib/data';
import { db } from './notifications.db';
import type { Channel, InboxNotice, KindSetting } from './notifications.types';

// The member's own inbox and channel choices (RPCs; the server scopes everything to the caller).

/** Newest first; the next page passes the last notice's `created_at`. */
export const listNotifications = (before: string | null, limit = 20) =>
  db.call('my_notifications', { p_before: before, p_limit: limit }).then((rows) => rows as unknown as InboxNotice[]);

export const unreadCount = () => db.call('my_unread_notification_count');

export const markRead = (ids: string[]) => db.call('mark_notifications_read', { p_ids: ids });

export const markAllRead = () => db.call('mark_all_notifications_read');

export const notificationSettings = () => db.call('my_notification_settings').then(asShape<KindSetting[]>());

export const setPreference = (kind: string, channel: Channel, enabled: boolean) =>
  db.call('set_notification_preference', { p_kind: kind, p_channel: channel, p_enabled: enabled });

/** The WeChat subscribe-message templates the member accepted: one more message each. */
export const recordSubscriptions = (templateIds: string[]) =>
  db.call('record_wechat_subscriptions', { p_template_ids: templateIds }).then(asShape<Record<string, number>>());

export type NotificationsService = {
  listNotifications: typeof listNotifications;
  markRead: typeof markRead;
  markAllRead: typeof markAllRead;
};
