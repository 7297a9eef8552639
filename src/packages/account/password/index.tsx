import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ChangePasswordForm } from '../../../features/account-settings';
import { LocalCodeHint, useRequireSession, useSessionStore } from '../../../features/auth';
import { routeUrl } from '../../../lib/routes';

const PROFILE_PAGE = routeUrl('profile');

export default function PasswordPage() {
  useRequireSession();
  const phone = useSessionStore((state) => state.user?.phone);

  const handleDone = () => {
    void Taro.showToast({ title: '密码已保存', icon: 'success', duration: 1500 });
    // Opened directly (e.g. an H5 deep link) there is nothing to go back to.
    setTimeout(() => {
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: PROFILE_PAGE }));
    }, 800);
  };

  return (
    <View className='page'>
      <View className='card'>
        <Text className='page-subtitle'>
          设置密码后，可以用手机号和密码登录。为保护账号安全，设置或修改密码前需要短信验证。密码至少 8 位，须同时包含字母和数字，且不能是常见密码。
        </Text>
      </View>
      <View className='card'>
        <ChangePasswordForm phone={phone ? `+${phone}` : null} onDone={handleDone} localCodeHint={LocalCodeHint} />
      </View>
    </View>
  );
}
