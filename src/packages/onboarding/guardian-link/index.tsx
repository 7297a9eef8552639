import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { GuardianLinkForm } from '../../../features/identity';

// Opened by the guardian on their own phone from the link a minor sent (`?t=<token>`). No session
// is required or used: the guardian has no account, the token and the SMS code are the authority.
export default function GuardianLinkPage() {
  const { params } = useRouter();
  const token = decodeURIComponent(params.t ?? '');
  return (
    <View className='page' data-testid='guardian-link-page'>
      <GuardianLinkForm token={token} />
    </View>
  );
}
