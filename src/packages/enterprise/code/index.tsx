import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { JoinCodeForm } from '../../../features/enterprise/components/join-code-form';
import { useRequireSession } from '../../../features/auth';

export default function JoinCodePage() {
  useRequireSession();
  return (
    <View className='page'>
      <JoinCodeForm onSubmit={(code) => void Taro.navigateTo({ url: `/packages/enterprise/join/index?code=${code}` })} />
    </View>
  );
}
