import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { CHANNEL, PostScreen, useCommunity } from '../../../features/community';
import { routeUrl } from '../../../lib/routes';

export default function CommunityPostPage() {
  const id = useRouter().params?.id ?? '';
  const c = useCommunity();
  const report = (type: 'post' | 'comment', target: string) => void Taro.navigateTo({ url: routeUrl('communityReport', { type, id: target }) });
  // Back from 编辑: the post as saved. Only then: an image preview or the report form also hide the
  // page, and a reload would drop the comment being written.
  const [round, setRound] = useState(0);
  const editing = useRef(false);
  useDidShow(() => {
    if (!editing.current) return;
    editing.current = false;
    setRound((n) => n + 1);
  });
  const edit = () => {
    editing.current = true;
    void Taro.navigateTo({ url: routeUrl('communityEdit', { id }) });
  };
  return (
    <View className='page' data-testid='community-post-page'>
      <PostScreen key={round} postId={id} userId={c.userId} channel={CHANNEL} readOnly={c.readOnly} moderator={Boolean(c.status?.is_moderator)}
        canComment={!c.readOnly && Boolean(c.enterprise)} onReport={report}
        onEdit={edit} />
    </View>
  );
}
