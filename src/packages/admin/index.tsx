import { View } from '@tarojs/components';
import { AdminConsole, type AdminTab } from '../../features/enterprise/components/admin/admin-console';
import { LoadState } from '../../features/enterprise/components/load-state';
import { useEnterprisePage } from '../../features/enterprise/hooks/use-enterprise-page';

export default function AdminPage() {
  const page = useEnterprisePage();
  if (!page.enterprise) {
    return (
      <View className='page'>
        <LoadState loading={!page.settled} error={page.error} onRetry={page.reload} isEmpty empty='找不到该企业，或你已不是它的成员' testId='admin-page' />
      </View>
    );
  }
  return (
    <View className='page' data-testid='admin-page'>
      <AdminConsole
        key={page.enterprise.id}
        enterprise={page.enterprise}
        selfId={page.selfId}
        initialTab={(page.params.tab as AdminTab | undefined) ?? 'members'}
        onEnterpriseChanged={page.reload}
      />
    </View>
  );
}
