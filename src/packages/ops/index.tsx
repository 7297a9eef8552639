import { View } from '@tarojs/components';
import { useRequireSession } from '../../features/auth';
import { OpsConsole } from '../../features/ops';

export default function OpsPage() {
  const status = useRequireSession();
  return (
    <View className='page'>
      <OpsConsole enabled={status === 'signed-in'} />
    </View>
  );
}
