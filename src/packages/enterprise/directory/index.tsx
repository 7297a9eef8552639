import { Text, View } from '@tarojs/components';
import { DirectoryView, useEnterprisePage } from '../../../features/enterprise';
import { LoadState } from '../../../ui/load-state';

export default function DirectoryPage() {
  const page = useEnterprisePage();
  if (!page.enterprise) {
    return (
      <View className='page'>
        <LoadState loading={!page.settled} error={page.error} onRetry={page.reload} isEmpty empty='请先加入或选择一个企业' testId='directory-page' />
      </View>
    );
  }
  return (
    <View className='page' data-testid='directory-page'>
      <Text className='page-subtitle' data-testid='directory-enterprise'>
        {page.enterprise.name} · 通讯录
      </Text>
      <DirectoryView enterpriseId={page.enterprise.id} />
    </View>
  );
}
