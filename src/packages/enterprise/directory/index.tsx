import { Text, View } from '@tarojs/components';
import { DirectoryView, useEnterprisePage } from '../../../features/enterprise';
import { PageWithoutEnterprise } from '../../../ui/load-state';

export default function DirectoryPage() {
  const page = useEnterprisePage();
  if (!page.enterprise) return <PageWithoutEnterprise page={page} testId='directory-page' />;
  return (
    <View className='page' data-testid='directory-page'>
      <Text className='page-subtitle' data-testid='directory-enterprise'>
        {page.enterprise.name} · 通讯录
      </Text>
      <DirectoryView enterpriseId={page.enterprise.id} />
    </View>
  );
}
