import { View } from '@tarojs/components';
import { MyActions, useCommunity } from '../../../features/community';
import { LoadState } from '../../../ui/load-state';

export default function CommunityRecordsPage() {
  const c = useCommunity();
  if (!c.enterprise) return <View className='page'><LoadState loading={c.loading} error={c.error} onRetry={c.reload} isEmpty empty='请先加入或选择一个企业' testId='community-records-page' /></View>;
  return (
    <View className='page' data-testid='community-records-page'>
      <MyActions enterpriseId={c.enterprise.id} userId={c.userId} />
    </View>
  );
}
