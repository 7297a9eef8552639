import { Text, View } from '@tarojs/components';
import type { MyProfile } from '../schemas/my-profile';

export function ProfileCard({ profile }: { profile: MyProfile }) {
  const name = profile.display_name || '未填写姓名';
  return (
    <View className='profile-card'>
      <View className='profile-card__avatar' aria-hidden>
        {(profile.display_name || '知').slice(0, 1)}
      </View>
      <View className='profile-card__info'>
        <Text className='profile-card__name' data-testid='profile-name'>
          {name}
        </Text>
        <Text className='profile-card__phone' aria-label='手机号' data-testid='profile-phone'>
          {profile.phone_masked ?? '未绑定手机号'}
        </Text>
      </View>
    </View>
  );
}
