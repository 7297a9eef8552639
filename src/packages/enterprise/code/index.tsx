import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { JoinCodeForm } from '../../../features/enterprise';
import { useRequireSession } from '../../../features/auth';
import { routeUrl } from '../../../lib/routes';

export default function JoinCodePage() {
  useRequireSession();
  return (
    <View className='page'>
      <JoinCodeForm onSubmit={(code) => void Taro.navigateTo({ url: routeUrl('join', { code }) })} />
    </View>
  );
}
