import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../features/enterprise/components/load-state';
import { MemberCardForm } from '../../../features/enterprise/components/member-card-form';
import { useEnterprisePage } from '../../../features/enterprise/hooks/use-enterprise-page';

export default function MemberCardPage() {
  const page = useEnterprisePage();
  if (!page.enterprise) {
    return (
      <View className='page'>
        <LoadState loading={!page.settled} error={page.error} onRetry={page.reload} isEmpty empty='请先加入或选择一个企业' testId='member-card-page' />
      </View>
    );
  }
  return (
    <View className='page' data-testid='member-card-page'>
      <Text className='page-subtitle' data-testid='member-card-enterprise'>
        {page.enterprise.name} · 我的名片
      </Text>
      <MemberCardForm enterpriseId={page.enterprise.id} userId={page.selfId} />
    </View>
  );
}
