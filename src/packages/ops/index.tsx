import { View } from '@tarojs/components';
import { useRequireSession } from '../../features/auth';
import { OpsSections } from './ops-sections';

export default function OpsPage() {
  const status = useRequireSession();
  return (
    <View className='page'>
      <OpsSections enabled={status === 'signed-in'} />
    </View>
  );
}
