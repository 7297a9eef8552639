import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CHANNEL, useCommunity } from '../../../features/community';
import { ComposeForm } from '../../../features/community/components/compose-form';
import { routeUrl } from '../../../lib/routes';
import { LoadState } from '../../../ui/load-state';

export default function CommunityComposePage() {
  const section = useRouter().params?.section ?? '';
  const c = useCommunity();
  if (!c.enterprise) return <View className='page'><LoadState loading={c.loading} error={c.error} onRetry={c.reload} testId='community-compose-page' /></View>;
  return (
    <View className='page' data-testid='community-compose-page'>
      <ComposeForm enterpriseId={c.enterprise.id} initialSection={section} channel={CHANNEL} canAnnounce={Boolean(c.status?.is_moderator)}
        onDone={(r) => {
          if (r.status === 'held') void Taro.showToast({ title: '已提交，审核通过后可见', icon: 'none' });
          void Taro.redirectTo({ url: routeUrl('communityPost', { id: r.id }) });
        }} />
    </View>
  );
}
