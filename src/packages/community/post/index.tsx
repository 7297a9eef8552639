import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CHANNEL, PostScreen, useCommunity } from '../../../features/community';
import { routeUrl } from '../../../lib/routes';

export default function CommunityPostPage() {
  const id = useRouter().params?.id ?? '';
  const c = useCommunity();
  const report = (type: 'post' | 'comment', target: string) => void Taro.navigateTo({ url: routeUrl('communityReport', { type, id: target }) });
  return (
    <View className='page' data-testid='community-post-page'>
      <PostScreen postId={id} userId={c.userId} channel={CHANNEL} readOnly={c.readOnly} moderator={Boolean(c.status?.is_moderator)}
        canComment={!c.readOnly && Boolean(c.enterprise)} onReport={report} />
    </View>
  );
}
