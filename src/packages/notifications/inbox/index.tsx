import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useRequireSession } from '../../../features/auth';
import { InboxView, useInbox } from '../../../features/notifications';
import { routeUrl } from '../../../lib/routes';

// 消息. Opened from home, or from a WeChat subscribe message with `id` (that notice is marked read).
export default function InboxPage() {
  const status = useRequireSession();
  const { id } = useRouter().params;
  const inbox = useInbox(status === 'signed-in');
  const firstShow = useRef(true);
  const markedFromLink = useRef(false);

  useEffect(() => {
    if (!id || markedFromLink.current || inbox.loading) return;
    const notice = inbox.items.find((n) => n.id === id);
    if (notice) {
      markedFromLink.current = true;
      void inbox.markRead(notice);
    }
  }, [id, inbox]);

  // Back from a notice's page: the list may have changed (new notices, read elsewhere).
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    inbox.reload();
  });

  return (
    <View className='page'>
      <InboxView
        inbox={inbox}
        onNavigate={(url) => void Taro.navigateTo({ url })}
        onOpenSettings={() => void Taro.navigateTo({ url: routeUrl('notificationSettings') })}
      />
    </View>
  );
}
