import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CHANNEL, CommentThread, PostView, useCommunity } from '../../../features/community';
import { routeUrl } from '../../../lib/routes';

export default function CommunityPostPage() {
  const id = useRouter().params?.id ?? '';
  const c = useCommunity();
  const report = (type: 'post' | 'comment', target: string) => void Taro.navigateTo({ url: routeUrl('communityReport', { type, id: target }) });
  return (
    <View className='page' data-testid='community-post-page'>
      <PostView postId={id} userId={c.userId} readOnly={c.readOnly} onReport={() => report('post', id)} />
      <CommentThread postId={id} channel={CHANNEL} canComment={!c.readOnly && Boolean(c.enterprise)} onReport={(cid) => report('comment', cid)} />
    </View>
  );
}
