import { View } from '@tarojs/components';
import { useRequireSession } from '../../../features/auth';
import { AgreementsSettings } from '../../../features/account-settings';

export default function AgreementsPage() {
  const status = useRequireSession();
  return (
    <View className='page'>
      <AgreementsSettings enabled={status === 'signed-in'} />
    </View>
  );
}
