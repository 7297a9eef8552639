import { View } from '@tarojs/components';
import { ModerationQueue, useCommunity } from '../../../features/community';
import { LoadState } from '../../../ui/load-state';

export default function CommunityModerationPage() {
  const c = useCommunity();
  if (!c.enterprise || !c.status?.is_moderator) {
    return (
      <View className='page'>
        <LoadState loading={c.loading} error={c.error} onRetry={c.reload} isEmpty empty='仅企业管理员或社区管理员可以审核' testId='community-moderation-page' />
      </View>
    );
  }
  return (
    <View className='page' data-testid='community-moderation-page'>
      <ModerationQueue enterpriseId={c.enterprise.id} />
    </View>
  );
}
