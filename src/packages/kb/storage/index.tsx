import { View } from '@tarojs/components';
import { PageWithoutEnterprise } from '../../../ui/load-state';
import { useKbEnterprise } from '../../../features/kb';
import { StorageUsage } from '../../../features/kb/governance';

/** Admins and content managers (from the admin console): knowledge-base storage of the quota, per space. */
export default function KbStoragePage() {
  const page = useKbEnterprise();
  if (!page.enterprise) return <PageWithoutEnterprise page={page} testId='kb-storage-page' />;
  return (
    <View className='page' data-testid='kb-storage-page'>
      <StorageUsage enterpriseId={page.enterprise.id} />
    </View>
  );
}
