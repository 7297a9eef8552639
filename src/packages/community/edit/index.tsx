import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CHANNEL } from '../../../features/community';
import { PostEditForm } from '../../../features/community/components/post-edit-form';

export default function CommunityEditPage() {
  const id = useRouter().params?.id ?? '';
  return (
    <View className='page' data-testid='community-edit-page'>
      <PostEditForm postId={id} channel={CHANNEL} onDone={(r) => {
        if (r.status === 'held') void Taro.showToast({ title: '已提交，审核通过后可见', icon: 'none' });
        // the post page below shows the saved post when it shows again
        void Taro.navigateBack();
      }} />
    </View>
  );
}
