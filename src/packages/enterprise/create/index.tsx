import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CreateEnterpriseForm, useEnterpriseStore } from '../../../features/enterprise';
import { useRequireSession } from '../../../features/auth';
import { routeUrl } from '../../../lib/routes';

export default function CreateEnterprisePage() {
  useRequireSession();
  const load = useEnterpriseStore((s) => s.load);
  return (
    <View className='page'>
      <CreateEnterpriseForm
        onCreated={(id) => {
          void load();
          void Taro.showToast({ title: '企业已创建', icon: 'success', duration: 1500 });
          void Taro.redirectTo({ url: routeUrl('admin', { id, tab: 'invitations' }) });
        }}
      />
    </View>
  );
}
