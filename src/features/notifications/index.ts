// Public API of the notification center (inbox, settings). Pages in `packages/notifications` use
// it; the home page imports hooks/use-unread-count directly (main package).
export { InboxView, type InboxViewProps } from './components/inbox-view';
export { NotificationItem } from './components/notification-item';
export { NotificationSettings, CHANNEL_LABELS, type NotificationSettingsProps } from './components/notification-settings';
export { useInbox, type Inbox } from './hooks/use-inbox';
export { useNotificationSettings } from './hooks/use-notification-settings';
export { useUnreadCount } from './hooks/use-unread-count';
export { targetUrl } from './services/notification-target';
export * from './services/notifications.service';
export type { Channel, ChannelSetting, InboxNotice, KindSetting, NotificationTarget } from './services/notifications.types';
export { NOTIFICATION_MESSAGES, NOTIFICATION_ERROR_MESSAGES } from './notifications.messages';
