import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CancelAccountForm } from '../../../features/account-settings';
import { authService, LocalCodeHint, signOutTo, useRequireSession, useSessionStore } from '../../../features/auth';
import { routeUrl } from '../../../lib/routes';

const HOME_PAGE = routeUrl('home');

export default function CancelPage() {
  useRequireSession();
  const phone = useSessionStore((state) => state.user?.phone);

  const handleCancelled = async () => {
    // The account no longer exists: the server-side sign-out fails and falls back to local.
    await signOutTo(HOME_PAGE, authService.signOut);
    void Taro.showToast({ title: '账号已注销', icon: 'success', duration: 2000 });
  };

  return (
    <View className='page'>
      <CancelAccountForm phone={phone ? `+${phone}` : null} onCancelled={() => void handleCancelled()} localCodeHint={LocalCodeHint} />
    </View>
  );
}
