import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { VerifyCertificateForm } from '../../../features/training';

/** Public: no sign-in; shows only whether a code is valid and the holder's name. */
export default function CertificateVerifyPage() {
  const code = useRouter().params.code ?? '';
  return (
    <View className='page' data-testid='certificate-verify-page'>
      <VerifyCertificateForm initialCode={decodeURIComponent(code)} />
    </View>
  );
}
