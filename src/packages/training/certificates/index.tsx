import { View } from '@tarojs/components';
import { CertificateList, myCertificates } from '../../../features/training';
import { useLoader } from '../../../lib/hooks/use-loader';
import { LoadState } from '../../../ui/load-state';

export default function TrainingCertificatesPage() {
  const list = useLoader(myCertificates, 'mine');
  return (
    <View className='page' data-testid='training-certificates-page'>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} testId='training-certificates' />
      {list.data && <CertificateList certificates={list.data} />}
    </View>
  );
}
