import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CHANNEL, PostScreen, useCommunity, useShownAgain } from '../../../features/community';
import { routeUrl } from '../../../lib/routes';

export default function CommunityPostPage() {
  const id = useRouter().params?.id ?? '';
  const c = useCommunity();
  const report = (type: 'post' | 'comment', target: string) => void Taro.navigateTo({ url: routeUrl('communityReport', { type, id: target }) });
  // back from 编辑: the post as saved
  const round = useShownAgain();
  return (
    <View className='page' data-testid='community-post-page'>
      <PostScreen key={round} postId={id} userId={c.userId} channel={CHANNEL} readOnly={c.readOnly} moderator={Boolean(c.status?.is_moderator)}
        canComment={!c.readOnly && Boolean(c.enterprise)} onReport={report}
        onEdit={() => void Taro.navigateTo({ url: routeUrl('communityEdit', { id }) })} />
    </View>
  );
}
