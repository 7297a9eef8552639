import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { AdminConsole, type AdminTab, useEnterprisePage } from '../../features/enterprise';
import { PageWithoutEnterprise } from '../../ui/load-state';

export default function AdminPage() {
  const page = useEnterprisePage();
  // Back from a page opened here (a member's card): show what was changed there.
  const [returns, setReturns] = useState(0);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) setReturns((n) => n + 1);
    shownBefore.current = true;
  });
  if (!page.enterprise) return <PageWithoutEnterprise page={page} empty='找不到该企业，或你已不是它的成员' testId='admin-page' />;
  return (
    <View className='page' data-testid='admin-page'>
      <AdminConsole
        key={page.enterprise.id}
        enterprise={page.enterprise}
        selfId={page.selfId}
        initialTab={(page.params.tab as AdminTab | undefined) ?? 'members'}
        onEnterpriseChanged={page.reload}
        refreshKey={returns}
      />
    </View>
  );
}
