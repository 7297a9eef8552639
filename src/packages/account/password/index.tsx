import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SetPasswordForm, useRequireSession } from '../../../features/auth';

const PROFILE_PAGE = '/packages/account/profile/index';

export default function PasswordPage() {
  useRequireSession();

  const handleDone = () => {
    void Taro.showToast({ title: '密码已设置', icon: 'success', duration: 1500 });
    // Opened directly (e.g. an H5 deep link) there is nothing to go back to.
    setTimeout(() => {
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: PROFILE_PAGE }));
    }, 800);
  };

  return (
    <View className='page'>
      <View className='card'>
        <Text className='page-subtitle'>设置密码后，可以用手机号和密码登录。密码至少 8 位，须同时包含字母和数字。</Text>
      </View>
      <View className='card'>
        <SetPasswordForm onDone={handleDone} />
      </View>
    </View>
  );
}
