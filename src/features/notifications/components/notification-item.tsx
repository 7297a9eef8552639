import { Text, View } from '@tarojs/components';
import { formatShanghai } from '../../../lib/time';
import type { InboxNotice } from '../services/notifications.types';

export interface NotificationItemProps {
  notice: InboxNotice;
  /** the notice's object can be opened (a chevron says so) */
  opens: boolean;
  onOpen(notice: InboxNotice): void;
}

/** One notice: unread dot, kind, title, body, China time; tapping marks it read and opens its object. */
export function NotificationItem({ notice, opens, onOpen }: NotificationItemProps) {
  const unread = !notice.read_at;
  return (
    <View
      className={`notice${unread ? ' notice--unread' : ''}`}
      role='link'
      aria-label={`${unread ? '未读，' : ''}${notice.label}：${notice.title}`}
      data-testid={`notice-${notice.id}`}
      data-unread={unread ? 'true' : 'false'}
      onClick={() => onOpen(notice)}
    >
      <View className='notice__head'>
        {unread && <View className='notice__dot' aria-hidden />}
        <Text className='notice__kind'>{notice.label}</Text>
        <Text className='notice__time'>{formatShanghai(notice.created_at)}</Text>
      </View>
      <Text className='notice__title'>{notice.title}</Text>
      {notice.body && <Text className='notice__body'>{notice.body}</Text>}
      {opens && (
        <Text className='notice__chevron' aria-hidden>
          查看 ›
        </Text>
      )}
    </View>
  );
}
