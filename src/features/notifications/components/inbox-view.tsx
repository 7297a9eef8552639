import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui/button';
import { LoadState } from '../../../ui/load-state';
import type { Inbox } from '../hooks/use-inbox';
import { targetUrl } from '../services/notification-target';
import type { InboxNotice } from '../services/notifications.types';
import { NotificationItem } from './notification-item';
import './notifications.css';

export interface InboxViewProps {
  inbox: Inbox;
  /** after the notice is marked read: open its object (url), or stay (null) */
  onNavigate(url: string): void;
  onOpenSettings(): void;
}

/** 消息: the member's notices with read/unread, 全部已读, paging, and a way to 通知设置. */
export function InboxView({ inbox, onNavigate, onOpenSettings }: InboxViewProps) {
  const unread = inbox.items.filter((n) => !n.read_at).length;
  const open = async (notice: InboxNotice) => {
    await inbox.markRead(notice);
    const url = targetUrl(notice);
    if (url) onNavigate(url);
  };
  return (
    <View className='inbox'>
      <View className='inbox__bar'>
        <Text className='inbox__summary' data-testid='inbox-unread'>
          {inbox.loading ? '' : unread ? `${unread} 条未读` : '没有未读消息'}
        </Text>
        <View className='inbox__actions'>
          <Button size='small' fill='none' role='button' data-testid='inbox-settings' onClick={onOpenSettings}>
            通知设置
          </Button>
          <Button size='small' fill='outline' role='button' disabled={!unread} aria-disabled={!unread} data-testid='inbox-mark-all' onClick={() => void inbox.markAllRead()}>
            全部已读
          </Button>
        </View>
      </View>
      {inbox.actionError && (
        <View className='form-error' role='alert' data-testid='inbox-action-error'>
          {inbox.actionError}
        </View>
      )}
      <LoadState loading={inbox.loading} error={inbox.error} onRetry={inbox.reload} isEmpty={!inbox.items.length} empty='暂无消息：企业审批、协议更新等通知会出现在这里' testId='inbox' />
      {!inbox.loading && !inbox.error && (
        <View className='inbox__list' role='list'>
          {inbox.items.map((n) => (
            <NotificationItem key={n.id} notice={n} opens={targetUrl(n) !== null} onOpen={(x) => void open(x)} />
          ))}
        </View>
      )}
      {!inbox.loading && inbox.hasMore && (
        <Button className='inbox__more' size='small' fill='outline' block role='button' loading={inbox.loadingMore} data-testid='inbox-more' onClick={() => void inbox.loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  );
}
