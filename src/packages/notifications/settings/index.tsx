import { View } from '@tarojs/components';
import { useRequireSession } from '../../../features/auth';
import { NotificationSettings, useNotificationSettings } from '../../../features/notifications';
import { LoadState } from '../../../ui/load-state';

// 通知设置: per kind of notice, which channels besides the inbox; WeChat reminders asked here (weapp).
export default function NotificationSettingsPage() {
  const status = useRequireSession();
  const settings = useNotificationSettings(status === 'signed-in');
  return (
    <View className='page'>
      <LoadState loading={settings.loading} error={settings.error} onRetry={settings.reload} testId='prefs' />
      {settings.data && <NotificationSettings kinds={settings.data} onToggle={settings.toggle} onSubscribe={settings.subscribe} />}
    </View>
  );
}
