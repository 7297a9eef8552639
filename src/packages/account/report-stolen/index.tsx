import { View } from '@tarojs/components';
import { ReportStolenForm } from '../../../features/account-settings';

// No session required: whoever lost their account must still be able to report it.
export default function ReportStolenPage() {
  return (
    <View className='page'>
      <ReportStolenForm />
    </View>
  );
}
